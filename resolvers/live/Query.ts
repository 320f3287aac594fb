import type {
  QueryResolvers,
  ReportFilter,
  SessionTypeInput,
} from '../../src/__generated__/live-resolvers-types.js';
import { badUserInput } from '../../src/graph/errors.js';
import { liveComputersPage } from '../../src/graph/live-lists.js';
import type { LiveReportEntry, LiveReportFilter } from '../../contract/live-types.js';

/** The report types Zoho filters by (`type`: rs, URS, DM). */
const REPORT_TYPES: Partial<Record<SessionTypeInput, NonNullable<LiveReportFilter['type']>>> = {
  REMOTE_SUPPORT: 'rs',
  UNATTENDED_ACCESS: 'URS',
  SCREEN_SHARING: 'DM',
};

const DAY_MS = 86_400_000;

/** The graph's days (`to` inclusive, UTC) as Zoho's window of instants (`to` exclusive). */
function reportFilter(filter: ReportFilter): LiveReportFilter {
  if (filter.from > filter.to) throw badUserInput('from must not be after to.', ['filter', 'from']);
  const type = filter.type == null ? undefined : REPORT_TYPES[filter.type];
  if (filter.type != null && type === undefined)
    throw badUserInput(`${filter.type} cannot be used as a filter.`, ['filter', 'type']);
  return {
    from: `${filter.from}T00:00:00Z`,
    to: new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS).toISOString(),
    ...(filter.technicianEmail == null ? {} : { technicianEmail: filter.technicianEmail }),
    ...(type === undefined ? {} : { type }),
  };
}

/** Zoho's report has no totals: these are counted over its rows (every page read). */
function summary(entries: readonly LiveReportEntry[]) {
  const timed = entries.filter((entry) => entry.durationSeconds !== null);
  const total = timed.reduce((sum, entry) => sum + entry.durationSeconds!, 0);
  return {
    totalSessions: entries.length,
    completedSessions: entries.filter((entry) => entry.endedAt !== null).length,
    averageDurationSeconds: timed.length === 0 ? 0 : Math.round(total / timed.length),
    totalDurationSeconds: total,
  };
}

export const Query: QueryResolvers = {
  computer: (_root, { id }, ctx) => ctx.loaders.computerById.load(id),
  computers: (_root, args, ctx) => liveComputersPage(ctx, args),
  sessionReport: async (_root, { filter }, ctx) => {
    const entries = await ctx.api.sessionReport(reportFilter(filter));
    return { sessions: entries, summary: summary(entries) };
  },
  me: (_root, _args, ctx) => ctx.api.me(),
  computerGroups: (_root, { name }, ctx) => ctx.api.listComputerGroups(name == null ? {} : { name }),
};
