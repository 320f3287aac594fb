/**
 * The Zoho API budget, enforced before a call leaves: a short window (Zoho's 50 calls a minute) and a day
 * (5,000 calls), per budget key (a Zoho organisation's credential, or a user's token), plus a block that an
 * upstream 429 sets so that nobody sends again before Zoho's `Retry-After` has passed.
 *
 * Why a sliding log and a guard: Zoho (and the emulator) count calls in fixed windows at *arrival*; we count at
 * *departure*. A call sent at the end of one window can arrive in the next, so fixed windows on our side could
 * let `limit + k` calls land in one upstream window. Counting every span of `windowMs + guardMs` instead means
 * any upstream window, however aligned, receives at most `limit` calls as long as a call takes less than
 * `guardMs` to arrive. The day is a fixed UTC day, as Zoho's is.
 *
 * Two implementations with one behaviour: `MemoryLimiter` (one replica) and `RedisLimiter` (every replica shares
 * one budget through one atomic Lua script), and `FallbackLimiter`, which uses Redis and falls back to local
 * limits while Redis is unreachable rather than failing every request.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface BudgetLimits {
  /** Calls allowed in any span of `windowMs` (RATE_LIMIT_PER_MINUTE). */
  readonly perWindow: number;
  /** RATE_LIMIT_WINDOW_MS: 60,000 for Zoho; shorter in tests. */
  readonly windowMs: number;
  /** Calls allowed per UTC day (RATE_LIMIT_PER_DAY). */
  readonly perDay: number;
}

export interface BudgetSnapshot {
  readonly limits: BudgetLimits;
  /** Calls left now in the short window and in the day. */
  readonly remaining: { readonly window: number; readonly day: number };
  /** Seconds until a call may leave again; 0 while the budget has room. */
  readonly retryAfter: number;
}

export type Acquisition =
  | { readonly granted: true; readonly snapshot: BudgetSnapshot }
  | { readonly granted: false; readonly snapshot: BudgetSnapshot };

export interface BudgetLimiter {
  readonly limits: BudgetLimits;
  /** Spends one call of `key`'s budget, or refuses (with `snapshot.retryAfter`) without spending anything. */
  take(key: string): Promise<Acquisition>;
  /** Zoho answered 429: nothing leaves for `key` during the next `retryAfterSeconds`. */
  block(key: string, retryAfterSeconds: number): Promise<void>;
  /** The budget as it stands, spending nothing. */
  peek(key: string): Promise<BudgetSnapshot>;
}

const DAY_MS = 86_400_000;

/** How long a call may take to reach Zoho and still be counted in the window it was sent in. */
export function guardMs(windowMs: number): number {
  return Math.min(1000, Math.max(100, Math.round(windowMs / 20)));
}

