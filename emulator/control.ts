/**
 * A typed client for the emulator's `/__emulator/` control plane, for tests and benchmarks: one method per route
 * `Emulator.handleControl` (server.ts) answers, with the body it accepts and the body it returns, so a caller
 * never writes a control path, a method or a JSON shape by hand. Works against an emulator in this process or
 * in another one: it speaks HTTP to the origin it is given. A refused request throws `EmulatorControlError`
 * with the status and the emulator's message.
 */
import type { ZohoComputer, ZohoInvitation, ZohoSession, ZohoSessionStatus } from '../contract/types.js';
import type { FaultRule, LogEntry, RateLimits } from './server.js';
import type { SeedSize } from './store.js';
import type { WebhookDelivery, WebhookDialect, WebhookTarget } from './webhooks.js';

/** What reached "Zoho" since the last reset: every API and token call, by `METHOD /path-template`. */
export interface UpstreamCalls {
  total: number;
  byRoute: Record<string, number>;
}

/** An invitation e-mail the emulator "sent" for `POST /sessions/{id}/invite`. */
export type OutboxMessage = ZohoInvitation & { to: string; subject: string; body: string };

/** A session as the store holds it, with the figures the reports are computed from. */
export type StateSession = ZohoSession & {
  technicianName: string;
  reportStartTime: string;
  durationSeconds: number;
  chatMessages: number;
  filesTransferred: number;
};

export interface TokenRegistration {
  token: string;
  /** Default: every scope the emulator knows. */
  scopes?: readonly string[];
  /** Each tenant is an account of its own, with its own seeded data; default the shared account (''). */
  tenant?: string;
  /** Default: never expires. */
  expiresInSeconds?: number;
}

export interface RegisteredToken {
  token: string;
  scopes: string[];
  tenant: string;
  /** ISO time, or null for a token that never expires. */
  expiresAt: string | null;
}

/** Selects one tenant's account for the state routes; default the shared account. */
export interface TenantOption {
  tenant?: string;
}

export class EmulatorControlError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`emulator control ${method} ${path}: ${status} ${JSON.stringify(body)}`);
    this.name = 'EmulatorControlError';
  }
}

export interface EmulatorControl {
  health(): Promise<{ ok: true }>;
  /**
   * Fresh seed at the configured size; no faults, call counts, log, outbox, minted tokens, mint throttle or
   * rate-limit windows; the configured rate limits again. Tokens registered with `registerToken` stay.
   */
  reset(): Promise<void>;
  /** `reset()` with a new seed size; answers the size now in force. */
  reseed(size: SeedSize): Promise<Required<SeedSize>>;
  calls(): Promise<UpstreamCalls>;
  /** Zeroes the call counters and empties the log, so the next `calls()` counts what follows. */
  resetCalls(): Promise<void>;
  /** The last `limit` calls (default all kept, up to 1000), oldest first. */
  log(limit?: number): Promise<LogEntry[]>;
  outbox(): Promise<OutboxMessage[]>;
  clearOutbox(): Promise<void>;
  faults(): Promise<FaultRule[]>;
  /** Adds a rule (applied with every other rule in force); answers the rules now in force. */
  addFault(rule: FaultRule): Promise<FaultRule[]>;
  clearFaults(): Promise<void>;
  /** Per-token fixed windows; `false` turns rate limiting off. Counting starts again either way. */
  setRateLimits(limits: RateLimits | false): Promise<false | Required<RateLimits>>;
  registerToken(registration: TokenRegistration): Promise<RegisteredToken>;
  /** Expires every token minted through the OAuth endpoint; answers how many. */
  expireMintedTokens(): Promise<number>;
  /** Newest first; only the sessions of `customerEmail` when given. */
  stateSessions(options?: TenantOption & { customerEmail?: string }): Promise<StateSession[]>;
  /** A lifecycle move the API cannot make (a customer joining, a session completing). */
  setSessionStatus(
    sessionId: string,
    status: ZohoSessionStatus,
    options?: TenantOption,
  ): Promise<ZohoSession>;
  setComputerStatus(
    computerId: string,
    status: 'online' | 'offline',
    options?: TenantOption,
  ): Promise<ZohoComputer>;
  /** Enrols a machine, as Zoho's agent install does (the API cannot); answers it as the API would. */
  addComputer(
    computer: { name: string; status?: 'online' | 'offline'; os?: string },
    options?: TenantOption,
  ): Promise<ZohoComputer>;
  /**
   * Sends Zoho's webhooks to `url` for every change of the tenant's store from now on (session start, customer
   * join, end, transfer; device added, online, offline, removed), with the ids of `dialect` (default `seed`); answers
   * the targets now registered. `reset()` forgets them.
   */
  addWebhook(target: { url: string; dialect?: WebhookDialect; tenant?: string }): Promise<WebhookTarget[]>;
  /** The registered targets, and every delivery attempted since the last reset (oldest first, up to 1000). */
  webhooks(): Promise<{ webhooks: WebhookTarget[]; deliveries: WebhookDelivery[] }>;
  clearWebhooks(): Promise<void>;
}

