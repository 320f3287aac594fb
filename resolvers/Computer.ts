import type { ComputerResolvers } from '../src/__generated__/resolvers-types.js';
import { computerStatus } from '../src/graph/enums.js';
import { sessionsPage } from '../src/graph/lists.js';
import { orNull } from './shared.js';

export const Computer: ComputerResolvers = {
  __resolveReference: (reference, ctx) => orNull(ctx.loaders.computerById.load(reference.id)),
  id: (computer) => computer.computerId,
  name: (computer) => computer.name,
  status: (computer) => computerStatus.fromUpstream(computer.status),
  os: (computer) => computer.os,
  ipAddress: (computer) => computer.ipAddress ?? null,
  groupName: (computer) => computer.groupName ?? null,
  lastSeenAt: (computer) => computer.lastSeenTime ?? null,
  sessions: (computer, args, ctx) => sessionsPage(ctx, args, { computerId: computer.computerId }),
};
