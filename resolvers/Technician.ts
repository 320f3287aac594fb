import type { TechnicianResolvers } from '../src/__generated__/resolvers-types.js';
import { technicianRole, technicianStatus } from '../src/graph/enums.js';
import { sessionsPage } from '../src/graph/lists.js';
import { orNull } from './shared.js';

export const Technician: TechnicianResolvers = {
  __resolveReference: (reference, ctx) =>
    orNull(
      'id' in reference
        ? ctx.loaders.technicianById.load(reference.id)
        : ctx.loaders.technicianByEmail.load(reference.email),
    ),
  id: (technician) => technician.technicianId,
  name: (technician) => technician.name,
  email: (technician) => technician.email,
  role: (technician) => technicianRole.fromUpstream(technician.role),
  status: (technician) => technicianStatus.fromUpstream(technician.status),
  activeSessionCount: (technician) => technician.activeSessions,
  totalSessionCount: (technician) => technician.totalSessions,
  maxConcurrentSessions: (technician) => technician.maxConcurrentSessions ?? null,
  availableCapacity: (technician) =>
    technician.maxConcurrentSessions === undefined
      ? null
      : Math.max(0, technician.maxConcurrentSessions - technician.activeSessions),
  sessions: (technician, args, ctx) => sessionsPage(ctx, args, { technicianId: technician.technicianId }),
};