/** The control client of the emulator at `origin` (`http://127.0.0.1:PORT`, as `RunningEmulator.url`). */
export function createEmulatorControl(origin: string): EmulatorControl {
  async function request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
    query: Record<string, string | undefined> = {},
  ): Promise<T> {
    const url = new URL(`/__emulator${path}`, origin);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, value);
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new EmulatorControlError(method, path, response.status, parsed);
    return parsed as T;
  }
  const state = (kind: 'sessions' | 'computers', id: string) =>
    `/state/${kind}/${encodeURIComponent(id)}/status`;

  return {
    health: () => request('GET', '/health'),
    reset: async () => {
      await request('POST', '/reset');
    },
    reseed: async (size) => (await request<{ size: Required<SeedSize> }>('POST', '/reseed', size)).size,
    calls: () => request('GET', '/calls'),
    resetCalls: () => request('DELETE', '/calls'),
    log: async (limit) =>
      (await request<{ entries: LogEntry[] }>('GET', '/log', undefined, { limit: limit?.toString() }))
        .entries,
    outbox: async () => (await request<{ messages: OutboxMessage[] }>('GET', '/outbox')).messages,
    clearOutbox: () => request('DELETE', '/outbox'),
    faults: async () => (await request<{ faults: FaultRule[] }>('GET', '/faults')).faults,
    addFault: async (rule) => (await request<{ faults: FaultRule[] }>('POST', '/faults', rule)).faults,
    clearFaults: () => request('DELETE', '/faults'),
    setRateLimits: async (limits) =>
      (
        await request<{ rateLimits: false | Required<RateLimits> }>(
          'PUT',
          '/rate-limits',
          limits === false ? { enabled: false } : limits,
        )
      ).rateLimits,
    registerToken: (registration) => request('POST', '/tokens', registration),
    expireMintedTokens: async () => (await request<{ expired: number }>('POST', '/tokens/expire')).expired,
    stateSessions: async ({ tenant, customerEmail } = {}) =>
      (
        await request<{ sessions: StateSession[] }>('GET', '/state/sessions', undefined, {
          tenant,
          customerEmail,
        })
      ).sessions,
    setSessionStatus: (sessionId, status, { tenant } = {}) =>
      request('POST', state('sessions', sessionId), { status }, { tenant }),
    setComputerStatus: (computerId, status, { tenant } = {}) =>
      request('POST', state('computers', computerId), { status }, { tenant }),
    addComputer: (computer, { tenant } = {}) => request('POST', '/state/computers', computer, { tenant }),
    addWebhook: async (target) =>
      (await request<{ webhooks: WebhookTarget[] }>('POST', '/webhooks', target)).webhooks,
    webhooks: () => request('GET', '/webhooks'),
    clearWebhooks: () => request('DELETE', '/webhooks'),
  };
}
