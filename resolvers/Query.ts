import type { QueryResolvers, ReportFilter } from '../src/__generated__/resolvers-types.js';
import { sessionStatus } from '../src/graph/enums.js';
import { badUserInput } from '../src/graph/errors.js';
import { computersPage, customersPage, sessionsPage, techniciansPage } from '../src/graph/lists.js';
import { prefetchSessionPageParts, prefetchSessionParts } from '../src/graph/lookahead.js';
import type { ReportQuery } from '../contract/types.js';

function reportQuery(filter: ReportFilter): ReportQuery {
  if (filter.from > filter.to) throw badUserInput('from must not be after to.', ['filter', 'from']);
  const status = filter.status == null ? undefined : sessionStatus.toUpstream(filter.status);
  if (filter.status != null && status === undefined) {
    throw badUserInput(`${filter.status} cannot be used as a filter.`, ['filter', 'status']);
  }
  return {
    from_date: filter.from,
    to_date: filter.to,
    ...(filter.technicianId == null ? {} : { technicianId: filter.technicianId }),
    ...(status === undefined ? {} : { status }),
  };
}

export const Query: QueryResolvers = {
  session: (_root, { id }, ctx, info) => {
    const session = ctx.loaders.sessionById.load(id);
    prefetchSessionParts(ctx, id, info);
    return session;
  },
  sessions: (_root, args, ctx, info) =>
    sessionsPage(ctx, args, {}, () => prefetchSessionPageParts(ctx, args.filter != null, info)),
  technician: (_root, { id }, ctx) => ctx.loaders.technicianById.load(id),
  technicians: (_root, args, ctx) => techniciansPage(ctx, args),
  customer: (_root, { id }, ctx) => ctx.loaders.customerById.load(id),
  customers: (_root, args, ctx) => customersPage(ctx, args),
  computer: (_root, { id }, ctx) => ctx.loaders.computerById.load(id),
  computers: (_root, args, ctx) => computersPage(ctx, args),
  sessionReport: (_root, { filter }, ctx) => ctx.api.getSessionReport(reportQuery(filter)),
  technicianReport: (_root, { filter }, ctx) => ctx.api.getTechnicianReport(reportQuery(filter)),
  customerReport: (_root, { filter }, ctx) => ctx.api.getCustomerReport(reportQuery(filter)),
};
