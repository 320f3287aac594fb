import type { ScheduledSessionResolvers } from '../../src/__generated__/live-resolvers-types.js';

export const ScheduledSession: ScheduledSessionResolvers = {
  id: (schedule) => schedule.scheduleId,
  url: (schedule) => schedule.url,
  technicianUrl: (schedule) => schedule.technicianUrl,
};
