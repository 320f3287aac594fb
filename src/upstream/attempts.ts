/**
 * The attempts of one upstream call, whichever dialect's client makes it (client.ts for the seed, live-client.ts
 * for Zoho's published API): the token, the budget's `beforeAttempt`, the retry policy (GET/PUT/DELETE on
 * network errors, timeouts, 5xx and 429 with full-jitter backoff and `Retry-After`; a POST only when it never
 * left), one refresh on 401, the abort signal, and one `onCall` event per attempt. What a failed status means is
 * the dialect's: the client passes `statusError`.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Response } from 'got';
import {
  abandonedError,
  ClientClosedError,
  OutcomeUnknownError,
  TimeoutError,
  UnauthenticatedError,
  UnavailableError,
  ZohoError,
  type UpstreamCall,
} from './errors.js';
import {
  definedOnly,
  describeTransportFailure,
  TransportError,
  type RetryPolicy,
  type ZohoHttp,
} from './transport.js';
import type { TokenProvider } from './tokens.js';

export interface UpstreamCallEvent {
  operationId: string;
  method: string;
  /** The route template, e.g. `GET /sessions/{sessionId}`. */
  route: string;
  /** undefined when no response arrived (network error, timeout, abort). */
  status: number | undefined;
  durationMs: number;
  /** 1 for the first attempt of a call, then 2, 3... */
  attempt: number;
  /** The transport failure code (`ECONNRESET`, `ETIMEDOUT`, `ERR_ABORTED`...) when there was no response. */
  error?: string;
  /** Zoho's `Retry-After`, in seconds, on a 429 or 503 that sent one. */
  retryAfter?: number;
}

/** The per-request options every dialect's client takes. */
export interface AttemptOptions {
  tokens: TokenProvider;
  onCall?: (event: UpstreamCallEvent) => void;
  /**
   * Runs before every attempt, retries included (each one spends Zoho's budget); what it throws fails the call
   * before anything leaves (the rate limiter's RateLimitedError).
   */
  beforeAttempt?: (call: UpstreamCall) => Promise<void>;
  /** Sent as X-Request-Id so Zoho-side (and emulator) logs can be matched with ours. */
  requestId?: string;
  headers?: Readonly<Record<string, string>>;
  /** Aborts every call made through this client (the GraphQL client hung up, or the request's deadline passed). */
  signal?: AbortSignal;
  /** Overrides the process-wide policy from createZohoHttp. */
  retry?: Partial<RetryPolicy>;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What the attempts need to know of an operation. */
export interface AttemptOperation {
  readonly id: string;
  readonly method: Method;
  readonly call: UpstreamCall;
  /** Safe to repeat after it may have reached Zoho (GET, PUT, DELETE). */
  readonly idempotent: boolean;
}

/** The dialect's reading of a failed status (the body is Zoho's error answer, if any). */
export type StatusError = (
  op: AttemptOperation,
  status: number,
  body: Uint8Array,
  retryAfter?: number,
) => ZohoError;

export interface Attempts {
  /**
   * Sends until a 2xx arrives or the failure is final; resolves only with a 2xx response. `headers` are the
   * call's own (a content type, a department); `body` is the serialised request body.
   */
  send(
    op: AttemptOperation,
    path: string,
    body: string | undefined,
    headers: Readonly<Record<string, string>> | undefined,
    statusError: StatusError,
  ): Promise<Response<Uint8Array>>;
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  const trimmed = raw.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export function createAttempts(http: ZohoHttp, options: AttemptOptions): Attempts {
  const base: Record<string, string> = {};
  if (options.headers) {
    for (const [name, value] of Object.entries(options.headers)) {
      if (name.toLowerCase() !== 'authorization') base[name.toLowerCase()] = value;
    }
  }
  if (options.requestId) base['x-request-id'] = options.requestId;
  const retry = options.retry ? { ...http.retry, ...definedOnly(options.retry) } : http.retry;
  return new AttemptRunner(http, options, retry, base);
}

class AttemptRunner implements Attempts {
  readonly #http: ZohoHttp;
  readonly #tokens: TokenProvider;
  readonly #onCall: ((event: UpstreamCallEvent) => void) | undefined;
  readonly #beforeAttempt: ((call: UpstreamCall) => Promise<void>) | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #retry: Readonly<RetryPolicy>;
  readonly #baseHeaders: Readonly<Record<string, string>>;

  constructor(
    http: ZohoHttp,
    options: AttemptOptions,
    retry: Readonly<RetryPolicy>,
    baseHeaders: Readonly<Record<string, string>>,
  ) {
    this.#http = http;
    this.#tokens = options.tokens;
    this.#onCall = options.onCall;
    this.#beforeAttempt = options.beforeAttempt;
    this.#signal = options.signal;
    this.#retry = retry;
    this.#baseHeaders = baseHeaders;
  }

  #headersFor(token: string, json: boolean, own: Readonly<Record<string, string>> | undefined) {
    const headers: Record<string, string> = {
      ...this.#baseHeaders,
      ...own,
      authorization: `Zoho-oauthtoken ${token}`,
    };
    if (json && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
    return headers;
  }

