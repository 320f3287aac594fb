/**
 * Writes made at most once per idempotency key (`clientMutationId`): a retry with the same key, by the same
 * caller, with the same input, gets the first write's answer instead of making a second write in Zoho, which has
 * no idempotency keys of its own. A client that met UPSTREAM_OUTCOME_UNKNOWN, a gateway timeout or a dropped
 * connection can retry without making a second session.
 *
 * Each key has one record, kept IDEMPOTENCY_TTL_MS after its write settles:
 * - `pending`: a request holds the key and is writing. Others with the key wait for its answer (polling), never
 *   write themselves. A claim holds until `until` (the holder's operation deadline and a margin); a claim past it
 *   (its replica died mid-write) counts as `unknown`.
 * - `done`: the write was answered (a success, or Zoho's refusal as user errors): every retry gets that answer.
 * - `unknown`: the write may have reached Zoho without an answer. The next retry takes the key over and first
 *   looks for what the write made (`landed`, e.g. a session of that customer and technician created since); only
 *   when nothing landed does it write.
 * A write that certainly did not reach Zoho (the budget refused it, Zoho answered 429, 401 or 5xx before anything
 * happened) frees the key. A retry with the same key and another input is refused (`mismatch`), as is every key
 * of another caller: keys are scoped by the caller's credential (src/budget/runtime.ts, `Caller.cacheScope`).
 *
 * With Redis every replica shares the records (one Lua script claims, one settles, so two replicas never both
 * write); while Redis fails, this replica's memory answers (still at most once per replica).
 */
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { GraphQLError } from 'graphql';
import type { RedisConnection } from '../redis/connection.js';
import { ContractError, OutcomeUnknownError, TimeoutError, ZohoError } from './errors.js';

/** How long a settled write's answer is kept for retries: the ten minutes issue 23 asks for. */
export const IDEMPOTENCY_TTL_MS = 10 * 60_000;
/** How long a holder's claim outlives its operation deadline (clock skew between replicas, settling). */
const CLAIM_MARGIN_MS = 5_000;
/** Waiting for another request's write: first poll, and the longest interval between polls. */
const POLL_FIRST_MS = 25;
const POLL_MAX_MS = 250;

export type WriteRecord =
  | { state: 'pending'; input: string; owner: string; since: number; until: number }
  | { state: 'done'; input: string; answer: string }
  | { state: 'unknown'; input: string; since: number };

/** What a claim found: nothing in the way (`claimed`, with an `unknown` record it took over), or another's record. */
export type Claim =
  | { claimed: true; previous: Extract<WriteRecord, { state: 'unknown' }> | undefined }
  | { claimed: false; found: WriteRecord };

export interface IdempotencyStore {
  /**
   * Takes `key` for `pending` unless another record holds it: a record for another input, a `done` one, or a
   * `pending` one within its claim are answered as found; an `unknown` one (or a lapsed claim) for the same input
   * is taken over.
   */
  claim(key: string, pending: Extract<WriteRecord, { state: 'pending' }>, now: number): Promise<Claim>;
  /** Replaces the claim of `owner` with `next` (or removes it), if the key still holds that claim or nothing. */
  settle(key: string, owner: string, next: WriteRecord | undefined): Promise<void>;
}

/** A lapsed claim is an unknown outcome: its holder may have written before it went away. */
function takeable(record: WriteRecord, now: number): boolean {
  return record.state === 'unknown' || (record.state === 'pending' && record.until < now);
}

function asUnknown(record: WriteRecord): Extract<WriteRecord, { state: 'unknown' }> | undefined {
  if (record.state === 'unknown') return record;
  if (record.state === 'pending') return { state: 'unknown', input: record.input, since: record.since };
  return undefined;
}

