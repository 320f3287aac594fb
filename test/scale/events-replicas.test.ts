/**
 * Changes cross replicas: two subgraph instances share one Redis (a key prefix of this run) and one emulator. A
 * webhook delivered to one, or a mutation made on one, is announced once: the other replica's next read shows
 * the change (one call), a third listener on the Redis channels (as any replica's bus is) hears the event once,
 * and the router's invalidation endpoint (a stub on loopback) is told once, by the replica where it happened.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { startApp, type App } from '../../src/app.js';
import { RedisBroadcast, connectSubscriber } from '../../src/events/bus.js';
import type { ChangeEvent, Invalidation } from '../../src/events/types.js';
import { connectRedis, type RedisConnection } from '../../src/redis/connection.js';
import { graphql } from '../support/graphql.js';
import { startHookSink, type HookSink } from '../support/hook-sink.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './redis.js';
import { configFor } from '../support/stack.js';

const prefix = uniquePrefix('events');
const TOKEN = 'replica-webhook-token-0123456789abcdef';
const SESSION = `query ($id: ID!) { session(id: $id) { id status } }`;
const CUSTOMER = `query ($id: ID!) { customer(id: $id) { id name } }`;

interface Answers {
  session?: { id: string; status: string };
  customer?: { id: string; name: string };
}

let emulator: RunningEmulator;
let router: HookSink;
let a: App;
let b: App;
let redis: RedisConnection;
let closeSubscriber: () => void;
const heardEvents: ChangeEvent[] = [];
const heardInvalidations: Invalidation[] = [];
const silent = pino({ level: 'silent' });

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false });
  await emulator.control.registerToken({ token: 'emulator-token' });
  router = await startHookSink();
  const config = configFor(emulator, {
    READ_CACHE: 'true',
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    ZOHO_WEBHOOK_TOKEN: TOKEN,
    ROUTER_INVALIDATION_URL: router.url,
    ROUTER_INVALIDATION_KEY: 'shared-key',
  });
  a = await startApp(config);
  b = await startApp(config);
  // A third replica's ears: the same classes on the same channels.
  redis = await connectRedis(REDIS_URL, silent);
  const { subscriber, close } = await connectSubscriber(redis, silent);
  closeSubscriber = close;
  new RedisBroadcast<ChangeEvent>(redis, subscriber, {
    channel: `${prefix}events:changes`,
    parse: (message) => message as ChangeEvent,
    logger: silent,
  }).subscribe((event) => heardEvents.push(event));
  new RedisBroadcast<Invalidation>(redis, subscriber, {
    channel: `${prefix}events:invalidations`,
    parse: (message) => message as Invalidation,
    logger: silent,
  }).subscribe((invalidation) => heardInvalidations.push(invalidation));
  await new Promise((resolve) => setTimeout(resolve, 200));
});

afterAll(async () => {
  await a.close();
  await b.close();
  closeSubscriber();
  await redis.close();
  await router.close();
  await emulator.close();
  await deleteKeys(prefix);
});

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function callsOf(run: () => Promise<unknown>): Promise<number> {
  await emulator.control.resetCalls();
  await run();
  return (await emulator.control.calls()).total;
}

describe('changes across replicas sharing Redis', () => {
  it('a webhook delivered to one replica is read anew on the other, heard once on the bus, told the router once', async () => {
    const id = (await emulator.control.stateSessions())[0]!.sessionId;
    await emulator.control.setSessionStatus(id, 'active');
    expect((await graphql<Answers>(b.url, SESSION, { id })).data?.session).toEqual({ id, status: 'ACTIVE' });
    await emulator.control.setSessionStatus(id, 'completed');
    // Within the session's lifetime, B answers from the shared cache: the old state, no call.
    expect(await callsOf(() => graphql(b.url, SESSION, { id }))).toBe(0);

    const hook = await fetch(new URL(`/webhooks/zoho-assist/${TOKEN}`, a.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        payload: { sessionId: Number(id) },
        eventType: 'SESSION_END_RS',
        eventTime: '1',
      }),
    });
    expect(hook.status).toBe(204);

    let answer: Awaited<ReturnType<typeof graphql<Answers>>> | undefined;
    expect(await callsOf(async () => (answer = await graphql<Answers>(b.url, SESSION, { id })))).toBe(1);
    expect(answer?.data?.session).toEqual({ id, status: 'COMPLETED' });
    await until(() => heardEvents.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heardEvents).toEqual([{ kind: 'session', id, type: 'SESSION_END_RS', at: expect.any(Number) }]);
    expect(heardInvalidations).toEqual([expect.objectContaining({ tags: [`session-${id}`, 'sessions'] })]);
    const sent = await router.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(router.received).toHaveLength(1);
    expect(sent[0]!.body).toEqual([
      { kind: 'cache_tag', subgraphs: ['zoho-assist'], cache_tag: `session-${id}` },
      { kind: 'cache_tag', subgraphs: ['zoho-assist'], cache_tag: 'sessions' },
    ]);
  });

  it('a mutation on one replica is announced to the others and the router once, and read anew on the other', async () => {
    heardEvents.length = 0;
    heardInvalidations.length = 0;
    router.received.length = 0;
    const id = 'cust_5';
    await graphql(a.url, CUSTOMER, { id });
    const updated = await graphql(
      b.url,
      `
        mutation ($id: ID!) {
          updateCustomer(input: { customerId: $id, name: "Moved Across" }) {
            userErrors {
              code
            }
          }
        }
      `,
      { id },
    );
    expect(updated.errors).toBeUndefined();

    await until(() => heardInvalidations.length >= 1 && router.received.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heardInvalidations).toHaveLength(1);
    expect(heardInvalidations[0]!.tags).toEqual(expect.arrayContaining([`customer-${id}`, 'customers']));
    // Customers are no ResourceKind: subscribers hear nothing of them.
    expect(heardEvents).toEqual([]);
    expect(router.received).toHaveLength(1);

    let answer: Awaited<ReturnType<typeof graphql<Answers>>> | undefined;
    expect(await callsOf(async () => (answer = await graphql<Answers>(a.url, CUSTOMER, { id })))).toBe(1);
    expect(answer?.data?.customer).toEqual({ id, name: 'Moved Across' });
  });
});