  async #token(op: AttemptOperation, signal: AbortSignal | undefined): Promise<string> {
    try {
      return await this.#tokens.getToken(signal);
    } catch (error) {
      if (error instanceof ZohoError) throw error;
      if (signal?.aborted) throw abortError(op, false, signal);
      throw new UnauthenticatedError('No access token for Zoho: the token provider failed', {
        call: op.call,
      });
    }
  }

  async send(
    op: AttemptOperation,
    path: string,
    body: string | undefined,
    headers: Readonly<Record<string, string>> | undefined,
    statusError: StatusError,
  ): Promise<Response<Uint8Array>> {
    const signal = this.#signal;
    const policy = this.#retry;
    const got = this.#http.got;
    let token = await this.#token(op, signal);
    let attempt = 0;
    let retries = 0;
    let refreshed = false;

    for (;;) {
      if (signal?.aborted) throw abortError(op, false, signal);
      if (this.#beforeAttempt) await this.#beforeAttempt(op.call);
      attempt += 1;
      const started = performance.now();
      let response: Response<Uint8Array>;
      try {
        response = (await got(path, {
          method: op.method,
          headers: this.#headersFor(token, body !== undefined, headers),
          body,
          signal,
        })) as unknown as Response<Uint8Array>;
      } catch (error) {
        const failure = describeTransportFailure(error);
        const aborted = signal?.aborted === true;
        this.#emit(op, undefined, started, attempt, aborted ? abortCode(signal) : failure.code);
        const mayHaveArrived = !op.idempotent && !failure.notSent;
        if (aborted) throw abortError(op, mayHaveArrived, signal);
        const cause = new TransportError(failure);
        if (mayHaveArrived) {
          throw new OutcomeUnknownError(
            `${op.call.route} may or may not have taken effect: ${failure.timeout ? 'timed out' : 'connection failed'} after sending (${failure.code})`,
            { call: op.call, cause },
          );
        }
        if (retries < policy.limit) {
          retries += 1;
          await this.#pause(op, backoffMs(policy, retries), signal);
          continue;
        }
        if (failure.timeout)
          throw new TimeoutError(`Zoho did not answer ${op.call.route} in time`, { call: op.call, cause });
        throw new UnavailableError(`Zoho is unreachable (${failure.code}) for ${op.call.route}`, {
          call: op.call,
          cause,
        });
      }

      const status = response.statusCode;
      this.#emit(
        op,
        status,
        started,
        attempt,
        undefined,
        status === 429 || status === 503 ? parseRetryAfter(response.headers['retry-after']) : undefined,
      );
      if (status < 300) return response;

      if (status === 401) {
        this.#tokens.invalidate(token);
        if (!refreshed) {
          refreshed = true;
          const fresh = await this.#token(op, signal);
          if (fresh !== token) {
            token = fresh;
            continue;
          }
        }
        throw statusError(op, status, response.body);
      }

      if (status === 429 || status >= 500) {
        const retryAfter = parseRetryAfter(response.headers['retry-after']);
        if (status >= 500 && !op.idempotent) {
          throw new OutcomeUnknownError(
            `${op.call.route} may or may not have taken effect: Zoho answered ${status}`,
            { status, call: op.call },
          );
        }
        const tooLong = retryAfter !== undefined && retryAfter > policy.maxRetryAfterSeconds;
        if (op.idempotent && !tooLong && retries < policy.limit) {
          retries += 1;
          await this.#pause(
            op,
            retryAfter !== undefined ? retryAfter * 1000 : backoffMs(policy, retries),
            signal,
          );
          continue;
        }
      }
      throw statusError(op, status, response.body, parseRetryAfter(response.headers['retry-after']));
    }
  }

  async #pause(op: AttemptOperation, ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await delay(ms, undefined, signal ? { signal } : undefined);
    } catch {
      throw abortError(op, false, signal);
    }
  }

  #emit(
    op: AttemptOperation,
    status: number | undefined,
    started: number,
    attempt: number,
    error: string | undefined,
    retryAfter?: number,
  ): void {
    const onCall = this.#onCall;
    if (!onCall) return;
    const event: UpstreamCallEvent = {
      operationId: op.id,
      method: op.method,
      route: op.call.route,
      status,
      durationMs: performance.now() - started,
      attempt,
    };
    if (error !== undefined) event.error = error;
    if (retryAfter !== undefined) event.retryAfter = retryAfter;
    try {
      onCall(event);
    } catch {
      // A metrics or logging hook must not turn a good call into a failed one.
    }
  }
}

function backoffMs(policy: Readonly<RetryPolicy>, retry: number): number {
  return Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
}

/** A client's hang-up is its own outcome (`CLIENT_CLOSED`), not an upstream failure like a deadline (`ERR_ABORTED`). */
function abortCode(signal: AbortSignal): 'CLIENT_CLOSED' | 'ERR_ABORTED' {
  return signal.reason instanceof ClientClosedError ? 'CLIENT_CLOSED' : 'ERR_ABORTED';
}

function abortError(
  op: AttemptOperation,
  inFlightWrite: boolean,
  signal: AbortSignal | undefined,
): ZohoError {
  if (inFlightWrite) {
    return new OutcomeUnknownError(
      `${op.call.route} was abandoned in flight and may or may not have taken effect`,
      { call: op.call },
    );
  }
  return abandonedError(signal, op.call.route, op.call);
}
