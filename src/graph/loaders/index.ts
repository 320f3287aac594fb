/**
 * Per-request loaders: one set per GraphQL request, so nothing one user loaded is ever served to another.
 * They de-duplicate and batch the upstream calls of an operation and prime each other from list answers. The
 * client they are given is the request's own: its abort signal and its cap on calls in flight apply to every
 * call they make.
 */
import DataLoader from 'dataloader';
import type { ZohoAssistApi } from '../../upstream/api.js';
import { NotFoundError } from '../../upstream/errors.js';
import type {
  ZohoChatMessage,
  ZohoComputer,
  ZohoCustomer,
  ZohoFile,
  ZohoSession,
  ZohoSessionReportEntry,
  ZohoTechnician,
} from '../../../contract/types.js';
import { listTotal } from '../pagination.js';
import { fetchMany, PAGE_SIZE, TotalHint, type BatchSource, type ListPage } from './fetch-many.js';

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
}

export interface LoaderOptions {
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

const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** A PAGE_SIZE list answer from the 1-based `index`, with its total as far as Zoho or the page tells it. */
const listPage = <T>(index: number, items: T[], reported: number | undefined): ListPage<T> => ({
  items,
  total: listTotal(index - 1, items.length, PAGE_SIZE, reported),
});

export function createLoaders(api: ZohoAssistApi, options: LoaderOptions = {}): Loaders {
  const batched = <V>(
    name: string,
    fn: (keys: readonly string[]) => Promise<Array<V | Error>>,
    cacheKeyFn?: (key: string) => string,
  ): DataLoader<string, V> => {
    const onBatch = options.onBatch;
    return new DataLoader<string, V>(
      onBatch
        ? (keys) => {
            onBatch(name, keys.length);
            return fn(keys);
          }
        : fn,
      cacheKeyFn ? { cacheKeyFn } : {},
    );
  };

  const listTechnicians = async (index: number) => {
    const page = await api.listTechnicians({ index, count: PAGE_SIZE });
    return listPage(index, page.technicians, page.total_count);
  };
  const technicianSource: BatchSource<ZohoTechnician> = {
    keyOf: (technician) => technician.technicianId,
    getOne: (id) => api.getTechnician(id),
    listPage: listTechnicians,
    prime: (technicians) => loaders.primeTechnicians(technicians),
    recentFirst: false,
    totals: totals.technicians,
  };
  const customerSource: BatchSource<ZohoCustomer> = {
    keyOf: (customer) => customer.customerId,
    getOne: (id) => api.getCustomer(id),
    listPage: async (index) => {
      const page = await api.listCustomers({ index, count: PAGE_SIZE });
      return listPage(index, page.customers, page.total_count);
    },
    prime: (customers) => loaders.primeCustomers(customers),
    recentFirst: false,
    totals: totals.customers,
  };

  /** A by-email loader over a by-id source: keys are normalised e-mails, one lookup is a filtered list call. */
  const byEmail = <T extends { email: string }>(
    name: string,
    source: BatchSource<T>,
    withEmail: (email: string) => Promise<readonly T[]>,
  ): DataLoader<string, T> => {
    const emailSource: BatchSource<T> = {
      ...source,
      keyOf: (item) => normaliseEmail(item.email),
      getOne: async (email) => firstOrNotFound(await withEmail(email), email),
    };
    return batched(name, (keys) => fetchMany(keys, emailSource), normaliseEmail);
  };

  // Chat, files and details have no batch or list-across-sessions endpoint: one call per session.
  const eachInParallel =
    <V>(fetchOne: (key: string) => Promise<V>) =>
    (keys: readonly string[]) =>
      Promise.all(keys.map((key) => fetchOne(key).catch((error: unknown) => toError(error))));

  /** The organisation's technicians listed ahead of need (prefetchTechnicianRoster), by id. */
  let roster: Promise<ReadonlyMap<string, ZohoTechnician> | undefined> | undefined;

  const loaders: Loaders = {
    sessionById: batched('sessionById', (keys) =>
      fetchMany(keys, {
        keyOf: (session) => session.sessionId,
        getOne: (id) => api.getSession(id),
        listPage: async (index) => {
          const page = await api.listSessions({ index, count: PAGE_SIZE });
          return listPage(index, page.sessions, page.total_count);
        },
        prime: (sessions) => loaders.primeSessions(sessions),
        recentFirst: true,
        totals: totals.sessions,
      }),
    ),

    technicianById: batched('technicianById', async (keys) => {
      const listed = roster ? await roster : undefined;
      if (!listed) return fetchMany(keys, technicianSource);
      // Technicians added since the last list are not in it: those still get their own lookup.
      const unlisted = keys.filter((key) => !listed.has(key));
      const fetched = unlisted.length > 0 ? await fetchMany(unlisted, technicianSource) : [];
      const byKey = new Map(unlisted.map((key, i) => [key, fetched[i]!]));
      return keys.map((key) => listed.get(key) ?? byKey.get(key)!);
    }),

    technicianByEmail: byEmail(
      'technicianByEmail',
      technicianSource,
      async (email) => (await api.listTechnicians({ email, count: 1 })).technicians,
    ),

    customerById: batched('customerById', (keys) => fetchMany(keys, customerSource)),

    customerByEmail: byEmail(
      'customerByEmail',
      customerSource,
      async (email) => (await api.listCustomers({ email, count: 1 })).customers,
    ),

    computerById: batched('computerById', (keys) =>
      fetchMany(keys, {
        keyOf: (computer) => computer.computerId,
        getOne: (id) => api.getComputer(id),
        listPage: async (index) => {
          const page = await api.listComputers({ index, count: PAGE_SIZE });
          return listPage(index, page.computers, page.total_count);
        },
        prime: (computers) => loaders.primeComputers(computers),
        recentFirst: false,
        totals: totals.computers,
      }),
    ),

    chatBySession: batched(
      'chatBySession',
      eachInParallel(async (id) => (await api.getChatHistory(id)).messages),
    ),

    filesBySession: batched(
      'filesBySession',
      eachInParallel(async (id) => (await api.listSessionFiles(id, { count: PAGE_SIZE })).files),
    ),

    detailsBySession: batched(
      'detailsBySession',
      eachInParallel((id) => api.getSessionDetails(id)),
    ),

    primeSessions(sessions) {
      for (const session of sessions) loaders.sessionById.prime(session.sessionId, session);
    },

    primeTechnicians(technicians) {
      for (const technician of technicians) {
        loaders.technicianById.prime(technician.technicianId, technician);
        loaders.technicianByEmail.prime(technician.email, technician);
      }
    },

    primeCustomers(customers) {
      for (const customer of customers) {
        loaders.customerById.prime(customer.customerId, customer);
        loaders.customerByEmail.prime(customer.email, customer);
      }
    },

    primeComputers(computers) {
      for (const computer of computers) loaders.computerById.prime(computer.computerId, computer);
    },

    prefetchTechnicianRoster() {
      if (roster || totals.technicians.pages !== 1) return;
      roster = listTechnicians(1).then(
        (page) => {
          totals.technicians.remember(page.total);
          loaders.primeTechnicians(page.items);
          return new Map(page.items.map((technician) => [technician.technicianId, technician]));
        },
        // A failed prefetch leaves every lookup to make its own call, and report its own error.
        () => undefined,
      );
    },
  };
  return loaders;
}

function firstOrNotFound<T>(items: readonly T[], key: string): T {
  const [first] = items;
  if (first === undefined) throw new NotFoundError(`No such resource: ${key.slice(0, 100)}`);
  return first;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
