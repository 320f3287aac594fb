/**
 * The change feed: who watches what on this replica, and each change re-read once for all of them.
 *
 * Events (webhooks, mutations, the poller; from any replica through the bus) are hints, never state. The feed
 * collects those of one tick, keeps the ones somebody here watches, and re-reads them once per caller group
 * (the budget key: the organisation in service and static modes, each forwarded token's fingerprint in
 * forwarded mode) through one context of the ordinary kind (the same client, loaders, read cache and budget as
 * any request), so the loaders batch the ids of one tick into the fewest calls. Every subscriber of the group
 * then gets that state and that context: its selection below the root field resolves through the same loaders,
 * so 50 subscribers of one session cost what one costs.
 */
import type { Logger } from 'pino';
import type { ChangeEvent, EventBus, ResourceKind } from '../events/types.js';
import type { Delivery, GraphContext, SubscriberFeed } from '../graph/context.js';
import type { Metrics } from '../observability/metrics.js';

type StateOf<K extends ResourceKind> = Extract<Delivery, { kind: K }>['value'];

/** A caller group: the subscribers who share a budget key and so may share one read. */
export interface Watcher {
  /** The budget key (src/budget/runtime.ts): who pays for the read. */
  readonly group: string;
  /** A fresh context with this caller's credentials, for a read made on the subscribers' behalf. */
  readonly newContext: () => Promise<GraphContext>;
}

/** What the poller needs of the feed: what is watched, by whom, and a way to hand over what it read. */
export interface WatchedGroup {
  readonly watcher: Watcher;
  /** Per kind: every id (`all`) or the ids watched. */
  readonly kinds: ReadonlyMap<ResourceKind, { all: boolean; ids: ReadonlySet<string> }>;
}

export interface ChangeFeed {
  /** The feed of one caller (a WebSocket connection, or a callback subscription's request). */
  forCaller(watcher: Watcher): SubscriberFeed;
  /** Subscribers on this replica now. */
  readonly size: number;
  watched(): WatchedGroup[];
  /** A state just read by the poller for `group`: the next event for it is delivered without a read. */
  prime(group: string, kind: ResourceKind, id: string, value: StateOf<ResourceKind>): void;
  close(): void;
}

interface Subscriber {
  readonly kind: ResourceKind;
  readonly id: string | undefined;
  readonly watcher: Watcher;
  push(delivery: Delivery): void;
  /** Ends the subscriber's iterator, as its own `return()` would. */
  end(): void;
}

/** An unbounded queue would let a slow socket hold every change: past this many undelivered, the oldest go. */
const MAX_PENDING = 100;

/** How long the poller's read stands in for the event's own read. */
const PRIMED_MS = 5_000;

