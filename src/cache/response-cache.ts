/**
 * Whole responses, kept: Apollo's `@apollo/server-plugin-response-cache` in front of execution, so a repeated
 * query within its lifetime is answered without resolving a field (the read cache below it still resolves every
 * field of a 50-session page from cached upstream answers). What may be kept and for how long is the schema's
 * `@cacheControl` hints, which test/scale/cache-lifetimes.test.ts holds to the table of operations; the scope is
 * the auth mode's (src/graph/cache-control.ts). `PRIVATE` answers (forwarded mode) are kept per session, the
 * session being a fingerprint of the caller's `Authorization` header, so one caller never reads another's;
 * `PUBLIC` ones (service and static modes) are shared. The plugin keeps neither answers with errors (partial
 * ones included) nor mutations.
 *
 * Invalidation is by generation, as the read cache's (src/cache/store.ts): each entry's key holds the generation
 * current when its request started, and `invalidate()` moves the generation on, so every response kept before is
 * unreachable at once, for every caller. A response whose execution overlapped the write is stored under the old
 * generation, where nobody reads it. One generation for every response, not one per resource: a response is a
 * tree of several resources, and writes are rare next to reads, so dropping everything on any write is the
 * simplest design that is right. In Redis (with `REDIS_URL`) the generation is shared, so a write on one replica
 * drops the responses every replica kept; the responses themselves stay in each process's memory.
 *
 * A response is kept for its lifetime from when it was built, possibly from read-cache answers already that old:
 * a change in Zoho that no write or event of ours announces can show up to twice a lifetime late (docs/budget.md).
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext, GraphQLRequest, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import {
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
} from '@apollo/utils.keyvaluecache';
import { OperationTypeNode } from 'graphql';
import type { Metrics } from '../observability/metrics.js';
import type { RedisConnection } from '../redis/connection.js';

/** The generation every kept response is keyed by. */
export interface ResponseGeneration {
  /** Undefined when it cannot be known (Redis unreachable): nothing is read from or written to the cache then. */
  current(): Promise<string | undefined>;
  bump(): Promise<void>;
}

export class MemoryResponseGeneration implements ResponseGeneration {
  #generation = 0;

  async current(): Promise<string> {
    return String(this.#generation);
  }

  async bump(): Promise<void> {
    this.#generation += 1;
  }
}

export class RedisResponseGeneration implements ResponseGeneration {
  readonly #redis: RedisConnection;
  readonly #key: string;
  readonly #onError: (error: unknown) => void;

  constructor(redis: RedisConnection, prefix: string, onError: (error: unknown) => void) {
    this.#redis = redis;
    this.#key = `${prefix}cache:generation:responses`;
    this.#onError = onError;
  }

  async current(): Promise<string | undefined> {
    try {
      return (await this.#redis.call((redis) => redis.get(this.#key))) ?? '0';
    } catch (error) {
      this.#onError(error);
      return undefined;
    }
  }

  /**
   * A failure is reported, not thrown: the write it follows has happened, and its answer must reach the client.
   * This replica's own responses are dropped anyway; what other replicas kept lives out its lifetime.
   */
  async bump(): Promise<void> {
    try {
      await this.#redis.call((redis) => redis.incr(this.#key));
    } catch (error) {
      this.#onError(error);
    }
  }
}

export interface ResponseCacheOptions {
  generation: ResponseGeneration;
  /** `PRIVATE` answers are kept per caller (forwarded mode); otherwise every answer is `PUBLIC`. */
  perCaller: boolean;
  /** Bound of the kept responses, in bytes of their JSON (least recently used go first). */
  maxBytes: number;
  metrics?: Metrics | undefined;
}

export interface ResponseCache {
  /** Apollo Server's plugins: read before execution, write after it (and count hits and misses). */
  readonly plugins: readonly ApolloServerPlugin<BaseContext>[];
  /**
   * Drops every kept response (for every caller, on every replica sharing the Redis generation). Called whenever
   * the read cache forgets a resource (src/budget/runtime.ts): after each write that may have landed, before the
   * mutation's answer leaves, so whatever makes an upstream answer stale makes the responses built from it
   * unreachable too. Changes heard from elsewhere arrive the same way: src/events/index.ts announces each through
   * the runtime's `invalidate`, the read cache's store.
   */
  invalidate(): Promise<void>;
}

/** The caller's session: a fingerprint of the token it sent, never the token. */
function sessionOf(request: GraphQLRequest): string | null {
  const authorization = request.http?.headers.get('authorization');
  return authorization ? createHash('sha256').update(authorization).digest('base64url') : null;
}

/**
 * Extensions that describe an answer's data rather than its request, kept with it: the router's cache tags
 * (src/events/cache-tags.ts), without which a router would keep our kept answer untagged and no invalidation
 * would reach it. Not `budget`, which is the asking caller's.
 */
const KEPT_EXTENSIONS = ['apolloCacheTags', 'apolloEntityCacheTags'] as const;

interface Kept {
  value: string;
  extensions: Record<string, unknown> | undefined;
  /** Characters of both, for the bound. */
  size: number;
}

/**
 * The stock plugin's store (it hands over serialised data), keeping the answer's data-describing extensions
 * beside it. Which request a `get` or `set` serves is the one whose key was generated last: the plugin generates a
 * key and passes it to the store in the same synchronous step.
 */
class KeptResponses implements KeyValueCache<string> {
  readonly #lru: InMemoryLRUCache<Kept>;
  readonly #found = new WeakMap<GraphQLRequest, Record<string, unknown>>();
  current: GraphQLRequestContext<BaseContext> | undefined;

