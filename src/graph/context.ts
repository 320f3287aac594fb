/**
 * What every resolver receives: the upstream API bound to this request, the loaders built for it, and the
 * request's own bookkeeping. Built per request (src/server/context-factory.ts); nothing here outlives the
 * request.
 */
import type { Loaders } from './loaders/index.js';
import type { OperationTrace } from '../observability/tracing.js';
import type { ZohoAssistApi } from '../upstream/api.js';
import type { IdempotentWrites } from '../upstream/idempotency.js';

export interface OperationStats {
  /** Upstream calls made so far by this operation (every attempt counts: each spends budget). */
  upstreamCalls: number;
}

export interface Context {
  api: ZohoAssistApi;
  loaders: Loaders;
  /** What the read cache already holds, answered without a call (a miss rejects); absent without the cache. */
  known?: ZohoAssistApi | undefined;
  requestId: string;
  /** Aborts when the client disconnects or the operation's deadline passes. */
  signal: AbortSignal;
  stats: OperationStats;
  /** Writes made at most once per `clientMutationId` of this caller (src/upstream/idempotency.ts). */
  writes: IdempotentWrites;
  /**
   * False when forwarded mode received no usable `Authorization` header: only operations that read nothing from
   * Zoho may run (src/server/auth.ts).
   */
  hasCredentials: boolean;
  /** This operation's trace, when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT). */
  trace?: OperationTrace;
  /** Whose Zoho budget this operation spends (a credential fingerprint, or the organisation), never a token. */
  budgetKey?: string;
}
