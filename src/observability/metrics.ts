/**
 * Prometheus metrics in a Registry of their own: nothing else in the process (a library that registers on
 * prom-client's global registry, a second instance in a test) can collide with or leak into `/metrics`.
 *
 * Every series of ours is named `zoho_assist_…`, so it cannot be mistaken for another service's in a shared
 * Prometheus. Node's process metrics keep the names prom-client gives every Node service (`process_…`,
 * `nodejs_…`), which the standard dashboards and alerts read.
 *
 * Label values must stay few: routes are templates (`GET /sessions/{sessionId}`), never concrete paths, and
 * client-chosen GraphQL operation names go through `operationLabel` first.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  /** `zoho_assist_graphql_operations_total{operation,outcome}`: `success`, `error` or `client_closed`. */
  readonly operations: Counter<'operation' | 'outcome'>;
  /** `zoho_assist_graphql_operation_duration_seconds{operation}`. */
  readonly operationDuration: Histogram<'operation'>;
  /** `zoho_assist_upstream_calls_total{route,status}`; `status` is the HTTP status, or `network`/`timeout`. */
  readonly upstreamCalls: Counter<'route' | 'status'>;
  /** `zoho_assist_upstream_duration_seconds{route}`: one attempt each, retries observed separately. */
  readonly upstreamDuration: Histogram<'route'>;
  /** `zoho_assist_upstream_retries_total{route}`. */
  readonly upstreamRetries: Counter<'route'>;
  /** `zoho_assist_upstream_rate_limited_total{route}`: 429 answers from Zoho. */
  readonly upstreamRateLimited: Counter<'route'>;
  /**
   * `zoho_assist_upstream_reachable`: 1 when the last upstream attempt of real traffic got an answer (any status
   * below 500), 0 when it failed (5xx, timeout, network), NaN before the first. Readiness reports the same without
   * calling Zoho itself.
   */
  readonly upstreamReachable: Gauge;
  /** `zoho_assist_upstream_last_answer_timestamp_seconds`: when Zoho last answered (age: `time() - …`); 0 = never. */
  readonly upstreamLastAnswer: Gauge;
  /** `zoho_assist_rate_limit_budget_remaining{window}`: calls left in the shared minute and day budgets. */
  readonly budgetRemaining: Gauge<'window'>;
  /** `zoho_assist_token_mints_total{outcome}`: access tokens minted from the refresh token. */
  readonly tokenMints: Counter<'outcome'>;
  /**
   * `zoho_assist_cache_lookups_total{resource,result}`, `result` being `hit` or `miss`: the hit ratio over any
   * window is `rate(…{result="hit"}[5m]) / rate(…[5m])`.
   */
  readonly cacheLookups: Counter<'resource' | 'result'>;
  /** `zoho_assist_dataloader_batch_size{loader}`: keys per batch, to see whether batching works. */
  readonly loaderBatchSize: Histogram<'loader'>;
  /**
   * `zoho_assist_forwarded_tokens_total{verdict}`: forwarded tokens Zoho `verified` (answered once) or `rejected`
   * (401), and requests `refused` at once because Zoho had rejected their token before.
   */
  readonly forwardedTokens: Counter<'verdict'>;
  /** `zoho_assist_redis_breaker_open`: 1 while Redis is too slow or failing and local fallbacks serve. */
  readonly redisBreakerOpen: Gauge;
  /** `zoho_assist_redis_breaker_trips_total`: times the Redis breaker opened. */
  readonly redisBreakerTrips: Counter;
  /**
   * `zoho_assist_webhooks_total{result}`: Zoho's webhook deliveries with the right token, `accepted`, `duplicate`
   * (seen in the last minute), `ignored` (an event type we do not act on) or `refused` (413, 400).
   */
  readonly webhooks: Counter<'result'>;
  /** `zoho_assist_router_invalidations_total{outcome}`: POSTs to the router's invalidation endpoint, `sent`, `refused` or `failed`. */
  readonly routerInvalidations: Counter<'outcome'>;
  /** `zoho_assist_subscriptions{kind}`: subscriptions open on this replica, by what they watch (`session`, `computer`). */
  readonly subscriptions: Gauge<'kind'>;
  /** `zoho_assist_subscription_deliveries_total{kind}`: changes delivered to one subscriber each. */
  readonly subscriptionDeliveries: Counter<'kind'>;
  /**
   * A bounded label for a client-chosen operation name: `anonymous` when there is none, characters outside
   * `[A-Za-z0-9_]` dropped, at most 64 characters, and `other` once 200 distinct names are seen.
   */
  operationLabel(name: string | null | undefined): string;
  /** The exposition for `GET /metrics`. */
  render(): Promise<{ contentType: string; body: string }>;
}

