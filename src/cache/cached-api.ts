/**
 * A cross-request read cache in front of the upstream: a ZohoAssistApi that answers repeated GETs from a
 * CacheStore for the lifetime the table of operations gives each (contract/operations.ts), and forgets the
 * resources a write names whenever it may have changed them: on
 * success, and on a failure unless Zoho refused every attempt outright (a 4xx) or none was sent (the budget
 * refused it). A write whose outcome is unknown may have happened; one refused for a made-up token did not, and
 * must not cost every user their cached reads.
 *
 * Entries are keyed by `scope`: in forwarded mode a fingerprint of the caller's token, so a user only ever
 * reads answers fetched with their own token (and Zoho's scopes for them); with a service identity every
 * caller shares it. Only successful answers are kept. A failing store is a miss, never a failed call.
 */
import type { Metrics } from '../observability/metrics.js';
import { withOperationMethods, type OperationCaller, type ZohoAssistApi } from '../upstream/api.js';
import {
  OPERATIONS,
  type CachedRead,
  type CachedResource,
  type OperationAnswer,
  type OperationArgs,
  type OperationName,
} from '../../contract/operations.js';
import type { CacheStore } from './store.js';

/** What the table says the cache does with each operation: read through with a lifetime, or forget on write. */
type Policy = { read: CachedRead } | { invalidates: readonly CachedResource[] } | { bypass: true };

const POLICIES = Object.fromEntries(
  Object.entries(OPERATIONS).map(([name, row]): [string, Policy] => [
    name,
    'invalidates' in row
      ? { invalidates: row.invalidates }
      : row.cache === 'never'
        ? { bypass: true }
        : { read: row.cache },
  ]),
) as Readonly<Record<OperationName, Policy>>;

/** A write let through, for whoever announces changes (src/events/: other replicas, routers, subscribers). */
export interface WriteReport {
  dialect: 'seed' | 'live';
  /** Its row of contract/operations.ts or contract/live-operations.ts. */
  operation: string;
  args: readonly unknown[];
  /** The resources the row names (the live dialect's with `live:`). */
  resources: readonly string[];
  /** Zoho's answer, when the write succeeded. */
  answer?: unknown;
}

export interface CachedApiOptions {
  /** None: the read cache is off, and only writes are reported. */
  store: CacheStore | undefined;
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
  /** Each write that may have changed something, once the store forgot what it names. */
  onWrite?: ((write: WriteReport) => void) | undefined;
}

/**
 * Reads through the store and writes that forget: what every dialect's cached API does with one call, given
 * the resource and lifetime its table names (contract/operations.ts, contract/live-operations.ts).
 */
export interface ReadThrough {
  read<T>(
    read: { resource: string; maxAgeSeconds: number },
    key: string,
    fetch: () => Promise<T>,
  ): Promise<T>;
  write<T>(
    resources: readonly string[],
    run: () => Promise<T>,
    report?: Omit<WriteReport, 'resources' | 'answer'>,
  ): Promise<T>;
}

export function createReadThrough(options: CachedApiOptions): ReadThrough {
  const invalidate = async (resources: readonly string[]): Promise<void> => {
    await options.store?.invalidate(resources).catch((error: unknown) => options.onStoreError?.(error));
  };
  return {
    async read({ resource, maxAgeSeconds }, key, fetch) {
      const { store, scope, metrics } = options;
      if (!store) return fetch();
      const entryKey = `${scope}:${key}`;
      let generation: string | undefined;
      try {
        const found = await store.lookup(resource, entryKey);
        generation = found.generation;
        if (found.value !== undefined) {
          metrics?.cacheLookups.inc({ resource, result: 'hit' });
          return JSON.parse(found.value) as Awaited<ReturnType<typeof fetch>>;
        }
      } catch (error) {
        options.onStoreError?.(error);
      }
      metrics?.cacheLookups.inc({ resource, result: 'miss' });
      const value = await fetch();
      if (generation !== undefined) {
        await store
          .store(resource, generation, entryKey, JSON.stringify(value), maxAgeSeconds * 1000)
          .catch((error: unknown) => options.onStoreError?.(error));
      }
      return value;
    },

    async write(resources, run, report) {
      const landed = options.mayHaveLanded;
      const before = landed?.();
      const reported = (answer?: unknown) => {
        if (report) options.onWrite?.({ ...report, resources, ...(answer === undefined ? {} : { answer }) });
      };
      try {
        const value = await run();
        await invalidate(resources);
        reported(value);
        return value;
      } catch (error) {
        // Other calls of the same request may have landed meanwhile: that only invalidates more, never less.
        if (before === undefined || landed!() > before) {
          await invalidate(resources);
          reported();
        }
        throw error;
      }
    },
  };
}

const CachedZohoApi = withOperationMethods(
  class CachedZohoApi implements OperationCaller {
    readonly #inner: ZohoAssistApi;
    readonly #through: ReadThrough;

    constructor(inner: ZohoAssistApi, options: CachedApiOptions) {
      this.#inner = inner;
      this.#through = createReadThrough(options);
    }

    call<K extends OperationName>(name: K, args: OperationArgs<K>): Promise<OperationAnswer<K>> {
      // The inner client's method of the same name, with the same arguments.
      const inner = this.#inner;
      const method = inner[name] as (...a: OperationArgs<K>) => Promise<OperationAnswer<K>>;
      const fetch = () => method.apply(inner, args);
      const policy = POLICIES[name];
      if ('read' in policy) return this.#through.read(policy.read, `${name}:${key(args)}`, fetch);
      if ('invalidates' in policy)
        return this.#through.write(policy.invalidates, fetch, { dialect: 'seed', operation: name, args });
      return fetch();
    }
  },
);

/**
 * A call's arguments as a key: path parameters as they are, query objects sorted with undefined members
 * dropped, so `{a, b}` and `{b, a}` (and a missing query and `{}`) share an entry.
 */
export function key(args: readonly unknown[]): string {
  return JSON.stringify(args.map((arg) => (typeof arg === 'string' ? arg : stable(arg ?? {}))));
}

function stable(query: object): [string, unknown][] {
  return Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Wraps `inner` (the per-request REST client) with the shared read cache. */
export function createCachedApi(inner: ZohoAssistApi, options: CachedApiOptions): ZohoAssistApi {
  return new CachedZohoApi(inner, options);
}

/** Answers nothing: behind the read cache, it turns every miss into a refusal. */
const NoUpstream = withOperationMethods(
  class NoUpstream implements OperationCaller {
    call<K extends OperationName>(name: K): Promise<OperationAnswer<K>> {
      return Promise.reject(new Error(`${name}: not in the read cache`));
    }
  },
);

/**
 * What the read cache already holds for `scope`, answered without a call: a miss (or a write) rejects. For
 * answers that are free when known and not worth a call otherwise (the technician a session had before a
 * transfer).
 */
export function createKnownApi(options: { store: CacheStore; scope: string }): ZohoAssistApi {
  return new CachedZohoApi(new NoUpstream(), options);
}
