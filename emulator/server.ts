/**
 * The emulator's HTTP side: routing by the contract, Zoho's auth (tokens, scopes, mint throttle), rate limits,
 * request validation, fault injection and the `/__emulator/` control plane.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BodyOf, OperationName, PathParamsOf, QueryOf } from '../contract/operations.js';
import { OPERATIONS } from '../contract/operations.js';
import { contractOperations, validateRequest } from '../contract/validate.js';
import type { ContractOperation } from '../contract/validate.js';
import type * as Z from '../contract/types.js';
import { parseLosslessJson } from '../contract/live-json.js';
import {
  deviceId,
  handleLive,
  isLiveOperation,
  LIVE_SCOPES,
  liveErrorBody,
  matchLiveRoute,
} from './live/front.js';
import { hash32, Random } from './random.js';
import { ApiError, Store } from './store.js';
import type { SeedSize } from './store.js';
import { WebhookSender } from './webhooks.js';

export const EMULATOR_CREDENTIALS = {
  clientId: 'emulator-client',
  clientSecret: 'emulator-secret',
  refreshToken: 'emulator-refresh-token',
  accessToken: 'emulator-token',
} as const;

export const ALL_SCOPES: readonly string[] = [
  'ZohoAssist.sessions.ALL',
  'ZohoAssist.sessions.READ',
  'ZohoAssist.customers.ALL',
  'ZohoAssist.technicians.READ',
];

/** What a token carries unless registered with scopes of its own: the seed's scopes and Zoho's real ones. */
const DEFAULT_SCOPES: readonly string[] = [...ALL_SCOPES, ...LIVE_SCOPES];

export interface RateLimits {
  perMinute: number;
  perDay: number;
  windowMs?: number;
}

export interface EmulatorConfig {
  size: SeedSize;
  rateLimits: false | RateLimits;
  latencyMs: number;
  jitterMs: number;
  quiet: boolean;
}

export interface FaultRule {
  route?: string;
  latencyMs?: number;
  jitterMs?: number;
  errorRate?: number;
  resetRate?: number;
  resetAfterHandlingRate?: number;
  rateLimitRate?: number;
  retryAfterSeconds?: number;
  slowBodyMs?: number;
  /**
   * Draws this rule's randomness (jitter, rates) from a PRNG seeded with this value instead of Math.random:
   * posting the rule again replays the same sequence, so two systems measured one after the other meet the
   * same latencies.
   */
  seed?: number;
}

interface TokenRecord {
  scopes: ReadonlySet<string>;
  tenant: string;
  /** Epoch ms; absent = never expires. */
  expiresAt?: number;
  minted: boolean;
}

interface Window {
  minuteStart: number;
  minuteCount: number;
  dayStart: number;
  dayCount: number;
}

export interface LogEntry {
  method: string;
  route: string;
  path: string;
  status: number;
  ms: number;
  token?: string;
  fault?: string;
  time: string;
}

interface Reply {
  status: number;
  body?: unknown;
  /** Raw bytes instead of JSON (file downloads). */
  raw?: { content: Buffer; contentType: string; fileName: string };
}

/** What a handler of operation K receives, as the contract typed and validateRequest checked it. */
interface HandlerContext<K extends OperationName> {
  store: Store;
  path: PathParamsOf<K>;
  /** Coerced, with the contract's defaults applied. */
  query: QueryOf<K>;
  body: BodyOf<K>;
  now: number;
  emulator: Emulator;
}

type Handler<K extends OperationName> = (ctx: HandlerContext<K>) => Reply;

const API_PREFIX = '/api/v2';
const TOKEN_PATH = '/oauth/v2/token';
const CONTROL_PREFIX = '/__emulator';
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MINT_LIMIT = 10;
const MINT_WINDOW_MS = 10 * 60_000;
const DAY_MS = 24 * 3600_000;
const TOKEN_LIFETIME_SECONDS = 3600;
const LOG_CAPACITY = 1000;
const UNMATCHED_ROUTE = 'UNMATCHED';

const ok = (body: unknown, status = 200): Reply => ({ status, body });
const noContent: Reply = { status: 204 };

/** The contract gives `index` and `count` defaults, which validateRequest applied. */
function page(q: { index?: number; count?: number }): { index: number; count: number } {
  return { index: q.index!, count: q.count! };
}

