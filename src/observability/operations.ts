/**
 * Logs and metrics of operations and upstream calls: one log line per operation, one per upstream call at
 * debug level, and the Prometheus series of src/observability/metrics.ts. Everything is keyed by the request id, which the
 * gateway may send (`x-request-id`), Zoho receives, and the client gets back.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { GraphContext } from '../graph/context.js';
import { loggableText } from './logger.js';
import type { Metrics } from './metrics.js';
import type { UpstreamCallEvent } from '../upstream/client.js';
import { ClientClosedError } from '../upstream/errors.js';

/**
 * Records one upstream attempt; returns whether Zoho answered (any status below 500), or undefined when we
 * aborted the attempt ourselves.
 */
export function recordUpstreamCall(
  event: UpstreamCallEvent,
  requestId: string,
  logger: Logger,
  metrics: Metrics | undefined,
): boolean | undefined {
  const status = event.status === undefined ? (event.error ?? 'network') : String(event.status);
  // A call we gave up on ourselves (deadline, client gone) says nothing of Zoho.
  const answered =
    event.error === 'ERR_ABORTED' || event.error === 'CLIENT_CLOSED'
      ? undefined
      : event.status !== undefined && event.status < 500;
  if (metrics) {
    metrics.upstreamCalls.inc({ route: event.route, status });
    metrics.upstreamDuration.observe({ route: event.route }, event.durationMs / 1000);
    if (event.attempt > 1) metrics.upstreamRetries.inc({ route: event.route });
    if (event.status === 429) metrics.upstreamRateLimited.inc({ route: event.route });
    if (answered !== undefined) metrics.upstreamReachable.set(answered ? 1 : 0);
    if (answered) metrics.upstreamLastAnswer.set(Date.now() / 1000);
  }
  if (logger.isLevelEnabled('debug')) {
    logger.debug(
      {
        requestId,
        method: event.method,
        route: event.route,
        status,
        ms: Math.round(event.durationMs),
        attempt: event.attempt,
      },
      'upstream call',
    );
  }
  return answered;
}

/** The longest operation name an `operation` line carries whole, as the metric label (src/observability/metrics.ts). */
const OPERATION_NAME_LOGGED = 64;

/**
 * One log line and the operation metrics per GraphQL operation, deferred with setImmediate: unless a later hook
 * waits on I/O (a Redis budget snapshot), the handler has written the response by then, so the client does not
 * wait for our bookkeeping.
 */
export function operationPlugin(
  logger: Logger,
  metrics: Metrics | undefined,
): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, operation, response, errors }) {
          const durationMs = performance.now() - started;
          const body = response.body;
          const resultErrors = body.kind === 'single' ? body.singleResult.errors : undefined;
          const codes = [...(errors ?? []), ...(resultErrors ?? [])]
            .map((error) => (error.extensions as { code?: unknown } | undefined)?.code)
            .filter((code): code is string => typeof code === 'string');
          // The span ends now: the response's 'close' (the client-gone path) would otherwise end it first.
          const trace = contextValue?.trace;
          trace?.end({
            // Exported as the span's name and an attribute: cut as in the log line.
            operationName: operationName ? loggableText(operationName, OPERATION_NAME_LOGGED) : null,
            operationType: operation?.operation,
            errorCodes: codes,
          });
          const upstreamCalls = contextValue?.stats.upstreamCalls ?? 0;
          // A client that hung up ended the operation itself, whatever its fields answered meanwhile.
          const clientClosed = contextValue?.signal.reason instanceof ClientClosedError;
          setImmediate(() => {
            const outcome = clientClosed
              ? 'CLIENT_CLOSED'
              : codes.length === 0
                ? 'success'
                : [...new Set(codes)].sort().join(',');
            const name = metrics ? metrics.operationLabel(operationName) : (operationName ?? 'anonymous');
            metrics?.operations.inc({
              operation: name,
              outcome: clientClosed ? 'client_closed' : codes.length === 0 ? 'success' : 'error',
            });
            metrics?.operationDuration.observe({ operation: name }, durationMs / 1000);
            logger.info(
              {
                requestId: contextValue?.requestId,
                // Client-chosen: as long as the metric label allows, plus the length it had.
                operation: operationName ? loggableText(operationName, OPERATION_NAME_LOGGED) : null,
                ms: Math.round(durationMs),
                upstreamCalls,
                outcome,
                ...(trace ? { traceId: trace.traceId } : {}),
              },
              'operation',
            );
          });
        },
      };
    },
  };
}