function msToNextDay(now: number): number {
  return DAY_MS - (now % DAY_MS);
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Departure times inside the current span, oldest first: a queue over one array, so that expiring the oldest
 * moves an index instead of the entries behind it. With an array's `splice(0, k)` every call paid for the whole
 * log: 15 µs a call at 1,000 calls a second sustained under a high RATE_LIMIT_PER_MINUTE (61,000 entries).
 */
class DepartureLog {
  #times: number[] = [];
  #head = 0;

  get size(): number {
    return this.#times.length - this.#head;
  }

  /** The `i`-th oldest departure still in the log. */
  at(i: number): number {
    return this.#times[this.#head + i]!;
  }

  push(time: number): void {
    this.#times.push(time);
  }

  /** Drops every departure at or before `time`. */
  expireThrough(time: number): void {
    const times = this.#times;
    let head = this.#head;
    while (head < times.length && times[head]! <= time) head++;
    // Compacted once the dropped part outgrows the live one: each entry is copied at most once on average.
    if (head > 64 && head * 2 > times.length) {
      this.#times = times.slice(head);
      head = 0;
    }
    this.#head = head;
  }
}

interface LocalState {
  sent: DepartureLog;
  day: number;
  dayCount: number;
  blockedUntil: number;
}

/** One process's budget. Correct for one replica; the fallback of the Redis limiter for the others. */
export class MemoryLimiter implements BudgetLimiter {
  readonly limits: BudgetLimits;
  readonly #span: number;
  readonly #now: () => number;
  readonly #states = new Map<string, LocalState>();

  constructor(limits: BudgetLimits, now: () => number = Date.now) {
    this.limits = limits;
    this.#span = limits.windowMs + guardMs(limits.windowMs);
    this.#now = now;
  }

  async take(key: string): Promise<Acquisition> {
    return this.#evaluate(key, true);
  }

  async peek(key: string): Promise<BudgetSnapshot> {
    return this.#evaluate(key, false).snapshot;
  }

  async block(key: string, retryAfterSeconds: number): Promise<void> {
    const state = this.#state(key, this.#now());
    state.blockedUntil = Math.max(state.blockedUntil, this.#now() + retryAfterSeconds * 1000);
  }

  #state(key: string, now: number): LocalState {
    let state = this.#states.get(key);
    if (!state) {
      state = { sent: new DepartureLog(), day: Math.floor(now / DAY_MS), dayCount: 0, blockedUntil: 0 };
      this.#states.set(key, state);
    }
    const day = Math.floor(now / DAY_MS);
    if (state.day !== day) Object.assign(state, { day, dayCount: 0 });
    state.sent.expireThrough(now - this.#span);
    return state;
  }

  #evaluate(key: string, spend: boolean): Acquisition {
    const now = this.#now();
    const { perWindow, perDay } = this.limits;
    const state = this.#state(key, now);
    const used = state.sent.size;
    let waitMs = 0;
    if (state.blockedUntil > now) waitMs = state.blockedUntil - now;
    else if (state.dayCount >= perDay) waitMs = msToNextDay(now);
    else if (used >= perWindow) waitMs = state.sent.at(used - perWindow) + this.#span - now;
    if (waitMs > 0 || !spend) {
      return {
        granted: false,
        snapshot: this.#snapshot(perWindow - used, perDay - state.dayCount, waitMs),
      };
    }
    state.sent.push(now);
    state.dayCount += 1;
    return { granted: true, snapshot: this.#snapshot(perWindow - used - 1, perDay - state.dayCount, 0) };
  }

  #snapshot(window: number, day: number, waitMs: number): BudgetSnapshot {
    return {
      limits: this.limits,
      remaining: { window: Math.max(0, window), day: Math.max(0, day) },
      retryAfter: waitMs > 0 ? seconds(waitMs) : 0,
    };
  }
}

/**
 * One script for take and peek, so that reading the windows and spending from them is one atomic step for every
 * replica. Time is Redis's own (TIME), so replicas with skewed clocks still share one timeline.
 *
 * KEYS: the sliding log (a sorted set of departures), the day counter (a hash {day, count}), the 429 block.
 * ARGV: span ms, window limit, day limit, spend (1 or 0), a unique member for this departure.
 * Returns {granted, waitMs, remainingWindow, remainingDay}.
 */
const BUDGET_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local span = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local dayLimit = tonumber(ARGV[3])
local day = math.floor(now / 86400000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - span)
local used = redis.call('ZCARD', KEYS[1])
local dayCount = 0
if tonumber(redis.call('HGET', KEYS[2], 'day') or '-1') == day then
  dayCount = tonumber(redis.call('HGET', KEYS[2], 'count') or '0')
end
local wait = 0
local blocked = tonumber(redis.call('GET', KEYS[3]) or '0')
if blocked > now then
  wait = blocked - now
elseif dayCount >= dayLimit then
  wait = (day + 1) * 86400000 - now
elseif used >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], used - limit, used - limit, 'WITHSCORES')
  wait = tonumber(oldest[2]) + span - now
end
if wait > 0 or ARGV[4] ~= '1' then
  return {0, wait, limit - used, dayLimit - dayCount}
