/**
 * Zoho's webhooks at `POST /webhooks/zoho-assist/<token>`, over HTTP against the emulator with the read cache on:
 * a delivery with the right token makes the cache forget what it names (the next read costs one call and shows
 * the new state); anything else changes nothing: a wrong or missing token is the same 404 as an unknown path,
 * oversized and malformed bodies are refused, an unknown event type is accepted and ignored, a replay is
 * announced once. The router's invalidation endpoint (a stub on loopback) hears of each change once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { expectData } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';
import { startHookSink, type HookSink } from '../support/hook-sink.js';

const TOKEN = 'w'.repeat(8) + '0123456789abcdef0123456789abcdef';
const ROUTER_KEY = 'router-shared-key';
const SESSION = `query ($id: ID!) { session(id: $id) { id status } }`;

interface Answers {
  session: { id: string; status: string };
  customer: { id: string; name: string };
  updateCustomer: { userErrors: Array<{ code: string }> };
}

let stack: Stack;
let router: HookSink;
let hookUrl: string;

beforeAll(async () => {
  router = await startHookSink();
  stack = await startStack({
    env: {
      READ_CACHE: 'true',
      METRICS_ENABLED: 'true',
      ZOHO_WEBHOOK_TOKEN: TOKEN,
      ROUTER_INVALIDATION_URL: router.url,
      ROUTER_INVALIDATION_KEY: ROUTER_KEY,
    },
  });
  hookUrl = new URL(`/webhooks/zoho-assist/${TOKEN}`, stack.app.url).toString();
});
afterAll(async () => {
  await stack.close();
  await router.close();
});
beforeEach(() => {
  router.received.length = 0;
});

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const sessionEnd = (sessionId: string, eventTime = String(Date.now())) => ({
  payload: { sessionId: Number(sessionId), title: `On Demand Remote Support ${sessionId}`, participants: [] },
  eventType: 'SESSION_END_RS',
  eventTime,
  eventBy: 'david@zylker.com',
  orgId: '815262805',
});

/** A session made active, read once so the read cache holds it; then completed behind the cache's back. */
const used = new Set<string>();
async function cachedThenCompleted(): Promise<string> {
  const id = (await stack.control.stateSessions()).find((s) => !used.has(s.sessionId))!.sessionId;
  used.add(id);
  await stack.control.setSessionStatus(id, 'active');
  expect(expectData(await stack.graphql<Answers>(SESSION, { id })).session.status).toBe('ACTIVE');
  await stack.control.setSessionStatus(id, 'completed');
  await stack.control.resetCalls();
  return id;
}

