/**
 * The per-process half of the Zoho client: one `got` instance with keep-alive agents, timeouts and the retry
 * policy defaults. Build it once at start-up (`createZohoHttp`) and bind a cheap per-request client to it with
 * `createZohoClient(http, { tokens, onCall, requestId, signal })` (src/upstream/client.ts).
 *
 * got is configured to do nothing on its own: no retries (the client retries with its own rules for POST, 401 and
 * Retry-After), no thrown HTTP errors (the client maps every status itself), no redirects (a redirect would carry
 * the Authorization header somewhere we did not choose), no hooks (this is the hot path of every upstream call).
 */
import type { Config } from '../config/index.js';
import http from 'node:http';
import https from 'node:https';
import got from 'got';
import type { Got } from 'got';

export interface ZohoTimeouts {
  /** TCP (and TLS) connection establishment. Default 3000. */
  connectMs: number;
  /**
   * From the request being sent to the response headers; the whole attempt (connect, headers and body) is
   * bounded by `connectMs + responseMs`, so a body that trickles in also times out. Default 10000.
   */
  responseMs: number;
}

export interface RetryPolicy {
  /** Retries after the first attempt (network errors, 5xx, 429; GET, PUT and DELETE only). Default 2. */
  limit: number;
  /** Full-jitter exponential backoff: a random wait in [0, min(maxDelayMs, baseDelayMs * 2^retry)). Default 100. */
  baseDelayMs: number;
  /** Default 2000. */
  maxDelayMs: number;
  /** A 429 or 503 asking for a longer wait than this fails at once with its `retryAfter`. Default 5. */
  maxRetryAfterSeconds: number;
}

export interface ZohoHttpOptions {
  /** Full API base, e.g. `https://assist.zoho.eu/api/v2` or `http://127.0.0.1:4010/api/v2`. */
  apiUrl: string;
  timeouts?: Partial<ZohoTimeouts>;
  retry?: Partial<RetryPolicy>;
}

/**
 * Sockets per upstream origin; callers beyond this queue in the agent. The budget limiter, not this, bounds what
 * reaches Zoho; at 32 the benchmark's 100 clients queued here (32 sockets / 20 ms = 1,600 calls/s).
 */
const MAX_SOCKETS = 128;

export interface ZohoHttp {
  readonly got: Got;
  readonly apiUrl: string;
  readonly timeouts: Readonly<ZohoTimeouts>;
  readonly retry: Readonly<RetryPolicy>;
  /** Closes the kept-alive sockets (shutdown, tests). */
  close(): void;
}

const DEFAULT_TIMEOUTS: Readonly<ZohoTimeouts> = Object.freeze({
  connectMs: 3000,
  responseMs: 10_000,
});
const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({
  limit: 2,
  baseDelayMs: 100,
  maxDelayMs: 2000,
  maxRetryAfterSeconds: 5,
});

/** The transport as configured: ZOHO_CONNECT_TIMEOUT_MS, ZOHO_TIMEOUT_MS, ZOHO_RETRIES, ZOHO_MAX_RETRY_AFTER_SECONDS. */
export function createConfiguredZohoHttp(apiUrl: string, upstream: Config['upstream']): ZohoHttp {
  const {
    connectTimeoutMs: connectMs,
    timeoutMs: responseMs,
    retries: limit,
    maxRetryAfterSeconds,
  } = upstream;
  return createZohoHttp({
    apiUrl,
    timeouts: { connectMs, responseMs },
    retry: { limit, maxRetryAfterSeconds },
  });
}

export function createZohoHttp(options: ZohoHttpOptions): ZohoHttp {
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const parsed = new URL(apiUrl); // fails loudly on a malformed base at start-up, not on the first call
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`Zoho API URL must be http(s): ${parsed.protocol}`);
  const timeouts: ZohoTimeouts = { ...DEFAULT_TIMEOUTS, ...definedOnly(options.timeouts) };
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...definedOnly(options.retry) };
  const agentOptions = {
    keepAlive: true,
    maxSockets: MAX_SOCKETS,
    maxFreeSockets: MAX_SOCKETS,
    scheduling: 'lifo' as const,
  };
  const agent = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };

  const instance = got.extend({
    prefixUrl: `${apiUrl}/`,
    // Only relative paths built by the client are sent; an absolute URL here would be a bug, so it throws.
    allowAbsoluteUrls: false,
    agent,
    http2: false,
    headers: { accept: 'application/json', 'user-agent': 'zoho-assist-subgraph' },
    responseType: 'buffer',
    throwHttpErrors: false,
    followRedirect: false,
    retry: { limit: 0 },
    timeout: {
      lookup: timeouts.connectMs,
      connect: timeouts.connectMs,
      secureConnect: timeouts.connectMs,
      response: timeouts.responseMs,
      request: timeouts.connectMs + timeouts.responseMs,
    },
  });

  return {
    got: instance,
    apiUrl,
    timeouts: Object.freeze(timeouts),
    retry: Object.freeze(retry),
    close() {
      agent.http.destroy();
      agent.https.destroy();
    },
  };
}

export function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  const out: Partial<T> = {};
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

/** What a transport failure says about the request, with nothing of got's options (headers, tokens) attached. */
export interface TransportFailure {
  /** `ECONNRESET`, `ECONNREFUSED`, `ETIMEDOUT`, `ERR_ABORTED`... */
  code: string;
  /** The request certainly never left (refused connection, DNS failure, connect timeout): safe to retry any method. */
  notSent: boolean;
  timeout: boolean;
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const PRE_SEND_TIMEOUTS = new Set(['lookup', 'connect', 'secureConnect']);

export function describeTransportFailure(error: unknown): TransportFailure {
  const e = error as { code?: unknown; event?: unknown; name?: unknown; cause?: { code?: unknown } } | null;
  const rawCode =
    typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : 'EUNKNOWN';
  const timeout = e?.name === 'TimeoutError' || rawCode === 'ETIMEDOUT';
  const notSent =
    NOT_SENT_CODES.has(rawCode) ||
    (timeout && typeof e?.event === 'string' && PRE_SEND_TIMEOUTS.has(e.event));
  return { code: rawCode, notSent, timeout };
}

/**
 * A plain error to hang on a ZohoError's `cause`: the code and a fixed description, never got's error itself
 * (whose `options` hold the Authorization header and whose `response` holds the raw body).
 */
export class TransportError extends Error {
  readonly code: string;
  constructor(failure: TransportFailure) {
    super(
      failure.timeout
        ? `upstream timed out (${failure.code})`
        : `upstream connection failed (${failure.code})`,
    );
    this.name = 'TransportError';
    this.code = failure.code;
  }
}
