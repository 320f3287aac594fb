/**
 * The per-request context: the caller's credentials (read once), a request id, an abort signal (client gone or
 * deadline passed), the upstream client bound to all three behind the budget guard and the read cache, and fresh
 * loaders. Nothing per-user outlives the request; the got instance, the budget and the caches are the process's.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { BudgetRuntime } from '../budget/runtime.js';
import type { BudgetGuard } from '../budget/guard.js';
import type { Context, OperationStats } from '../graph/context.js';
import { createLoaders } from '../graph/loaders/index.js';
import type { Metrics } from '../observability/metrics.js';
import { recordUpstreamCall } from '../observability/operations.js';
import type { OperationTrace, Tracing } from '../observability/tracing.js';
import type { ZohoAssistApi } from '../upstream/api.js';
import { createZohoClient } from '../upstream/client.js';
import { ClientClosedError } from '../upstream/errors.js';
import type { ZohoHttp } from '../upstream/transport.js';
import type { Credentials, CredentialsOf } from './auth-mode.js';

export type ContextFactory = (request: IncomingMessage, response: ServerResponse) => Promise<Context>;

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
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function createContextFactory(options: ContextOptions): ContextFactory {
  const { budget, metrics } = options;
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
    const client = upstreamClient(options, {
      credentials,
      requestId,
      signal: controller.signal,
      trace,
      guard,
      stats,
    });
    const api = budget.cached(client, caller, guard);
    const loaders = createLoaders(api, {
      ...(metrics ? { onBatch: (loader, size) => metrics.loaderBatchSize.observe({ loader }, size) } : {}),
    });
    return {
      api,
      loaders,
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
  };
}

/** The upstream client of one request: its token, id, signal and trace, each attempt counted and guarded. */
function upstreamClient(
  options: ContextOptions,
  request: {
    credentials: Credentials;
    requestId: string;
    signal: AbortSignal;
    trace: OperationTrace | undefined;
    guard: BudgetGuard;
    stats: OperationStats;
  },
): ZohoAssistApi {
  const { credentials, requestId, signal, trace, guard, stats } = request;
  return createZohoClient(options.http, {
    tokens: credentials.tokens,
    requestId,
    signal,
    concurrency: options.concurrency,
    ...(trace ? { headers: trace.upstreamHeaders } : {}),
    beforeAttempt: guard.beforeAttempt,
    onCall: (event) => {
      stats.upstreamCalls++;
      guard.onCall(event);
      trace?.recordUpstreamCall(event);
      options.onUpstreamAnswer(recordUpstreamCall(event, requestId, options.logger, options.metrics));
    },
  });
}
