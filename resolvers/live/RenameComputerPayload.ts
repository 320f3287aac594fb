import type { RenameComputerPayloadResolvers } from '../../src/__generated__/live-resolvers-types.js';
import { orNull } from '../shared.js';

export const RenameComputerPayload: RenameComputerPayloadResolvers = {
  // Zoho's rename answers nothing: the computer costs its own call, made only when selected.
  computer: (payload, _args, ctx) =>
    payload.computerId === null ? null : orNull(ctx.loaders.computerById.load(payload.computerId)),
  userErrors: (payload) => payload.userErrors,
};
