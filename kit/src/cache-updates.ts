/**
 * Cache updates for the session mutations, as `update` functions (`useMutation(CreateSessionDocument, { update:
 * createSessionUpdate })`). The payload's session is normalised into the cache before `update` runs, so its own
 * fields (status, technician) are already right wherever it is shown; what the cache cannot know is which
 * cached lists it now belongs to. These functions go through every cached sessions list (the root `sessions`
 * and each technician's, customer's and computer's `sessions`), judge the list's filter against the session
 * (every field of `SessionFilter`: statuses, type, creation range, customer name prefix, technician, customer,
 * computer), and:
 *
 * - put a session that now matches into the list, where newest-first order places it (a created session at
 *   the top), when that place is within the pages loaded;
 * - take out a session that no longer matches (ended, so not in "open sessions"; transferred, so not in its
 *   previous technician's list);
 * - drop a list whose filter they cannot judge, or that holds `edges` (an edge needs a cursor only the server
 *   can give), so that the next read of it asks the server again.
 *
 * `totalCount` follows what was added or taken out.
 */
import type { ApolloCache, Reference, StoreObject } from '@apollo/client';
import { CONNECTION_FIELDS } from './type-policies.js';

interface SessionLike {
  readonly __typename?: 'Session';
  readonly id: string;
}

/** What `update` receives (`FormattedExecutionResult` of the mutation), reduced to what is read here. */
export interface SessionPayloadResult<Field extends string> {
  readonly data?: { readonly [K in Field]?: { readonly session?: SessionLike | null } | null } | null;
}

type ReadField = <T>(fieldName: string, from?: StoreObject | Reference) => T | undefined;

interface StoredConnection {
  readonly nodes?: readonly Reference[];
  readonly edges?: ReadonlyArray<{ readonly node?: Reference }>;
  readonly pageInfo?: { readonly hasNextPage?: boolean };
  readonly totalCount?: number | null;
}

/** The session as the lists' filters see it, read from the cache. */
interface SessionFacts {
  readonly id: string;
  readonly status: string | undefined;
  readonly type: string | undefined;
  readonly technicianId: string | undefined;
  readonly customerEmail: string | undefined;
  /** The customer's name as given at creation, '' when none; undefined when the cache does not hold it. */
  readonly customerName: string | undefined;
  readonly computerId: string | undefined;
  readonly createdAt: number | undefined;
}

function factsOf(ref: Reference, readField: ReadField): SessionFacts {
  const idOf = (field: string) => {
    const related = readField<Reference | null>(field, ref);
    return related ? readField<string>('id', related) : related === null ? '' : undefined;
  };
  const customer = readField<{ email?: string; name?: string | null } | null>('customer', ref);
  const createdAt = readField<string>('createdAt', ref);
  return {
    id: readField<string>('id', ref) ?? '',
    status: readField<string>('status', ref),
    type: readField<string>('type', ref),
    technicianId: idOf('technician'),
    customerEmail: customer === null ? '' : customer?.email?.toLowerCase(),
    customerName: customer === null ? '' : customer?.name === null ? '' : customer?.name,
    computerId: idOf('computer'),
    createdAt: createdAt === undefined ? undefined : Date.parse(createdAt),
  };
}

/** Whether the session meets one condition of a filter: undefined when the kit cannot tell. */
function meets(name: string, value: unknown, session: SessionFacts): boolean | undefined {
  const is = (known: string | undefined, wanted: (known: string) => boolean) =>
    known === undefined ? undefined : wanted(known);
  switch (name) {
    case 'status':
    case 'type':
      return is(session[name], (known) => known === value);
    case 'statuses':
    case 'types': {
      // An empty list filters nothing, as the graph reads it.
      if (Array.isArray(value) && value.length === 0) return true;
      return is(session[name === 'statuses' ? 'status' : 'type'], (known) =>
        Array.isArray(value) ? value.includes(known) : false,
      );
    }
    case 'createdAfter':
    case 'createdBefore': {
      const bound = Date.parse(String(value));
      if (session.createdAt === undefined || Number.isNaN(bound)) return undefined;
      return name === 'createdAfter' ? session.createdAt >= bound : session.createdAt < bound;
    }
    case 'customerNamePrefix':
      return is(session.customerName, (known) =>
        known.trim().toLowerCase().startsWith(String(value).trim().toLowerCase()),
      );
    case 'technicianId':
    case 'computerId':
      return is(session[name], (known) => known === String(value));
    case 'customerEmail':
      return is(session.customerEmail, (known) => known === String(value).toLowerCase());
    default:
      // A condition this kit does not know (one the schema gained after the kit was built).
      return undefined;
  }
}

/** true: the session belongs in a list with this filter; false: it does not; undefined: cannot tell. */
function matches(filter: Readonly<Record<string, unknown>>, session: SessionFacts): boolean | undefined {
  const verdicts = Object.entries(filter)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => meets(name, value, session));
  if (verdicts.includes(false)) return false;
  return verdicts.includes(undefined) ? undefined : true;
}

