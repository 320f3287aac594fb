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
  BadRequestError,
  ConflictError,
  ContractError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  UnavailableError,
  ZohoError,
  type UpstreamCall,
} from './errors.js';
import type { ZohoHttp } from './transport.js';
import {
  createAttempts,
  type AttemptOperation,
  type AttemptOptions,
  type Attempts,
  type Method,
} from './attempts.js';
import type { ZohoFileDownload } from '../../contract/types.js';

export { parseRetryAfter, type UpstreamCallEvent } from './attempts.js';

export interface ZohoClientOptions extends AttemptOptions {
  /**
   * Calls in flight at once through this client, so a wide query cannot open a hundred sockets to Zoho or
   * spend the minute's budget in one burst. Unbounded when absent.
   */
  concurrency?: number;
}

interface Operation extends AttemptOperation {
  readonly id: OperationName;
  readonly method: Method;
  readonly call: UpstreamCall;
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

function statusError(op: AttemptOperation, status: number, body: Uint8Array, retryAfter?: number): ZohoError {
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
    readonly #attempts: Attempts;
    readonly #limit: Limit | undefined;

    constructor(http: ZohoHttp, options: ZohoClientOptions) {
      this.#attempts = createAttempts(http, options);
      this.#limit = options.concurrency === undefined ? undefined : createLimit(options.concurrency);
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

    #send(op: Operation, path: string, body: string | undefined) {
      return this.#attempts.send(op, path, body, undefined, statusError);
    }
  },
);

/** Binds the per-request parts (tokens, hooks, request id, signal) to the process-wide ZohoHttp. */
export function createZohoClient(http: ZohoHttp, options: ZohoClientOptions): ZohoAssistApi {
  return new ZohoRestClient(http, options);
}
