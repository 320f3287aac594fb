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
 * An attempt may draw on several budgets at once (a claim each: the organisation's window and one token's share of
 * it, say): it is granted only if every one has room, and then spends from all of them in the same step, so that
 * a refusal by one never spends from another.
 *
 * Two implementations with one behaviour: `MemoryLimiter` (one replica) and `RedisLimiter` (every replica shares
 * one budget through one atomic Lua script), and `FallbackLimiter`, which uses Redis and falls back to local
 * limits while Redis is unreachable rather than failing every request.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RedisConnection } from '../redis/connection.js';

export interface BudgetLimits {
  /** Calls allowed in any span of `windowMs` (RATE_LIMIT_PER_MINUTE). */
  readonly perWindow: number;
  /** RATE_LIMIT_WINDOW_MS: 60,000 for Zoho; shorter in tests. */
  readonly windowMs: number;
  /** Calls allowed per UTC day (RATE_LIMIT_PER_DAY). */
  readonly perDay: number;
}

/** One budget an attempt draws on: its key and its limits. */
export interface BudgetClaim {
  readonly key: string;
  readonly limits: BudgetLimits;
}

/** The claims of one attempt; the first is the one its snapshot describes. */
export type BudgetClaims = readonly [BudgetClaim, ...BudgetClaim[]];

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
  /**
   * Spends one call from every claim, or refuses (with `snapshot.retryAfter`, the longest wait among them)
   * without spending anything. The snapshot is the first claim's.
   */
  take(claims: BudgetClaims): Promise<Acquisition>;
  /** Zoho answered 429: nothing leaves for the claim's key during the next `retryAfterSeconds`. */
  block(claim: BudgetClaim, retryAfterSeconds: number): Promise<void>;
  /** The budget as it stands, spending nothing. */
  peek(claim: BudgetClaim): Promise<BudgetSnapshot>;
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

/** Where one claim stands at `now`: its state, what is left, and how long until it has room. */
interface Standing {
  state: LocalState;
  window: number;
  day: number;
  waitMs: number;
}

function spanOf(limits: BudgetLimits): number {
  return limits.windowMs + guardMs(limits.windowMs);
}

function snapshotOf(limits: BudgetLimits, window: number, day: number, waitMs: number): BudgetSnapshot {
  return {
    limits,
    remaining: { window: Math.max(0, window), day: Math.max(0, day) },
    retryAfter: waitMs > 0 ? seconds(waitMs) : 0,
  };
}

/** One process's budgets. Correct for one replica; the fallback of the Redis limiter for the others. */
export class MemoryLimiter implements BudgetLimiter {
  readonly #now: () => number;
  readonly #states = new Map<string, LocalState>();

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async take(claims: BudgetClaims): Promise<Acquisition> {
    const now = this.#now();
    const standings = claims.map((claim) => this.#standing(claim, now));
    const waitMs = Math.max(...standings.map((standing) => standing.waitMs));
    const first = standings[0]!;
    if (waitMs > 0) {
      return { granted: false, snapshot: snapshotOf(claims[0].limits, first.window, first.day, waitMs) };
    }
    for (const { state } of standings) {
      state.sent.push(now);
      state.dayCount += 1;
    }
    return { granted: true, snapshot: snapshotOf(claims[0].limits, first.window - 1, first.day - 1, 0) };
  }

  async peek(claim: BudgetClaim): Promise<BudgetSnapshot> {
    const standing = this.#standing(claim, this.#now());
    return snapshotOf(claim.limits, standing.window, standing.day, standing.waitMs);
  }

  async block(claim: BudgetClaim, retryAfterSeconds: number): Promise<void> {
    const now = this.#now();
    const state = this.#state(claim, now);
    state.blockedUntil = Math.max(state.blockedUntil, now + retryAfterSeconds * 1000);
  }

  #state({ key, limits }: BudgetClaim, now: number): LocalState {
    let state = this.#states.get(key);
    if (!state) {
      state = { sent: new DepartureLog(), day: Math.floor(now / DAY_MS), dayCount: 0, blockedUntil: 0 };
      this.#states.set(key, state);
    }
    const day = Math.floor(now / DAY_MS);
    if (state.day !== day) Object.assign(state, { day, dayCount: 0 });
    state.sent.expireThrough(now - spanOf(limits));
    return state;
  }

  #standing(claim: BudgetClaim, now: number): Standing {
    const { perWindow, perDay } = claim.limits;
    const state = this.#state(claim, now);
    const used = state.sent.size;
    let waitMs = 0;
    if (state.blockedUntil > now) waitMs = state.blockedUntil - now;
    else if (state.dayCount >= perDay) waitMs = msToNextDay(now);
    else if (used >= perWindow) waitMs = state.sent.at(used - perWindow) + spanOf(claim.limits) - now;
    return { state, window: perWindow - used, day: perDay - state.dayCount, waitMs };
  }
}

/**
 * One script for take and peek, so that reading the windows and spending from them is one atomic step for every
 * replica. Time is Redis's own (TIME), so replicas with skewed clocks still share one timeline.
 *
 * KEYS, three per claim: the sliding log (a sorted set of departures), the day counter (a hash {day, count}), the
 * 429 block. ARGV: spend (1 or 0), a unique member for this departure, then per claim: span ms, window limit,
 * day limit. Returns {granted, waitMs, remainingWindow, remainingDay}, the remainders of the first claim.
 */
