/**
 * Where RefreshTokenProvider (tokens.ts) keeps the access token it minted: in the process (MemoryTokenStore, the
 * default), or shared by every replica (RedisTokenStore): one access token in Redis, and a mint lock so that
 * replicas starting together, or all seeing the same 401, mint once (Zoho mints at most 10 tokens per refresh
 * token per 10 minutes, and answers the eleventh with "Access Denied"). The provider re-reads the store inside
 * the lock, so the replicas that waited find the token the first one minted.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { RedisConnection } from '../redis/connection.js';

export interface StoredToken {
  accessToken: string;
  /** Epoch ms after which a new token is minted (expiry minus the margin). */
  refreshAt: number;
}

/**
 * Where minted tokens are kept. Implementations must make `delete` a compare-and-delete (drop only if the
 * stored token is still `accessToken`), so that many callers rejecting an old token cannot drop a new one.
 */
export interface TokenStore {
  get(): Promise<StoredToken | undefined>;
  set(token: StoredToken): Promise<void>;
  delete(accessToken: string): Promise<void>;
  /** Epoch ms until which Zoho refuses mints for this refresh token ("Access Denied"); 0 when it does not. */
  mintsBlockedUntil(): Promise<number>;
  /** Records that Zoho refuses mints until `until` (epoch ms), for everything using this store. */
  blockMints(until: number): Promise<void>;
  /**
   * Runs `mint` while holding a lock shared by everything using this store (a Redis lock across replicas), so
   * only one of them mints; the provider re-reads the store inside the lock first. Optional: without it the
   * provider's in-process single flight is the only guard.
   */
  withMintLock?<T>(mint: () => Promise<T>): Promise<T>;
}

export class MemoryTokenStore implements TokenStore {
  #token: StoredToken | undefined;
  #blockedUntil = 0;
  async mintsBlockedUntil(): Promise<number> {
    return this.#blockedUntil;
  }
  async blockMints(until: number): Promise<void> {
    this.#blockedUntil = Math.max(this.#blockedUntil, until);
  }
  async get(): Promise<StoredToken | undefined> {
    return this.#token;
  }
  async set(token: StoredToken): Promise<void> {
    this.#token = token;
  }
  async delete(accessToken: string): Promise<void> {
    if (this.#token?.accessToken === accessToken) this.#token = undefined;
  }
}

/** Deletes KEYS[1] only while its field `accessToken` (or the lock's value) is still ARGV[1]. */
const COMPARE_AND_DELETE = `
local current = redis.call('HGET', KEYS[1], 'accessToken')
if current == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** Longer than a mint can take (the accounts call times out after 10 s). */
const LOCK_TTL_MS = 15_000;
/** How long a replica waits for another's mint before minting without the lock. */
const LOCK_WAIT_MS = 20_000;

interface TokenCommands {
  zohoTokenDelete(key: string, accessToken: string): Promise<number>;
  zohoLockRelease(key: string, owner: string): Promise<number>;
}

export interface RedisTokenStoreOptions {
  /** Distinguishes refresh tokens (a fingerprint, never the token itself). */
  identity: string;
  prefix: string;
  /** Redis failed: the store behaves as empty and unlocked, which costs at most one extra mint per replica. */
  onError?: (error: unknown) => void;
  now?: () => number;
}

export class RedisTokenStore implements TokenStore {
  readonly #redis: RedisConnection;
  readonly #key: string;
  readonly #lockKey: string;
  readonly #blockKey: string;
  readonly #onError: (error: unknown) => void;
  readonly #now: () => number;

  constructor(redis: RedisConnection, options: RedisTokenStoreOptions) {
    if (!('zohoTokenDelete' in redis.client)) {
      redis.client.defineCommand('zohoTokenDelete', { numberOfKeys: 1, lua: COMPARE_AND_DELETE });
      redis.client.defineCommand('zohoLockRelease', { numberOfKeys: 1, lua: RELEASE_LOCK });
    }
    this.#redis = redis;
    this.#key = `${options.prefix}token:${options.identity}`;
    this.#lockKey = `${this.#key}:mint-lock`;
    this.#blockKey = `${this.#key}:mint-blocked`;
    this.#onError = options.onError ?? (() => undefined);
    this.#now = options.now ?? Date.now;
  }

  async get(): Promise<StoredToken | undefined> {
    try {
      const stored = await this.#redis.call((redis) => redis.hgetall(this.#key));
      const refreshAt = Number(stored.refreshAt);
      if (!stored.accessToken || !Number.isFinite(refreshAt)) return undefined;
      return { accessToken: stored.accessToken, refreshAt };
    } catch (error) {
      this.#onError(error);
      return undefined;
    }
  }

  async set(token: StoredToken): Promise<void> {
    try {
      await this.#redis.call((redis) =>
        redis
          .multi()
          .hset(this.#key, { accessToken: token.accessToken, refreshAt: String(token.refreshAt) })
          // Kept a little past its refresh time: a replica may still read it to learn it is stale.
          .pexpire(this.#key, Math.max(1000, token.refreshAt - this.#now() + 60_000))
          .exec(),
      );
    } catch (error) {
      this.#onError(error);
    }
  }

  async delete(accessToken: string): Promise<void> {
    try {
      await this.#redis.call((redis) =>
        (redis as Redis & TokenCommands).zohoTokenDelete(this.#key, accessToken),
      );
    } catch (error) {
      this.#onError(error);
    }
  }

  async mintsBlockedUntil(): Promise<number> {
    try {
      const until = Number(await this.#redis.call((redis) => redis.get(this.#blockKey)));
      return Number.isFinite(until) ? until : 0;
    } catch (error) {
      // Without Redis each replica keeps its own record of the throttle.
      this.#onError(error);
      return 0;
    }
  }

  async blockMints(until: number): Promise<void> {
    const ms = until - this.#now();
    if (ms <= 0) return;
    try {
      await this.#redis.call((redis) => redis.set(this.#blockKey, String(until), 'PX', ms));
    } catch (error) {
      this.#onError(error);
    }
  }

  async withMintLock<T>(mint: () => Promise<T>): Promise<T> {
    const owner = randomUUID();
    const giveUpAt = this.#now() + LOCK_WAIT_MS;
    for (;;) {
      let acquired: boolean;
      try {
        acquired =
          (await this.#redis.call((redis) => redis.set(this.#lockKey, owner, 'PX', LOCK_TTL_MS, 'NX'))) ===
          'OK';
      } catch (error) {
        // No Redis, no lock: minting alone is better than failing every request.
        this.#onError(error);
        return mint();
      }
      if (acquired) break;
      if (this.#now() >= giveUpAt) return mint();
      await delay(50);
    }
    try {
      return await mint();
    } finally {
      await this.#redis
        .call((redis) => (redis as Redis & TokenCommands).zohoLockRelease(this.#lockKey, owner))
        .catch(this.#onError);
    }
  }
}
