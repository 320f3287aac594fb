import type { ReportSummaryResolvers } from '../src/__generated__/resolvers-types.js';

export const ReportSummary: ReportSummaryResolvers = {
  totalSessions: (summary) => summary.totalSessions,
  completedSessions: (summary) => summary.completedSessions,
  averageDurationSeconds: (summary) => summary.averageDuration,
  totalDurationSeconds: (summary) => summary.totalDuration,
};
