/**
 * What every resolver receives: the upstream API bound to this request, the loaders built for it, and the
 * request's own bookkeeping. Built per request (src/server/context-factory.ts); nothing here outlives the
 * request. The seed graph's resolvers receive a `Context`, the live graph's a `LiveContext` (its API is Zoho's
 * published one, src/upstream/live-api.ts); the server's plugins see either (`GraphContext`) and read only the
 * bookkeeping both have.
 */
import type { Loaders } from './loaders/index.js';
import type { LiveLoaders } from './loaders/live.js';
import type { OperationTrace } from '../observability/tracing.js';
import type { ZohoComputer, ZohoSession } from '../../contract/types.js';
import type { ZohoAssistApi } from '../upstream/api.js';
import type { IdempotentWrites } from '../upstream/idempotency.js';
import type { LiveZohoApi } from '../upstream/live-api.js';

export interface OperationStats {
  /** Upstream calls made so far by this operation (every attempt counts: each spends budget). */
  upstreamCalls: number;
}

/** The request's bookkeeping, the same in both dialects. */
export interface ContextBase {
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
  /** The caller's change feed, which subscription fields read (src/subscriptions/feed.ts). */
  feed?: SubscriberFeed;
}

/** The seed graph's context. */
export interface Context extends ContextBase {
  api: ZohoAssistApi;
  loaders: Loaders;
  /** What the read cache already holds, answered without a call (a miss rejects); absent without the cache. */
  known?: ZohoAssistApi | undefined;
}

/** The live graph's context: Zoho's published API, and the loaders it can serve. */
export interface LiveContext extends ContextBase {
  api: LiveZohoApi;
  loaders: LiveLoaders;
}

/** What the server's plugins receive: either graph's context. */
export type GraphContext = Context | LiveContext;

/** One change as a subscriber receives it: the state, and the context its selection resolves through. */
export type Delivery =
  | { kind: 'session'; value: ZohoSession; context: GraphContext }
  | { kind: 'computer'; value: ZohoComputer; context: GraphContext };

/** A caller's change feed (src/subscriptions/feed.ts): an iterator of the changes of one kind, or of one id. */
export interface SubscriberFeed {
  watch(kind: Delivery['kind'], id: string | undefined): AsyncIterableIterator<Delivery>;
}
