/**
 * Apollo Client 4 as a frontend team builds it: an InMemoryCache (normalised by `__typename` and `id`) over an
 * HttpLink to the running subgraph, so tests meet the graph the way a browser app does.
 */
import { ApolloClient, HttpLink, InMemoryCache, type TypePolicies } from '@apollo/client';

export function apolloClient(
  url: string,
  options: { headers?: Record<string, string>; typePolicies?: TypePolicies } = {},
): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: url, headers: options.headers ?? {} }),
    cache: new InMemoryCache(options.typePolicies ? { typePolicies: options.typePolicies } : {}),
  });
}

/**
 * Every object of a response that a normalised cache would key (`__typename` and `id`), grouped by that key,
 * with the scalar fields each occurrence carries: a cache merges them, so they must agree.
 */
export function normalisedObjects(data: unknown): Map<string, Array<Record<string, unknown>>> {
  const found = new Map<string, Array<Record<string, unknown>>>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if (typeof object.__typename === 'string' && typeof object.id === 'string') {
      const key = `${object.__typename}:${object.id}`;
      const scalars = Object.fromEntries(
        Object.entries(object).filter(([, v]) => v === null || typeof v !== 'object'),
      );
      found.set(key, [...(found.get(key) ?? []), scalars]);
    }
    Object.values(object).forEach(visit);
  };
  visit(data);
  return found;
}