/** One handler per row of the table (contract/operations.ts): a missing one does not compile. */
const handlers: { readonly [K in OperationName]: Handler<K> } = {
  listSessions: ({ store, query }) => ok(store.listSessions({ ...query, ...page(query) })),
  createSession: ({ store, body, now }) => ok(store.createSession(body, now), 201),
  scheduleSession: ({ store, body, now }) => ok(store.scheduleSession(body, now), 201),
  getSession: ({ store, path }) => ok(store.getSession(path.sessionId)),
  endSession: ({ store, path, now }) => ok(store.endSession(path.sessionId, now)),
  getSessionDetails: ({ store, path }) => ok(store.getSessionDetails(path.sessionId)),
  inviteToSession: ({ store, path, body, now, emulator }) => {
    const { customerName, ...invitation } = store.inviteToSession(path.sessionId, body, now);
    emulator.recordInvitation(invitation, customerName);
    return ok(invitation);
  },
  transferSession: ({ store, path, body }) => ok(store.transferSession(path.sessionId, body)),
  listSessionFiles: ({ store, path, query }) => ok(store.listSessionFiles(path.sessionId, page(query))),
  initiateFileTransfer: ({ store, path, body, now }) =>
    ok(store.initiateFileTransfer(path.sessionId, body, now), 201),
  downloadSessionFile: ({ store, path }) => ({
    status: 200,
    raw: store.downloadSessionFile(path.sessionId, path.fileId),
  }),
  getChatHistory: ({ store, path }) => ok(store.getChatHistory(path.sessionId)),
  listTechnicians: ({ store, query }) => ok(store.listTechnicians({ ...query, ...page(query) })),
  getTechnician: ({ store, path }) => ok(store.getTechnician(path.technicianId)),
  addTechnician: ({ store, body }) => ok(store.addTechnician(body), 201),
  updateTechnician: ({ store, path, body }) => ok(store.updateTechnician(path.technicianId, body)),
  removeTechnician: ({ store, path }) => (store.removeTechnician(path.technicianId), noContent),
  listCustomers: ({ store, query }) => ok(store.listCustomers({ ...query, ...page(query) })),
  getCustomer: ({ store, path }) => ok(store.getCustomer(path.customerId)),
  addCustomer: ({ store, body, now }) => ok(store.addCustomer(body, now), 201),
  updateCustomer: ({ store, path, body }) => ok(store.updateCustomer(path.customerId, body)),
  removeCustomer: ({ store, path }) => (store.removeCustomer(path.customerId), noContent),
  listComputers: ({ store, query }) => ok(store.listComputers({ ...query, ...page(query) })),
  getComputer: ({ store, path }) => ok(store.getComputer(path.computerId)),
  removeComputer: ({ store, path }) => (store.removeComputer(path.computerId), noContent),
  connectComputer: ({ store, path, body, now }) => ok(store.connectComputer(path.computerId, body, now), 201),
  getSessionReport: ({ store, query }) => ok(store.sessionReport(query)),
  getTechnicianReport: ({ store, query }) => ok(store.technicianReport(query)),
  getCustomerReport: ({ store, query }) => ok(store.customerReport(query)),
};

/** Runs operation K's handler on a request validateRequest has checked against the contract. */
function handle<K extends OperationName>(
  name: K,
  request: { path: Record<string, string>; query: Record<string, unknown>; body: unknown },
  rest: Pick<HandlerContext<K>, 'store' | 'now' | 'emulator'>,
): Reply {
  const handler: Handler<K> = handlers[name];
  return handler({
    ...rest,
    // Checked against the contract's schemas for K just before: the types the contract generates for them.
    path: request.path as PathParamsOf<K>,
    query: request.query,
    body: request.body as BodyOf<K>,
  });
}

const isOperationName = (id: string): id is OperationName => Object.hasOwn(OPERATIONS, id);

interface CompiledRoute {
  op: ContractOperation;
  pattern: RegExp;
  names: string[];
  literalSegments: number;
}

