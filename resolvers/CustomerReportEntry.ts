import type { CustomerReportEntryResolvers } from '../src/__generated__/resolvers-types.js';

export const CustomerReportEntry: CustomerReportEntryResolvers = {
  customer: (entry) => ({ name: entry.customerName, email: entry.customerEmail }),
  totalSessions: (entry) => entry.totalSessions,
  completedSessions: (entry) => entry.completedSessions,
  averageDurationSeconds: (entry) => entry.averageDuration,
  totalDurationSeconds: (entry) => entry.totalDuration,
  lastSessionAt: (entry) => entry.lastSessionTime ?? null,
};
