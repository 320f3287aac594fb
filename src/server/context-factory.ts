/**
 * The per-request context: the caller's credentials (read once), a request id, an abort signal (client gone or
 * deadline passed), the upstream client bound to all three behind the budget guard and the read cache, and fresh
 * loaders. Nothing per-user outlives the request; the got instance, the budget and the caches are the process's,
 * and so are the live dialect's departments (one lookup per credential per process).
 *
 * The dialect decides which client: the seed's (src/upstream/client.ts, behind the read cache) or Zoho's published
 * API (src/upstream/live-client.ts under live-api.ts, behind its own read cache: src/cache/live-cached-api.ts).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { BudgetRuntime } from '../budget/runtime.js';
import type { BudgetGuard } from '../budget/guard.js';
import type { ApiDialect } from '../config/index.js';
import type { Context, GraphContext, LiveContext, OperationStats } from '../graph/context.js';
import { createLoaders, type LoaderOptions } from '../graph/loaders/index.js';
import { createLiveLoaders } from '../graph/loaders/live.js';
import type { Metrics } from '../observability/metrics.js';
import { recordUpstreamCall } from '../observability/operations.js';
import type { OperationTrace, Tracing } from '../observability/tracing.js';
import type { AttemptOptions, UpstreamCallEvent } from '../upstream/attempts.js';
import { createZohoClient } from '../upstream/client.js';
import { ClientClosedError } from '../upstream/errors.js';
import { createLiveZohoApi } from '../upstream/live-api.js';
import { createLiveRestClient, LiveDepartments } from '../upstream/live-client.js';
import type { ZohoHttp } from '../upstream/transport.js';
import type { Credentials, CredentialsOf } from './auth-mode.js';

export type ContextFactory = (request: IncomingMessage, response: ServerResponse) => Promise<GraphContext>;

export interface ContextOptions {
  http: ZohoHttp;
  credentialsOf: CredentialsOf;
  budget: BudgetRuntime;
  deadlineMs: number;
  /** Upstream calls in flight at once per operation (UPSTREAM_CONCURRENCY). */
  concurrency: number;
  logger: Logger;
  metrics: Metrics | undefined;
  tracing: Tracing | undefined;
  /** What each upstream attempt said of Zoho, for readiness. */
  onUpstreamAnswer: (answered: boolean | undefined) => void;
  /** Which API the upstream speaks (ZOHO_API_DIALECT) and, for the live one, ZOHO_DEPARTMENT_ID. */
  upstream?: { dialect: ApiDialect; departmentId: string | null };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function createContextFactory(options: ContextOptions): ContextFactory {
  const { budget, metrics } = options;
  const live = options.upstream?.dialect === 'live';
  const departments = live ? new LiveDepartments(options.upstream?.departmentId ?? null) : undefined;
  const loaderOptions: LoaderOptions = metrics
    ? { onBatch: (loader, size) => metrics.loaderBatchSize.observe({ loader }, size) }
    : {};
  return async (request, response) => {
    const credentials = options.credentialsOf(request.headers);
    const header = request.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    response.setHeader('x-request-id', requestId);
    const trace = options.tracing?.startOperation(request.headers);

    const controller = new AbortController();
    const deadline = setTimeout(() => controller.abort(new Error('deadline')), options.deadlineMs);
    deadline.unref();
    response.once('close', () => {
      clearTimeout(deadline);
      // Its own reason, so an abandoned call reads as the client's hang-up (CLIENT_CLOSED), not as Zoho's timeout.
      if (!response.writableFinished)
        controller.abort(new ClientClosedError('The client closed the connection before the answer.'));
      trace?.end();
    });

    const stats: OperationStats = { upstreamCalls: 0 };
    // A token Zoho rejected before is refused here, before anything is spent.
    const caller = await budget.caller(credentials.forwardedToken);
    const guard = budget.guard(caller);
    const attempts = upstreamAttempts(options, {
      credentials,
      requestId,
      signal: controller.signal,
      trace,
      guard,
      stats,
    });
    const bookkeeping = {
      requestId,
      signal: controller.signal,
      stats,
      writes: budget.writes(caller),
      known: budget.known(caller),
      trace,
      hasCredentials: credentials.hasCredentials,
      // Without credentials nothing is spent, and the organisation's budget is not the caller's to see.
      ...(credentials.hasCredentials ? { budgetKey: caller.budgetKey } : {}),
    };
    if (departments) {
      const rest = createLiveRestClient(options.http, {
        ...attempts,
        departments,
        // Per user in forwarded mode (a fingerprint of the token), the service identity otherwise; never a token.
        credential: caller.cacheScope,
        concurrency: options.concurrency,
      });
      const api = createLiveZohoApi(budget.cachedLive(rest, caller, guard));
      return { ...bookkeeping, api, loaders: createLiveLoaders(api, loaderOptions) } satisfies LiveContext;
    }
    const client = createZohoClient(options.http, { ...attempts, concurrency: options.concurrency });
    const api = budget.cached(client, caller, guard);
    return { ...bookkeeping, api, loaders: createLoaders(api, loaderOptions) } satisfies Context;
  };
}

/** What every upstream client of one request shares: its token, id, signal and trace, each attempt counted and guarded. */
function upstreamAttempts(
  options: ContextOptions,
  request: {
    credentials: Credentials;
    requestId: string;
    signal: AbortSignal;
    trace: OperationTrace | undefined;
    guard: BudgetGuard;
    stats: OperationStats;
  },
) {
  const { credentials, requestId, signal, trace, guard, stats } = request;
  return {
    tokens: credentials.tokens,
    requestId,
    signal,
    ...(trace ? { headers: trace.upstreamHeaders } : {}),
    beforeAttempt: guard.beforeAttempt,
    onCall: (event: UpstreamCallEvent) => {
      stats.upstreamCalls++;
      guard.onCall(event);
      trace?.recordUpstreamCall(event);
      options.onUpstreamAnswer(recordUpstreamCall(event, requestId, options.logger, options.metrics));
    },
  } satisfies AttemptOptions;
}
