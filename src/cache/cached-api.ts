/**
 * A cross-request read cache in front of the upstream: a ZohoAssistApi that answers repeated GETs from a
 * CacheStore for a short, per-resource time, and forgets a resource whenever a mutation may have changed it: on
 * success, and on a failure unless Zoho refused every attempt outright (a 4xx) or none was sent (the budget
 * refused it). A write whose outcome is unknown may have happened; one refused for a made-up token did not, and
 * must not cost every user their cached reads.
 *
 * Entries are keyed by `scope`: in forwarded mode a fingerprint of the caller's token, so a user only ever
 * reads answers fetched with their own token (and Zoho's scopes for them); with a service identity every
 * caller shares it. Only successful answers are kept. A failing store is a miss, never a failed call.
 */
import type { Metrics } from '../observability/metrics.js';
import type { CallOptions, ZohoAssistApi } from '../upstream/api.js';
import type * as Z from '../../contract/types.js';
import type { CacheStore } from './store.js';

export type CachedResource =
  'sessions' | 'files' | 'chat' | 'technicians' | 'customers' | 'computers' | 'reports';

/** How long an answer stays fresh: how often each kind of thing changes behind our back in Zoho. */
export const CACHE_TTL_MS: Readonly<Record<CachedResource, number>> = Object.freeze({
  technicians: 60_000,
  customers: 60_000,
  computers: 30_000,
  sessions: 5_000,
  files: 5_000,
  chat: 5_000,
  reports: 300_000,
});

/**
 * What each write may change. A session carries its customer's name and e-mail and its technician's id; reports
 * are computed from sessions, technicians and customers; connecting a computer starts a session on it.
 */
const SESSION_WRITE: readonly CachedResource[] = ['sessions', 'technicians', 'reports'];
const TECHNICIAN_WRITE: readonly CachedResource[] = ['technicians', 'sessions', 'reports'];
const CUSTOMER_WRITE: readonly CachedResource[] = ['customers', 'sessions', 'reports'];
const COMPUTER_WRITE: readonly CachedResource[] = ['computers', 'sessions', 'reports'];

export interface CachedApiOptions {
  store: CacheStore;
  /** Whose answers these are: a token fingerprint in forwarded mode, the service identity otherwise. */
  scope: string;
  metrics?: Metrics | undefined;
  /**
   * Attempts of this request that may have changed something in Zoho (src/budget/guard.ts, `mayHaveLanded`).
   * Without it every write, failed or not, invalidates.
   */
  mayHaveLanded?: () => number;
  /** The store failed (Redis unreachable): the call went upstream instead. */
  onStoreError?: (error: unknown) => void;
  ttlMs?: Partial<Record<CachedResource, number>>;
}

class CachedZohoApi implements ZohoAssistApi {
  readonly #inner: ZohoAssistApi;
  readonly #options: CachedApiOptions;

  constructor(inner: ZohoAssistApi, options: CachedApiOptions) {
    this.#inner = inner;
    this.#options = options;
  }

  async #read<T>(resource: CachedResource, key: string, fetch: () => Promise<T>): Promise<T> {
    const { store, scope, metrics } = this.#options;
    const entryKey = `${scope}:${key}`;
    let generation: string | undefined;
    try {
      const found = await store.lookup(resource, entryKey);
      generation = found.generation;
      if (found.value !== undefined) {
        metrics?.cacheLookups.inc({ resource, result: 'hit' });
        return JSON.parse(found.value) as T;
      }
    } catch (error) {
      this.#options.onStoreError?.(error);
    }
    metrics?.cacheLookups.inc({ resource, result: 'miss' });
    const value = await fetch();
    if (generation !== undefined) {
      const ttl = this.#options.ttlMs?.[resource] ?? CACHE_TTL_MS[resource];
      await store
        .store(resource, generation, entryKey, JSON.stringify(value), ttl)
        .catch((error: unknown) => this.#options.onStoreError?.(error));
    }
    return value;
  }

