/**
 * The list queries behind every connection field: filters from the graph's terms to Zoho's, one upstream call
 * per page (src/graph/pagination.ts reads it, stable when the list moved since the cursor), and every answer
 * primes the request's loaders so later lookups of the same items cost nothing.
 */
import type {
  ComputerFilter,
  CustomerFilter,
  SessionFilter,
  TechnicianFilter,
} from '../__generated__/resolvers-types.js';
import type { Context } from './context.js';
import { computerStatus, sessionStatus, sessionType, technicianRole, technicianStatus } from './enums.js';
import { badUserInput } from './errors.js';
import type { Page } from './mappers.js';
import { pageRequest, readPage, type GraphFilter, type ListShape } from './pagination.js';
import type { ListSessionsQuery, ZohoSessionStatus } from '../../contract/types.js';
import type { ZohoComputer, ZohoCustomer, ZohoSession, ZohoTechnician } from '../../contract/types.js';

export interface PageArgs<F> {
  first?: number | null;
  after?: string | null;
  filter?: F | null;
}

function known<G extends string, U>(
  value: G | null | undefined,
  toUpstream: (v: G) => U | undefined,
  field: string,
) {
  if (value == null) return undefined;
  const upstream = toUpstream(value);
  if (upstream === undefined) throw badUserInput(`${value} cannot be used as a filter.`, ['filter', field]);
  return upstream;
}

type WithoutNulls<T> = { [K in keyof T]?: Exclude<T[K], null | undefined> };

/** GraphQL says "not given" with null, Zoho's query strings with absence. */
const defined = <T extends object>(value: T): WithoutNulls<T> =>
  Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as WithoutNulls<T>;

/** Sessions are newest first: a cursor carries the creation instant, to find its place after the list moved. */
const SESSIONS: ListShape<ZohoSession> = {
  id: (session) => session.sessionId,
  order: (session) => Date.parse(session.createdTime),
};
const TECHNICIANS: ListShape<ZohoTechnician> = { id: (technician) => technician.technicianId };
const CUSTOMERS: ListShape<ZohoCustomer> = { id: (customer) => customer.customerId };
const COMPUTERS: ListShape<ZohoComputer> = { id: (computer) => computer.computerId };

/** Text a prefix filter compares: trimmed, lower-cased. */
const folded = (text: string | null | undefined): string => (text ?? '').trim().toLowerCase();

/** The conditions of a filter Zoho cannot apply, as one; undefined when there are none. */
function graphFilter<T>(
  conditions: ReadonlyArray<((item: T) => boolean) | undefined>,
  done?: (item: T) => boolean,
): GraphFilter<T> | undefined {
  const all = conditions.filter((condition): condition is (item: T) => boolean => condition !== undefined);
  if (all.length === 0 && !done) return undefined;
  return { keep: (item) => all.every((condition) => condition(item)), ...(done ? { done } : {}) };
}

function instantArgument(value: string | null | undefined, field: string): number | undefined {
  if (value == null) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badUserInput(`${field} is not an instant.`, ['filter', field]);
  return ms;
}