export function createChangeFeed(options: {
  bus: EventBus;
  logger: Logger;
  metrics?: Metrics | undefined;
}): ChangeFeed {
  const subscribers = new Set<Subscriber>();
  const primed = new Map<string, { value: StateOf<ResourceKind>; at: number }>();
  let pending = new Map<string, ChangeEvent>();
  let scheduled = false;

  const unsubscribe = options.bus.subscribe((event) => {
    if (subscribers.size === 0) return;
    pending.set(`${event.kind}:${event.id}`, event);
    if (scheduled) return;
    scheduled = true;
    // One tick: the events that arrived together are read together (one batch per loader).
    setImmediate(() => {
      scheduled = false;
      const events = [...pending.values()];
      pending = new Map();
      void deliver(events).catch((error: unknown) =>
        options.logger.warn({ err: error }, 'subscription delivery failed'),
      );
    });
  });

  async function deliver(events: ChangeEvent[]): Promise<void> {
    // A primed state whose event never came (its subscriber left) is stale past a few seconds.
    for (const [key, { at }] of primed) if (at < Date.now() - PRIMED_MS) primed.delete(key);
    const groups = new Map<
      string,
      { watcher: Watcher; subscribers: Set<Subscriber>; events: Set<ChangeEvent> }
    >();
    for (const subscriber of subscribers) {
      for (const event of events) {
        if (event.kind !== subscriber.kind || (subscriber.id !== undefined && subscriber.id !== event.id))
          continue;
        const group = groups.get(subscriber.watcher.group) ?? {
          watcher: subscriber.watcher,
          subscribers: new Set<Subscriber>(),
          events: new Set<ChangeEvent>(),
        };
        groups.set(subscriber.watcher.group, group);
        group.subscribers.add(subscriber);
        group.events.add(event);
      }
    }
    await Promise.all(
      [...groups.entries()].map(async ([group, { watcher, subscribers: mine, events: wanted }]) => {
        let context: GraphContext;
        try {
          context = await watcher.newContext();
        } catch (error) {
          // This caller's token was refused since it subscribed: its group misses the change, the others do not.
          options.logger.info({ err: error }, 'change not delivered to a caller group');
          return;
        }
        const states = await Promise.all(
          [...wanted].map(async (event) => ({ event, value: await read(context, group, event) })),
        );
        for (const { event, value } of states) {
          if (value === undefined) continue;
          const delivery = { kind: event.kind, value, context } as Delivery;
          for (const subscriber of mine) {
            if (
              subscriber.kind === event.kind &&
              (subscriber.id === undefined || subscriber.id === event.id)
            ) {
              subscriber.push(delivery);
              options.metrics?.subscriptionDeliveries.inc({ kind: event.kind });
            }
          }
        }
      }),
    );
  }

  /** The state after `event`: what the poller just read, or one read through the loaders (batched per tick). */
  async function read(
    context: GraphContext,
    group: string,
    event: ChangeEvent,
  ): Promise<StateOf<ResourceKind> | undefined> {
    const key = `${group}\u0000${event.kind}:${event.id}`;
    const fresh = primed.get(key);
    primed.delete(key);
    if (fresh) return fresh.value;
    try {
      if (event.kind === 'computer') return await context.loaders.computerById.load(event.id);
      if ('sessionById' in context.loaders) return await context.loaders.sessionById.load(event.id);
      return undefined;
    } catch (error) {
      // Removed, not found, out of budget: nobody gets a state this graph could not read.
      options.logger.info({ err: error, kind: event.kind, id: event.id }, 'change not delivered');
      return undefined;
    }
  }

  function watch(
    watcher: Watcher,
    kind: ResourceKind,
    id: string | undefined,
  ): AsyncIterableIterator<Delivery> {
    const queue: Delivery[] = [];
    let waiting: ((result: IteratorResult<Delivery>) => void) | undefined;
    let done = false;
    const subscriber: Subscriber = {
      kind,
      id,
      watcher,
      push(delivery) {
        if (waiting) {
          const resolve = waiting;
          waiting = undefined;
          resolve({ value: delivery, done: false });
          return;
        }
        queue.push(delivery);
        if (queue.length > MAX_PENDING) queue.shift();
      },
      end: () => void finish(),
    };
    subscribers.add(subscriber);
    options.metrics?.subscriptions.inc({ kind });
    const finish = (): Promise<IteratorResult<Delivery>> => {
      if (!done) {
        done = true;
        subscribers.delete(subscriber);
        options.metrics?.subscriptions.dec({ kind });
        waiting?.({ value: undefined, done: true });
        waiting = undefined;
      }
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next() {
        const next = queue.shift();
        if (next) return Promise.resolve({ value: next, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
      },
      return: finish,
      throw: finish,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  return {
    forCaller: (watcher) => ({ watch: (kind, id) => watch(watcher, kind, id) }),
    get size() {
      return subscribers.size;
    },
    watched() {
      type Watched = { all: boolean; ids: Set<string> };
      const groups = new Map<string, { watcher: Watcher; kinds: Map<ResourceKind, Watched> }>();
      for (const { watcher, kind, id } of subscribers) {
        const group = groups.get(watcher.group) ?? { watcher, kinds: new Map<ResourceKind, Watched>() };
        groups.set(watcher.group, group);
        const watched = group.kinds.get(kind) ?? { all: false, ids: new Set<string>() };
        group.kinds.set(kind, watched);
        if (id === undefined) watched.all = true;
        else watched.ids.add(id);
      }
      return [...groups.values()];
    },
    prime(group, kind, id, value) {
      primed.set(`${group}\u0000${kind}:${id}`, { value, at: Date.now() });
    },
    close() {
      unsubscribe();
      for (const subscriber of [...subscribers]) subscriber.end();
    },
  };
}
