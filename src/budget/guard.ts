/**
 * Binds the budget to one operation's upstream client: every attempt first takes one call from the budget
 * (`beforeAttempt`), Zoho's 429s block the key for its `Retry-After`, and the operation's own ceiling
 * (MAX_UPSTREAM_CALLS_PER_OPERATION) stops an operation that the estimate let through but that spends more.
 */
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Metrics } from '../metrics.js';
import type { UpstreamCallEvent } from '../zoho/client.js';
import { RateLimitedError, type UpstreamCall } from '../zoho/errors.js';
import type { BudgetLimiter, BudgetSnapshot } from './limiter.js';

/** A short, irreversible name for a credential: budget and cache keys never hold a token. */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url').slice(0, 22);
}

export interface BudgetGuardOptions {
  limiter: BudgetLimiter;
  /** Whose budget the calls spend (see `budgetKey` in src/app.ts). */
  key: string;
  /** MAX_UPSTREAM_CALLS_PER_OPERATION. */
  maxCallsPerOperation: number;
  metrics?: Metrics | undefined;
  /** Called when the limiter refuses a call, for logs. */
  onRefused?: (call: UpstreamCall, snapshot: BudgetSnapshot) => void;
}

export interface BudgetGuard {
  // Properties, not methods: they are handed to the client as callbacks.
  readonly beforeAttempt: (call: UpstreamCall) => Promise<void>;
  /** Feed every upstream attempt's event here (429s adjust the budget). */
  readonly onCall: (event: UpstreamCallEvent) => void;
  /** Attempts this operation has been granted. */
  readonly granted: number;
  /** The budget after the last call this operation took, if it took one. */
  readonly last: BudgetSnapshot | undefined;
}

export function createBudgetGuard(options: BudgetGuardOptions): BudgetGuard {
  const { limiter, key, metrics } = options;
  let granted = 0;
  let last: BudgetSnapshot | undefined;
  return {
    get granted() {
      return granted;
    },
    get last() {
      return last;
    },
    beforeAttempt: async (call) => {
      if (granted >= options.maxCallsPerOperation) {
        throw new GraphQLError(
          `This operation needs more than ${options.maxCallsPerOperation} upstream calls; ask for fewer items.`,
          { extensions: { code: 'OPERATION_TOO_EXPENSIVE', maxUpstreamCalls: options.maxCallsPerOperation } },
        );
      }
      const result = await limiter.take(key);
      last = result.snapshot;
      metrics?.budgetRemaining.set({ window: 'minute' }, result.snapshot.remaining.window);
      metrics?.budgetRemaining.set({ window: 'day' }, result.snapshot.remaining.day);
      if (!result.granted) {
        options.onRefused?.(call, result.snapshot);
        throw new RateLimitedError(
          `The Zoho API budget is spent; not calling ${call.route}`,
          result.snapshot.retryAfter,
          { call },
        );
      }
      granted += 1;
    },
    onCall: (event) => {
      if (event.status !== 429) return;
      // Everyone sharing the key waits out Zoho's answer (without one, a whole window) instead of collecting
      // more 429s.
      void limiter
        .block(key, event.retryAfter ?? Math.ceil(limiter.limits.windowMs / 1000))
        .catch(() => undefined);
    },
  };
}