end
redis.call('ZADD', KEYS[1], now, ARGV[5])
redis.call('PEXPIRE', KEYS[1], span)
redis.call('HSET', KEYS[2], 'day', day, 'count', dayCount + 1)
redis.call('PEXPIREAT', KEYS[2], (day + 1) * 86400000 + 60000)
return {1, 0, limit - used - 1, dayLimit - dayCount - 1}
`;

/** Extends the 429 block to `now + ms`, never shortens it. */
const BLOCK_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > current then
  redis.call('SET', KEYS[1], untilMs, 'PX', tonumber(ARGV[1]) + 1000)
end
return untilMs
`;

type BudgetReply = [number, number, number, number];

interface BudgetCommands {
  zohoBudget(log: string, day: string, block: string, ...args: string[]): Promise<BudgetReply>;
  zohoBudgetBlock(block: string, ms: string): Promise<number>;
}

/** The budget every replica shares, in Redis. Commands reject at once while Redis is unreachable. */
export class RedisLimiter implements BudgetLimiter {
  readonly limits: BudgetLimits;
  readonly #redis: Redis & BudgetCommands;
  readonly #prefix: string;
  readonly #span: number;

  constructor(redis: Redis, prefix: string, limits: BudgetLimits) {
    this.limits = limits;
    this.#prefix = `${prefix}budget:`;
    this.#span = limits.windowMs + guardMs(limits.windowMs);
    if (!('zohoBudget' in redis)) {
      redis.defineCommand('zohoBudget', { numberOfKeys: 3, lua: BUDGET_SCRIPT });
      redis.defineCommand('zohoBudgetBlock', { numberOfKeys: 1, lua: BLOCK_SCRIPT });
    }
    this.#redis = redis as Redis & BudgetCommands;
  }

  async take(key: string): Promise<Acquisition> {
    return this.#run(key, true);
  }

  async peek(key: string): Promise<BudgetSnapshot> {
    return (await this.#run(key, false)).snapshot;
  }

  async block(key: string, retryAfterSeconds: number): Promise<void> {
    await this.#redis.zohoBudgetBlock(`${this.#prefix}${key}:block`, String(retryAfterSeconds * 1000));
  }

  async #run(key: string, spend: boolean): Promise<Acquisition> {
    const base = `${this.#prefix}${key}`;
    const [granted, waitMs, window, day] = await this.#redis.zohoBudget(
      `${base}:log`,
      `${base}:day`,
      `${base}:block`,
      String(this.#span),
      String(this.limits.perWindow),
      String(this.limits.perDay),
      spend ? '1' : '0',
      randomUUID(),
    );
    const snapshot: BudgetSnapshot = {
      limits: this.limits,
      remaining: { window: Math.max(0, window), day: Math.max(0, day) },
      retryAfter: waitMs > 0 ? seconds(waitMs) : 0,
    };
    return granted === 1 ? { granted: true, snapshot } : { granted: false, snapshot };
  }
}

/**
 * Redis first; while Redis fails, this replica's own limits (each replica then keeps to the whole budget on its
 * own, so together they may overspend until Redis is back; Zoho's 429s, which block, are the backstop).
 */
export class FallbackLimiter implements BudgetLimiter {
  readonly limits: BudgetLimits;
  readonly #primary: BudgetLimiter;
  readonly #local: BudgetLimiter;
  readonly #onFallback: (error: unknown) => void;

  constructor(primary: BudgetLimiter, local: BudgetLimiter, onFallback: (error: unknown) => void) {
    this.limits = primary.limits;
    this.#primary = primary;
    this.#local = local;
    this.#onFallback = onFallback;
  }

  take(key: string): Promise<Acquisition> {
    return this.#either((limiter) => limiter.take(key));
  }

  peek(key: string): Promise<BudgetSnapshot> {
    return this.#either((limiter) => limiter.peek(key));
  }

  async block(key: string, retryAfterSeconds: number): Promise<void> {
    // Both: if Redis fails next, the local limiter still knows about Zoho's 429.
    await this.#local.block(key, retryAfterSeconds);
    await this.#either((limiter) => limiter.block(key, retryAfterSeconds));
  }

  async #either<T>(run: (limiter: BudgetLimiter) => Promise<T>): Promise<T> {
    try {
      return await run(this.#primary);
    } catch (error) {
      this.#onFallback(error);
      return run(this.#local);
    }
  }
}