/** API routes from the contract; literal segments win over parameters (`/sessions/schedule`). */
const apiRoutes: CompiledRoute[] = [...contractOperations.values()]
  .filter((op) => op.operationId !== 'mintAccessToken')
  .map((op) => {
    const names: string[] = [];
    const source = op.path
      .split('/')
      .map((segment) => {
        const param = /^\{(.+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(param[1]!);
        return '([^/]+)';
      })
      .join('/');
    return {
      op,
      pattern: new RegExp(`^${source}/?$`),
      names,
      literalSegments: op.path.split('/').length - names.length,
    };
  })
  .sort((a, b) => b.literalSegments - a.literalSegments);

const mintOperation = contractOperations.get('mintAccessToken')!;

function matchApiRoute(
  method: string,
  path: string,
): { op: ContractOperation; params: Record<string, string> } | undefined {
  for (const route of apiRoutes) {
    if (route.op.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1]!);
    });
    return { op: route.op, params };
  }
  return undefined;
}

function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}

/** Resolves after `ms`, or at once when `stopped` aborts: a stopped emulator holds no timers (and no process) open. */
function sleep(ms: number, stopped: AbortSignal): Promise<void> {
  if (ms <= 0 || stopped.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stopped.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    stopped.addEventListener('abort', done, { once: true });
  });
}

function errorBody(status: number, message: string): { error: { code: number; message: string } } {
  return { error: { code: status, message } };
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > MAX_BODY_BYTES) throw new ApiError(413, `Request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string | undefined, lossless = false): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type === '' || type === 'application/json' || type.endsWith('+json')) {
    if (text.trim() === '') return undefined;
    try {
      // The live API's bodies carry ids beyond 2^53 as bare numbers.
      return lossless ? parseLosslessJson(text) : (JSON.parse(text) as unknown);
    } catch {
      throw new ApiError(400, 'Request body is not valid JSON');
    }
  }
  return text;
}

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const value = `attachment; filename="${ascii}"`;
  return ascii === fileName ? value : `${value}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function isRate(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 1;
}

function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function validateFault(body: unknown): FaultRule | string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body must be a fault rule object';
  const rule = body as Record<string, unknown>;
  const rates = ['errorRate', 'resetRate', 'resetAfterHandlingRate', 'rateLimitRate'];
  const durations = ['latencyMs', 'jitterMs', 'retryAfterSeconds', 'slowBodyMs'];
  for (const key of Object.keys(rule)) {
    if (key === 'route') {
      if (typeof rule.route !== 'string') return 'route must be a string like "GET /sessions/{sessionId}"';
      const known =
        rule.route === `POST ${TOKEN_PATH}` ||
        [...contractOperations.values()].some((op) => op.route === rule.route) ||
        matchLiveRoute(rule.route.split(' ')[0]!, rule.route.split(' ')[1] ?? '')?.op.route === rule.route;
      if (!known) return `unknown route '${rule.route}'`;
    } else if (rates.includes(key)) {
      if (!isRate(rule[key])) return `${key} must be a number between 0 and 1`;
    } else if (durations.includes(key)) {
      if (!isNonNegative(rule[key])) return `${key} must be a non-negative number`;
    } else if (key === 'seed') {
      if (!Number.isInteger(rule.seed) || (rule.seed as number) < 0)
        return 'seed must be a non-negative integer';
    } else return `unknown fault property '${key}'`;
  }
  return rule;
}

/** The mutable emulator: accounts (one per tenant), tokens, counters, faults. */
export class Emulator {
  #stores = new Map<string, Store>();
  readonly #registeredTokens = new Map<string, TokenRecord>();
  #mintedTokens = new Map<string, TokenRecord>();
  #mintTimes = new Map<string, number[]>();
  #windows = new Map<string, Window>();
  #callsTotal = 0;
  #callsByRoute = new Map<string, number>();
  #log: LogEntry[] = [];
  #outbox: Record<string, unknown>[] = [];
  #faults: FaultRule[] = [];
  readonly #webhooks = new WebhookSender(deviceId);
  /** Each seeded rule's own sequence, started when the rule was posted. */
  #faultRandom = new WeakMap<FaultRule, Random>();
  #rateLimits: false | Required<RateLimits>;
  #size: SeedSize;
  /** Aborted by stop(): injected delays end early and the requests waiting on them are answered no more. */
  readonly #stopping = new AbortController();
  url = '';

  readonly #config: EmulatorConfig;