const BUDGET_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local day = math.floor(now / 86400000)
local claims = #KEYS / 3
local wait = 0
local firstWindow, firstDay = 0, 0
local dayCounts = {}
for i = 0, claims - 1 do
  local log, dayKey, block = KEYS[i * 3 + 1], KEYS[i * 3 + 2], KEYS[i * 3 + 3]
  local span = tonumber(ARGV[i * 3 + 3])
  local limit = tonumber(ARGV[i * 3 + 4])
  local dayLimit = tonumber(ARGV[i * 3 + 5])
  redis.call('ZREMRANGEBYSCORE', log, '-inf', now - span)
  local used = redis.call('ZCARD', log)
  local dayCount = 0
  if tonumber(redis.call('HGET', dayKey, 'day') or '-1') == day then
    dayCount = tonumber(redis.call('HGET', dayKey, 'count') or '0')
  end
  dayCounts[i] = dayCount
  local claimWait = 0
  local blocked = tonumber(redis.call('GET', block) or '0')
  if blocked > now then
    claimWait = blocked - now
  elseif dayCount >= dayLimit then
    claimWait = (day + 1) * 86400000 - now
  elseif used >= limit then
    local oldest = redis.call('ZRANGE', log, used - limit, used - limit, 'WITHSCORES')
    claimWait = tonumber(oldest[2]) + span - now
  end
  if claimWait > wait then wait = claimWait end
  if i == 0 then firstWindow, firstDay = limit - used, dayLimit - dayCount end
end
if wait > 0 or ARGV[1] ~= '1' then
  return {0, wait, firstWindow, firstDay}
end
for i = 0, claims - 1 do
  local log, dayKey = KEYS[i * 3 + 1], KEYS[i * 3 + 2]
  redis.call('ZADD', log, now, ARGV[2])
  redis.call('PEXPIRE', log, tonumber(ARGV[i * 3 + 3]))
  redis.call('HSET', dayKey, 'day', day, 'count', dayCounts[i] + 1)
  redis.call('PEXPIREAT', dayKey, (day + 1) * 86400000 + 60000)
end
return {1, 0, firstWindow - 1, firstDay - 1}
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
  zohoBudget(numberOfKeys: number, ...keysAndArgs: string[]): Promise<BudgetReply>;
  zohoBudgetBlock(block: string, ms: string): Promise<number>;
}

/** The budget every replica shares, in Redis. Commands reject at once while Redis is unreachable. */
export class RedisLimiter implements BudgetLimiter {
  readonly #redis: RedisConnection;
  readonly #prefix: string;

  constructor(redis: RedisConnection, prefix: string) {
    this.#prefix = `${prefix}budget:`;
    if (!('zohoBudget' in redis.client)) {
      // The number of keys varies with the claims: given with each call.
      redis.client.defineCommand('zohoBudget', { lua: BUDGET_SCRIPT });
      redis.client.defineCommand('zohoBudgetBlock', { numberOfKeys: 1, lua: BLOCK_SCRIPT });
    }
    this.#redis = redis;
  }

  take(claims: BudgetClaims): Promise<Acquisition> {
    return this.#run(claims, true);
  }

  async peek(claim: BudgetClaim): Promise<BudgetSnapshot> {
    return (await this.#run([claim], false)).snapshot;
  }

  async block(claim: BudgetClaim, retryAfterSeconds: number): Promise<void> {
    await this.#redis.call((redis) =>
      (redis as Redis & BudgetCommands).zohoBudgetBlock(
        `${this.#prefix}${claim.key}:block`,
        String(retryAfterSeconds * 1000),
      ),
    );
  }

  async #run(claims: BudgetClaims, spend: boolean): Promise<Acquisition> {
    const keys: string[] = [];
    const args: string[] = [spend ? '1' : '0', randomUUID()];
    for (const { key, limits } of claims) {
      const base = `${this.#prefix}${key}`;
      keys.push(`${base}:log`, `${base}:day`, `${base}:block`);
      args.push(String(spanOf(limits)), String(limits.perWindow), String(limits.perDay));
    }
    const [granted, waitMs, window, day] = await this.#redis.call((redis) =>
      (redis as Redis & BudgetCommands).zohoBudget(keys.length, ...keys, ...args),
    );
    const snapshot = snapshotOf(claims[0].limits, window, day, waitMs);
    return granted === 1 ? { granted: true, snapshot } : { granted: false, snapshot };
  }
}

/**
 * Redis first; while Redis fails, this replica's own limits (each replica then keeps to the whole budget on its
 * own, so together they may overspend until Redis is back; Zoho's 429s, which block, are the backstop).
 */
export class FallbackLimiter implements BudgetLimiter {
  readonly #primary: BudgetLimiter;
  readonly #local: BudgetLimiter;
  readonly #onFallback: (error: unknown) => void;

  constructor(primary: BudgetLimiter, local: BudgetLimiter, onFallback: (error: unknown) => void) {
    this.#primary = primary;
    this.#local = local;
    this.#onFallback = onFallback;
  }

  take(claims: BudgetClaims): Promise<Acquisition> {
    return this.#either((limiter) => limiter.take(claims));
  }

  peek(claim: BudgetClaim): Promise<BudgetSnapshot> {
    return this.#either((limiter) => limiter.peek(claim));
  }

  async block(claim: BudgetClaim, retryAfterSeconds: number): Promise<void> {
    // Both: if Redis fails next, the local limiter still knows about Zoho's 429.
    await this.#local.block(claim, retryAfterSeconds);
    await this.#either((limiter) => limiter.block(claim, retryAfterSeconds));
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
