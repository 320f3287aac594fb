/**
 * The one Redis connection of a replica (REDIS_URL), shared by the budget, the token store, the token verdicts
 * and the read cache.
 *
 * It never queues: while Redis is unreachable every command rejects at once, and each user falls back to its
 * local behaviour (local limits, in-process token single flight, no shared cache) instead of waiting or
 * failing the request. Reconnection is ioredis's own, with a capped backoff.
 *
 * A slow Redis is treated like a dead one: every command goes through `call`, which gives up on it after
 * CALL_TIMEOUT_MS, and after TRIP_AFTER failed or slow commands in a row a circuit breaker opens. While it is
 * open, commands fail at once (the callers use their local fallbacks) and a ping every PROBE_EVERY_MS closes it
 * again once Redis answers in time. Without it, a Redis that answers after a second made every operation wait
 * out ioredis's command timeout once per Redis command it issued, while readiness said `ok`.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Metrics } from '../observability/metrics.js';

/** What readiness reports: answering in time, answering too slowly (breaker open) or not connected. */
export type RedisStatus = 'ok' | 'slow' | 'unreachable';

export interface RedisConnection {
  /** For defining scripts; every command goes through `call`. */
  readonly client: Redis;
  /** Runs one command (or one pipeline) unless the breaker is open; rejects once it takes too long. */
  call<T>(command: (client: Redis) => Promise<T>): Promise<T>;
  status(): RedisStatus;
  close(): Promise<void>;
}

export interface RedisTiming {
  /** A command not answered within this is abandoned and counts as a failure. */
  callTimeoutMs: number;
  /** Consecutive failed or abandoned commands that open the breaker. */
  tripAfter: number;
  /** How often an open breaker pings Redis. */
  probeEveryMs: number;
}

/**
 * A Redis on the same network answers in a millisecond or two; 250 ms is far past anything healthy and still
 * small next to an operation's deadline.
 */
const REDIS_TIMING: RedisTiming = Object.freeze({
  callTimeoutMs: 250,
  tripAfter: 3,
  probeEveryMs: 1000,
});

/** Longest a replica waits for Redis at start-up before it serves on local fallbacks. */
const CONNECT_WAIT_MS = 2000;

/** Refused without asking Redis: the breaker is open. */
class RedisBreakerOpenError extends Error {
  constructor() {
    super('redis is answering too slowly: using local fallbacks');
    this.name = 'RedisBreakerOpenError';
  }
}

export async function connectRedis(
  url: string,
  logger: Logger,
  options: { metrics?: Metrics | undefined; timing?: RedisTiming } = {},
): Promise<RedisConnection> {
  const { metrics } = options;
  const timing = options.timing ?? REDIS_TIMING;
  // Loaded only with REDIS_URL set: a replica without Redis does not carry the client.
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    // A backstop only: `call` gives up much sooner.
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

  let failures = 0;
  let open = false;
  let probe: NodeJS.Timeout | undefined;
  let closed = false;

  async function timed<T>(command: (client: Redis) => Promise<T>): Promise<T> {
    const pending = command(client);
    // Abandoned commands still settle later; their outcome no longer matters.
    pending.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      // Timers run before I/O in each turn of the event loop: after a stall of our own, the answer may be waiting
      // in the socket. It gets that turn (setImmediate runs after I/O) before the command counts as late.
      timer = setTimeout(
        () => setImmediate(() => reject(new Error(`redis did not answer within ${timing.callTimeoutMs} ms`))),
        timing.callTimeoutMs,
      );
    });
    try {
      return await Promise.race([pending, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  function setOpen(value: boolean) {
    open = value;
    metrics?.redisBreakerOpen.set(value ? 1 : 0);
  }

  function scheduleProbe() {
    probe = setTimeout(() => {
      probe = undefined;
      if (closed) return;
      timed((redis) => redis.ping()).then(
        () => {
          failures = 0;
          setOpen(false);
          logger.info('redis answering in time again: using it again');
        },
        () => scheduleProbe(),
      );
    }, timing.probeEveryMs);
    probe.unref();
  }

  function trip() {
    if (open) return;
    setOpen(true);
    metrics?.redisBreakerTrips.inc();
    logger.warn(
      { failures, callTimeoutMs: timing.callTimeoutMs },
      'redis failing or slow: breaker open, using local limits and caches',
    );
    scheduleProbe();
  }

  return {
    client,
    async call(command) {
      if (open) throw new RedisBreakerOpenError();
      try {
        const result = await timed(command);
        failures = 0;
        return result;
      } catch (error) {
        failures += 1;
        if (failures >= timing.tripAfter) trip();
        throw error;
      }
    },
    status() {
      if (client.status !== 'ready') return 'unreachable';
      return open ? 'slow' : 'ok';
    },
    async close() {
      closed = true;
      clearTimeout(probe);
      client.disconnect(false);
    },
  };
}
