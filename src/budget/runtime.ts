/**
 * The shared state of a replica, built once at start-up from the configuration: the Redis connection (when
 * REDIS_URL is set), the budget limiter, the service token's store, what Zoho said of forwarded tokens and the
 * read cache's store. Everything here works without Redis (in memory, correct for one replica) and keeps working
 * while Redis is down or slow (local limits, in-process single flight, local verdicts, no shared cache), which
 * readiness reports.
 */
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import {
  createCachedApi,
  createKnownApi,
  type CachedApiOptions,
  type WriteReport,
} from '../cache/cached-api.js';
import { createLiveCachedApi } from '../cache/live-cached-api.js';
import {
  createResponseCache,
  MemoryResponseGeneration,
  RedisResponseGeneration,
  type ResponseCache,
} from '../cache/response-cache.js';
import { MemoryCacheStore, RedisCacheStore, type CacheStore } from '../cache/store.js';
import type { AuthConfig, Config } from '../config/index.js';
import type { Metrics } from '../observability/metrics.js';
import { connectRedis, type RedisConnection, type RedisStatus } from '../redis/connection.js';
import type { ZohoAssistApi } from '../upstream/api.js';
import type { LiveDepartmentOf, LiveRestApi } from '../upstream/live-client.js';
import {
  createIdempotentWrites,
  MemoryIdempotencyStore,
  RedisIdempotencyStore,
  type IdempotencyStore,
  type IdempotentWrites,
} from '../upstream/idempotency.js';
import { MemoryTokenStore, RedisTokenStore, type TokenStore } from '../upstream/token-store.js';
import { createBudgetGuard, fingerprint, type BudgetGuard } from './guard.js';
import {
  FallbackLimiter,
  MemoryLimiter,
  RedisLimiter,
  type BudgetClaim,
  type BudgetClaims,
  type BudgetLimiter,
  type BudgetSnapshot,
} from './limiter.js';
import { MemoryTokenVerdicts, RedisTokenVerdicts, type TokenVerdicts } from './verdicts.js';

/** Who is calling, as the budget and the read cache see it. */
export interface Caller {
  /** The budget this caller's operations are counted in (and `extensions.budget` shows). */
  readonly budgetKey: string;
  /** Whose read cache entries this caller may see. */
  readonly cacheScope: string;
  /** Forwarded mode: the fingerprint of the caller's token. */
  readonly token?: string;
}

export interface BudgetRuntime {
  /** Where the service token lives: Redis (shared, with a cross-replica mint lock) or this process. */
  readonly tokenStore: TokenStore;
  /**
   * Whose budget and whose cache a request uses. `forwardedToken` is the caller's own token in forwarded mode;
   * the service and static credentials are fingerprinted once, at start-up. A forwarded token Zoho rejected
   * before is refused here (UNAUTHENTICATED), at no upstream cost.
   */
  caller(forwardedToken: string | undefined): Promise<Caller>;
  guard(caller: Caller): BudgetGuard;
  /** What the read cache holds for the caller, answered without a call (a miss rejects); none without the cache. */
  known(caller: Caller): ZohoAssistApi | undefined;
  /** The caller's idempotent writes (`clientMutationId`), keyed within the caller's scope, shared by replicas. */
  writes(caller: Caller): IdempotentWrites;
  /** The budget `budgetKey` as it stands, spending nothing (`extensions.budget`). */
  peek(budgetKey: string): Promise<BudgetSnapshot>;
  /**
   * The per-request client, behind the read cache when it is on; `guard` (the request's) tells a write Zoho
   * refused outright from one that may have happened.
   */
  cached(api: ZohoAssistApi, caller: Caller, guard: BudgetGuard): ZohoAssistApi;
  /** The live dialect's REST client behind the same read cache (src/cache/live-cached-api.ts). */
  cachedLive(
    rest: LiveRestApi & LiveDepartmentOf,
    caller: Caller,
    guard: BudgetGuard,
  ): LiveRestApi & LiveDepartmentOf;
  /**
   * Whole query responses (src/cache/response-cache.ts), when the read cache and RESPONSE_CACHE are on: its
   * plugins go to Apollo Server. Every invalidation of the read cache drops them too.
   */
  readonly responses: ResponseCache | undefined;
  /** For readiness: `ok`, `slow` or `unreachable` (serving on local fallbacks either way), or `not configured`. */
  redisStatus(): RedisStatus | 'not configured';
  /** The replica's one Redis connection (REDIS_URL), for the event bus (src/events/). */
  readonly redis: RedisConnection | undefined;
  /** Makes the read cache forget `resources` (a change it did not make itself: an event); never rejects. */
  invalidate(resources: readonly string[]): Promise<void>;
  /** Hears of every write that may have changed something, on this replica (src/events/ announces it). */
  observeWrites(listener: (write: WriteReport) => void): void;
  close(): Promise<void>;
}

