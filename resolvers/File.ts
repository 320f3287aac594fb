import type { FileResolvers } from '../src/__generated__/resolvers-types.js';
import { fileDirection, fileStatus } from '../src/graph/enums.js';
import { orNull } from './shared.js';

export const File: FileResolvers = {
  id: (file) => file.fileId,
  name: (file) => file.fileName,
  size: (file) => file.size,
  contentType: (file) => file.contentType,
  direction: (file) => fileDirection.fromUpstream(file.direction),
  status: (file) => fileStatus.fromUpstream(file.status),
  transferredAt: (file) => file.transferredTime,
  session: (file, _args, ctx) => orNull(ctx.loaders.sessionById.load(file.sessionId)),
  contentBase64: async (file, _args, ctx) => {
    const download = await ctx.api.downloadSessionFile(file.sessionId, file.fileId);
    return download.content.toString('base64');
  },
};
