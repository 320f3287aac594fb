/**
 * The one place where failures become GraphQL errors. Upstream failures (ZohoError) map to `extensions.code`;
 * our own input errors keep theirs; anything else is masked. No upstream body, stack or secret leaves here.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { ZohoErrorCode } from '../__generated__/resolvers-types.js';
import { ZohoError, type ZohoErrorKind } from '../upstream/errors.js';

/** An `extensions.code`: the schema's `ZohoErrorCode` enum is the vocabulary, so clients get it as a union. */
export type ErrorCode = ZohoErrorCode;

const upstream: Record<ZohoErrorKind, { code: ErrorCode; message: string }> = {
  BAD_REQUEST: { code: 'BAD_USER_INPUT', message: 'Zoho Assist rejected the input.' },
  UNAUTHENTICATED: {
    code: 'UNAUTHENTICATED',
    message: 'Zoho Assist rejected the credentials: the token is missing, invalid or expired.',
  },
  FORBIDDEN: { code: 'FORBIDDEN', message: 'The Zoho Assist token lacks the scope this field needs.' },
  NOT_FOUND: { code: 'NOT_FOUND', message: 'Not found in Zoho Assist.' },
  CONFLICT: { code: 'CONFLICT', message: 'The request conflicts with the current state in Zoho Assist.' },
  RATE_LIMITED: { code: 'RATE_LIMITED', message: 'The Zoho Assist API budget is spent for now.' },
  UNAVAILABLE: { code: 'UPSTREAM_UNAVAILABLE', message: 'Zoho Assist is unavailable; try again shortly.' },
  CONTRACT: {
    code: 'UPSTREAM_UNAVAILABLE',
    message: 'Zoho Assist answered something this graph cannot read.',
  },
  TIMEOUT: { code: 'UPSTREAM_TIMEOUT', message: 'Zoho Assist did not answer in time.' },
  OUTCOME_UNKNOWN: {
    code: 'UPSTREAM_OUTCOME_UNKNOWN',
    message:
      'Zoho Assist did not confirm the change: it may or may not have been applied. Check before retrying.',
  },
  TOKEN_MINT_THROTTLED: {
    code: 'RATE_LIMITED',
    message: 'Zoho is throttling access-token minting for this refresh token.',
  },
  // Nobody reads it (the client has gone); the operation log and metrics do.
  CLIENT_CLOSED: { code: 'CLIENT_CLOSED', message: 'The client closed the connection before the answer.' },
};

/** Codes raised by GraphQL itself, Apollo Server or our plugins that are safe to show as they are. */
export const PASS_THROUGH_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'OPERATION_TOO_EXPENSIVE',
  'NOT_FOUND',
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (original instanceof ZohoError) {
    const { code, message } = upstream[original.kind];
    const retryAfter = 'retryAfter' in original ? Number(original.retryAfter) : undefined;
    return {
      message: retryAfter === undefined ? message : `${message} Retry after ${retryAfter} s.`,
      ...where,
      extensions: { code, ...(retryAfter === undefined ? {} : { retryAfter }) },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (isRequestError(error))
    return { message: formatted.message, ...where, extensions: { code: 'BAD_REQUEST' } };
  return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * Apollo Server refuses some requests with a 4xx status and no code (an APQ hash that does not match the query, an
 * unsupported persisted-query version): the client's mistake, worded by Apollo, so the message is shown.
 */
function isRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function badUserInput(message: string, field?: string[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}
