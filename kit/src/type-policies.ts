/**
 * InMemoryCache policies for the graph's connections and lookups.
 *
 * Connections. A list field is cached once per filter (every argument but `first` and `after`), and pages merge
 * into it: `nodes` and `edges` are appended on `fetchMore`, an item already held (same id) is not added twice,
 * and `pageInfo`/`totalCount` are the latest page's. Apollo's `relayStylePagination()` merges `edges` only and
 * takes every other field, `nodes` included, from the latest page: a list that selects `nodes` shows page 2
 * alone after `fetchMore`. This policy merges both. A first page fetched again (a refetch, a poll) replaces what it
 * covers and keeps the pages loaded after it, so polling page 1 does not drop page 2.
 *
 * Lookups. `session(id: …)`, `technician(id: …)`, `customer(id: …)` and `computer(id: …)` read the entity the
 * cache already holds (from a list, a mutation's payload), so opening a row costs no request when the row has
 * the fields the page needs; a missing field or entity still goes to the network.
 */
import type { FieldFunctionOptions, FieldPolicy, Reference, TypePolicies } from '@apollo/client';

/** Arguments that page rather than filter: the list is one list whatever their values. */
const PAGING_ARGUMENTS = new Set(['first', 'after', 'last', 'before']);

interface StoredConnection {
  readonly __typename?: string;
  readonly nodes?: readonly Reference[];
  readonly edges?: ReadonlyArray<{ readonly node?: Reference; readonly [field: string]: unknown }>;
  readonly pageInfo?: Readonly<Record<string, unknown>>;
  readonly totalCount?: number | null;
  readonly [field: string]: unknown;
}

/** The arguments that name the list (its filter), by name: Apollo keys the cached field by their values. */
function filterArguments(args: Record<string, unknown> | null): string[] {
  return Object.keys(args ?? {})
    .filter((name) => !PAGING_ARGUMENTS.has(name))
    .sort();
}

/**
 * Appends `incoming` to `existing`, skipping ids already held, or, for a first page (`after` absent), puts
 * `incoming` in front of what `existing` held after the last id they share, when they share one.
 */
function mergeItems<T>(
  existing: readonly T[] | undefined,
  incoming: readonly T[] | undefined,
  isFirstPage: boolean,
  idOf: (item: T) => string | undefined,
): readonly T[] | undefined {
  if (incoming === undefined) return existing;
  if (existing === undefined) return incoming;
  if (isFirstPage) {
    const lastIncoming = incoming.length > 0 ? idOf(incoming[incoming.length - 1]!) : undefined;
    const at = lastIncoming === undefined ? -1 : existing.findIndex((item) => idOf(item) === lastIncoming);
    if (at === -1) return incoming;
    const held = new Set(incoming.map(idOf));
    return [...incoming, ...existing.slice(at + 1).filter((item) => !held.has(idOf(item)))];
  }
  const held = new Set(existing.map(idOf));
  return [...existing, ...incoming.filter((item) => !held.has(idOf(item)))];
}

/** The fields of `from` among `names` that it has (a query may not have selected them all). */
function pick(
  from: Readonly<Record<string, unknown>> | undefined,
  names: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    names.filter((name) => from !== undefined && name in from).map((name) => [name, from?.[name]]),
  );
}

/** The field policy of a connection field (`sessions`, `technicians`, … and the entities' `sessions`). */
export function connectionFieldPolicy(): FieldPolicy<StoredConnection> {
  return {
    keyArgs: (args) => filterArguments(args),
    merge(existing, incoming, { args, readField }: FieldFunctionOptions) {
      if (!existing) return incoming;
      const isFirstPage = args?.after == null;
      const nodeId = (node: Reference) => readField<string>('id', node);
      const edgeId = (edge: { readonly node?: Reference }) =>
        edge.node ? readField<string>('id', edge.node) : undefined;
      const nodes = mergeItems(existing.nodes, incoming.nodes, isFirstPage, nodeId);
      const edges = mergeItems(existing.edges, incoming.edges, isFirstPage, edgeId);
      // A first page fetched again that kept the pages loaded after it ends where they end.
      const keptLaterPages =
        isFirstPage &&
        ((nodes?.length ?? 0) > (incoming.nodes?.length ?? 0) ||
          (edges?.length ?? 0) > (incoming.edges?.length ?? 0));
      const end = keptLaterPages ? existing.pageInfo : incoming.pageInfo;
      const start = isFirstPage ? incoming.pageInfo : existing.pageInfo;
      return {
        ...existing,
        ...incoming,
        nodes,
        edges,
        pageInfo: incoming.pageInfo && {
          ...incoming.pageInfo,
          ...pick(start, ['startCursor', 'hasPreviousPage']),
          ...pick(end, ['endCursor', 'hasNextPage']),
        },
      };
    },
  };
}

/** A root lookup field answered from the cache when the entity is there. */
function lookupFieldPolicy(typename: string): FieldPolicy {
  return {
    read(existing: unknown, { args, toReference }: FieldFunctionOptions) {
      if (existing !== undefined) return existing;
      const id: unknown = args?.id;
      return typeof id === 'string' ? toReference({ __typename: typename, id }) : undefined;
    },
  };
}

/** The connection fields of the graph, by the type that holds them. */
export const CONNECTION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Query: ['sessions', 'technicians', 'customers', 'computers'],
  Technician: ['sessions'],
  Customer: ['sessions'],
  Computer: ['sessions'],
};

const LOOKUPS: Readonly<Record<string, string>> = {
  session: 'Session',
  technician: 'Technician',
  customer: 'Customer',
  computer: 'Computer',
};

/** `new InMemoryCache({ typePolicies })`; spread it into an app's own policies to add to them. */
export const typePolicies: TypePolicies = Object.fromEntries(
  Object.entries(CONNECTION_FIELDS).map(([type, fields]) => [
    type,
    {
      fields: {
        ...Object.fromEntries(fields.map((field) => [field, connectionFieldPolicy()])),
        ...(type === 'Query'
          ? Object.fromEntries(
              Object.entries(LOOKUPS).map(([field, typename]) => [field, lookupFieldPolicy(typename)]),
            )
          : {}),
      },
    },
  ]),
);
