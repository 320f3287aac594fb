/**
 * Typed upstream failures. The client raises exactly these; src/graph/errors.ts maps each to a GraphQL
 * `extensions.code` in one place. Messages never carry tokens, secrets or upstream bodies beyond Zoho's own
 * error message text.
 */

export interface UpstreamCall {
  method: string;
  /** The route template, e.g. `GET /sessions/{sessionId}`: never the concrete path, which may hold ids. */
  route: string;
}

export abstract class ZohoError extends Error {
  abstract readonly kind: ZohoErrorKind;
  readonly status: number | undefined;
  readonly route: string | undefined;

  constructor(message: string, options: { status?: number; call?: UpstreamCall; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.status = options.status;
    this.route = options.call?.route;
  }
}

export type ZohoErrorKind =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'TIMEOUT'
  | 'OUTCOME_UNKNOWN'
  | 'CONTRACT'
  | 'TOKEN_MINT_THROTTLED'
  | 'CLIENT_CLOSED';

/** 400: Zoho rejected the parameters or body; `parameter` is the one it named (the live API's `parameter_name`). */
export class BadRequestError extends ZohoError {
  readonly kind = 'BAD_REQUEST';
  readonly parameter: string | undefined;
  constructor(
    message: string,
    options: { status?: number; call?: UpstreamCall; cause?: unknown; parameter?: string } = {},
  ) {
    super(message, options);
    this.parameter = options.parameter;
  }
}
/** 401, or no usable credentials: the token is missing, invalid or expired (after one refresh). */
export class UnauthenticatedError extends ZohoError {
  readonly kind = 'UNAUTHENTICATED';
}
/** 403: the token lacks the scope the endpoint needs. */
export class ForbiddenError extends ZohoError {
  readonly kind = 'FORBIDDEN';
}
/** 404: no such resource. */
export class NotFoundError extends ZohoError {
  readonly kind = 'NOT_FOUND';
}
/** 409: session limit reached, computer offline, session already ended, duplicate email. */
export class ConflictError extends ZohoError {
  readonly kind = 'CONFLICT';
}
/** 429, or the client-side budget is spent. `retryAfter` is in seconds. */
export class RateLimitedError extends ZohoError {
  readonly kind = 'RATE_LIMITED';
  readonly retryAfter: number;
  constructor(
    message: string,
    retryAfter: number,
    options: { status?: number; call?: UpstreamCall; cause?: unknown } = {},
  ) {
    super(message, options);
    this.retryAfter = retryAfter;
  }
}
/** 5xx or a network failure on a call that is safe to report as failed (it did not change anything). */
export class UnavailableError extends ZohoError {
  readonly kind = 'UNAVAILABLE';
}
/** The call or the operation's deadline ran out. */
export class TimeoutError extends ZohoError {
  readonly kind = 'TIMEOUT';
}
/**
 * The GraphQL client closed its connection, so the call was abandoned: the caller's own outcome, which says
 * nothing of Zoho. Also the abort reason src/server/context-factory.ts gives the request's signal, so that an
 * abandoned call can tell a hang-up from a deadline.
 */
export class ClientClosedError extends ZohoError {
  readonly kind = 'CLIENT_CLOSED';
}

/**
 * The error of a call abandoned because its signal fired: ClientClosedError when the client hung up, else (the
 * operation's deadline) TimeoutError.
 */
export function abandonedError(
  signal: AbortSignal | undefined,
  what: string,
  call?: UpstreamCall,
): ZohoError {
  const options = call ? { call } : {};
  return signal?.reason instanceof ClientClosedError
    ? new ClientClosedError(`${what} was abandoned: the client went away`, options)
    : new TimeoutError(`${what} was abandoned: the operation's deadline passed`, options);
}

/**
 * A write whose request may have reached Zoho failed before its answer arrived (connection reset, timeout,
 * 5xx): it may or may not have taken effect, and it is never retried blindly.
 */
export class OutcomeUnknownError extends ZohoError {
  readonly kind = 'OUTCOME_UNKNOWN';
}
/** Zoho answered something the contract does not allow (schema drift): failed at the edge, clearly. */
export class ContractError extends ZohoError {
  readonly kind = 'CONTRACT';
}
/** The accounts server's "Access Denied" answer to too many token mints (HTTP 200). */
export class TokenMintThrottledError extends ZohoError {
  readonly kind = 'TOKEN_MINT_THROTTLED';
  readonly retryAfter: number;
  constructor(
    message: string,
    retryAfter: number,
    options: { status?: number; call?: UpstreamCall; cause?: unknown } = {},
  ) {
    super(message, options);
    this.retryAfter = retryAfter;
  }
}
