import type { TechnicianReportEntryResolvers } from '../src/__generated__/resolvers-types.js';
import { orNull } from './shared.js';

export const TechnicianReportEntry: TechnicianReportEntryResolvers = {
  technician: (entry, _args, ctx) => orNull(ctx.loaders.technicianById.load(entry.technicianId)),
  technicianName: (entry) => entry.technicianName,
  totalSessions: (entry) => entry.totalSessions,
  completedSessions: (entry) => entry.completedSessions,
  averageDurationSeconds: (entry) => entry.averageDuration,
  totalDurationSeconds: (entry) => entry.totalDuration,
};
