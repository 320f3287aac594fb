/**
 * What Zoho has said about each forwarded token, by fingerprint (never the token): `rejected` (it answered 401)
 * or `verified` (it answered a call successfully). A rejected token is answered UNAUTHENTICATED without asking
 * Zoho again, and only verified tokens draw on the organisation's budget (src/budget/runtime.ts).
 *
 * Both verdicts are kept for a bounded time: a rejection for REJECTED_TTL_MS (a token Zoho refused does not come
 * back, and a spurious refusal locks its user out for at most that long; clients get a new token on 401 anyway),
 * a verification for VERIFIED_TTL_MS (Zoho's access tokens live an hour). With Redis every replica shares them;
 * each replica also keeps what it learnt in a bounded map, which is what answers while Redis is down.
 */
import type { RedisConnection } from '../redis/connection.js';

export type TokenVerdict = 'verified' | 'rejected';

const REJECTED_TTL_MS = 10 * 60_000;
const VERIFIED_TTL_MS = 60 * 60_000;
const TTL_MS: Readonly<Record<TokenVerdict, number>> = {
  rejected: REJECTED_TTL_MS,
  verified: VERIFIED_TTL_MS,
};

export interface TokenVerdicts {
  /** What Zoho said of the token last, or undefined if nothing is remembered. */
  lookup(fingerprint: string): Promise<TokenVerdict | undefined>;
  record(fingerprint: string, verdict: TokenVerdict): Promise<void>;
}

/**
 * One replica's verdicts. Only tokens that reached Zoho are recorded, so the rate of new entries is bounded by
 * the budget; `maxEntries` bounds the map anyway (the oldest go first).
 */
export class MemoryTokenVerdicts implements TokenVerdicts {
  readonly #entries = new Map<string, { verdict: TokenVerdict; expiresAt: number }>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(maxEntries = 50_000, now: () => number = Date.now) {
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  async lookup(fingerprint: string): Promise<TokenVerdict | undefined> {
    return this.lookupNow(fingerprint);
  }

  lookupNow(fingerprint: string): TokenVerdict | undefined {
    const entry = this.#entries.get(fingerprint);
    if (!entry) return undefined;
    if (entry.expiresAt > this.#now()) return entry.verdict;
    this.#entries.delete(fingerprint);
    return undefined;
  }

  async record(fingerprint: string, verdict: TokenVerdict, ttlMs = TTL_MS[verdict]): Promise<void> {
    this.#entries.delete(fingerprint);
    this.#entries.set(fingerprint, { verdict, expiresAt: this.#now() + ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }
}

/**
 * Every replica's verdicts in Redis, in front of this replica's own: a verdict known here is used without a
 * round trip; otherwise Redis is asked once and the answer kept here for what is left of its time. A failing
 * Redis is "nothing remembered" (the token then counts as unverified, which only limits it more).
 */
export class RedisTokenVerdicts implements TokenVerdicts {
  readonly #redis: RedisConnection;
  readonly #prefix: string;
  readonly #local: MemoryTokenVerdicts;
  readonly #onError: (error: unknown) => void;

  constructor(
    redis: RedisConnection,
    options: { prefix: string; local: MemoryTokenVerdicts; onError: (error: unknown) => void },
  ) {
    this.#redis = redis;
    this.#prefix = `${options.prefix}token-verdict:`;
    this.#local = options.local;
    this.#onError = options.onError;
  }

  async lookup(fingerprint: string): Promise<TokenVerdict | undefined> {
    const known = this.#local.lookupNow(fingerprint);
    if (known) return known;
    try {
      const key = this.#prefix + fingerprint;
      const [verdict, ttl] = await this.#redis.call((redis) =>
        Promise.all([redis.get(key), redis.pttl(key)]),
      );
      if (verdict !== 'verified' && verdict !== 'rejected') return undefined;
      if (ttl > 0) await this.#local.record(fingerprint, verdict, ttl);
      return verdict;
    } catch (error) {
      this.#onError(error);
      return undefined;
    }
  }

  async record(fingerprint: string, verdict: TokenVerdict): Promise<void> {
    await this.#local.record(fingerprint, verdict);
    await this.#redis
      .call((redis) => redis.set(this.#prefix + fingerprint, verdict, 'PX', TTL_MS[verdict]))
      .catch(this.#onError);
  }
}
