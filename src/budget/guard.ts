/**
 * Binds the budget to one operation's upstream client: every attempt first takes one call from each budget it
 * draws on (`beforeAttempt`), Zoho's 429s block the budget for its `Retry-After`, and the operation's own ceiling
 * (MAX_UPSTREAM_CALLS_PER_OPERATION) stops an operation that the estimate let through but that spends more.
 *
 * In forwarded mode the guard also learns what Zoho thinks of the caller's token from each answer: a 401 rejects
 * it (remembered, and nothing more is sent for it in this operation), a success verifies it (from then on it
 * draws on the organisation's budget instead of the small allowance for unverified tokens).
 */
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Metrics } from '../observability/metrics.js';
import type { UpstreamCallEvent } from '../upstream/client.js';
import { RateLimitedError, UnauthenticatedError, type UpstreamCall } from '../upstream/errors.js';
import type { BudgetClaim, BudgetClaims, BudgetLimiter, BudgetSnapshot } from './limiter.js';
import type { TokenVerdict } from './verdicts.js';

/** A short, irreversible name for a credential: budget and cache keys never hold a token. */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url').slice(0, 22);
}

/** A forwarded token, and the budgets its calls draw on before and after Zoho has accepted it. */
export interface ForwardedToken {
  readonly claims: { readonly verified: BudgetClaims; readonly unverified: BudgetClaims };
  /** What Zoho has said of the token, as this replica knows it now. */
  verdict(): TokenVerdict | undefined;
  /** Zoho has just answered a call made with the token: 401 rejects it, a success verifies it. */
  onVerdict(verdict: TokenVerdict): void;
  /**
   * Waits until no attempt with this token, in any operation of this replica, is awaiting Zoho's first answer,
   * then holds that place until the returned release is called.
   */
  verifyTurn(): Promise<() => void>;
}

export interface BudgetGuardOptions {
  limiter: BudgetLimiter;
  /**
   * The budget this operation is counted in (see `caller` in src/budget/runtime.ts): what a 429 blocks and what
   * the budget gauge shows.
   */
  budget: BudgetClaim;
  /** In forwarded mode: the caller's token. Otherwise every attempt draws on `budget` alone. */
  token?: ForwardedToken | undefined;
  /** MAX_UPSTREAM_CALLS_PER_OPERATION. */
  maxCallsPerOperation: number;
  metrics?: Metrics | undefined;
  /** Called when the limiter refuses a call, for logs. */
  onRefused?: (call: UpstreamCall, snapshot: BudgetSnapshot) => void;
}

export interface BudgetGuard {
  // Properties, not methods: they are handed to the client as callbacks.
  readonly beforeAttempt: (call: UpstreamCall) => Promise<void>;
  /** Feed every upstream attempt's event here (429s adjust the budget, 401s and successes judge the token). */
  readonly onCall: (event: UpstreamCallEvent) => void;
  /** Attempts this operation has been granted. */
  readonly granted: number;
  /**
   * Attempts of this operation that may have changed something in Zoho: answered with a success or a 5xx, or not
   * answered at all. A write that failed while this stayed put was refused outright and changed nothing.
   */
  readonly mayHaveLanded: number;
  /** The budget after the last call this operation took, if it took one. */
  readonly last: BudgetSnapshot | undefined;
}

export function createBudgetGuard(options: BudgetGuardOptions): BudgetGuard {
  const { limiter, budget, token, metrics } = options;
  let granted = 0;
  let mayHaveLanded = 0;
  let rejected = false;
  let last: BudgetSnapshot | undefined;
  /** The place this operation holds while its attempt with an unverified token awaits Zoho's answer. */
  let release: (() => void) | undefined;
  const verdict = () => (rejected ? 'rejected' : token?.verdict());

  function settle(): void {
    const held = release;
    release = undefined;
    held?.();
  }

  return {
    get granted() {
      return granted;
    },
    get mayHaveLanded() {
      return mayHaveLanded;
    },
    get last() {
      return last;
    },
    beforeAttempt: async (call) => {
      // An unverified token sends one attempt at a time until Zoho has answered one: a new user's first
      // operation costs the unverified allowance one call however many it then makes, and a made-up token sent
      // by many requests at once costs one.
      if (token && verdict() === undefined) {
        const held = await token.verifyTurn();
        if (verdict() === undefined) release = held;
        else held();
      }
      try {
        await take(call);
      } catch (error) {
        // Nothing was sent: the next attempt may try.
        settle();
        throw error;
      }
    },
    onCall: (event) => {
      const status = event.status;
      if (status === undefined || status < 400 || status >= 500) mayHaveLanded += 1;
      if (token && status === 401 && !rejected) {
        rejected = true;
        token.onVerdict('rejected');
      } else if (
        token &&
        status !== undefined &&
        (status < 300 || status === 403) &&
        verdict() !== 'verified'
      ) {
        // A success, or a refusal for a scope (which Zoho decides only for a token it recognised).
        token.onVerdict('verified');
      }
      settle();
      if (status !== 429) return;
      // Everyone sharing the budget waits out Zoho's answer (without one, a whole window) instead of collecting
      // more 429s.
      void limiter
        .block(budget, event.retryAfter ?? Math.ceil(budget.limits.windowMs / 1000))
        .catch(() => undefined);
    },
  };

  async function take(call: UpstreamCall): Promise<void> {
    const known = verdict();
    if (known === 'rejected') {
      throw new UnauthenticatedError('Zoho rejected this access token', { status: 401, call });
    }
    if (granted >= options.maxCallsPerOperation) {
      throw new GraphQLError(
        `This operation needs more than ${options.maxCallsPerOperation} upstream calls; ask for fewer items.`,
        { extensions: { code: 'OPERATION_TOO_EXPENSIVE', maxUpstreamCalls: options.maxCallsPerOperation } },
      );
    }
    const claims: BudgetClaims = token
      ? known === 'verified'
        ? token.claims.verified
        : token.claims.unverified
      : [budget];
    const result = await limiter.take(claims);
    if (claims[0].key === budget.key) {
      last = result.snapshot;
      metrics?.budgetRemaining.set({ window: 'minute' }, result.snapshot.remaining.window);
      metrics?.budgetRemaining.set({ window: 'day' }, result.snapshot.remaining.day);
    }
    if (!result.granted) {
      options.onRefused?.(call, result.snapshot);
      throw new RateLimitedError(
        token && known !== 'verified'
          ? `Zoho has not accepted this access token yet, and the calls allowed for such tokens are spent; not calling ${call.route}`
          : `The Zoho API budget is spent; not calling ${call.route}`,
        result.snapshot.retryAfter,
        { call },
      );
    }
    granted += 1;
  }
}
