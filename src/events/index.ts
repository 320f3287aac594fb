/**
 * Changes, announced everywhere they matter (docs/events.md). A change is a webhook from Zoho, a write we sent
 * (reported by the read cache's decorator), or an event someone publishes on the bus (the poller). Announcing
 * one, on the replica where it happened:
 *   1. the shared read cache forgets the resources it names (in Redis: for every replica at once);
 *   2. every replica's invalidation listeners hear of it (the Redis channel `<prefix>events:invalidations`);
 *   3. the router is told its cache tags, once (ROUTER_INVALIDATION_URL), without waiting for its answer;
 *   4. its ChangeEvents reach every replica's bus listeners (`<prefix>events:changes`): subscriptions re-read.
 * In that order, so whoever re-reads on hearing an event never reads what the change made stale.
 */
import type { Logger } from 'pino';
import type { BudgetRuntime } from '../budget/runtime.js';
import type { Config } from '../config/index.js';
import type { Metrics } from '../observability/metrics.js';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { connectSubscriber, errorOf, MemoryBroadcast, RedisBroadcast, type Broadcast } from './bus.js';
import { cacheTagsPlugin } from './cache-tags.js';
import { changeOfEvent, changeOfWrite, type Change } from './changes.js';
import { createWebhookRoute, type WebhookRoute } from './receiver.js';
import { createRouterInvalidation } from './router-invalidation.js';
import type { ChangeEvent, EventBus, Invalidation, Invalidations } from './types.js';

export interface Events {
  /** Publishing announces the event (caches forget, routers are told) before any listener hears it. */
  readonly bus: EventBus;
  readonly invalidations: Invalidations;
  /** The webhook route for the HTTP handler; undefined without ZOHO_WEBHOOK_TOKEN. */
  readonly webhook: WebhookRoute | undefined;
  /** Each answer's cache tags for the router (src/events/cache-tags.ts), when it is told of changes. */
  readonly cacheTags: ApolloServerPlugin<BaseContext> | undefined;
  close(): Promise<void>;
}

const KINDS = new Set(['session', 'computer']);

function parseEvent(value: unknown): ChangeEvent | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, id, type, at } = value as Record<string, unknown>;
  return typeof kind === 'string' &&
    KINDS.has(kind) &&
    typeof id === 'string' &&
    typeof type === 'string' &&
    typeof at === 'number'
    ? { kind: kind as ChangeEvent['kind'], id, type, at }
    : undefined;
}

const strings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function parseInvalidation(value: unknown): Invalidation | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { resources, tags } = value as Record<string, unknown>;
  return strings(resources) && strings(tags) ? { resources, tags } : undefined;
}

export async function startEvents(options: {
  config: Config;
  logger: Logger;
  metrics: Metrics | undefined;
  budget: BudgetRuntime;
}): Promise<Events> {
  const { config, budget, metrics } = options;
  const logger = options.logger.child({ component: 'events' });
  const redis = budget.redis;
  const subscriber = redis ? await connectSubscriber(redis, logger) : undefined;
  const onListenerError = (error: unknown) => logger.warn({ err: errorOf(error) }, 'event listener failed');
  const channel = <T>(name: string, parse: (value: unknown) => T | undefined): Broadcast<T> =>
    redis && subscriber
      ? new RedisBroadcast<T>(redis, subscriber.subscriber, {
          channel: `${config.limits.redisKeyPrefix}events:${name}`,
          parse,
          logger,
        })
      : new MemoryBroadcast<T>(onListenerError);
  const changes = channel('changes', parseEvent);
  const invalidations = channel('invalidations', parseInvalidation);
  const router =
    config.events.router && createRouterInvalidation({ ...config.events.router, logger, metrics });

  let lastFailure = 0;
  const published = (what: string) => (error: unknown) => {
    // Delivered here already; only the other replicas missed it. One line every 10 s is enough.
    if (Date.now() - lastFailure < 10_000) return;
    lastFailure = Date.now();
    logger.warn({ what, err: errorOf(error) }, 'redis publish failed: other replicas miss this change');
  };

  async function announce({ invalidation, events }: Change): Promise<void> {
    await budget.invalidate(invalidation.resources);
    await invalidations.publish(invalidation).catch(published('invalidation'));
    void router?.send(invalidation.tags);
    for (const event of events) await changes.publish(event).catch(published('event'));
  }

  budget.observeWrites((write) => {
    const change = changeOfWrite(write, Date.now());
    void announce(change).catch((error: unknown) =>
      logger.warn({ err: errorOf(error), operation: write.operation }, 'announcing a write failed'),
    );
  });

  const bus: EventBus = {
    publish: (event) => announce({ invalidation: changeOfEvent(event), events: [event] }),
    subscribe: (listener) => changes.subscribe(listener),
    close: () => changes.close(),
  };

  const webhookToken = config.events.webhookToken;
  return {
    bus,
    invalidations: {
      invalidate: (invalidation) => announce({ invalidation, events: [] }),
      onInvalidate: (listener) => invalidations.subscribe(listener),
    },
    cacheTags: router ? cacheTagsPlugin() : undefined,
    webhook:
      webhookToken === null
        ? undefined
        : createWebhookRoute({
            token: webhookToken,
            announce: (event) => bus.publish(event),
            logger,
            metrics,
          }),
    async close() {
      await changes.close();
      await invalidations.close();
      await router?.close();
      subscriber?.close();
    },
  };
}