/** The key of the budget every forwarded token draws on, in either scope. */
const ORGANISATION = 'organisation';
/** The key of the allowance of tokens Zoho has not accepted yet. */
const UNVERIFIED = 'unverified';

export async function startBudget(options: {
  config: Config;
  auth: AuthConfig;
  logger: Logger;
  metrics: Metrics | undefined;
}): Promise<BudgetRuntime> {
  const { config, auth, logger, metrics } = options;
  const { limits, cache } = config;
  const prefix = limits.redisKeyPrefix;
  const redis: RedisConnection | undefined = limits.redisUrl
    ? await connectRedis(limits.redisUrl, logger, { metrics })
    : undefined;

  let lastFallbackLog = 0;
  const fellBack = (what: string) => (error: unknown) => {
    if (Date.now() - lastFallbackLog < 10_000) return;
    lastFallbackLog = Date.now();
    logger.warn(
      { what, err: { message: error instanceof Error ? error.message : String(error) } },
      'redis failed: using the local fallback',
    );
  };

  const local = new MemoryLimiter();
  const limiter: BudgetLimiter = redis
    ? new FallbackLimiter(new RedisLimiter(redis, prefix), local, fellBack('budget'))
    : local;

  // The credential's fingerprint names its budget, its token and its cache: two deployments for two Zoho
  // organisations can share one Redis without sharing anything else.
  const credential =
    auth.mode === 'service'
      ? `service:${fingerprint(`${auth.clientId}\n${auth.refreshToken}`)}`
      : auth.mode === 'static'
        ? `static:${fingerprint(auth.accessToken)}`
        : undefined;

  const tokenStore: TokenStore =
    redis && auth.mode === 'service' && credential
      ? new RedisTokenStore(redis, { identity: credential, prefix, onError: fellBack('token store') })
      : new MemoryTokenStore();

  const readStore: CacheStore | undefined = !cache.enabled
    ? undefined
    : redis
      ? new RedisCacheStore(redis, prefix)
      : new MemoryCacheStore(cache.maxEntries);

  const responses: ResponseCache | undefined =
    readStore && cache.responses
      ? createResponseCache({
          generation: redis
            ? new RedisResponseGeneration(redis, prefix, fellBack('response cache'))
            : new MemoryResponseGeneration(),
          // Forwarded mode: each caller's answers are its own token's.
          perCaller: credential === undefined,
          maxBytes: cache.responsesMaxMb * 2 ** 20,
          metrics,
        })
      : undefined;
  const cacheStore = readStore && responses ? forgettingResponses(readStore, responses) : readStore;

  const writeListeners: Array<(write: WriteReport) => void> = [];
  const cacheOptions = (
    store: CacheStore | undefined,
    caller: Caller,
    guard: BudgetGuard,
  ): CachedApiOptions => ({
    store,
    onWrite: (write) => writeListeners.forEach((listener) => listener(write)),
    scope: caller.cacheScope,
    metrics,
    mayHaveLanded: () => guard.mayHaveLanded,
    onStoreError: fellBack('read cache'),
  });

  const localWrites = new MemoryIdempotencyStore();
  const writes: IdempotencyStore = redis
    ? new RedisIdempotencyStore(redis, { prefix, local: localWrites, onError: fellBack('idempotent writes') })
    : localWrites;

  const localVerdicts = new MemoryTokenVerdicts();
  const verdicts: TokenVerdicts = redis
    ? new RedisTokenVerdicts(redis, { prefix, local: localVerdicts, onError: fellBack('token verdicts') })
    : localVerdicts;

  // Forwarded mode's budgets (docs/budget.md). Tokens Zoho has not accepted yet get a small
  // window of their own, taken out of the organisation's, so that whatever they send, verified tokens keep the
  // rest; each verified token may hold a share of the organisation's window, so one greedy user leaves room for
  // the others.
  const windowOf = (perWindow: number, perDay = limits.perDay) => ({
    perWindow,
    windowMs: limits.windowMs,
    perDay,
  });
  const whole = windowOf(limits.perMinute);
  const unverifiedPerWindow = Math.min(limits.unverifiedPerMinute, limits.perMinute - 1);
  const unverifiedClaim: BudgetClaim = {
    key: UNVERIFIED,
    // No day of its own: Zoho cannot count a call it rejects against the organisation, and the call that verifies
    // a token is charged to the organisation's day as well. A day limit here would let a flood of made-up tokens
    // shut out every new token until midnight.
    limits: windowOf(Math.max(1, unverifiedPerWindow), Number.MAX_SAFE_INTEGER),
  };
  const organisation: BudgetClaim = {
    key: ORGANISATION,
    limits: windowOf(Math.max(1, limits.perMinute - unverifiedPerWindow)),
  };
  const sharePerToken = Math.min(
    organisation.limits.perWindow,
    Math.max(1, Math.floor(limits.maxSharePerToken * limits.perMinute)),
  );

  /** The attempt with each unverified token awaiting Zoho's first answer, per token (src/budget/guard.ts). */
  const verifying = new Map<string, Promise<void>>();
  async function verifyTurn(tokenPrint: string): Promise<() => void> {
    for (let busy = verifying.get(tokenPrint); busy; busy = verifying.get(tokenPrint)) await busy;
    let release = () => {};
    const done = new Promise<void>((resolve) => (release = resolve));
    verifying.set(tokenPrint, done);
    return () => {
      if (verifying.get(tokenPrint) === done) verifying.delete(tokenPrint);
      release();
    };
  }

  function claimFor(budgetKey: string): BudgetClaim {
    return { key: budgetKey, limits: budgetKey === ORGANISATION ? organisation.limits : whole };
  }

  function forwardedClaims(tokenPrint: string): { verified: BudgetClaims; unverified: BudgetClaims } {
    const verified: BudgetClaims =
      limits.scope === 'token'
        ? // Each token its own budget, and all of them together no more than the organisation's.
          [{ key: `user:${tokenPrint}`, limits: whole }, organisation]
        : sharePerToken < organisation.limits.perWindow
          ? [organisation, { key: `share:${tokenPrint}`, limits: windowOf(sharePerToken) }]
          : [organisation];
    return { verified, unverified: [unverifiedClaim] };
  }

  logger.info(
    {
      redis: redis ? redis.status() : 'not configured',
      perWindow: limits.perMinute,
      windowMs: limits.windowMs,
      perDay: limits.perDay,
      ...(credential
        ? {}
        : {
            scope: limits.scope,
            unverifiedPerWindow: unverifiedClaim.limits.perWindow,
            sharePerToken: limits.scope === 'organisation' ? sharePerToken : undefined,
          }),
      readCache: cache.enabled,
    },
    'budget',
  );
  if (limits.lifted) {
    logger.warn('DEV_NO_RATE_LIMITS: the rate limits are off (development only)');
  }

  return {
    tokenStore,
    async caller(forwardedToken) {
      if (credential) return { budgetKey: credential, cacheScope: credential };
      const tokenPrint = fingerprint(forwardedToken ?? '');
      const user = `user:${tokenPrint}`;
      const verdict = forwardedToken === undefined ? undefined : await verdicts.lookup(tokenPrint);
      if (verdict === 'rejected') {
        metrics?.forwardedTokens.inc({ verdict: 'refused' });
        throw new GraphQLError('Zoho rejected this access token; send a valid one.', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
      return {
        budgetKey: limits.scope === 'token' ? user : ORGANISATION,
        cacheScope: user,
        token: tokenPrint,
      };
    },
    guard(caller) {
      const tokenPrint = caller.token;
      const claims = tokenPrint === undefined ? undefined : forwardedClaims(tokenPrint);
      return createBudgetGuard({
        limiter,
        budget: claimFor(caller.budgetKey),
        token:
          tokenPrint !== undefined && claims
            ? {
                claims,
                // `caller` read the shared verdict into this replica's memory: what is known here is current.
                verdict: () => localVerdicts.lookupNow(tokenPrint),
                onVerdict(verdict) {
                  metrics?.forwardedTokens.inc({ verdict });
                  void verdicts.record(tokenPrint, verdict);
                  // Zoho counted the call that verified the token against the organisation: so do we (when
                  // there is room; otherwise the unverified allowance it came out of is the margin).
                  if (verdict === 'verified') void limiter.take(claims.verified).catch(() => undefined);
                },
                verifyTurn: () => verifyTurn(tokenPrint),
              }
            : undefined,
        maxCallsPerOperation: config.operation.maxUpstreamCalls,
        metrics,
        onRefused: (call, snapshot) =>
          logger.info({ route: call.route, retryAfter: snapshot.retryAfter }, 'budget spent: call refused'),
      });
    },
    known(caller) {
      return cacheStore && createKnownApi({ store: cacheStore, scope: caller.cacheScope });
    },
    writes(caller) {
      // A claim holds as long as its holder's operation may run.
      return createIdempotentWrites(writes, caller.cacheScope, { claimMs: config.operation.deadlineMs });
    },
    peek(budgetKey) {
      return limiter.peek(claimFor(budgetKey));
    },
    cached(api, caller, guard) {
      // Without the read cache, the decorator still reports writes when someone listens.
      if (!cacheStore && writeListeners.length === 0) return api;
      return createCachedApi(api, cacheOptions(cacheStore, caller, guard));
    },
    cachedLive(rest, caller, guard) {
      if (!cacheStore && writeListeners.length === 0) return rest;
      return createLiveCachedApi(rest, cacheOptions(cacheStore, caller, guard));
    },
    responses,
    redisStatus() {
      return redis ? redis.status() : 'not configured';
    },
    redis,
    async invalidate(resources) {
      await cacheStore?.invalidate(resources).catch(fellBack('read cache'));
    },
    observeWrites(listener) {
      writeListeners.push(listener);
    },
    async close() {
      await redis?.close();
    },
  };
}

/**
 * The read cache's store, whose every invalidation (a write that may have landed; a change event) also drops the
 * kept responses: a response is built from upstream answers, so it is stale whenever one of them is. After the
 * store's own, so a response built meanwhile from a stale answer is kept under the generation being dropped.
 */
function forgettingResponses(store: CacheStore, responses: ResponseCache): CacheStore {
  return {
    lookup: (resource, key) => store.lookup(resource, key),
    store: (resource, generation, key, value, ttlMs) => store.store(resource, generation, key, value, ttlMs),
    async invalidate(resources) {
      try {
        await store.invalidate(resources);
      } finally {
        await responses.invalidate();
      }
    },
  };
}
