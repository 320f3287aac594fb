import type { SessionResolvers } from '../../src/__generated__/live-resolvers-types.js';

/** A session the live API started (LiveSessionParent): its key, its links and its type; Zoho tells nothing more. */
export const Session: SessionResolvers = {
  // Zoho has no session lookup: another subgraph's session is not one this graph can find.
  __resolveReference: () => null,
  id: (session) => session.sessionId,
  joinKey: (session) => session.sessionKey,
  joinUrl: (session) => session.url,
  key: (session) => session.sessionKey,
  url: (session) => session.url,
  technicianUrl: (session) => session.technicianUrl,
  type: (session) => session.type,
};
