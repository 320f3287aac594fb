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
import { pageRequest, readPage, type ListShape } from './pagination.js';
import type { ListSessionsQuery } from '../../contract/types.js';
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

export async function sessionsPage(
  ctx: Context,
  args: PageArgs<SessionFilter>,
  fixed: Partial<ListSessionsQuery> = {},
  /** Runs once the arguments are valid, as the page's call starts (look-ahead: src/graph/lookahead.ts). */
  alongside?: () => void,
): Promise<Page<ZohoSession>> {
  const request = pageRequest(args.first, args.after);
  const filter = args.filter ?? {};
  const query = defined({
    status: known(filter.status, sessionStatus.toUpstream, 'status'),
    sessionType: known(filter.type, sessionType.toUpstream, 'type'),
    technicianId: filter.technicianId,
    customerEmail: filter.customerEmail,
    computerId: filter.computerId,
    ...fixed,
  });
  let started = false;
  return readPage(request, SESSIONS, async (index, count) => {
    const listed = ctx.api.listSessions({ ...query, index, count });
    if (!started) {
      started = true;
      alongside?.();
    }
    const page = await listed;
    ctx.loaders.primeSessions(page.sessions);
    return { items: page.sessions, reported: page.total_count };
  });
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
  return readPage(request, CUSTOMERS, async (index, count) => {
    const page = await ctx.api.listCustomers({ ...query, index, count });
    ctx.loaders.primeCustomers(page.customers);
    return { items: page.customers, reported: page.total_count };
  });
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
