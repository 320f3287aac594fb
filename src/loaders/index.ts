/**
 * Per-request loaders: one set per GraphQL request, so nothing one user loaded is ever served to another.
 * They de-duplicate and batch the upstream calls of an operation and prime each other from list answers.
 */
import DataLoader from 'dataloader';
import type { CallOptions, ZohoAssistApi } from '../zoho/api.js';
import { NotFoundError } from '../zoho/errors.js';
import type {
  ZohoChatMessage,
  ZohoComputer,
  ZohoCustomer,
  ZohoFile,
  ZohoSession,
  ZohoSessionReportEntry,
  ZohoTechnician,
} from '../zoho/types.js';
import { fetchMany, PAGE_SIZE, TotalHint, type BatchSource } from './fetch-many.js';
import { createLimit, type Limit } from './limit.js';

export interface Loaders {
  sessionById: DataLoader<string, ZohoSession>;
  technicianById: DataLoader<string, ZohoTechnician>;
  technicianByEmail: DataLoader<string, ZohoTechnician>;
  customerById: DataLoader<string, ZohoCustomer>;
  customerByEmail: DataLoader<string, ZohoCustomer>;
  computerById: DataLoader<string, ZohoComputer>;
  chatBySession: DataLoader<string, readonly ZohoChatMessage[]>;
  filesBySession: DataLoader<string, readonly ZohoFile[]>;
  detailsBySession: DataLoader<string, ZohoSessionReportEntry>;
  primeSessions(sessions: readonly ZohoSession[]): void;
  primeTechnicians(technicians: readonly ZohoTechnician[]): void;
  primeCustomers(customers: readonly ZohoCustomer[]): void;
  primeComputers(computers: readonly ZohoComputer[]): void;
  /**
   * Starts listing the organisation's technicians now, when the last list said they fit in one page: a page of
   * sessions that shows technicians then needs one round trip, not two (the sessions, then their technicians).
   * Lookups by id made while it is in flight wait for it instead of calling Zoho themselves.
   */
  prefetchTechnicianRoster(): void;
  /** Upstream calls of this operation go through here (bounded concurrency). */
  limit: Limit;
}

export interface LoaderOptions {
  /** Upstream calls in flight at once for this operation. */
  concurrency: number;
  signal?: AbortSignal;
  /** Called with each batch's size, for the loader batch-size metric. */
  onBatch?: (loader: string, size: number) => void;
}

