/**
 * The list queries behind every connection field: filters from the graph's terms to Zoho's, one upstream call
 * per page, and the page primes the request's loaders so later lookups of the same items cost nothing.
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
import { pageRequest, toPage } from './pagination.js';
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
    ...request,
    status: known(filter.status, sessionStatus.toUpstream, 'status'),
    sessionType: known(filter.type, sessionType.toUpstream, 'type'),
    technicianId: filter.technicianId,
    customerEmail: filter.customerEmail,
    computerId: filter.computerId,
    ...fixed,
  });
  const listed = ctx.api.listSessions(query);
  alongside?.();
  const page = await listed;
  ctx.loaders.primeSessions(page.sessions);
  return toPage(page.sessions, request, page.total_count);
}

export async function techniciansPage(
  ctx: Context,
  args: PageArgs<TechnicianFilter>,
): Promise<Page<ZohoTechnician>> {
  const request = pageRequest(args.first, args.after);
  const filter = args.filter ?? {};
  const query = defined({
    ...request,
    email: filter.email,
    status: known(filter.status, technicianStatus.toUpstream, 'status'),
    role: known(filter.role, technicianRole.toUpstream, 'role'),
  });
  const page = await ctx.api.listTechnicians(query);
  ctx.loaders.primeTechnicians(page.technicians);
  return toPage(page.technicians, request, page.total_count);
}

export async function customersPage(
  ctx: Context,
  args: PageArgs<CustomerFilter>,
): Promise<Page<ZohoCustomer>> {
  const request = pageRequest(args.first, args.after);
  const filter = args.filter ?? {};
  const query = defined({ ...request, email: filter.email, company: filter.company });
  const page = await ctx.api.listCustomers(query);
  ctx.loaders.primeCustomers(page.customers);
  return toPage(page.customers, request, page.total_count);
}

export async function computersPage(
  ctx: Context,
  args: PageArgs<ComputerFilter>,
): Promise<Page<ZohoComputer>> {
  const request = pageRequest(args.first, args.after);
  const filter = args.filter ?? {};
  const query = defined({ ...request, status: known(filter.status, computerStatus.toUpstream, 'status') });
  const page = await ctx.api.listComputers(query);
  ctx.loaders.primeComputers(page.computers);
  return toPage(page.computers, request, page.total_count);
}
