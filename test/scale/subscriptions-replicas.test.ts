/**
 * Subscriptions across replicas: two subgraph instances share one Redis (a key prefix of this run) and one
 * emulator, whose webhooks go to replica A only. A subscriber on replica B still gets the change, re-read once by
 * B; with subscribers on both, each replica re-reads once for its own (never once per subscriber).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { startApp, type App } from '../../src/app.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './redis.js';
import { configFor } from '../support/stack.js';

const prefix = uniquePrefix('subscriptions');
const TOKEN = 'replica-subscriptions-token-0123456789';
const SESSION_UPDATED = 'subscription ($id: ID) { sessionUpdated(id: $id) { id status } }';

let emulator: RunningEmulator;
let a: App;
let b: App;
const clients: Client[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, quiet: true });
  await emulator.control.registerToken({ token: 'emulator-token' });
  const config = configFor(emulator, {
    READ_CACHE: 'true',
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    ZOHO_WEBHOOK_TOKEN: TOKEN,
  });
  a = await startApp(config);
  b = await startApp(config);
  await emulator.control.addWebhook({ url: new URL(`/webhooks/zoho-assist/${TOKEN}`, a.url).href });
});

afterAll(async () => {
  for (const client of clients) void client.dispose();
  await a.close();
  await b.close();
  await emulator.close();
  await deleteKeys(prefix);
});

interface Subscriber {
  states: { id: string; status: string }[];
}

function subscribeOn(app: App, id: string): Subscriber {
  const client = createClient({
    url: app.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  clients.push(client);
  const subscriber: Subscriber = { states: [] };
  client.subscribe<{ sessionUpdated: { id: string; status: string } }>(
    { query: SESSION_UPDATED, variables: { id } },
    {
      next: (value) => {
        if (value.data) subscriber.states.push(value.data.sessionUpdated);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return subscriber;
}

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A session made active for one test, once the emulator's webhook of that start has come and gone. */
async function activeSession(): Promise<string> {
  const sessions = await emulator.control.stateSessions();
  const used = new Set((await emulator.control.webhooks()).deliveries.map((delivery) => delivery.id));
  const id = sessions.find(
    (session) => session.status !== 'scheduled' && !used.has(session.sessionId),
  )!.sessionId;
  await emulator.control.setSessionStatus(id, 'active');
  const end = Date.now() + 2000;
  while (
    !(await emulator.control.webhooks()).deliveries.some((delivery) => delivery.id === id) &&
    Date.now() < end
  )
    await sleep(20);
  return id;
}

async function endInZoho(id: string): Promise<void> {
  const response = await fetch(`${emulator.apiUrl}/sessions/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: { authorization: 'Zoho-oauthtoken emulator-token' },
  });
  expect(response.ok).toBe(true);
}

describe('subscriptions across replicas sharing Redis', () => {
  it('delivers a webhook that landed on replica A to a subscriber on replica B, read once, by B', async () => {
    const id = await activeSession();
    const onB = subscribeOn(b, id);
    await sleep(300);
    await emulator.control.resetCalls();

    await endInZoho(id);
    await until(() => onB.states.length > 0);

    expect(onB.states).toEqual([{ id, status: 'ENDED' }]);
    expect((await emulator.control.calls()).byRoute).toEqual({
      'DELETE /sessions/{sessionId}': 1,
      'GET /sessions/{sessionId}': 1,
    });
  });

  it('re-reads once per replica with subscribers, however many each has', async () => {
    const id = await activeSession();
    const subscribers = [a, a, a, b, b, b].map((app) => subscribeOn(app, id));
    await sleep(300);
    await emulator.control.resetCalls();

    await endInZoho(id);
    await until(() => subscribers.every((subscriber) => subscriber.states.length > 0));

    for (const subscriber of subscribers) expect(subscriber.states).toEqual([{ id, status: 'ENDED' }]);
    const reads = (await emulator.control.calls()).byRoute['GET /sessions/{sessionId}'];
    // Each replica reads for its own subscribers; the shared read cache may serve the second one.
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(2);
  });
});
