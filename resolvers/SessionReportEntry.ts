import type { SessionReportEntryResolvers } from '../src/__generated__/resolvers-types.js';
import { sessionStatus, sessionType } from '../src/graph/enums.js';
import { orNull } from './shared.js';

export const SessionReportEntry: SessionReportEntryResolvers = {
  session: (entry, _args, ctx) => orNull(ctx.loaders.sessionById.load(entry.sessionId)),
  customerName: (entry) => entry.customerName,
  technicianName: (entry) => entry.technicianName,
  startedAt: (entry) => entry.startTime,
  endedAt: (entry) => entry.endTime ?? null,
  durationSeconds: (entry) => entry.duration,
  type: (entry) => sessionType.fromUpstream(entry.sessionType),
  status: (entry) => sessionStatus.fromUpstream(entry.status),
  chatMessageCount: (entry) => entry.chatMessages,
  filesTransferredCount: (entry) => entry.filesTransferred,
};