/** The filter a cached list was fetched with, from its store key (`sessions:{"filter":{…}}`). */
function filterOf(storeFieldName: string): Record<string, unknown> | undefined {
  const at = storeFieldName.search(/[:(]/);
  if (at === -1) return {};
  const json = storeFieldName[at] === '(' ? storeFieldName.slice(at + 1, -1) : storeFieldName.slice(at + 1);
  try {
    const args = JSON.parse(json) as Record<string, unknown>;
    const filter: unknown = args.filter ?? {};
    if (Object.keys(args).some((name) => !['filter', 'first', 'after'].includes(name))) return undefined;
    return typeof filter === 'object' && filter !== null ? (filter as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** What a list owned by an entity implies about its sessions (a technician's sessions are run by them). */
function ownerFilter(owner: string, readField: ReadField): Record<string, unknown> | undefined {
  if (owner === 'ROOT_QUERY') return {};
  const [typename] = owner.split(':');
  const ref = { __ref: owner };
  const id = readField<string>('id', ref);
  if (typename === 'Technician' && id !== undefined) return { technicianId: id };
  if (typename === 'Computer' && id !== undefined) return { computerId: id };
  if (typename === 'Customer') {
    const email = readField<string>('email', ref);
    return email === undefined ? undefined : { customerEmail: email };
  }
  return undefined;
}

/** Where newest-first order puts the session among `nodes`, or undefined when the loaded pages cannot say. */
function insertionIndex(
  nodes: readonly Reference[],
  session: SessionFacts,
  hasNextPage: boolean | undefined,
  readField: ReadField,
): number | undefined {
  if (session.createdAt === undefined) return undefined;
  for (let i = 0; i < nodes.length; i++) {
    const createdAt = readField<string>('createdAt', nodes[i]);
    if (createdAt === undefined) return undefined;
    if (Date.parse(createdAt) <= session.createdAt) return i;
  }
  return hasNextPage === false ? nodes.length : -1;
}

function reconcile(cache: ApolloCache, session: SessionLike): void {
  const sessionId = cache.identify({ __typename: 'Session', id: session.id });
  if (sessionId === undefined) return;
  const sessionRef: Reference = { __ref: sessionId };
  const owners = Object.keys(cache.extract() as Record<string, unknown>).filter(
    (id) => id === 'ROOT_QUERY' || Object.keys(CONNECTION_FIELDS).some((type) => id.startsWith(`${type}:`)),
  );
  for (const owner of owners) {
    cache.modify<{ sessions: StoredConnection }>({
      id: owner,
      fields: {
        sessions(existing, { storeFieldName, readField, DELETE }) {
          const read = readField as ReadField;
          const implied = ownerFilter(owner, read);
          const filter = filterOf(storeFieldName);
          if (implied === undefined || filter === undefined) return DELETE;
          const facts = factsOf(sessionRef, read);
          const verdict = matches({ ...filter, ...implied }, facts);
          const list = existing as StoredConnection;
          const isIt = (ref: Reference | undefined) =>
            ref !== undefined && read<string>('id', ref) === facts.id;
          const held =
            (list.nodes?.some(isIt) ?? false) || (list.edges?.some((edge) => isIt(edge.node)) ?? false);
          const count = (delta: number) =>
            typeof list.totalCount === 'number' ? { totalCount: list.totalCount + delta } : {};

          if (held && verdict === false) {
            return {
              ...list,
              ...(list.nodes && { nodes: list.nodes.filter((ref) => !isIt(ref)) }),
              ...(list.edges && { edges: list.edges.filter((edge) => !isIt(edge.node)) }),
              ...count(-1),
            };
          }
          if (held || verdict === false) return existing;
          if (verdict === undefined || list.edges !== undefined || list.nodes === undefined) return DELETE;
          const at = insertionIndex(list.nodes, facts, list.pageInfo?.hasNextPage, read);
          if (at === undefined) return DELETE;
          if (at === -1) return { ...list, ...count(1) };
          return {
            ...list,
            nodes: [...list.nodes.slice(0, at), sessionRef, ...list.nodes.slice(at)],
            ...count(1),
          };
        },
      },
    });
  }
}

function sessionOf<Field extends string>(
  result: SessionPayloadResult<Field>,
  field: Field,
): SessionLike | undefined {
  return result.data?.[field]?.session ?? undefined;
}

/** `update` for createSession: the new session appears in every cached list it belongs to. */
export function createSessionUpdate(cache: ApolloCache, result: SessionPayloadResult<'createSession'>): void {
  const session = sessionOf(result, 'createSession');
  if (session) reconcile(cache, session);
}

/** `update` for endSession: the ended session leaves the lists of other statuses ("open sessions"), joins ended ones. */
export function endSessionUpdate(cache: ApolloCache, result: SessionPayloadResult<'endSession'>): void {
  const session = sessionOf(result, 'endSession');
  if (session) reconcile(cache, session);
}

/**
 * `update` for transferSession: the session leaves its previous technician's lists and joins the new one's
 * (where loaded). Select `session { technician { id } }` in the mutation, so the cache knows the new technician.
 */
export function transferSessionUpdate(
  cache: ApolloCache,
  result: SessionPayloadResult<'transferSession'>,
): void {
  const session = sessionOf(result, 'transferSession');
  if (session) reconcile(cache, session);
}
