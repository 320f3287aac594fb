import type {
  SessionReportEntryResolvers,
  SessionType,
} from '../../src/__generated__/live-resolvers-types.js';

/** Zoho's report types (`session_type`: rs, URS, DM, in any case) as the graph's. */
const TYPES: Record<string, SessionType> = {
  rs: 'REMOTE_SUPPORT',
  urs: 'UNATTENDED_ACCESS',
  dm: 'SCREEN_SHARING',
};

export const SessionReportEntry: SessionReportEntryResolvers = {
  sessionKey: (entry) => (entry.sessionId === '' ? null : entry.sessionId),
  customerName: (entry) => entry.customerName,
  technicianEmail: (entry) => entry.technicianEmail,
  customerEmail: (entry) => entry.customerEmail,
  startedAt: (entry) => entry.startedAt,
  endedAt: (entry) => entry.endedAt,
  durationSeconds: (entry) => entry.durationSeconds,
  type: (entry) => TYPES[entry.sessionType?.toLowerCase() ?? ''] ?? 'UNKNOWN',
};
