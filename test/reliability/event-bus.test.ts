/**
 * The broadcasts behind the event bus (src/events/bus.ts), in memory and over Redis, with one behaviour: every
 * listener hears each message once, on its own replica at once; a listener that throws keeps nothing from the
 * others; unsubscribing stops delivery. Over Redis, a message crosses to another replica's listeners once, and
 * what arrives on the channel is parsed like any input: junk is dropped. Redis under a per-run key prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import pino from 'pino';
import { connectSubscriber, MemoryBroadcast, RedisBroadcast, type Broadcast } from '../../src/events/bus.js';
import { connectRedis, type RedisConnection } from '../../src/redis/connection.js';
import { REDIS_URL, uniquePrefix } from '../scale/redis.js';

const silent = pino({ level: 'silent' });
const channel = `${uniquePrefix('bus')}events:test`;
const parse = (value: unknown): { n: number } | undefined =>
  typeof value === 'object' && value !== null && typeof (value as { n?: unknown }).n === 'number'
    ? { n: (value as { n: number }).n }
    : undefined;

const until = async (check: () => boolean, timeoutMs = 2000) => {
  const end = Date.now() + timeoutMs;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
};

interface Replica {
  bus: Broadcast<{ n: number }>;
  close(): Promise<void>;
}

async function redisReplica(): Promise<Replica> {
  const redis: RedisConnection = await connectRedis(REDIS_URL, silent);
  const subscriber = await connectSubscriber(redis, silent);
  const bus = new RedisBroadcast(redis, subscriber.subscriber, { channel, parse, logger: silent });
  // Subscribed once the SUBSCRIBE went out: the connection answers commands in order.
  await subscriber.subscriber.ping();
  return {
    bus,
    async close() {
      await bus.close();
      subscriber.close();
      await redis.close();
    },
  };
}

const kinds: Array<[string, () => Promise<Replica>]> = [
  ['memory', async () => ({ bus: new MemoryBroadcast(), close: async () => {} })],
  ['redis', redisReplica],
];

describe.each(kinds)('%s broadcast', (_kind, start) => {
  let replica: Replica;
  beforeAll(async () => {
    replica = await start();
  });
  afterAll(() => replica.close());

  it('delivers each message once to every listener, at once, past one that throws', async () => {
    const heard: string[] = [];
    const offA = replica.bus.subscribe((m) => heard.push(`a${m.n}`));
    const offThrow = replica.bus.subscribe(() => {
      throw new Error('listener bug');
    });
    const offB = replica.bus.subscribe((m) => heard.push(`b${m.n}`));
    await replica.bus.publish({ n: 1 });
    expect(heard).toEqual(['a1', 'b1']);
    offA();
    await replica.bus.publish({ n: 2 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual(['a1', 'b1', 'b2']);
    offThrow();
    offB();
  });
});

describe('redis broadcast across replicas', () => {
  let one: Replica;
  let two: Replica;
  let raw: Redis;
  beforeAll(async () => {
    one = await redisReplica();
    two = await redisReplica();
    raw = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    raw.disconnect();
  });

  it("reaches the other replica's listeners once, and drops what does not parse", async () => {
    const onOne: number[] = [];
    const onTwo: number[] = [];
    one.bus.subscribe((m) => onOne.push(m.n));
    two.bus.subscribe((m) => onTwo.push(m.n));
    await raw.publish(channel, 'not json');
    await raw.publish(channel, JSON.stringify({ from: 'elsewhere', message: { n: 'x' } }));
    await one.bus.publish({ n: 7 });
    await until(() => onTwo.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onOne).toEqual([7]);
    expect(onTwo).toEqual([7]);
  });
});