/** One replica's records, bounded (the oldest go first), each kept IDEMPOTENCY_TTL_MS. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #records = new Map<string, { record: WriteRecord; expiresAt: number }>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(maxEntries = 50_000, now: () => number = Date.now) {
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  #get(key: string): WriteRecord | undefined {
    const entry = this.#records.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.#now()) return entry.record;
    this.#records.delete(key);
    return undefined;
  }

  #set(key: string, record: WriteRecord): void {
    this.#records.delete(key);
    this.#records.set(key, { record, expiresAt: this.#now() + IDEMPOTENCY_TTL_MS });
    while (this.#records.size > this.#maxEntries) {
      const oldest = this.#records.keys().next();
      if (oldest.done) break;
      this.#records.delete(oldest.value);
    }
  }

  async claim(key: string, pending: Extract<WriteRecord, { state: 'pending' }>, now: number): Promise<Claim> {
    return this.claimNow(key, pending, now);
  }

  claimNow(key: string, pending: Extract<WriteRecord, { state: 'pending' }>, now: number): Claim {
    const found = this.#get(key);
    if (found && (found.input !== pending.input || !takeable(found, now))) return { claimed: false, found };
    this.#set(key, pending);
    return { claimed: true, previous: found && asUnknown(found) };
  }

  async settle(key: string, owner: string, next: WriteRecord | undefined): Promise<void> {
    const found = this.#get(key);
    if (found && (found.state !== 'pending' || found.owner !== owner)) return;
    if (next) this.#set(key, next);
    else this.#records.delete(key);
  }
}

// KEYS[1] the record; ARGV: the pending record (JSON), its input, now (ms), the TTL (ms).
// Answers {1, previous or ''} when claimed, {0, found} otherwise.
const CLAIM = `
local v = redis.call('GET', KEYS[1])
if v then
  local r = cjson.decode(v)
  local lapsed = r.state == 'unknown' or (r.state == 'pending' and tonumber(r['until']) < tonumber(ARGV[3]))
  if r.input ~= ARGV[2] or not lapsed then return {0, v} end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
return {1, v or ''}
`;

// KEYS[1] the record; ARGV: the owner, the next record (JSON, '' to remove), the TTL (ms).
const SETTLE = `
local v = redis.call('GET', KEYS[1])
if v then
  local r = cjson.decode(v)
  if r.state ~= 'pending' or r.owner ~= ARGV[1] then return 0 end
end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
return 1
`;

/** Every replica's records in Redis; this replica's memory while Redis fails. */
export class RedisIdempotencyStore implements IdempotencyStore {
  readonly #redis: RedisConnection;
  readonly #prefix: string;
  readonly #local: MemoryIdempotencyStore;
  readonly #onError: (error: unknown) => void;

  constructor(
    redis: RedisConnection,
    options: { prefix: string; local: MemoryIdempotencyStore; onError: (error: unknown) => void },
  ) {
    this.#redis = redis;
    this.#prefix = `${options.prefix}idempotency:`;
    this.#local = options.local;
    this.#onError = options.onError;
  }

  async claim(key: string, pending: Extract<WriteRecord, { state: 'pending' }>, now: number): Promise<Claim> {
    try {
      const [claimed, text] = (await this.#redis.call((redis) =>
        redis.eval(
          CLAIM,
          1,
          this.#prefix + key,
          JSON.stringify(pending),
          pending.input,
          String(now),
          String(IDEMPOTENCY_TTL_MS),
        ),
      )) as [number, string];
      if (claimed === 1) {
        const previous = text === '' ? undefined : asUnknown(JSON.parse(text) as WriteRecord);
        return { claimed: true, previous };
      }
      return { claimed: false, found: JSON.parse(text) as WriteRecord };
    } catch (error) {
      this.#onError(error);
      return this.#local.claimNow(key, pending, now);
    }
  }

  async settle(key: string, owner: string, next: WriteRecord | undefined): Promise<void> {
    await this.#local.settle(key, owner, next);
    try {
      await this.#redis.call((redis) =>
        redis.eval(
          SETTLE,
          1,
          this.#prefix + key,
          owner,
          next ? JSON.stringify(next) : '',
          String(IDEMPOTENCY_TTL_MS),
        ),
      );
    } catch (error) {
      this.#onError(error);
    }
  }
}

