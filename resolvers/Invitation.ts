import type { InvitationResolvers } from '../src/__generated__/resolvers-types.js';
import { orNull } from './shared.js';

export const Invitation: InvitationResolvers = {
  id: (invitation) => invitation.invitationId,
  email: (invitation) => invitation.email,
  sentEmail: (invitation) => invitation.sendEmail,
  invitedAt: (invitation) => invitation.invitedTime,
  joinUrl: (invitation) => invitation.joinUrl,
  session: (invitation, _args, ctx) => orNull(ctx.loaders.sessionById.load(invitation.sessionId)),
};