  async #write<T>(resources: readonly CachedResource[], run: () => Promise<T>): Promise<T> {
    const landed = this.#options.mayHaveLanded;
    const before = landed?.();
    try {
      const value = await run();
      await this.#invalidate(resources);
      return value;
    } catch (error) {
      // Other calls of the same request may have landed meanwhile: that only invalidates more, never less.
      if (before === undefined || landed!() > before) await this.#invalidate(resources);
      throw error;
    }
  }

  async #invalidate(resources: readonly CachedResource[]): Promise<void> {
    await this.#options.store
      .invalidate(resources)
      .catch((error: unknown) => this.#options.onStoreError?.(error));
  }

  // ------------------------------------------------------------------------------------------------ sessions

  listSessions(query: Z.ListSessionsQuery, options?: CallOptions): Promise<Z.ZohoSessionList> {
    return this.#read('sessions', `list:${stable(query)}`, () => this.#inner.listSessions(query, options));
  }
  getSession(sessionId: string, options?: CallOptions): Promise<Z.ZohoSession> {
    return this.#read('sessions', `get:${sessionId}`, () => this.#inner.getSession(sessionId, options));
  }
  createSession(body: Z.CreateSessionRequest, options?: CallOptions): Promise<Z.ZohoCreatedSession> {
    return this.#write(SESSION_WRITE, () => this.#inner.createSession(body, options));
  }
  scheduleSession(body: Z.ScheduleSessionRequest, options?: CallOptions): Promise<Z.ZohoSession> {
    return this.#write(SESSION_WRITE, () => this.#inner.scheduleSession(body, options));
  }
  endSession(sessionId: string, options?: CallOptions): Promise<Z.ZohoSession> {
    return this.#write(SESSION_WRITE, () => this.#inner.endSession(sessionId, options));
  }
  getSessionDetails(sessionId: string, options?: CallOptions): Promise<Z.ZohoSessionReportEntry> {
    return this.#read('sessions', `details:${sessionId}`, () =>
      this.#inner.getSessionDetails(sessionId, options),
    );
  }
  inviteToSession(
    sessionId: string,
    body: Z.InviteRequest,
    options?: CallOptions,
  ): Promise<Z.ZohoInvitation> {
    return this.#write(['sessions'], () => this.#inner.inviteToSession(sessionId, body, options));
  }
  transferSession(sessionId: string, body: Z.TransferRequest, options?: CallOptions): Promise<Z.ZohoSession> {
    return this.#write(SESSION_WRITE, () => this.#inner.transferSession(sessionId, body, options));
  }

  // --------------------------------------------------------------------------------------------- files, chat

  listSessionFiles(
    sessionId: string,
    query?: Z.ListFilesQuery,
    options?: CallOptions,
  ): Promise<Z.ZohoFileList> {
    return this.#read('files', `list:${sessionId}:${stable(query ?? {})}`, () =>
      this.#inner.listSessionFiles(sessionId, query, options),
    );
  }
  initiateFileTransfer(
    sessionId: string,
    body: Z.InitiateFileTransferRequest,
    options?: CallOptions,
  ): Promise<Z.ZohoFile> {
    return this.#write(['files'], () => this.#inner.initiateFileTransfer(sessionId, body, options));
  }
  downloadSessionFile(sessionId: string, fileId: string, options?: CallOptions): Promise<Z.ZohoFileDownload> {
    // Bytes, possibly large: not worth a shared cache.
    return this.#inner.downloadSessionFile(sessionId, fileId, options);
  }
  getChatHistory(sessionId: string, options?: CallOptions): Promise<Z.ZohoChatHistory> {
    return this.#read('chat', `get:${sessionId}`, () => this.#inner.getChatHistory(sessionId, options));
  }

  // --------------------------------------------------------------------------------------------- technicians

  listTechnicians(query: Z.ListTechniciansQuery, options?: CallOptions): Promise<Z.ZohoTechnicianList> {
    return this.#read('technicians', `list:${stable(query)}`, () =>
      this.#inner.listTechnicians(query, options),
    );
  }
  getTechnician(technicianId: string, options?: CallOptions): Promise<Z.ZohoTechnician> {
    return this.#read('technicians', `get:${technicianId}`, () =>
      this.#inner.getTechnician(technicianId, options),
    );
  }
  addTechnician(body: Z.AddTechnicianRequest, options?: CallOptions): Promise<Z.ZohoTechnician> {
    return this.#write(TECHNICIAN_WRITE, () => this.#inner.addTechnician(body, options));
  }
  updateTechnician(
    technicianId: string,
    body: Z.UpdateTechnicianRequest,
    options?: CallOptions,
  ): Promise<Z.ZohoTechnician> {
    return this.#write(TECHNICIAN_WRITE, () => this.#inner.updateTechnician(technicianId, body, options));
  }
  removeTechnician(technicianId: string, options?: CallOptions): Promise<void> {
    return this.#write(TECHNICIAN_WRITE, () => this.#inner.removeTechnician(technicianId, options));
  }

  // ----------------------------------------------------------------------------------------------- customers

  listCustomers(query: Z.ListCustomersQuery, options?: CallOptions): Promise<Z.ZohoCustomerList> {
    return this.#read('customers', `list:${stable(query)}`, () => this.#inner.listCustomers(query, options));
  }
  getCustomer(customerId: string, options?: CallOptions): Promise<Z.ZohoCustomer> {
    return this.#read('customers', `get:${customerId}`, () => this.#inner.getCustomer(customerId, options));
  }
  addCustomer(body: Z.AddCustomerRequest, options?: CallOptions): Promise<Z.ZohoCustomer> {
    return this.#write(CUSTOMER_WRITE, () => this.#inner.addCustomer(body, options));
  }
  updateCustomer(
    customerId: string,
    body: Z.UpdateCustomerRequest,
    options?: CallOptions,
  ): Promise<Z.ZohoCustomer> {
    return this.#write(CUSTOMER_WRITE, () => this.#inner.updateCustomer(customerId, body, options));
  }
  removeCustomer(customerId: string, options?: CallOptions): Promise<void> {
    return this.#write(CUSTOMER_WRITE, () => this.#inner.removeCustomer(customerId, options));
  }

  // ----------------------------------------------------------------------------------------------- computers

  listComputers(query: Z.ListComputersQuery, options?: CallOptions): Promise<Z.ZohoComputerList> {
    return this.#read('computers', `list:${stable(query)}`, () => this.#inner.listComputers(query, options));
  }
  getComputer(computerId: string, options?: CallOptions): Promise<Z.ZohoComputer> {
    return this.#read('computers', `get:${computerId}`, () => this.#inner.getComputer(computerId, options));
  }
  connectComputer(
    computerId: string,
    body?: Z.ConnectComputerRequest,
    options?: CallOptions,
  ): Promise<Z.ZohoSession> {
    return this.#write(COMPUTER_WRITE, () => this.#inner.connectComputer(computerId, body, options));
  }
  removeComputer(computerId: string, options?: CallOptions): Promise<void> {
    return this.#write(COMPUTER_WRITE, () => this.#inner.removeComputer(computerId, options));
  }

  // ------------------------------------------------------------------------------------------------- reports

  getSessionReport(query: Z.ReportQuery, options?: CallOptions): Promise<Z.ZohoSessionReport> {
    return this.#read('reports', `sessions:${stable(query)}`, () =>
      this.#inner.getSessionReport(query, options),
    );
  }
  getTechnicianReport(query: Z.ReportQuery, options?: CallOptions): Promise<Z.ZohoTechnicianReport> {
    return this.#read('reports', `technicians:${stable(query)}`, () =>
      this.#inner.getTechnicianReport(query, options),
    );
  }
  getCustomerReport(query: Z.ReportQuery, options?: CallOptions): Promise<Z.ZohoCustomerReport> {
    return this.#read('reports', `customers:${stable(query)}`, () =>
      this.#inner.getCustomerReport(query, options),
    );
  }
}

/** Query objects as a key: sorted, undefined members dropped, so `{a, b}` and `{b, a}` share an entry. */
function stable(query: object): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** Wraps `inner` (the per-request REST client) with the shared read cache. */
export function createCachedApi(inner: ZohoAssistApi, options: CachedApiOptions): ZohoAssistApi {
  return new CachedZohoApi(inner, options);
}
