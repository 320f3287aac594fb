/**
 * The one Redis connection of a replica (REDIS_URL), shared by the budget, the token store and the read cache.
 *
 * It never queues: while Redis is unreachable every command rejects at once, and each user falls back to its
 * local behaviour (local limits, in-process token single flight, no shared cache) instead of waiting or
 * failing the request. Reconnection is ioredis's own, with a capped backoff.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface RedisConnection {
  readonly client: Redis;
  /** Connected and answering, as far as the client knows: what readiness reports. */
  healthy(): boolean;
  close(): Promise<void>;
}

/** Longest a replica waits for Redis at start-up before it serves on local fallbacks. */
const CONNECT_WAIT_MS = 2000;

export async function connectRedis(url: string, logger: Logger): Promise<RedisConnection> {
  // Loaded only with REDIS_URL set: a replica without Redis does not carry the client.
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    commandTimeout: 1000,
    retryStrategy: (times) => Math.min(100 * times, 2000),
    lazyConnect: true,
    // ioredis arms this timer on disconnect even for a socket already gone (Redis unreachable), and it would
    // hold the process open for its default 2 s after shutdown.
    disconnectTimeout: 100,
  });
  let lastWarning = 0;
  client.on('error', (error: Error) => {
    // ioredis emits one error per failed reconnection attempt: one line every 10 s is enough.
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    logger.warn({ err: { message: error.message } }, 'redis unreachable: using local limits and caches');
  });
  client.on('ready', () => logger.info('redis connected'));
  await Promise.race([
    client.connect().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS).unref()),
  ]);
  return {
    client,
    healthy: () => client.status === 'ready',
    async close() {
      client.disconnect(false);
    },
  };
}
