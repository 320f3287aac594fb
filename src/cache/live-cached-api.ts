/**
 * The read cache of the live dialect: the seed's (cached-api.ts: the same store, scopes, generations and
 * invalidation rules) in front of Zoho's published API, one row of contract/live-operations.ts each. A read is
 * kept for its row's lifetime; a write forgets the resources its row names.
 *
 * It wraps the REST client, under the conversions of src/upstream/live-api.ts, so what it keeps is Zoho's
 * answer as the client parsed it (ids already exact strings). The department a call names is part of its key:
 * two deployments on one Redis with different ZOHO_DEPARTMENT_IDs never read each other's devices.
 */
import {
  withLiveOperationMethods,
  type LiveCaller,
  type LiveDepartmentOf,
  type LiveRestApi,
} from '../upstream/live-client.js';
import {
  LIVE_OPERATION_NAMES,
  LIVE_OPERATIONS,
  type LiveCachedRead,
  type LiveCachedResource,
  type LiveOperationAnswer,
  type LiveOperationArgs,
  type LiveOperationName,
} from '../../contract/live-operations.js';
import { createReadThrough, key, type CachedApiOptions, type ReadThrough } from './cached-api.js';

type Policy = { read: LiveCachedRead } | { invalidates: readonly LiveCachedResource[] } | { bypass: true };

function policyOf(name: LiveOperationName): Policy {
  const row: { cache?: LiveCachedRead | 'never'; invalidates?: readonly LiveCachedResource[] } =
    LIVE_OPERATIONS[name];
  if (row.invalidates) return { invalidates: row.invalidates };
  return row.cache === undefined || row.cache === 'never' ? { bypass: true } : { read: row.cache };
}

const POLICIES = Object.fromEntries(LIVE_OPERATION_NAMES.map((name) => [name, policyOf(name)])) as Readonly<
  Record<LiveOperationName, Policy>
>;

/** Zoho's resources under their own names, apart from the seed's (`live:devices`, not `computers`). */
const resource = (name: LiveCachedResource) => `live:${name}`;

const LiveCachedApi = withLiveOperationMethods(
  class LiveCachedApi implements LiveCaller {
    readonly #inner: LiveRestApi & LiveDepartmentOf;
    readonly #through: ReadThrough;

    constructor(inner: LiveRestApi & LiveDepartmentOf, options: CachedApiOptions) {
      this.#inner = inner;
      this.#through = createReadThrough(options);
    }

    department(): Promise<string> {
      return this.#inner.department();
    }

    async call<K extends LiveOperationName>(
      name: K,
      args: LiveOperationArgs<K>,
    ): Promise<LiveOperationAnswer<K>> {
      const inner = this.#inner;
      const method = inner[name] as (...a: LiveOperationArgs<K>) => Promise<LiveOperationAnswer<K>>;
      const fetch = () => method.apply(inner, args);
      const policy = POLICIES[name];
      if ('invalidates' in policy)
        return this.#through.write(policy.invalidates.map(resource), fetch, {
          dialect: 'live',
          operation: name,
          args,
        });
      if (!('read' in policy)) return fetch();
      const department = LIVE_OPERATIONS[name].department === 'none' ? '-' : await inner.department();
      const read = { resource: resource(policy.read.resource), maxAgeSeconds: policy.read.maxAgeSeconds };
      return this.#through.read(read, `${name}:${department}:${key(args)}`, fetch);
    }
  },
);

/** Wraps `inner` (the per-request live REST client) with the shared read cache. */
export function createLiveCachedApi(
  inner: LiveRestApi & LiveDepartmentOf,
  options: CachedApiOptions,
): LiveRestApi & LiveDepartmentOf {
  return new LiveCachedApi(inner, options);
}