export async function sessionsPage(
  ctx: Context,
  args: PageArgs<SessionFilter>,
  fixed: Partial<ListSessionsQuery> = {},
  /** Runs once the arguments are valid, as the page's call starts (look-ahead: src/graph/lookahead.ts). */
  alongside?: () => void,
): Promise<Page<ZohoSession>> {
  const request = pageRequest(args.first, args.after);
  const filter = args.filter ?? {};
  const statuses = [...new Set(filter.statuses ?? [])];
  if (filter.status != null && statuses.length > 0 && !statuses.includes(filter.status)) statuses.length = 0;
  // One status (alone, or the same in both fields) Zoho filters; several the graph matches.
  const status = filter.status ?? (statuses.length === 1 ? statuses[0] : undefined);
  const matched =
    filter.status == null && statuses.length > 1
      ? new Set(statuses.map((each) => sessionStatus.toUpstream(each)))
      : undefined;
  const after = instantArgument(filter.createdAfter, 'createdAfter');
  const before = instantArgument(filter.createdBefore, 'createdBefore');
  const prefix = filter.customerNamePrefix == null ? undefined : folded(filter.customerNamePrefix);
  const created = (session: ZohoSession) => Date.parse(session.createdTime);
  const conditions = graphFilter<ZohoSession>(
    [
      matched && ((session) => matched.has(session.status as ZohoSessionStatus)),
      before === undefined ? undefined : (session) => created(session) < before,
      prefix === undefined ? undefined : (session) => folded(session.customerName).startsWith(prefix),
    ],
    // Newest first: past the first session created before the range, none can match.
    after === undefined ? undefined : (session) => created(session) < after,
  );
  const query = defined({
    status: known(status, sessionStatus.toUpstream, 'status'),
    sessionType: known(filter.type, sessionType.toUpstream, 'type'),
    technicianId: filter.technicianId,
    customerEmail: filter.customerEmail,
    computerId: filter.computerId,
    ...fixed,
  });
  // status and statuses that share no status match nothing: no call.
  if (filter.status != null && (filter.statuses?.length ?? 0) > 0 && statuses.length === 0)
    return readPage(request, SESSIONS, () => Promise.resolve({ items: [], reported: 0 }));
  let started = false;
  return readPage(
    request,
    SESSIONS,
    async (index, count) => {
      const listed = ctx.api.listSessions({ ...query, index, count });
      if (!started) {
        started = true;
        alongside?.();
      }
      const page = await listed;
      ctx.loaders.primeSessions(page.sessions);
      return { items: page.sessions, reported: page.total_count };
    },
    conditions,
  );
}

export async function techniciansPage(
  ctx: Context,
  args: PageArgs<TechnicianFilter>,
): Promise<Page<ZohoTechnician>> {
  const request = pageRequest(args.first, args.after);
  const filter = args.filter ?? {};
  const query = defined({
    email: filter.email,
    status: known(filter.status, technicianStatus.toUpstream, 'status'),
    role: known(filter.role, technicianRole.toUpstream, 'role'),
  });
  return readPage(request, TECHNICIANS, async (index, count) => {
    const page = await ctx.api.listTechnicians({ ...query, index, count });
    ctx.loaders.primeTechnicians(page.technicians);
    return { items: page.technicians, reported: page.total_count };
  });
}

export async function customersPage(
  ctx: Context,
  args: PageArgs<CustomerFilter>,
): Promise<Page<ZohoCustomer>> {
  const request = pageRequest(args.first, args.after);
  const filter = args.filter ?? {};
  const query = defined({ email: filter.email, company: filter.company });
  const name = filter.namePrefix == null ? undefined : folded(filter.namePrefix);
  const company = filter.companyPrefix == null ? undefined : folded(filter.companyPrefix);
  const conditions = graphFilter<ZohoCustomer>([
    name === undefined ? undefined : (customer) => folded(customer.name).startsWith(name),
    company === undefined ? undefined : (customer) => folded(customer.company).startsWith(company),
  ]);
  return readPage(
    request,
    CUSTOMERS,
    async (index, count) => {
      const page = await ctx.api.listCustomers({ ...query, index, count });
      ctx.loaders.primeCustomers(page.customers);
      return { items: page.customers, reported: page.total_count };
    },
    conditions,
  );
}

export async function computersPage(
  ctx: Context,
  args: PageArgs<ComputerFilter>,
): Promise<Page<ZohoComputer>> {
  const request = pageRequest(args.first, args.after);
  const filter = args.filter ?? {};
  const query = defined({ status: known(filter.status, computerStatus.toUpstream, 'status') });
  return readPage(request, COMPUTERS, async (index, count) => {
    const page = await ctx.api.listComputers({ ...query, index, count });
    ctx.loaders.primeComputers(page.computers);
    return { items: page.computers, reported: page.total_count };
  });
}