  constructor(maxBytes: number) {
    this.#lru = new InMemoryLRUCache<Kept>({
      maxSize: maxBytes,
      sizeCalculation: (kept) => kept.size,
    });
  }

  async get(key: string): Promise<string | undefined> {
    const request = this.current?.request;
    const kept = await this.#lru.get(key);
    if (kept?.extensions && request) this.#found.set(request, kept.extensions);
    return kept?.value;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const context = this.current;
    // The plugins' willSendResponse hooks run together: the tags are written by one that may start after ours.
    await new Promise((resolve) => setImmediate(resolve));
    const body = context?.response.body;
    const all = body?.kind === 'single' ? body.singleResult.extensions : undefined;
    const picked = KEPT_EXTENSIONS.filter((name) => all?.[name] !== undefined);
    const extensions =
      picked.length > 0 ? Object.fromEntries(picked.map((name) => [name, all![name]])) : undefined;
    const size = value.length + (extensions ? JSON.stringify(extensions).length : 0);
    await this.#lru.set(key, { value, extensions, size }, options);
  }

  async delete(key: string): Promise<boolean> {
    return this.#lru.delete(key);
  }

  clear(): void {
    this.#lru.clear();
  }

  /** The kept extensions of the answer this request was served from. */
  keptFor(request: GraphQLRequest): Record<string, unknown> | undefined {
    return this.#found.get(request);
  }
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const { generation, perCaller, metrics } = options;
  const store = new KeptResponses(options.maxBytes);
  /** Requests whose generation could not be read: neither served from nor written to the cache. */
  const blind = new WeakSet<object>();
  const invalidate = async () => {
    await generation.bump();
    // Older generations can never be read again: free their memory now rather than wait for the LRU.
    store.clear();
  };
  const stock = responseCachePlugin({
    cache: store,
    // The plugin's own key (a SHA-256 of the key data's JSON), noting whose it is for the store.
    generateCacheKey(requestContext, keyData) {
      store.current = requestContext;
      return createHash('sha256').update(JSON.stringify(keyData)).digest('hex');
    },
    // Without a session every answer lands in the shared space: only per-caller deployments have sessions.
    sessionId: async ({ request }) => (perCaller ? sessionOf(request) : null),
    async extraCacheKeyData(requestContext) {
      const current = await generation.current();
      if (current === undefined) blind.add(requestContext.request);
      return current;
    },
    // In forwarded mode a request without a token has no session, and nothing shared is ever kept.
    shouldReadFromCache: async ({ request }) =>
      !blind.has(request) && (!perCaller || sessionOf(request) !== null),
    shouldWriteToCache: async ({ request }) => !blind.has(request),
  });
  const plugins: ApolloServerPlugin<BaseContext>[] = [
    {
      async requestDidStart(requestContext) {
        const hooks = await stock.requestDidStart?.(requestContext);
        return {
          ...hooks,
          async responseForOperation(context) {
            const response = (await hooks?.responseForOperation?.(context)) ?? null;
            const kept = store.keptFor(context.request);
            if (response?.body.kind === 'single' && kept) response.body.singleResult.extensions = { ...kept };
            return response;
          },
        };
      },
    },
  ];
  if (metrics)
    plugins.push({
      async requestDidStart() {
        return {
          // After the stock plugin's (plugins run in order): whether the answer was kept is known by then.
          async willSendResponse(requestContext) {
            if (requestContext.operation?.operation !== OperationTypeNode.QUERY) return;
            metrics.cacheLookups.inc({
              resource: 'response',
              result: requestContext.metrics.responseCacheHit ? 'hit' : 'miss',
            });
          },
        };
      },
    });
  return { plugins, invalidate };
}
