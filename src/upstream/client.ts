/**
 * The REST implementation of ZohoAssistApi (src/upstream/api.ts), speaking the contract in contract/seed.openapi.yaml.
 *
 * Two halves, so the hot path builds nothing it can share:
 *   const http = createZohoHttp({ apiUrl, timeouts, retry });            // once per process (got, agents)
 *   const zoho = createZohoClient(http, { tokens, onCall, requestId });   // per GraphQL request: one object
 * `createZohoClient` allocates a single small object (one method per row of contract/operations.ts, on a
 * prototype, each a call of the one generic `call`); the per-request options are the token provider, the
 * `onCall` hook, the request id (sent as X-Request-Id), extra headers, the abort signal of every call, the cap
 * on calls in flight at once and, rarely, a retry/validation override.
 *
 * Behaviour, per call:
 * - Path ids are `encodeURIComponent`-ed into one segment; an id that is empty, `.` or `..` (which URL resolution
 *   would turn into another path) is a NotFoundError without a call.
 * - GET, PUT and DELETE are retried on network errors, timeouts, 5xx and 429 (up to `retry.limit` times, full
 *   jitter backoff, `Retry-After` honoured when it is at most `maxRetryAfterSeconds`; a longer one fails at once
 *   with RateLimitedError.retryAfter). A POST is retried only when its connection was never made (refused, DNS,
 *   connect timeout); once it may have reached Zoho, a reset, timeout or 5xx is OutcomeUnknownError, and a 429
 *   is RateLimitedError.
 * - A 401 invalidates the token and is retried once with a fresh one (any method: nothing happened); if the
 *   provider has no other token, or the retry is also a 401, it is UnauthenticatedError.
 * - At most `concurrency` calls in flight at once (retries and their backoff included); the rest queue, in order.
 * - Abort (the `signal`): the call stops, retries stop, and it rejects with ClientClosedError when the signal's
 *   reason is one (the GraphQL client hung up) or TimeoutError (the deadline passed), except a POST already in
 *   flight, which is OutcomeUnknownError.
 * - 2xx JSON is validated against the contract (unless disabled): drift is a ContractError naming the
 *   operation. 204 is `void`; a download returns the bytes with the name and type from its headers.
 * - Error messages are Zoho's `error.message` when it sent one, otherwise a fixed text; never a token, a secret
 *   or the raw body. Causes are plain TransportErrors, never got's error (which holds the request headers).
 * - `onCall` fires once per attempt with the route template, never the concrete path.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Response } from 'got';
import { withOperationMethods, type OperationCaller, type ZohoAssistApi } from './api.js';
import { createLimit, type Limit } from './concurrency.js';
import {
  OPERATION_NAMES,
  OPERATIONS,
  type OperationAnswer,
  type OperationArgs,
  type OperationName,
} from '../../contract/operations.js';
import { contractOperations, validateResponse } from '../../contract/validate.js';
import {
  abandonedError,
  BadRequestError,
  ClientClosedError,
  ConflictError,
  ContractError,
  ForbiddenError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitedError,
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
import type { ZohoFileDownload } from '../../contract/types.js';

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

export interface ZohoClientOptions {
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
  /**
   * Calls in flight at once through this client, so a wide query cannot open a hundred sockets to Zoho or
   * spend the minute's budget in one burst. Unbounded when absent.
   */
  concurrency?: number;
  /** Overrides the process-wide policy from createZohoHttp. */
  retry?: Partial<RetryPolicy>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Operation {
  readonly id: OperationName;
  readonly method: Method;
  readonly call: UpstreamCall;
  /** Safe to repeat after it may have reached Zoho (GET, PUT, DELETE). */
  readonly idempotent: boolean;
  /** POST and PUT send their input as a JSON body; GET and DELETE as a query string. */
  readonly sendsBody: boolean;
  /** JSON, a file's bytes, or nothing. */
  readonly answer: 'json' | 'bytes' | 'none';
  /** The path template without its leading slash, split around its parameters. */
  readonly literals: readonly string[];
}

function operation(id: OperationName): Operation {
  const row: { route: string; answer?: 'bytes' | 'none' } = OPERATIONS[id];
  const contract = contractOperations.get(id);
  if (contract?.route !== row.route)
    throw new Error(`contract/operations.ts: ${id} is ${row.route}, the contract says ${contract?.route}`);
  return {
    id,
    method: contract.method,
    call: Object.freeze({ method: contract.method, route: contract.route }),
    idempotent: contract.method !== 'POST',
    sendsBody: contract.method === 'POST' || contract.method === 'PUT',
    answer: row.answer ?? 'json',
    literals: contract.path.slice(1).split(/\{[^}]+\}/),
  };
}

