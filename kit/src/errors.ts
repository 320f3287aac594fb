/**
 * Branching on a GraphQL error's `extensions.code`. The codes are the schema's `enum ZohoErrorCode` (generated
 * into a union, so a misspelt code fails to compile); a gateway may add codes of its own, which these helpers
 * simply never match. Expected business failures of mutations are not errors: read `userErrors` for those.
 */
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { ZohoErrorCode } from './__generated__/enums.js';

export type { ZohoErrorCode };

/** A GraphQL error carrying one of our codes, and `retryAfter` (seconds) when the code is RATE_LIMITED. */
export type ZohoGraphQLError<C extends ZohoErrorCode = ZohoErrorCode> = GraphQLFormattedError & {
  readonly extensions: { readonly code: C; readonly retryAfter?: number; readonly [key: string]: unknown };
};

/** The GraphQL errors inside what Apollo Client or a raw response gives an app. */
function graphQLErrorsOf(error: unknown): readonly GraphQLFormattedError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (Array.isArray(error)) return error.filter(isFormattedError);
  if (isFormattedError(error)) return [error];
  return [];
}

function isFormattedError(value: unknown): value is GraphQLFormattedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/**
 * The first error with `code`, from an Apollo Client error (`CombinedGraphQLErrors`, as `useQuery`'s `error` or
 * a rejected `client.query`), a response's `errors` array, or one error.
 */
export function findZohoError<C extends ZohoErrorCode>(
  error: unknown,
  code: C,
): ZohoGraphQLError<C> | undefined {
  return graphQLErrorsOf(error).find(
    (candidate): candidate is ZohoGraphQLError<C> => candidate.extensions?.code === code,
  );
}

/** Whether `error` is, or carries, a GraphQL error with `extensions.code === code`. */
export function isZohoError(error: unknown, code: ZohoErrorCode): boolean {
  return findZohoError(error, code) !== undefined;
}
