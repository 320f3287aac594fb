/**
 * Where the read cache keeps upstream answers: bounded memory (one replica) or Redis (every replica).
 *
 * Invalidation is by generation: each resource (sessions, technicians...) has a counter, every entry's key holds
 * the counter it was read under, and a mutation bumps the counters of what it changes, so every older entry of
 * those resources, for every user, is unreachable at once (and expires on its own). A read that started before a
 * mutation stores its answer under the old generation, where nobody will read it.
 */
import type { Redis } from 'ioredis';
import type { RedisConnection } from '../redis/connection.js';

export interface CacheLookup {
  /** The generation the entry was looked up under: store the fetched answer under the same one. */
  readonly generation: string;
  readonly value: string | undefined;
}

export interface CacheStore {
  lookup(resource: string, key: string): Promise<CacheLookup>;
  store(resource: string, generation: string, key: string, value: string, ttlMs: number): Promise<void>;
  invalidate(resources: readonly string[]): Promise<void>;
}

/** An LRU of at most `maxEntries`, with per-entry expiry. */
export class MemoryCacheStore implements CacheStore {
  readonly #entries = new Map<string, { value: string; expiresAt: number }>();
  readonly #generations = new Map<string, number>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(maxEntries: number, now: () => number = Date.now) {
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  async lookup(resource: string, key: string): Promise<CacheLookup> {
    const generation = String(this.#generations.get(resource) ?? 0);
    const full = `${resource}:${generation}:${key}`;
    const entry = this.#entries.get(full);
    if (!entry) return { generation, value: undefined };
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(full);
      return { generation, value: undefined };
    }
    // Re-insert: Map order is the recency order.
    this.#entries.delete(full);
    this.#entries.set(full, entry);
    return { generation, value: entry.value };
  }

  async store(
    resource: string,
    generation: string,
    key: string,
    value: string,
    ttlMs: number,
  ): Promise<void> {
    if (String(this.#generations.get(resource) ?? 0) !== generation) return;
    const full = `${resource}:${generation}:${key}`;
    this.#entries.delete(full);
    this.#entries.set(full, { value, expiresAt: this.#now() + ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  async invalidate(resources: readonly string[]): Promise<void> {
    for (const resource of resources) {
      this.#generations.set(resource, (this.#generations.get(resource) ?? 0) + 1);
    }
    // Entries of old generations can never be read again: drop them now rather than wait for the LRU.
    const prefixes = resources.map((resource) => `${resource}:`);
    for (const key of this.#entries.keys()) {
      if (prefixes.some((prefix) => key.startsWith(prefix))) this.#entries.delete(key);
    }
  }
}

/** Reads the resource's generation and the entry under it in one round trip. */
const LOOKUP = `
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}
`;

interface CacheCommands {
  zohoCacheLookup(generationKey: string, entryPrefix: string, key: string): Promise<[string, string | null]>;
}

export class RedisCacheStore implements CacheStore {
  readonly #redis: RedisConnection;
  readonly #prefix: string;

  constructor(redis: RedisConnection, prefix: string) {
    if (!('zohoCacheLookup' in redis.client))
      redis.client.defineCommand('zohoCacheLookup', { numberOfKeys: 1, lua: LOOKUP });
    this.#redis = redis;
    this.#prefix = `${prefix}cache:`;
  }

  async lookup(resource: string, key: string): Promise<CacheLookup> {
    const [generation, value] = await this.#redis.call((redis) =>
      (redis as Redis & CacheCommands).zohoCacheLookup(
        `${this.#prefix}generation:${resource}`,
        `${this.#prefix}${resource}:`,
        key,
      ),
    );
    return { generation, value: value ?? undefined };
  }

  async store(
    resource: string,
    generation: string,
    key: string,
    value: string,
    ttlMs: number,
  ): Promise<void> {
    await this.#redis.call((redis) =>
      redis.set(`${this.#prefix}${resource}:${generation}:${key}`, value, 'PX', ttlMs),
    );
  }

  async invalidate(resources: readonly string[]): Promise<void> {
    await this.#redis.call((redis) => {
      const pipeline = redis.pipeline();
      for (const resource of resources) pipeline.incr(`${this.#prefix}generation:${resource}`);
      return pipeline.exec();
    });
  }
}
