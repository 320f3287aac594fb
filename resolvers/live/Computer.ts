import type { ComputerResolvers } from '../../src/__generated__/live-resolvers-types.js';
import { computerStatus } from '../../src/graph/enums.js';
import { orNull } from '../shared.js';

/** The seed's Computer less its sessions (Zoho lists none): the same fields from the same upstream type. */
export const Computer: ComputerResolvers = {
  __resolveReference: (reference, ctx) => orNull(ctx.loaders.computerById.load(reference.id)),
  id: (computer) => computer.computerId,
  name: (computer) => computer.name,
  status: (computer) => computerStatus.fromUpstream(computer.status),
  os: (computer) => computer.os,
  ipAddress: (computer) => computer.ipAddress ?? null,
  groupName: (computer) => computer.groupName ?? null,
  lastSeenAt: (computer) => computer.lastSeenTime ?? null,
};
