import type { SessionResolvers } from '../src/__generated__/resolvers-types.js';
import { sessionStatus, sessionType } from '../src/graph/enums.js';
import { instant, orNull } from './shared.js';

export const Session: SessionResolvers = {
  __resolveReference: (reference, ctx) => orNull(ctx.loaders.sessionById.load(reference.id)),
  id: (session) => session.sessionId,
  joinKey: (session) => session.sessionKey,
  joinUrl: (session) => session.sessionUrl,
  key: (session) => session.sessionKey,
  url: (session) => session.sessionUrl,
  name: (session) => session.sessionName ?? null,
  type: (session) => sessionType.fromUpstream(session.sessionType),
  status: (session) => sessionStatus.fromUpstream(session.status),
  createdAt: (session) => session.createdTime,
  scheduledAt: (session) => session.scheduledTime ?? null,
  durationMinutes: (session) => session.duration ?? null,
  startedAt: (session) => session.startTime ?? null,
  endedAt: (session) => session.endTime ?? null,
  expiresIn: (session) => session.expiresIn,
  joinLinkExpiresAt: (session) => instant(Date.parse(session.createdTime) + session.expiresIn * 1000),
  durationSeconds: (session) =>
    session.startTime === undefined || session.endTime === undefined
      ? null
      : Math.round((Date.parse(session.endTime) - Date.parse(session.startTime)) / 1000),
  // The seed's session (the create-session answer) names neither its technician nor its customer.
  technician: (session, _args, ctx) =>
    session.technicianId ? orNull(ctx.loaders.technicianById.load(session.technicianId)) : null,
  // What the session says about its customer, never the record: no call, and no record's fields mixed in.
  customer: (session) =>
    session.customerEmail === undefined
      ? null
      : { name: session.customerName ?? null, email: session.customerEmail },
  computer: (session, _args, ctx) =>
    session.computerId ? orNull(ctx.loaders.computerById.load(session.computerId)) : null,
  chatMessages: async (session, _args, ctx) => [...(await ctx.loaders.chatBySession.load(session.sessionId))],
  files: async (session, _args, ctx) => [...(await ctx.loaders.filesBySession.load(session.sessionId))],
  details: (session, _args, ctx) => orNull(ctx.loaders.detailsBySession.load(session.sessionId)),
};
