/**
 * The REST client of the live dialect: one method per row of contract/live-operations.ts, speaking Zoho's
 * published Assist API v2 (contract/live.openapi.yaml). src/upstream/live-api.ts makes its answers the graph's.
 *
 *   const zoho = createLiveRestClient(http, { tokens, departments, credential, onCall, beforeAttempt, signal });
 *
 * Per call, beyond what every dialect's attempts do (src/upstream/attempts.ts: retries, one refresh on 401,
 * the budget's `beforeAttempt`, abort):
 * - The department goes where the operation's page wants it (header, query or body); it is ZOHO_DEPARTMENT_ID,
 *   or the user's `preferred_department` from `GET /user`, looked up once per credential per process
 *   (`LiveDepartments`) through this same client, so the lookup spends budget like any call.
 * - Answers are parsed losslessly (an id beyond 2^53 arrives as its digits) and validated against the live
 *   contract; bodies write ids as bare JSON numbers where Zoho's own examples do, digit for digit.
 * - Path ids must be digits (a Long): anything else is a NotFoundError without a call.
 * - Zoho's error envelope `{"error":{"code","message","parameter_name"}}` is read liberally (its own
 *   documentation leaves the keys unquoted): 400 is BadRequestError carrying the parameter Zoho named, 401
 *   UnauthenticatedError (after the one refresh), 404 NotFoundError, 409 (undocumented) ConflictError, 429
 *   RateLimitedError, 5xx UnavailableError.
 */
import { defineCallMethods } from './api.js';
import { createLimit, type Limit } from './concurrency.js';
import {
  createAttempts,
  type AttemptOperation,
  type AttemptOptions,
  type Attempts,
  type Method,
} from './attempts.js';
import {
  BadRequestError,
  ConflictError,
  ContractError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  UnavailableError,
  type UpstreamCall,
  type ZohoError,
} from './errors.js';
import type { ZohoHttp } from './transport.js';
import { liveContract } from '../../contract/live-contract.js';
import { bareNumber, parseLosslessJson } from '../../contract/live-json.js';
import {
  DEPARTMENT_HEADER,
  LIVE_OPERATION_NAMES,
  LIVE_OPERATIONS,
  type DepartmentPlacement,
  type LiveOperationAnswer,
  type LiveOperationArgs,
  type LiveOperationMethods,
  type LiveOperationName,
} from '../../contract/live-operations.js';

export type LiveRestApi = LiveOperationMethods;

/**
 * The department each credential's calls name, kept for the life of the process: the configured one, or the
 * user's preferred department, asked of Zoho once per credential (concurrent first calls share one lookup; a
 * failed lookup is forgotten, so the next call asks again).
 */
export class LiveDepartments {
  readonly #configured: string | null;
  readonly #known = new Map<string, Promise<string>>();

  constructor(configured: string | null) {
    this.#configured = configured;
  }

  /** `credential` tells credentials apart (a fingerprint, never a token). */
  of(credential: string, lookup: () => Promise<string>): Promise<string> {
    if (this.#configured !== null) return Promise.resolve(this.#configured);
    let known = this.#known.get(credential);
    if (!known) {
      known = lookup();
      this.#known.set(credential, known);
      known.catch(() => this.#known.delete(credential));
    }
    return known;
  }
}

export interface LiveClientOptions extends AttemptOptions {
  departments: LiveDepartments;
  /** Which credential this client's token belongs to, for the department cache: a fingerprint, never a token. */
  credential: string;
  /** Calls in flight at once through this client; unbounded when absent. */
  concurrency?: number;
}

interface LiveOperation extends AttemptOperation {
  readonly id: LiveOperationName;
  readonly method: Method;
  readonly call: UpstreamCall;
  readonly department: DepartmentPlacement;
  readonly sendsBody: boolean;
  readonly answer: 'json' | 'none';
  readonly literals: readonly string[];
}

function operation(id: LiveOperationName): LiveOperation {
  const row: { route: string; department: DepartmentPlacement; answer?: 'none' } = LIVE_OPERATIONS[id];
  const contract = liveContract.operations.get(id);
  if (contract?.route !== row.route)
    throw new Error(
      `contract/live-operations.ts: ${id} is ${row.route}, the contract says ${contract?.route}`,
    );
  return {
    id,
    method: contract.method,
    call: Object.freeze({ method: contract.method, route: contract.route }),
    idempotent: contract.method !== 'POST',
    department: row.department,
    // Not by method: the live API posts some creates as a query string and deletes groups with a JSON body.
    sendsBody: contract.hasRequestBody,
    answer: row.answer ?? 'json',
    literals: contract.path.slice(1).split(/\{[^}]+\}/),
  };
}

/**
 * Body fields written as bare JSON numbers, as the pages' own examples and tables have them: the delete body's
 * department (deleteunattendedgroup.html), the member lists typed "array of Long" (updateunattendedgroup.html)
 * and, by the same token, a new group's members. Everything else goes as the contract's strings.
 */
const BARE_FIELDS: Partial<Record<LiveOperationName, readonly string[]>> = {
  deleteGroups: ['department_id'],
  updateGroup: ['addedlist', 'removedlist'],
  createGroup: ['computer_list'],
};

const OPS = Object.fromEntries(LIVE_OPERATION_NAMES.map((id) => [id, operation(id)])) as Readonly<
  Record<LiveOperationName, LiveOperation>
>;

const USER_OP = OPS.getUser;

type QueryValues = Record<string, string | number | boolean | undefined>;

function withQuery(path: string, query: QueryValues): string {
  let qs = '';
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    qs += (qs ? '&' : '?') + encodeURIComponent(key) + '=' + encodeURIComponent(String(value));
  }
  return path + qs;
}