// Read from the table and the contract once at start-up, so routes in errors and events are exactly the contract's.
const OPS = Object.fromEntries(OPERATION_NAMES.map((id) => [id, operation(id)])) as Readonly<
  Record<OperationName, Operation>
>;

/** One path segment: an id can never add a segment, a query or a fragment, or climb with a dot segment. */
function segment(id: string, op: Operation): string {
  if (typeof id === 'string' && id !== '' && id !== '.' && id !== '..') {
    try {
      return encodeURIComponent(id);
    } catch {
      // lone surrogate: no resource can have this id
    }
  }
  throw new NotFoundError('No such resource: the id is empty or not a valid path segment', { call: op.call });
}

/** The path with `args`' first values (one per parameter) in their places. */
function pathOf(op: Operation, args: readonly unknown[]): string {
  const l = op.literals;
  let path = l[0]!;
  for (let i = 1; i < l.length; i++) path += segment(args[i - 1] as string, op) + l[i]!;
  return path;
}

function withQuery(path: string, query: object | undefined): string {
  if (!query) return path;
  let qs = '';
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (value === undefined || value === null) continue;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const v of values)
      qs += (qs ? '&' : '?') + encodeURIComponent(key) + '=' + encodeURIComponent(String(v));
  }
  return path + qs;
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

const MAX_MESSAGE = 300;

/** got 16 hands bodies over as Uint8Array; a Buffer view over the same memory decodes without copying. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Zoho's `{"error":{"code":..,"message":".."}}` message, or undefined; never throws on a non-JSON body. */
function zohoMessage(body: Uint8Array): string | undefined {
  if (body.length === 0 || body.length > 64 * 1024 || body[0] !== 0x7b /* { */) return undefined;
  try {
    const parsed = JSON.parse(asBuffer(body).toString('utf8')) as {
      error?: { message?: unknown } | string;
      message?: unknown;
    };
    const error = parsed.error;
    const message = typeof error === 'object' && error !== null ? error.message : parsed.message;
    if (typeof message !== 'string' || !message.trim()) return undefined;
    return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
  } catch {
    return undefined;
  }
}

function statusError(op: Operation, status: number, body: Uint8Array, retryAfter?: number): ZohoError {
  const message = zohoMessage(body);
  const options = { status, call: op.call };
  const fallback = `Zoho answered ${status} to ${op.call.route}`;
  switch (status) {
    case 400:
      return new BadRequestError(message ?? fallback, options);
    case 401:
      return new UnauthenticatedError(message ?? fallback, options);
    case 403:
      return new ForbiddenError(message ?? fallback, options);
    case 404:
      return new NotFoundError(message ?? fallback, options);
    case 409:
      return new ConflictError(message ?? fallback, options);
    case 429:
      return new RateLimitedError(message ?? fallback, retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS, options);
  }
  if (status >= 500) return new UnavailableError(message ?? fallback, options);
  if (status >= 400) return new BadRequestError(message ?? fallback, options);
  return new ContractError(`${op.id}: unexpected status ${status}`, options);
}

/** A 429 without Retry-After: Zoho's burst limit is per minute. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** `filename*=UTF-8''…` (RFC 6266/5987) first, then `filename="…"`. */
export function fileNameFromDisposition(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  return name || undefined;
}

