/**
 * The shared state of a replica, built once at start-up from the configuration: the Redis connection (when
 * REDIS_URL is set), the budget limiter, the service token's store and the read cache's store. Everything here
 * works without Redis (in memory, correct for one replica) and keeps working while Redis is down (local
 * limits, in-process single flight, no shared cache), which readiness reports.
 */
import type { Logger } from 'pino';
import { CACHE_TTL_MS, createCachedApi } from '../cache/cached-api.js';
import { MemoryCacheStore, RedisCacheStore, type CacheStore } from '../cache/store.js';
import type { AuthConfig, Config } from '../config.js';
import type { Metrics } from '../metrics.js';
import { connectRedis, type RedisConnection } from '../redis/connection.js';
import { RedisTokenStore } from '../redis/token-store.js';
import type { ZohoAssistApi } from '../zoho/api.js';
import { MemoryTokenStore, type TokenStore } from '../zoho/tokens.js';
import { createBudgetGuard, fingerprint, type BudgetGuard } from './guard.js';
import { FallbackLimiter, MemoryLimiter, RedisLimiter, type BudgetLimiter } from './limiter.js';

export interface BudgetRuntime {
  readonly limiter: BudgetLimiter;
  /** Where the service token lives: Redis (shared, with a cross-replica mint lock) or this process. */
  readonly tokenStore: TokenStore;
  /**
   * Whose budget and whose cache a request uses. `forwardedToken` is the caller's own token in forwarded mode;
   * the service and static credentials are fingerprinted once, at start-up.
   */
  identity(forwardedToken: string | undefined): { budgetKey: string; cacheScope: string };
  guard(budgetKey: string): BudgetGuard;
  /** The per-request client, behind the read cache when it is on. */
  cached(api: ZohoAssistApi, cacheScope: string): ZohoAssistApi;
  /** For readiness: `ok`, `unreachable` (serving on local fallbacks) or `not configured`. */
  redisStatus(): 'ok' | 'unreachable' | 'not configured';
  close(): Promise<void>;
}

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
    ? await connectRedis(limits.redisUrl, logger)
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

  const budgetLimits = { perWindow: limits.perMinute, windowMs: limits.windowMs, perDay: limits.perDay };
  const local = new MemoryLimiter(budgetLimits);
  const limiter: BudgetLimiter = redis
    ? new FallbackLimiter(new RedisLimiter(redis.client, prefix, budgetLimits), local, fellBack('budget'))
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
      ? new RedisTokenStore(redis.client, { identity: credential, prefix, onError: fellBack('token store') })
      : new MemoryTokenStore();

  const cacheStore: CacheStore | undefined = !cache.enabled
    ? undefined
    : redis
      ? new RedisCacheStore(redis.client, prefix)
      : new MemoryCacheStore(cache.maxEntries);

  logger.info(
    {
      redis: redis ? (redis.healthy() ? 'connected' : 'unreachable') : 'not configured',
      perWindow: limits.perMinute,
      windowMs: limits.windowMs,
      perDay: limits.perDay,
      readCache: cache.enabled,
      cacheTtlMs: CACHE_TTL_MS,
    },
    'budget',
  );

  return {
    limiter,
    tokenStore,
    identity(forwardedToken) {
      if (credential) return { budgetKey: credential, cacheScope: credential };
      const user = `user:${fingerprint(forwardedToken ?? '')}`;
      return { budgetKey: limits.scope === 'token' ? user : 'organisation', cacheScope: user };
    },
    guard(budgetKey) {
      return createBudgetGuard({
        limiter,
        key: budgetKey,
        maxCallsPerOperation: config.operation.maxUpstreamCalls,
        metrics,
        onRefused: (call, snapshot) =>
          logger.info({ route: call.route, retryAfter: snapshot.retryAfter }, 'budget spent: call refused'),
      });
    },
    cached(api, cacheScope) {
      if (!cacheStore) return api;
      return createCachedApi(api, {
        store: cacheStore,
        scope: cacheScope,
        metrics,
        onStoreError: fellBack('read cache'),
      });
    },
    redisStatus() {
      if (!redis) return 'not configured';
      return redis.healthy() ? 'ok' : 'unreachable';
    },
    async close() {
      await redis?.close();
    },
  };
}