/** Whether a failed write may have reached Zoho: only failures the client knows were refused or never sent are not. */
function mayHaveLanded(error: unknown): boolean {
  if (error instanceof OutcomeUnknownError || error instanceof ContractError) return true;
  // Our own refusals (the budget, the operation's call limit) happen before anything is sent.
  if (error instanceof ZohoError || error instanceof GraphQLError) return false;
  return true;
}

export interface OnceSteps<T> {
  /** The write: its answer (a success or Zoho's refusal) must survive JSON. */
  write: () => Promise<T>;
  /** After an unknown outcome: what the earlier write made, if it landed (looked up, never written). */
  landed?: (since: number) => Promise<T | undefined>;
}

export type OnceResult<T> = { mismatch: false; replayed: boolean; value: T } | { mismatch: true };

export interface IdempotentWrites {
  /**
   * Runs `steps.write` at most once for (`mutation`, `key`) within this caller's scope: the answer of the first
   * write for `input` is every retry's answer; a key used with another input is a `mismatch`.
   */
  once<T>(
    request: { mutation: string; key: string; input: unknown; signal?: AbortSignal },
    steps: OnceSteps<T>,
  ): Promise<OnceResult<T>>;
}

/** JSON with sorted keys: the same input gives the same fingerprint whatever the order of its fields. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, child]) => `${JSON.stringify(name)}:${canonical(child)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

/**
 * The idempotent writes of one caller (`scope`: whose keys these are). `claimMs` is how long a claim holds: the
 * operation deadline, since the holder's write cannot outlive it.
 */
export function createIdempotentWrites(
  store: IdempotencyStore,
  scope: string,
  options: { claimMs: number; now?: () => number },
): IdempotentWrites {
  const now = options.now ?? Date.now;
  return {
    async once<T>(
      request: { mutation: string; key: string; input: unknown; signal?: AbortSignal },
      steps: OnceSteps<T>,
    ): Promise<OnceResult<T>> {
      const key = `${sha256(scope)}:${request.mutation}:${sha256(request.key)}`;
      const input = sha256(canonical(request.input));
      const owner = randomUUID();
      const run = async (since: number, previous: Extract<WriteRecord, { state: 'unknown' }> | undefined) => {
        try {
          const found = previous && steps.landed ? await steps.landed(previous.since) : undefined;
          const value = found ?? (await steps.write());
          await store.settle(key, owner, { state: 'done', input, answer: JSON.stringify(value) });
          return value;
        } catch (error) {
          const next: WriteRecord | undefined = mayHaveLanded(error)
            ? { state: 'unknown', input, since: previous?.since ?? since }
            : // Nothing reached Zoho this time; an earlier unknown outcome stays unknown.
              previous;
          await store.settle(key, owner, next);
          throw error;
        }
      };
      for (let wait = POLL_FIRST_MS; ; wait = Math.min(wait * 2, POLL_MAX_MS)) {
        const since = now();
        const claim = await store.claim(
          key,
          { state: 'pending', input, owner, since, until: since + options.claimMs + CLAIM_MARGIN_MS },
          since,
        );
        if (claim.claimed)
          return { mismatch: false, replayed: false, value: await run(since, claim.previous) };
        const { found } = claim;
        if (found.input !== input) return { mismatch: true };
        if (found.state === 'done')
          return { mismatch: false, replayed: true, value: JSON.parse(found.answer) as T };
        // Another request holds the key: its answer will be ours.
        if (request.signal?.aborted)
          throw new TimeoutError('Gave up waiting for the write with the same clientMutationId.');
        await delay(wait, undefined, request.signal ? { signal: request.signal } : {}).catch(() => undefined);
      }
    },
  };
}