const ZohoRestClient = withOperationMethods(
  class ZohoRestClient implements OperationCaller {
    readonly #http: ZohoHttp;
    readonly #tokens: TokenProvider;
    readonly #onCall: ((event: UpstreamCallEvent) => void) | undefined;
    readonly #beforeAttempt: ((call: UpstreamCall) => Promise<void>) | undefined;
    readonly #signal: AbortSignal | undefined;
    readonly #limit: Limit | undefined;
    readonly #retry: Readonly<RetryPolicy>;
    readonly #baseHeaders: Readonly<Record<string, string>>;

    constructor(http: ZohoHttp, options: ZohoClientOptions) {
      this.#http = http;
      this.#tokens = options.tokens;
      this.#onCall = options.onCall;
      this.#beforeAttempt = options.beforeAttempt;
      this.#signal = options.signal;
      this.#limit = options.concurrency === undefined ? undefined : createLimit(options.concurrency);
      this.#retry = options.retry ? { ...http.retry, ...definedOnly(options.retry) } : http.retry;
      const base: Record<string, string> = {};
      if (options.headers) {
        for (const [name, value] of Object.entries(options.headers)) {
          if (name.toLowerCase() !== 'authorization') base[name.toLowerCase()] = value;
        }
      }
      if (options.requestId) base['x-request-id'] = options.requestId;
      this.#baseHeaders = base;
    }

    call<K extends OperationName>(name: K, args: OperationArgs<K>): Promise<OperationAnswer<K>> {
      const limit = this.#limit;
      return limit ? limit(() => this.#call(OPS[name], args)) : this.#call(OPS[name], args);
    }

    async #call<K extends OperationName>(op: Operation, args: OperationArgs<K>): Promise<OperationAnswer<K>> {
      const params = op.literals.length - 1;
      const path = pathOf(op, args);
      const input = args[params] as object | undefined;
      // The seed's writes post `{}` when there is nothing to say (connecting a computer as oneself).
      const body = op.sendsBody ? JSON.stringify(input ?? {}) : undefined;
      const url = op.sendsBody ? path : withQuery(path, input);
      // The table says which answers are not JSON, checked against the contract (contract/operations.ts, AnswerSpec).
      switch (op.answer) {
        case 'json':
          return this.#json<OperationAnswer<K>>(op, url, body);
        case 'none':
          await this.#nothing(op, url, body);
          return undefined as OperationAnswer<K>;
        case 'bytes':
          return (await this.#download(op, url, args[params - 1] as string)) as OperationAnswer<K>;
      }
    }

    async #download(op: Operation, path: string, fileId: string): Promise<ZohoFileDownload> {
      const response = await this.#send(op, path, undefined);
      if (response.statusCode !== 200)
        throw new ContractError(`${op.id}: unexpected status ${response.statusCode}`, {
          status: response.statusCode,
          call: op.call,
        });
      const contentType = response.headers['content-type'] ?? 'application/octet-stream';
      const fileName = fileNameFromDisposition(response.headers['content-disposition']) ?? fileId;
      return { fileName, contentType, content: asBuffer(response.body) };
    }

    // ------------------------------------------------------------------------------------------------- plumbing

    /** The answer as JSON, checked against the contract. */
    async #json<T>(op: Operation, path: string, body: string | undefined): Promise<T> {
      const response = await this.#send(op, path, body);
      const status = response.statusCode;
      const raw = response.body;
      let data: unknown;
      try {
        data = raw.length === 0 ? undefined : JSON.parse(asBuffer(raw).toString('utf8'));
      } catch {
        throw new ContractError(`${op.id}: Zoho answered ${status} with a body that is not JSON`, {
          status,
          call: op.call,
        });
      }
      const problem = validateResponse(op.id, status, data);
      if (problem !== undefined) throw new ContractError(`${op.id}: ${problem}`, { status, call: op.call });
      return data as T;
    }

    /** A success with nothing to read: a body Zoho sends anyway is ignored. */
    async #nothing(op: Operation, path: string, body: string | undefined): Promise<void> {
      const response = await this.#send(op, path, body);
      const problem = validateResponse(op.id, response.statusCode, undefined);
      if (problem !== undefined)
        throw new ContractError(`${op.id}: ${problem}`, { status: response.statusCode, call: op.call });
    }

    #headersFor(token: string, json: boolean): Record<string, string> {
      const headers = { ...this.#baseHeaders, authorization: `Zoho-oauthtoken ${token}` };
      return json ? { ...headers, 'content-type': 'application/json' } : headers;
    }

    async #token(op: Operation, signal: AbortSignal | undefined): Promise<string> {
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

    /** Sends until a 2xx arrives or the failure is final; resolves only with a 2xx response. */
    async #send(op: Operation, path: string, body: string | undefined): Promise<Response<Uint8Array>> {
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
            headers: this.#headersFor(token, body !== undefined),
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
              {
                status,
                call: op.call,
              },
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

    async #pause(op: Operation, ms: number, signal: AbortSignal | undefined): Promise<void> {
      try {
        await delay(ms, undefined, signal ? { signal } : undefined);
      } catch {
        throw abortError(op, false, signal);
      }
    }

    #emit(
      op: Operation,
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
  },
);

function backoffMs(policy: Readonly<RetryPolicy>, retry: number): number {
  return Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
}

/** A client's hang-up is its own outcome (`CLIENT_CLOSED`), not an upstream failure like a deadline (`ERR_ABORTED`). */
function abortCode(signal: AbortSignal): 'CLIENT_CLOSED' | 'ERR_ABORTED' {
  return signal.reason instanceof ClientClosedError ? 'CLIENT_CLOSED' : 'ERR_ABORTED';
}

function abortError(op: Operation, inFlightWrite: boolean, signal: AbortSignal | undefined): ZohoError {
  if (inFlightWrite) {
    return new OutcomeUnknownError(
      `${op.call.route} was abandoned in flight and may or may not have taken effect`,
      {
        call: op.call,
      },
    );
  }
  return abandonedError(signal, op.call.route, op.call);
}

/** Binds the per-request parts (tokens, hooks, request id, signal) to the process-wide ZohoHttp. */
export function createZohoClient(http: ZohoHttp, options: ZohoClientOptions): ZohoAssistApi {
  return new ZohoRestClient(http, options);
}