/** Totals survive requests (see TotalHint): they only price strategies. */
const totals = {
  sessions: new TotalHint(),
  technicians: new TotalHint(),
  customers: new TotalHint(),
  computers: new TotalHint(),
};

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function createLoaders(api: ZohoAssistApi, options: LoaderOptions): Loaders {
  const limit = createLimit(options.concurrency);
  const call: CallOptions = options.signal ? { signal: options.signal } : {};
  const count = PAGE_SIZE;

  function batched<V>(
    name: string,
    fn: (keys: readonly string[]) => Promise<Array<V | Error>>,
    cacheKeyFn?: (key: string) => string,
  ) {
    return new DataLoader<string, V>(
      async (keys) => {
        options.onBatch?.(name, keys.length);
        return fn(keys);
      },
      cacheKeyFn ? { cacheKeyFn } : {},
    );
  }

  function eachInParallel<V>(fetchOne: (key: string) => Promise<V>) {
    return (keys: readonly string[]) =>
      Promise.all(keys.map((key) => limit(() => fetchOne(key)).catch((error: unknown) => toError(error))));
  }

  const sessionById = lazy(() =>
    batched<ZohoSession>('sessionById', (keys) =>
      fetchMany(keys, {
        keyOf: (session) => session.sessionId,
        getOne: (id) => api.getSession(id, call),
        listPage: async (index) => {
          const page = await api.listSessions({ index, count }, call);
          return { items: page.sessions, total: page.total_count };
        },
        prime: (sessions) => primeSessions(sessions),
        recentFirst: true,
        totals: totals.sessions,
        limit,
      } satisfies BatchSource<ZohoSession>),
    ),
  );

  const technicianList = async (index: number) => {
    const page = await api.listTechnicians({ index, count }, call);
    return { items: page.technicians, total: page.total_count };
  };
  let roster: Promise<ReadonlyMap<string, ZohoTechnician> | undefined> | undefined;
  function prefetchTechnicianRoster() {
    if (roster || totals.technicians.pages !== 1) return;
    roster = limit(() => technicianList(1)).then(
      (page) => {
        totals.technicians.remember(page.total);
        primeTechnicians(page.items);
        return new Map(page.items.map((technician) => [technician.technicianId, technician]));
      },
      // A failed prefetch leaves every lookup to make its own call, and report its own error.
      () => undefined,
    );
  }
  const technicianSource: BatchSource<ZohoTechnician> = {
    keyOf: (technician) => technician.technicianId,
    getOne: (id) => api.getTechnician(id, call),
    listPage: technicianList,
    prime: (technicians) => primeTechnicians(technicians),
    recentFirst: false,
    totals: totals.technicians,
    limit,
  };
  const technicianById = lazy(() =>
    batched<ZohoTechnician>('technicianById', async (keys) => {
      const listed = roster ? await roster : undefined;
      if (!listed) return fetchMany(keys, technicianSource);
      // Technicians added since the last list are not in it: those still get their own lookup.
      const unlisted = keys.filter((key) => !listed.has(key));
      const fetched = unlisted.length > 0 ? await fetchMany(unlisted, technicianSource) : [];
      const byKey = new Map(unlisted.map((key, i) => [key, fetched[i]!]));
      return keys.map((key) => listed.get(key) ?? byKey.get(key)!);
    }),
  );
  const technicianByEmail = lazy(() =>
    batched<ZohoTechnician>(
      'technicianByEmail',
      (keys) =>
        fetchMany(keys, {
          ...technicianSource,
          keyOf: (technician) => normaliseEmail(technician.email),
          getOne: async (email) =>
            firstOrNotFound((await api.listTechnicians({ email, count: 1 }, call)).technicians, email),
        }),
      normaliseEmail,
    ),
  );

  const customerList = async (index: number) => {
    const page = await api.listCustomers({ index, count }, call);
    return { items: page.customers, total: page.total_count };
  };
  const customerSource: BatchSource<ZohoCustomer> = {
    keyOf: (customer) => customer.customerId,
    getOne: (id) => api.getCustomer(id, call),
    listPage: customerList,
    prime: (customers) => primeCustomers(customers),
    recentFirst: false,
    totals: totals.customers,
    limit,
  };
  const customerById = lazy(() =>
    batched<ZohoCustomer>('customerById', (keys) => fetchMany(keys, customerSource)),
  );
  const customerByEmail = lazy(() =>
    batched<ZohoCustomer>(
      'customerByEmail',
      (keys) =>
        fetchMany(keys, {
          ...customerSource,
          keyOf: (customer) => normaliseEmail(customer.email),
          getOne: async (email) =>
            firstOrNotFound((await api.listCustomers({ email, count: 1 }, call)).customers, email),
        }),
      normaliseEmail,
    ),
  );

  const computerById = lazy(() =>
    batched<ZohoComputer>('computerById', (keys) =>
      fetchMany(keys, {
        keyOf: (computer) => computer.computerId,
        getOne: (id) => api.getComputer(id, call),
        listPage: async (index) => {
          const page = await api.listComputers({ index, count }, call);
          return { items: page.computers, total: page.total_count };
        },
        prime: (computers) => primeComputers(computers),
        recentFirst: false,
        totals: totals.computers,
        limit,
      }),
    ),
  );

  // Chat, files and details have no batch or list-across-sessions endpoint: one call per session, bounded.
  const chatBySession = lazy(() =>
    batched<readonly ZohoChatMessage[]>(
      'chatBySession',
      eachInParallel(async (id) => (await api.getChatHistory(id, call)).messages),
    ),
  );
  const filesBySession = lazy(() =>
    batched<readonly ZohoFile[]>(
      'filesBySession',
      eachInParallel(async (id) => (await api.listSessionFiles(id, { count }, call)).files),
    ),
  );
  const detailsBySession = lazy(() =>
    batched<ZohoSessionReportEntry>(
      'detailsBySession',
      eachInParallel((id) => api.getSessionDetails(id, call)),
    ),
  );

  function primeSessions(sessions: readonly ZohoSession[]) {
    const loader = sessionById();
    for (const session of sessions) loader.prime(session.sessionId, session);
  }
  function primeTechnicians(technicians: readonly ZohoTechnician[]) {
    const byId = technicianById();
    const byEmail = technicianByEmail();
    for (const technician of technicians) {
      byId.prime(technician.technicianId, technician);
      byEmail.prime(technician.email, technician);
    }
  }
  function primeCustomers(customers: readonly ZohoCustomer[]) {
    const byId = customerById();
    const byEmail = customerByEmail();
    for (const customer of customers) {
      byId.prime(customer.customerId, customer);
      byEmail.prime(customer.email, customer);
    }
  }
  function primeComputers(computers: readonly ZohoComputer[]) {
    const loader = computerById();
    for (const computer of computers) loader.prime(computer.computerId, computer);
  }

  // Getters: a loader is built the first time the operation needs it (most need one or two of the nine).
  return {
    get sessionById() {
      return sessionById();
    },
    get technicianById() {
      return technicianById();
    },
    get technicianByEmail() {
      return technicianByEmail();
    },
    get customerById() {
      return customerById();
    },
    get customerByEmail() {
      return customerByEmail();
    },
    get computerById() {
      return computerById();
    },
    get chatBySession() {
      return chatBySession();
    },
    get filesBySession() {
      return filesBySession();
    },
    get detailsBySession() {
      return detailsBySession();
    },
    primeSessions,
    primeTechnicians,
    primeCustomers,
    primeComputers,
    prefetchTechnicianRoster,
    limit,
  };
}

/** Built on first call, then the same value: per-request loaders an operation never touches cost nothing. */
function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

function firstOrNotFound<T>(items: readonly T[], key: string): T {
  const [first] = items;
  if (first === undefined) throw new NotFoundError(`No such resource: ${key.slice(0, 100)}`);
  return first;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
