import type { TransferSessionPayloadResolvers } from '../src/__generated__/resolvers-types.js';
import { orNull } from './shared.js';

export const TransferSessionPayload: TransferSessionPayloadResolvers = {
  // Who had the session was read from the cache before the write (resolvers/Mutation.ts), with the technician
  // when the cache held it too; otherwise the technician loads as Session.technician does.
  previousTechnician: (payload, _args, ctx) => {
    if (payload.previousTechnicianId === null) return null;
    return (
      payload.previousTechnician ?? orNull(ctx.loaders.technicianById.load(payload.previousTechnicianId))
    );
  },
};