  constructor(config: EmulatorConfig) {
    this.#config = config;
    this.#size = { ...config.size };
    this.#rateLimits = this.#normalizeLimits(config.rateLimits);
  }

  #normalizeLimits(limits: false | RateLimits): false | Required<RateLimits> {
    return limits === false ? false : { windowMs: 60_000, ...limits };
  }

  #store(tenant: string): Store {
    let store = this.#stores.get(tenant);
    if (!store) {
      // Each tenant is a separate account: same sizes, its own data.
      const seed = tenant === '' ? this.#size.seed : (hash32(tenant) ^ (this.#size.seed ?? 1)) >>> 0;
      store = new Store({ ...this.#size, seed });
      const own = store;
      own.onChange = (change) => this.#webhooks.send(tenant, change, (id) => own.technicianEmail(id));
      this.#stores.set(tenant, store);
    }
    return store;
  }

  /** Seeds the default account now so the first call does not pay for it. */
  warm(): void {
    this.#store('');
  }

  reset(size?: SeedSize): void {
    if (size) this.#size = { ...size };
    this.#stores = new Map();
    this.#mintedTokens = new Map();
    this.#mintTimes = new Map();
    this.#windows = new Map();
    this.#callsTotal = 0;
    this.#callsByRoute = new Map();
    this.#log = [];
    this.#outbox = [];
    this.#faults = [];
    this.#webhooks.clear();
    this.#rateLimits = this.#normalizeLimits(this.#config.rateLimits);
    this.warm();
  }

  recordInvitation(invitation: Z.ZohoInvitation, customerName: string): void {
    this.#outbox.push({
      ...invitation,
      to: invitation.email,
      subject: 'Remote Support Session',
      body: `Hello ${customerName}, join the session: ${invitation.joinUrl}`,
    });
  }

  #count(route: string): void {
    this.#callsTotal++;
    this.#callsByRoute.set(route, (this.#callsByRoute.get(route) ?? 0) + 1);
  }

  #record(entry: LogEntry): void {
    this.#log.push(entry);
    if (this.#log.length > LOG_CAPACITY) this.#log.splice(0, this.#log.length - LOG_CAPACITY);
    if (!this.#config.quiet) {
      process.stderr.write(
        `${entry.time} ${entry.status || 'RESET'} ${entry.method} ${entry.path} ${entry.ms}ms${entry.fault ? ` (${entry.fault})` : ''}\n`,
      );
    }
  }

  /** Ends every injected delay now; the server's own close ends the connections. */
  stop(): void {
    this.#stopping.abort();
  }

  // ------------------------------------------------------------------------------------------ entry point

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      return this.#handleControl(req, res, method, url);
    }
    let route = UNMATCHED_ROUTE;
    let op: ContractOperation | undefined;
    let params: Record<string, string> = {};
    let badPath: string | undefined;
    if (method === 'POST' && url.pathname === TOKEN_PATH) {
      op = mintOperation;
    } else if (url.pathname.startsWith(`${API_PREFIX}/`)) {
      try {
        const below = url.pathname.slice(API_PREFIX.length);
        // The live front's paths (/session, /devices, /reports…) never meet the seed's (/sessions, /computers…).
        const matched = matchApiRoute(method, below) ?? matchLiveRoute(method, below);
        if (matched) ({ op, params } = matched);
      } catch {
        badPath = 'Malformed percent-encoding in the path';
      }
    }
    if (op) route = op.operationId === 'mintAccessToken' ? `POST ${TOKEN_PATH}` : op.route;
    this.#count(route);

    const entry: LogEntry = {
      method,
      route,
      path: url.pathname,
      status: 0,
      ms: 0,
      time: new Date().toISOString(),
    };
    const auth = req.headers.authorization;
    const tokenMatch = auth ? /^Zoho-oauthtoken\s+(\S+)\s*$/i.exec(auth) : null;
    if (tokenMatch) entry.token = fingerprint(tokenMatch[1]!);
    const finish = (status: number, fault?: string): void => {
      entry.status = status;
      entry.ms = Math.round((performance.now() - started) * 10) / 10;
      if (fault) entry.fault = fault;
      this.#record(entry);
    };

    const send = (reply: Reply, headers: Record<string, string> = {}, slowBodyMs = 0): void => {
      let payload: Buffer | undefined;
      const out: Record<string, string> = { ...headers };
      if (reply.raw) {
        payload = reply.raw.content;
        out['Content-Type'] = reply.raw.contentType;
        out['Content-Disposition'] = contentDisposition(reply.raw.fileName);
      } else if (reply.body !== undefined) {
        payload = Buffer.from(JSON.stringify(reply.body));
        out['Content-Type'] = 'application/json; charset=utf-8';
      }
      out['Content-Length'] = String(payload?.length ?? 0);
      res.writeHead(reply.status, out);
      if (slowBodyMs > 0) {
        res.flushHeaders();
        void sleep(slowBodyMs, this.#stopping.signal).then(() => res.end(payload));
      } else res.end(payload);
      finish(reply.status);
    };
    const live = op !== undefined && isLiveOperation(op);
    const errorOf = (error: ApiError) =>
      live ? liveErrorBody(error) : errorBody(error.status, error.message);
    const fail = (status: number, message: string, headers?: Record<string, string>): void =>
      send({ status, body: errorOf(new ApiError(status, message)) }, headers);

    let rawBody: Buffer;
    try {
      rawBody = await readBody(req);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 400;
      return fail(status, error instanceof Error ? error.message : 'Unreadable request body', {
        Connection: 'close',
      });
    }
    if (!op) return fail(badPath ? 400 : 404, badPath ?? `No route for ${method} ${url.pathname}`);

    // Faults: rules for this route, or for every API route when they name none.
    const isApi = op !== mintOperation;
    const rules = this.#faults.filter((rule) => (rule.route === undefined ? isApi : rule.route === route));
    const draw = (rule: FaultRule) => this.#faultRandom.get(rule)?.next() ?? Math.random();
    let delay = isApi ? this.#config.latencyMs + Math.random() * this.#config.jitterMs : 0;
    for (const rule of rules)
      delay += (rule.latencyMs ?? 0) + (rule.jitterMs ? draw(rule) * rule.jitterMs : 0);
    await sleep(delay, this.#stopping.signal);
    if (this.#stopping.signal.aborted) {
      res.destroy();
      return finish(0, 'stopped');
    }
    for (const rule of rules) {
      if (rule.resetRate && draw(rule) < rule.resetRate) {
        req.socket.destroy();
        return finish(0, 'reset');
      }
      if (rule.errorRate && draw(rule) < rule.errorRate) {
        entry.fault = 'error';
        return fail(503, 'Service temporarily unavailable (injected fault)');
      }
      if (rule.rateLimitRate && draw(rule) < rule.rateLimitRate) {
        entry.fault = 'rate-limit';
        const retryAfter = rule.retryAfterSeconds ?? 1;
        return fail(429, 'Too many requests (injected fault)', {
          'Retry-After': String(Math.ceil(retryAfter)),
        });
      }
    }
    const resetAfter = rules.some(
      (rule) => rule.resetAfterHandlingRate && draw(rule) < rule.resetAfterHandlingRate,
    );
    const slowBodyMs = Math.max(0, ...rules.map((rule) => rule.slowBodyMs ?? 0));

    let reply: Reply;
    const headers: Record<string, string> = {};
    try {
      const contentType = req.headers['content-type'];
      const body = parseBody(rawBody, contentType, live);
      if (!isApi)
        reply = this.#mint(
          body ?? Object.fromEntries(url.searchParams),
          body === undefined ? 'application/x-www-form-urlencoded' : contentType,
        );
      else {
        const token = this.#authenticate(tokenMatch?.[1], auth !== undefined);
        const limited = this.#rateLimit(tokenMatch![1]!);
        if (limited) {
          headers['Retry-After'] = String(limited);
          throw new ApiError(429, `Rate limit exceeded; retry after ${limited} seconds`);
        }
        this.#authorize(token, op);
        if (live) {
          reply = handleLive(
            op,
            { params, query: queryObject(url.searchParams), body, contentType, headers: req.headers },
            this.#store(token.tenant),
            Date.now(),
          );
        } else {
          const checked = validateRequest(op.operationId, {
            path: params,
            query: queryObject(url.searchParams),
            body,
            contentType,
          });
          if (checked.errors) throw new ApiError(400, checked.errors);
          if (!isOperationName(op.operationId)) throw new ApiError(404, `No route for ${route}`);
          reply = handle(
            op.operationId,
            { path: params, query: checked.query, body },
            { store: this.#store(token.tenant), now: Date.now(), emulator: this },
          );
        }
      }
    } catch (error) {
      if (error instanceof ApiError) reply = { status: error.status, body: errorOf(error) };
      else {
        process.stderr.write(
          `emulator: ${route} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        reply = { status: 500, body: errorOf(new ApiError(500, 'Internal error')) };
      }
    }
    if (resetAfter) {
      req.socket.destroy();
      return finish(0, 'reset-after-handling');
    }
    send(reply, headers, slowBodyMs);
  }

  // --------------------------------------------------------------------------------------------- auth

  #authenticate(token: string | undefined, hadHeader: boolean): TokenRecord {
    if (token === undefined)
      throw new ApiError(
        401,
        hadHeader ? 'Authorization must be "Zoho-oauthtoken <token>"' : 'Missing Authorization header',
      );
    let record: TokenRecord | undefined;
    if (token === EMULATOR_CREDENTIALS.accessToken)
      record = { scopes: new Set(DEFAULT_SCOPES), tenant: '', minted: false };
    else record = this.#registeredTokens.get(token) ?? this.#mintedTokens.get(token);
    if (!record) throw new ApiError(401, 'Invalid OAuth token');
    if (record.expiresAt !== undefined && Date.now() >= record.expiresAt)
      throw new ApiError(401, 'OAuth token expired');
    return record;
  }

  #authorize(token: TokenRecord, op: ContractOperation): void {
    for (const scope of op.scopes) {
      const implied = scope.endsWith('.READ') && token.scopes.has(scope.replace(/\.READ$/, '.ALL'));
      if (!token.scopes.has(scope) && !implied) throw new ApiError(403, `The token lacks the scope ${scope}`);
    }
  }

  /** Fixed windows per token; answers the seconds to wait when over a limit. */
  #rateLimit(token: string): number | undefined {
    const limits = this.#rateLimits;
    if (!limits) return undefined;
    const now = Date.now();
    const minuteStart = Math.floor(now / limits.windowMs) * limits.windowMs;
    const dayStart = Math.floor(now / DAY_MS) * DAY_MS;
    let window = this.#windows.get(token);
    if (!window) {
      window = { minuteStart, minuteCount: 0, dayStart, dayCount: 0 };
      this.#windows.set(token, window);
    }
    if (window.minuteStart !== minuteStart) Object.assign(window, { minuteStart, minuteCount: 0 });
    if (window.dayStart !== dayStart) Object.assign(window, { dayStart, dayCount: 0 });
    if (window.dayCount >= limits.perDay) return Math.max(1, Math.ceil((dayStart + DAY_MS - now) / 1000));
    if (window.minuteCount >= limits.perMinute)
      return Math.max(1, Math.ceil((minuteStart + limits.windowMs - now) / 1000));
    window.minuteCount++;
    window.dayCount++;
    return undefined;
  }

  #mint(body: unknown, contentType: string | undefined): Reply {
    const checked = validateRequest('mintAccessToken', { path: {}, query: {}, body, contentType });
    if (checked.errors) throw new ApiError(400, checked.errors);
    const grant = body as Record<string, string>;
    if (
      grant.client_id !== EMULATOR_CREDENTIALS.clientId ||
      grant.client_secret !== EMULATOR_CREDENTIALS.clientSecret
    ) {
      return ok({ error: 'invalid_client' } satisfies Z.ZohoTokenError);
    }
    if (grant.refresh_token !== EMULATOR_CREDENTIALS.refreshToken)
      return ok({ error: 'invalid_code' } satisfies Z.ZohoTokenError);
    const now = Date.now();
    const recent = (this.#mintTimes.get(grant.refresh_token) ?? []).filter((t) => now - t < MINT_WINDOW_MS);
    this.#mintTimes.set(grant.refresh_token, recent);
    if (recent.length >= MINT_LIMIT) {
      return ok({
        error: 'Access Denied',
        error_description: 'You have made too many requests continuously. Please try again after some time.',
        status: 'failure',
      } satisfies Z.ZohoTokenError);
    }
    recent.push(now);
    const accessToken = `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
    this.#mintedTokens.set(accessToken, {
      scopes: new Set(DEFAULT_SCOPES),
      tenant: '',
      expiresAt: now + TOKEN_LIFETIME_SECONDS * 1000,
      minted: true,
    });
    return ok({
      access_token: accessToken,
      api_domain: this.url,
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      scope: ALL_SCOPES.join(' '),
    } satisfies Z.ZohoAccessToken);
  }

  // ---------------------------------------------------------------------------------------- control plane

  async #handleControl(req: IncomingMessage, res: ServerResponse, method: string, url: URL): Promise<void> {
    const reply = (status: number, body?: unknown): void => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      res.writeHead(
        status,
        payload === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
      );
      res.end(payload);
    };
    try {
      const raw = await readBody(req);
      const body = parseBody(raw, req.headers['content-type'] ?? 'application/json');
      const path = url.pathname.slice(CONTROL_PREFIX.length);
      const tenant = url.searchParams.get('tenant') ?? '';
      const key = `${method} ${path}`;
      const stateStatus = /^\/state\/sessions\/([^/]+)\/status$/.exec(path);
      const computerStatus = /^\/state\/computers\/([^/]+)\/status$/.exec(path);
      switch (key) {
        case 'GET /health':
          return reply(200, { ok: true });
        case 'POST /reset':
          this.reset();
          return reply(200, { ok: true });
        case 'POST /reseed': {
          const size = (body ?? {}) as Record<string, unknown>;
          const keys = ['technicians', 'customers', 'computers', 'sessions', 'seed'];
          for (const [k, v] of Object.entries(size)) {
            if (!keys.includes(k) || typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
              return reply(
                400,
                errorBody(400, `${k} must be one of ${keys.join(', ')} with a non-negative integer`),
              );
            }
          }
          this.reset({ ...this.#config.size, ...(size as SeedSize) });
          return reply(200, { ok: true, size: this.#store('').size });
        }
        case 'GET /calls':
          return reply(200, { total: this.#callsTotal, byRoute: Object.fromEntries(this.#callsByRoute) });
        case 'DELETE /calls':
          this.#callsTotal = 0;
          this.#callsByRoute = new Map();
          this.#log = [];
          return reply(204);
        case 'GET /log': {
          const limit = Number(url.searchParams.get('limit') ?? LOG_CAPACITY);
          return reply(200, { entries: this.#log.slice(-Math.max(0, limit)) });
        }
        case 'GET /outbox':
          return reply(200, { messages: this.#outbox });
        case 'DELETE /outbox':
          this.#outbox = [];
          return reply(204);
        case 'GET /faults':
          return reply(200, { faults: this.#faults });
        case 'POST /faults': {
          const rule = validateFault(body ?? {});
          if (typeof rule === 'string') return reply(400, errorBody(400, rule));
          this.#faults.push(rule);
          if (rule.seed !== undefined) this.#faultRandom.set(rule, new Random(rule.seed));
          return reply(201, { faults: this.#faults });
        }
        case 'DELETE /faults':
          this.#faults = [];
          return reply(204);
        case 'POST /state/computers': {
          const c = (body ?? {}) as Record<string, unknown>;
          if (
            typeof c.name !== 'string' ||
            c.name === '' ||
            (c.status !== undefined && c.status !== 'online' && c.status !== 'offline') ||
            (c.os !== undefined && typeof c.os !== 'string')
          ) {
            return reply(
              400,
              errorBody(400, "body must be {name: string, status?: 'online' | 'offline', os?: string}"),
            );
          }
          return reply(
            201,
            this.#store(tenant).addComputer({
              name: c.name,
              status: c.status ?? 'online',
              os: c.os ?? 'Windows 11',
            }),
          );
        }
        case 'GET /webhooks':
          return reply(200, { webhooks: this.#webhooks.targets, deliveries: this.#webhooks.deliveries });
        case 'POST /webhooks': {
          const w = (body ?? {}) as Record<string, unknown>;
          if (
            typeof w.url !== 'string' ||
            !URL.canParse(w.url) ||
            !/^https?:$/.test(new URL(w.url).protocol) ||
            (w.dialect !== undefined && w.dialect !== 'seed' && w.dialect !== 'live') ||
            (w.tenant !== undefined && typeof w.tenant !== 'string')
          ) {
            return reply(
              400,
              errorBody(400, "body must be {url: http(s) URL, dialect?: 'seed' | 'live', tenant?: string}"),
            );
          }
          const webhooks = this.#webhooks.register({
            url: w.url,
            dialect: w.dialect ?? 'seed',
            tenant: w.tenant ?? '',
          });
          this.#store(w.tenant ?? '');
          return reply(201, { webhooks });
        }
        case 'DELETE /webhooks':
          this.#webhooks.clear();
          return reply(204);
        case 'PUT /rate-limits': {
          const limits = (body ?? {}) as Record<string, unknown>;
          if (limits.enabled === false) this.#rateLimits = false;
          else if (
            isNonNegative(limits.perMinute) &&
            isNonNegative(limits.perDay) &&
            (limits.windowMs === undefined || (isNonNegative(limits.windowMs) && limits.windowMs > 0))
          ) {
            this.#rateLimits = this.#normalizeLimits({
              perMinute: limits.perMinute,
              perDay: limits.perDay,
              ...(limits.windowMs === undefined ? {} : { windowMs: limits.windowMs }),
            });
          } else
            return reply(
              400,
              errorBody(400, 'body must be {perMinute, perDay, windowMs?} or {enabled: false}'),
            );
          this.#windows = new Map();
          return reply(200, { rateLimits: this.#rateLimits });
        }
        case 'POST /tokens': {
          const t = (body ?? {}) as Record<string, unknown>;
          const scopesOk =
            t.scopes === undefined ||
            (Array.isArray(t.scopes) && t.scopes.every((s) => typeof s === 'string'));
          if (
            typeof t.token !== 'string' ||
            t.token === '' ||
            !scopesOk ||
            (t.tenant !== undefined && typeof t.tenant !== 'string') ||
            (t.expiresInSeconds !== undefined && !isNonNegative(t.expiresInSeconds))
          ) {
            return reply(
              400,
              errorBody(
                400,
                'body must be {token: string, scopes?: string[], tenant?: string, expiresInSeconds?: number}',
              ),
            );
          }
          const record: TokenRecord = {
            scopes: new Set((t.scopes as string[] | undefined) ?? DEFAULT_SCOPES),
            tenant: t.tenant ?? '',
            minted: false,
          };
          if (t.expiresInSeconds !== undefined) record.expiresAt = Date.now() + t.expiresInSeconds * 1000;
          this.#registeredTokens.set(t.token, record);
          this.#store(record.tenant);
          return reply(201, {
            token: t.token,
            scopes: [...record.scopes],
            tenant: record.tenant,
            expiresAt: record.expiresAt === undefined ? null : new Date(record.expiresAt).toISOString(),
          });
        }
        case 'POST /tokens/expire': {
          for (const record of this.#mintedTokens.values()) record.expiresAt = 0;
          return reply(200, { expired: this.#mintedTokens.size });
        }
        case 'GET /state/sessions': {
          const sessions = this.#store(tenant).stateSessions(
            url.searchParams.get('customerEmail') ?? undefined,
          );
          return reply(200, { sessions, total_count: sessions.length });
        }
      }
      if (method === 'POST' && stateStatus) {
        const status = (body as { status?: unknown } | undefined)?.status;
        if (!['waiting', 'active', 'completed', 'ended', 'scheduled'].includes(status as string)) {
          return reply(
            400,
            errorBody(400, 'status must be one of waiting, active, completed, ended, scheduled'),
          );
        }
        return reply(
          200,
          this.#store(tenant).forceStatus(decodeURIComponent(stateStatus[1]!), status as Z.ZohoSessionStatus),
        );
      }
      if (method === 'POST' && computerStatus) {
        const status = (body as { status?: unknown } | undefined)?.status;
        if (status !== 'online' && status !== 'offline')
          return reply(400, errorBody(400, 'status must be online or offline'));
        return reply(
          200,
          this.#store(tenant).setComputerStatus(decodeURIComponent(computerStatus[1]!), status),
        );
      }
      return reply(404, errorBody(404, `No control-plane route for ${method} ${url.pathname}`));
    } catch (error) {
      if (error instanceof ApiError) return reply(error.status, errorBody(error.status, error.message));
      return reply(500, errorBody(500, error instanceof Error ? error.message : String(error)));
    }
  }
}