const OPERATION_SECONDS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];
const UPSTREAM_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BATCH_SIZES = [1, 2, 5, 10, 20, 50, 100, 200];
/** Distinct operation names labelled before the rest are counted as `other`. */
const MAX_OPERATION_NAMES = 200;

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const upstreamReachable = new Gauge({
    name: 'zoho_assist_upstream_reachable',
    help: '1 when the last upstream attempt got an answer below 500, 0 when it failed (5xx, timeout, network); NaN before the first.',
    registers,
  });
  // Unknown until traffic reaches Zoho: NaN, so that an alert on `== 0` does not fire on a replica just started.
  upstreamReachable.set(Number.NaN);

  const operationNames = new Set<string>();

  return {
    operations: new Counter({
      name: 'zoho_assist_graphql_operations_total',
      help: 'GraphQL operations by name and outcome (success, error, client_closed).',
      labelNames: ['operation', 'outcome'] as const,
      registers,
    }),
    operationDuration: new Histogram({
      name: 'zoho_assist_graphql_operation_duration_seconds',
      help: 'GraphQL operation duration in seconds.',
      labelNames: ['operation'] as const,
      buckets: OPERATION_SECONDS,
      registers,
    }),
    upstreamCalls: new Counter({
      name: 'zoho_assist_upstream_calls_total',
      help: 'Zoho Assist API calls by route template and HTTP status (or network/timeout).',
      labelNames: ['route', 'status'] as const,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: 'zoho_assist_upstream_duration_seconds',
      help: 'Zoho Assist API call duration in seconds, per attempt.',
      labelNames: ['route'] as const,
      buckets: UPSTREAM_SECONDS,
      registers,
    }),
    upstreamRetries: new Counter({
      name: 'zoho_assist_upstream_retries_total',
      help: 'Retried Zoho Assist API calls by route template.',
      labelNames: ['route'] as const,
      registers,
    }),
    upstreamRateLimited: new Counter({
      name: 'zoho_assist_upstream_rate_limited_total',
      help: 'HTTP 429 answers from Zoho by route template.',
      labelNames: ['route'] as const,
      registers,
    }),
    upstreamReachable,
    upstreamLastAnswer: new Gauge({
      name: 'zoho_assist_upstream_last_answer_timestamp_seconds',
      help: 'Unix time of the last upstream answer below 500.',
      registers,
    }),
    budgetRemaining: new Gauge({
      name: 'zoho_assist_rate_limit_budget_remaining',
      help: 'Upstream calls left in the shared rate-limit budget, per window (minute, day).',
      labelNames: ['window'] as const,
      registers,
    }),
    tokenMints: new Counter({
      name: 'zoho_assist_token_mints_total',
      help: 'Access tokens minted from the refresh token, by outcome (minted, throttled, rejected, failed).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    cacheLookups: new Counter({
      name: 'zoho_assist_cache_lookups_total',
      help: 'Read cache lookups by resource, and response cache ones (resource="response"), by result (hit or miss).',
      labelNames: ['resource', 'result'] as const,
      registers,
    }),
    loaderBatchSize: new Histogram({
      name: 'zoho_assist_dataloader_batch_size',
      help: 'Keys per DataLoader batch, by loader.',
      labelNames: ['loader'] as const,
      buckets: BATCH_SIZES,
      registers,
    }),
    forwardedTokens: new Counter({
      name: 'zoho_assist_forwarded_tokens_total',
      help: 'Forwarded tokens Zoho verified or rejected, and requests refused for a token Zoho had rejected.',
      labelNames: ['verdict'] as const,
      registers,
    }),
    redisBreakerOpen: new Gauge({
      name: 'zoho_assist_redis_breaker_open',
      help: '1 while Redis answers too slowly or fails and the replica serves on local fallbacks.',
      registers,
    }),
    redisBreakerTrips: new Counter({
      name: 'zoho_assist_redis_breaker_trips_total',
      help: 'Times the Redis circuit breaker opened.',
      registers,
    }),
    webhooks: new Counter({
      name: 'zoho_assist_webhooks_total',
      help: 'Zoho webhook deliveries with the right token, by result (accepted, duplicate, ignored, refused).',
      labelNames: ['result'] as const,
      registers,
    }),
    routerInvalidations: new Counter({
      name: 'zoho_assist_router_invalidations_total',
      help: 'Invalidation requests to the router, by outcome (sent, refused, failed).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    subscriptions: new Gauge({
      name: 'zoho_assist_subscriptions',
      help: 'Subscriptions open on this replica, by kind (session, computer).',
      labelNames: ['kind'] as const,
      registers,
    }),
    subscriptionDeliveries: new Counter({
      name: 'zoho_assist_subscription_deliveries_total',
      help: 'Changes delivered to subscribers (one per subscriber), by kind.',
      labelNames: ['kind'] as const,
      registers,
    }),
    operationLabel(name) {
      const cleaned = (name ?? '').replace(/[^A-Za-z0-9_]/g, '').slice(0, 64);
      if (cleaned === '') return 'anonymous';
      if (operationNames.has(cleaned)) return cleaned;
      if (operationNames.size >= MAX_OPERATION_NAMES) return 'other';
      operationNames.add(cleaned);
      return cleaned;
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
