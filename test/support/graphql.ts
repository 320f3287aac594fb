/**
 * GraphQL over HTTP as a client sends it, with typed results: the test states the shape it asked for
 * (`graphql<{ session: { id: string } }>(...)`) and reads it with the compiler's help instead of `any`.
 */
import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLResult<TData = unknown> {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** POSTs `{ query, variables }` as JSON to `url`. */
export async function graphql<TData = unknown>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResult<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResult<TData>, 'status' | 'headers'>;
  return { status: response.status, headers: response.headers, ...body };
}

/** The data of a result that must have succeeded: fails the test, showing the errors, when it did not. */
export function expectData<TData>(result: Pick<GraphQLResult<TData>, 'data' | 'errors'>): TData {
  if (result.errors?.length || result.data == null)
    throw new Error(`expected data without errors, got ${JSON.stringify(result.errors ?? result.data)}`);
  return result.data;
}

/** Each error's `extensions.code`, in order. */
export function errorCodes(result: { errors?: readonly GraphQLFormattedError[] }): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