function pathOf(op: LiveOperation, args: readonly unknown[]): string {
  const l = op.literals;
  let path = l[0]!;
  for (let i = 1; i < l.length; i++) {
    const id = args[i - 1];
    // Every live path id is a Long: anything else names nothing, and must not reach another path.
    if (typeof id !== 'string' || !/^\d{1,19}$/.test(id))
      throw new NotFoundError('No such resource: a Zoho id is digits', { call: op.call });
    path += id + l[i]!;
  }
  return path;
}

function bare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bare);
  return typeof value === 'string' && /^\d{1,19}$/.test(value) ? bareNumber(value) : value;
}

function bodyOf(op: LiveOperation, input: object | undefined, department: string | undefined): string {
  const body: Record<string, unknown> = { ...(input as Record<string, unknown> | undefined) };
  if (department !== undefined) body.department_id = department;
  for (const field of BARE_FIELDS[op.id] ?? [])
    if (body[field] !== undefined) body[field] = bare(body[field]);
  return JSON.stringify(body);
}

const MAX_MESSAGE = 300;

/** Zoho's error envelope, read liberally: `code`, `message`, `parameter_name` wherever they can be found. */
export function liveErrorDetails(body: Uint8Array): { message?: string; parameter?: string; code?: string } {
  if (body.length === 0 || body.length > 64 * 1024) return {};
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // errors.html's own sample leaves its keys unquoted: `{"error": { code:1009, message: "error message" } }`.
    const message = /message"?\s*:\s*"([^"]*)"/.exec(text)?.[1];
    const parameter = /parameter_name"?\s*:\s*"([^"]*)"/.exec(text)?.[1];
    const code = /code"?\s*:\s*"?(\w+)/.exec(text)?.[1];
    return clean({ message, parameter, code });
  }
  const root = (parsed ?? {}) as Record<string, unknown>;
  const error = (typeof root.error === 'object' && root.error !== null ? root.error : root) as Record<
    string,
    unknown
  >;
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  return clean({
    message: str(error.message) ?? str(root.error_description) ?? str(root.message),
    parameter: str(error.parameter_name),
    code: str(error.code),
  });
}

function clean(details: {
  message?: string | undefined;
  parameter?: string | undefined;
  code?: string | undefined;
}) {
  const out: { message?: string; parameter?: string; code?: string } = {};
  const message = details.message?.trim();
  if (message) out.message = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
  if (details.parameter && /^[\w.-]{1,64}$/.test(details.parameter)) out.parameter = details.parameter;
  if (details.code && /^\w{1,40}$/.test(details.code)) out.code = details.code;
  return out;
}

/** A 429 without Retry-After: Zoho documents none, so wait out a minute. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

function liveStatusError(
  op: AttemptOperation,
  status: number,
  body: Uint8Array,
  retryAfter?: number,
): ZohoError {
  const { message, parameter, code } = liveErrorDetails(body);
  const options = { status, call: op.call };
  const said = message ?? `Zoho answered ${status} to ${op.call.route}`;
  const text = code !== undefined && message !== undefined && message !== code ? `${said} (${code})` : said;
  // Zoho documents no 409, but a conflict is a conflict whoever sends it (the emulator's offline computer).
  if (status === 409) return new ConflictError(text, options);
  if (status === 400 || (status > 400 && status < 500 && ![401, 403, 404, 429].includes(status))) {
    return new BadRequestError(parameter ? `Zoho refused the parameter ${parameter}: ${text}` : text, {
      ...options,
      ...(parameter ? { parameter } : {}),
    });
  }
  switch (status) {
    case 401:
      return new UnauthenticatedError(text, options);
    case 403:
      return new ForbiddenError(text, options);
    case 404:
      return new NotFoundError(text, options);
    case 429:
      return new RateLimitedError(text, retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS, options);
  }
  if (status >= 500) return new UnavailableError(text, options);
  return new ContractError(`${op.id}: unexpected status ${status}`, options);
}

export interface LiveCaller {
  call<K extends LiveOperationName>(name: K, args: LiveOperationArgs<K>): Promise<LiveOperationAnswer<K>>;
}

/** One method per row of the live table on `Impl.prototype` (`defineCallMethods`, as the seed's client does). */
export function withLiveOperationMethods<A extends unknown[], T extends LiveCaller>(
  Impl: new (...args: A) => T,
): new (...args: A) => T & LiveRestApi {
  defineCallMethods(Impl, LIVE_OPERATION_NAMES);
  // That defined every method the type promises.
  return Impl as new (...args: A) => T & LiveRestApi;
}

const LiveRestClient = withLiveOperationMethods(
  class LiveRestClient implements LiveCaller {
    readonly #attempts: Attempts;
    readonly #limit: Limit | undefined;
    readonly #departments: LiveDepartments;
    readonly #credential: string;

    constructor(http: ZohoHttp, options: LiveClientOptions) {
      this.#attempts = createAttempts(http, options);
      this.#limit = options.concurrency === undefined ? undefined : createLimit(options.concurrency);
      this.#departments = options.departments;
      this.#credential = options.credential;
    }

    call<K extends LiveOperationName>(name: K, args: LiveOperationArgs<K>): Promise<LiveOperationAnswer<K>> {
      const limit = this.#limit;
      return limit ? limit(() => this.#call(OPS[name], args)) : this.#call(OPS[name], args);
    }

    /** The department this credential's calls name. */
    department(): Promise<string> {
      return this.#departments.of(this.#credential, async () => {
        // Not through `call`: this runs inside another call's slot of the concurrency cap.
        const user: LiveOperationAnswer<'getUser'> = await this.#call<'getUser'>(USER_OP, []);
        const representation = user.representation;
        const preferred =
          representation?.preferred_department ?? representation?.departments?.[0]?.department_id;
        if (preferred === undefined || !/^\d{1,19}$/.test(String(preferred)))
          throw new ContractError('getUser: the user has no department to act in; set ZOHO_DEPARTMENT_ID', {
            call: USER_OP.call,
          });
        return String(preferred);
      });
    }

    async #call<K extends LiveOperationName>(
      op: LiveOperation,
      args: LiveOperationArgs<K>,
    ): Promise<LiveOperationAnswer<K>> {
      const params = op.literals.length - 1;
      const path = pathOf(op, args);
      const input = args[params] as object | undefined;
      const department = op.department === 'none' ? undefined : await this.department();
      let url = path;
      let body: string | undefined;
      let headers: Record<string, string> | undefined;
      if (op.department === 'header') headers = { [DEPARTMENT_HEADER]: department! };
      if (op.sendsBody) body = bodyOf(op, input, op.department === 'body' ? department : undefined);
      else {
        const query: QueryValues = { ...(input as QueryValues | undefined) };
        if (op.department === 'query') query.department_id = department;
        url = withQuery(path, query);
      }
      if (op.answer === 'none') {
        await this.#attempts.send(op, url, body, headers, liveStatusError);
        return undefined as LiveOperationAnswer<K>;
      }
      return (await this.#json(op, url, body, headers)) as LiveOperationAnswer<K>;
    }

    async #json(
      op: LiveOperation,
      path: string,
      body: string | undefined,
      headers: Record<string, string> | undefined,
    ): Promise<unknown> {
      const response = await this.#attempts.send(op, path, body, headers, liveStatusError);
      const status = response.statusCode;
      let data: unknown;
      try {
        const raw = response.body;
        data = parseLosslessJson(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'));
      } catch {
        throw new ContractError(`${op.id}: Zoho answered ${status} with a body that is not JSON`, {
          status,
          call: op.call,
        });
      }
      const problem = liveContract.validateResponse(op.id, status, data);
      if (problem !== undefined) throw new ContractError(`${op.id}: ${problem}`, { status, call: op.call });
      return data;
    }
  },
);

/** Binds the per-request parts (token, hooks, credential) to the process-wide ZohoHttp. */
export function createLiveRestClient(
  http: ZohoHttp,
  options: LiveClientOptions,
): LiveRestApi & LiveDepartmentOf {
  return new LiveRestClient(http, options);
}

export interface LiveDepartmentOf {
  /** The department this client's calls name (looked up once per credential per process). */
  department(): Promise<string>;
}
