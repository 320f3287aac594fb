/**
 * Messages every replica hears: in this process (one replica), or over Redis pub/sub (REDIS_URL), one channel per
 * kind of message under the deployment's key prefix.
 *
 * A message is delivered here at once, whatever Redis does, and crosses to the other replicas through Redis; a
 * replica drops its own messages when they come back, so each listener hears each message once. Pub/sub is
 * at-most-once: a replica cut off from Redis misses what was said meanwhile. That is acceptable because every
 * message is a hint (the state is re-read), and the caches it invalidates expire on their own.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RedisConnection } from '../redis/connection.js';

export interface Broadcast<T> {
  /** Heard by every replica's listeners, this one's at once. Rejects when the other replicas may have missed it. */
  publish(message: T): Promise<void>;
  subscribe(listener: (message: T) => void): () => void;
  close(): Promise<void>;
}

/** Calls each listener; one that throws never keeps the message from the others. */
class Listeners<T> {
  readonly #listeners = new Set<(message: T) => void>();
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void) {
    this.#onError = onError;
  }

  add(listener: (message: T) => void): () => void {
    // A wrapper per subscription: the same function subscribed twice is two subscriptions.
    const own = (message: T) => listener(message);
    this.#listeners.add(own);
    return () => void this.#listeners.delete(own);
  }

  deliver(message: T): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(message);
      } catch (error) {
        this.#onError(error);
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}

export class MemoryBroadcast<T> implements Broadcast<T> {
  readonly #listeners: Listeners<T>;

  constructor(onListenerError: (error: unknown) => void = () => {}) {
    this.#listeners = new Listeners(onListenerError);
  }

  async publish(message: T): Promise<void> {
    this.#listeners.deliver(message);
  }

  subscribe(listener: (message: T) => void): () => void {
    return this.#listeners.add(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}

/** On the wire: who sent it, so its sender can drop it when it comes back. */
interface Envelope {
  from: string;
  message: unknown;
}

export interface RedisBroadcastOptions<T> {
  /** The full channel name, prefix included. */
  channel: string;
  /** What came over Redis is checked like any input: a message that does not parse is dropped. */
  parse: (message: unknown) => T | undefined;
  logger: Logger;
}

export class RedisBroadcast<T> implements Broadcast<T> {
  readonly #redis: RedisConnection;
  readonly #subscriber: Redis;
  readonly #listeners: Listeners<T>;
  readonly #options: RedisBroadcastOptions<T>;
  readonly #replica = randomUUID();
  readonly #onMessage: (channel: string, raw: string) => void;

  /**
   * `subscriber` is a connection of its own (a connection in subscriber mode can do nothing else), the shared
   * connection's duplicate; `connectBroadcasts` makes it.
   */
  constructor(redis: RedisConnection, subscriber: Redis, options: RedisBroadcastOptions<T>) {
    this.#redis = redis;
    this.#subscriber = subscriber;
    this.#options = options;
    this.#listeners = new Listeners((error) =>
      options.logger.warn({ err: errorOf(error), channel: options.channel }, 'event listener failed'),
    );
    this.#onMessage = (channel, raw) => {
      if (channel !== options.channel) return;
      const message = this.#parse(raw);
      if (message !== undefined) this.#listeners.deliver(message);
    };
    subscriber.on('message', this.#onMessage);
    // ioredis re-subscribes by itself after a reconnection.
    subscriber.subscribe(options.channel).catch((error: unknown) => {
      options.logger.warn({ err: errorOf(error), channel: options.channel }, 'redis subscribe failed');
    });
  }

  #parse(raw: string): T | undefined {
    let envelope: Partial<Envelope>;
    try {
      envelope = JSON.parse(raw) as Partial<Envelope>;
    } catch {
      return undefined;
    }
    if (typeof envelope !== 'object' || envelope === null || envelope.from === this.#replica)
      return undefined;
    return this.#options.parse(envelope.message);
  }

  async publish(message: T): Promise<void> {
    this.#listeners.deliver(message);
    const envelope: Envelope = { from: this.#replica, message };
    await this.#redis.call((redis) => redis.publish(this.#options.channel, JSON.stringify(envelope)));
  }

  subscribe(listener: (message: T) => void): () => void {
    return this.#listeners.add(listener);
  }

  async close(): Promise<void> {
    this.#subscriber.off('message', this.#onMessage);
    this.#listeners.clear();
    await this.#subscriber.unsubscribe(this.#options.channel).catch(() => undefined);
  }
}

/** A subscriber connection for a replica's broadcasts, closed with `close`. */
export async function connectSubscriber(
  redis: RedisConnection,
  logger: Logger,
): Promise<{ subscriber: Redis; close: () => void }> {
  const subscriber = redis.client.duplicate({
    // Subscriptions are replayed on reconnect; commands sent while offline would only pile up.
    enableOfflineQueue: true,
    lazyConnect: true,
  });
  let lastWarning = 0;
  subscriber.on('error', (error: Error) => {
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    logger.warn(
      { err: { message: error.message } },
      'redis subscriber unreachable: events stay on this replica',
    );
  });
  await Promise.race([
    subscriber.connect().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 2000).unref()),
  ]);
  return { subscriber, close: () => subscriber.disconnect(false) };
}

export function errorOf(error: unknown): { message: string } {
  return { message: error instanceof Error ? error.message : String(error) };
}