async function statusNow(id: string): Promise<{ status: string; calls: number }> {
  await stack.control.resetCalls();
  const answer = await stack.graphql<Answers>(SESSION, { id });
  return { status: expectData(answer).session.status, calls: (await stack.control.calls()).total };
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', stack.app.url))).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('the webhook receiver', () => {
  it('makes the read cache forget the session a delivery names: the next read costs one call and shows it ended', async () => {
    const id = await cachedThenCompleted();
    expect(await statusNow(id)).toEqual({ status: 'ACTIVE', calls: 0 });

    const answer = await post(hookUrl, sessionEnd(id));
    expect(answer.status).toBe(204);
    expect(await statusNow(id)).toEqual({ status: 'COMPLETED', calls: 1 });
    expect(await statusNow(id)).toEqual({ status: 'COMPLETED', calls: 0 });
  });

  it('answers a wrong or missing token with the 404 of an unknown path, and does nothing', async () => {
    const id = await cachedThenCompleted();
    const unknown = await post(new URL('/no-such-path', stack.app.url).toString(), sessionEnd(id));
    const unknownBody = await unknown.text();
    for (const path of [
      `/webhooks/zoho-assist/${TOKEN.slice(0, -1)}x`,
      `/webhooks/zoho-assist/${TOKEN}x`,
      '/webhooks/zoho-assist/',
      '/webhooks/zoho-assist',
    ]) {
      const answer = await post(new URL(path, stack.app.url).toString(), sessionEnd(id));
      expect([path, answer.status, await answer.text()]).toEqual([path, 404, unknownBody]);
    }
    expect(await statusNow(id)).toEqual({ status: 'ACTIVE', calls: 0 });
    expect(await router.waitFor(1, 200)).toEqual([]);
  });

  it('refuses an oversized body (413) and malformed JSON or payloads (400), changing nothing', async () => {
    const id = await cachedThenCompleted();
    const refusedBefore = await metric('zoho_assist_webhooks_total{result="refused"}');
    const big = JSON.stringify({ ...sessionEnd(id), padding: 'x'.repeat(64 * 1024) });
    expect((await post(hookUrl, big)).status).toBe(413);
    expect((await post(hookUrl, '{"eventType": "SESSION_END_RS",')).status).toBe(400);
    expect((await post(hookUrl, '[1, 2]')).status).toBe(400);
    expect((await post(hookUrl, { payload: { sessionId: Number(id) } })).status).toBe(400);
    expect((await post(hookUrl, { ...sessionEnd(id), payload: { title: 'no id' } })).status).toBe(400);
    expect((await post(hookUrl, { ...sessionEnd(id), payload: { sessionId: '../../x' } })).status).toBe(400);
    expect(await metric('zoho_assist_webhooks_total{result="refused"}')).toBe(refusedBefore + 6);
    expect(await statusNow(id)).toEqual({ status: 'ACTIVE', calls: 0 });
  });

  it('accepts an unknown event type and ignores it: counted, nothing forgotten, the router not told', async () => {
    const id = await cachedThenCompleted();
    const before = await metric('zoho_assist_webhooks_total{result="ignored"}');
    const answer = await post(hookUrl, { ...sessionEnd(id), eventType: 'SESSION_RATED_RS' });
    expect(answer.status).toBe(204);
    expect(await metric('zoho_assist_webhooks_total{result="ignored"}')).toBe(before + 1);
    expect(await statusNow(id)).toEqual({ status: 'ACTIVE', calls: 0 });
    expect(await router.waitFor(1, 200)).toEqual([]);
  });

  it("tells the router the session's cache tags once, however often Zoho delivers the event", async () => {
    const id = await cachedThenCompleted();
    const delivery = sessionEnd(id, '1688928870551');
    for (let i = 0; i < 3; i++) expect((await post(hookUrl, delivery)).status).toBe(204);
    const [sent, ...more] = await router.waitFor(1);
    expect(await router.waitFor(2, 300)).toHaveLength(1);
    expect(more).toEqual([]);
    expect(sent!.headers.authorization).toBe(ROUTER_KEY);
    expect(sent!.body).toEqual([
      { kind: 'cache_tag', subgraphs: ['zoho-assist'], cache_tag: `session-${id}` },
      { kind: 'cache_tag', subgraphs: ['zoho-assist'], cache_tag: 'sessions' },
    ]);
    expect(await statusNow(id)).toEqual({ status: 'COMPLETED', calls: 1 });
  });

  it('hears the emulator: a session the emulator ends is read anew after its webhook arrives', async () => {
    await stack.control.addWebhook({ url: hookUrl });
    try {
      const id = await cachedThenCompleted();
      const until = Date.now() + 3000;
      let deliveries = (await stack.control.webhooks()).deliveries;
      const ended = () => deliveries.filter((d) => d.id === id && d.eventType === 'SESSION_END_RS');
      while (ended().length === 0 && Date.now() < until)
        deliveries = (await stack.control.webhooks()).deliveries;
      expect(ended()).toEqual([expect.objectContaining({ eventType: 'SESSION_END_RS', status: 204 })]);
      expect(await statusNow(id)).toEqual({ status: 'COMPLETED', calls: 1 });
    } finally {
      await stack.control.clearWebhooks();
    }
  });
});

describe('router invalidation after a mutation', () => {
  it("sends the customer's cache tag once after updateCustomer, and the next read shows the write", async () => {
    const CUSTOMER = `query ($id: ID!) { customer(id: $id) { id name } }`;
    const id = 'cust_3';
    await stack.graphql(CUSTOMER, { id });
    const updated = await stack.graphql<Answers>(
      `mutation ($id: ID!) { updateCustomer(input: { customerId: $id, name: "Renamed Customer" }) { userErrors { code } } }`,
      { id },
    );
    expect(expectData(updated).updateCustomer.userErrors).toEqual([]);
    const received = await router.waitFor(1);
    expect(await router.waitFor(2, 300)).toHaveLength(1);
    const tags = received.flatMap((r) =>
      (r.body as Array<{ cache_tag: string }>).map((entry) => entry.cache_tag),
    );
    expect(tags.filter((tag) => tag === `customer-${id}`)).toHaveLength(1);
    expect(tags).toEqual(expect.arrayContaining(['customers']));
    expect(received[0]!.headers.authorization).toBe(ROUTER_KEY);

    await stack.control.resetCalls();
    expect(expectData(await stack.graphql<Answers>(CUSTOMER, { id })).customer).toEqual({
      id,
      name: 'Renamed Customer',
    });
    expect((await stack.control.calls()).total).toBe(1);
  });
});

describe('without ZOHO_WEBHOOK_TOKEN', () => {
  it('has no webhook route: any token is a 404', async () => {
    const plain = await startStack();
    try {
      const answer = await post(new URL(`/webhooks/zoho-assist/${TOKEN}`, plain.app.url).toString(), {});
      expect(answer.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
