/**
 * Subscriptions over real sockets on loopback: `graphql-ws` on the subgraph's own port, its credentials as over
 * HTTP, and the poller (LIVE_POLL_INTERVAL_MS) turning the emulator's changes into deliveries, counted in upstream
 * calls: none while nobody is subscribed, one read per poll while somebody is, none more for the delivery.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { EMULATOR_TOKEN, startStack, type Stack } from '../support/stack.js';

const POLL_MS = 200;

let stack: Stack;
let router: StubRouter;

beforeAll(async () => {
  router = await startStubRouter();
  stack = await startStack({
    env: { LIVE_POLL_INTERVAL_MS: String(POLL_MS), SUBSCRIPTION_CALLBACK_ORIGINS: router.origin },
  });
});

afterAll(async () => {
  await stack.close();
  await new Promise((resolve) => router.server.close(resolve));
});

interface CallbackMessage {
  kind: string;
  action: string;
  id: string;
  verifier: string;
  payload?: { data?: unknown; errors?: unknown };
  errors?: unknown;
}

/** Apollo Router's side of the callback protocol: it records each message, and answers 404 once told to. */
interface StubRouter {
  server: Server;
  origin: string;
  messages: CallbackMessage[];
  headers: Record<string, string | string[] | undefined>[];
  /** From now on every message is answered 404: the router has forgotten the subscription. */
  forget(): void;
}

async function startStubRouter(): Promise<StubRouter> {
  const messages: CallbackMessage[] = [];
  const headers: StubRouter['headers'] = [];
  let gone = false;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      messages.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as CallbackMessage);
      headers.push(request.headers);
      response.writeHead(gone ? 404 : 204, { 'subscription-protocol': 'callback/1.0' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, messages, headers, forget: () => (gone = true) };
}

const wsUrl = () => stack.app.url.replace(/^http/, 'ws');

function connect(connectionParams?: Record<string, unknown>): Client {
  return createClient({
    url: wsUrl(),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    ...(connectionParams ? { connectionParams } : {}),
  });
}

interface Delivered<T> {
  next(timeoutMs: number): Promise<T>;
  received: T[];
  stop(): void;
}

/** Subscribes and keeps what arrives; `next` waits for the next one, failing after `timeoutMs`. */
function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Delivered<T> {
  const received: T[] = [];
  const errors: unknown[] = [];
  let wake: (() => void) | undefined;
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        if (value.data) received.push(value.data);
        wake?.();
      },
      error: (error) => {
        errors.push(error);
        wake?.();
      },
      complete: () => wake?.(),
    },
  );
  let read = 0;
  return {
    received,
    stop,
    async next(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (received.length <= read) {
        if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`nothing delivered within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, left);
        });
      }
      return received[read++] as T;
    },
  };
}

const used = new Set<string>();

/** Sessions made active in Zoho's store for one test (the seed has few open ones), none used before. */
async function activeSessionIds(count: number): Promise<string[]> {
  const ids = (await stack.control.stateSessions())
    .filter((session) => session.status !== 'scheduled' && !used.has(session.sessionId))
    .slice(0, count)
    .map((session) => session.sessionId);
  expect(ids).toHaveLength(count);
  for (const id of ids) {
    used.add(id);
    await stack.control.setSessionStatus(id, 'active');
  }
  return ids;
}

/** Ends a session behind the subgraph's back, as a technician would in Zoho's own console. */
async function endInZoho(sessionId: string): Promise<void> {
  const response = await fetch(`${stack.emulator.apiUrl}/sessions/${encodeURIComponent(sessionId)}`, {
    method: 'DELETE',
    headers: { authorization: `Zoho-oauthtoken ${EMULATOR_TOKEN}` },
  });
  expect(response.ok).toBe(true);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SESSION_UPDATED = `subscription ($id: ID) { sessionUpdated(id: $id) { id status technician { id } } }`;

describe('graphql-ws on /graphql', () => {
  it('refuses queries on the socket: they go over HTTP, where the budget prices them', async () => {
    const client = connect();
    const sub = subscribe(client, 'query { computers(first: 1) { totalCount } }');
    await expect(sub.next(2000)).rejects.toThrow(/over HTTP/);
    await client.dispose();
  });

  it('refuses a selection whose every change would cost above the per-operation ceiling, having called nobody', async () => {
    await stack.control.resetCalls();
    const client = connect();
    const sub = subscribe(
      client,
      'subscription { sessionUpdated { technician { sessions(first: 50) { nodes { chatMessages { text } } } } } }',
    );

    await expect(sub.next(2000)).rejects.toThrow(/OPERATION_TOO_EXPENSIVE/);
    expect((await stack.control.calls()).total).toBe(0);
    await client.dispose();
  });

  it('answers a path other than /graphql with 404 and no socket', async () => {
    const socket = new WebSocket(wsUrl().replace(/\/graphql$/, '/elsewhere'), 'graphql-transport-ws');
    const status = await new Promise<number | undefined>((resolve) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      socket.on('open', () => resolve(undefined));
      socket.on('error', () => resolve(-1));
    });
    expect(status).toBe(404);
  });
});

describe('the poller (LIVE_POLL_INTERVAL_MS)', () => {
  it('makes no upstream call while nobody is subscribed', async () => {
    await stack.control.resetCalls();

    await sleep(POLL_MS * 5);

    expect((await stack.control.calls()).total).toBe(0);
  });

  it('delivers a session ended in Zoho to its subscriber, with one read per poll and none for the delivery', async () => {
    const [id] = await activeSessionIds(1);
    const client = connect();
    const sub = subscribe<{
      sessionUpdated: { id: string; status: string; technician: { id: string } | null };
    }>(client, SESSION_UPDATED, { id });
    // Two polls: the first learns the state, the second must see nothing new.
    await sleep(POLL_MS * 2.5);
    expect(sub.received).toEqual([]);
    await stack.control.resetCalls();
    const started = Date.now();

    await endInZoho(id!);
    const delivered = await sub.next(POLL_MS * 5);

    expect(delivered.sessionUpdated).toMatchObject({ id, status: 'ENDED' });
    const elapsed = Date.now() - started;
    sub.stop();
    const calls = await stack.control.calls();
    // The DELETE above, the session's technician (the selection), and one GET of the session per poll.
    expect(calls.byRoute['DELETE /sessions/{sessionId}']).toBe(1);
    expect(calls.byRoute['GET /technicians/{technicianId}'] ?? 0).toBeLessThanOrEqual(1);
    expect(calls.byRoute['GET /sessions/{sessionId}']).toBeLessThanOrEqual(Math.ceil(elapsed / POLL_MS) + 1);
    await client.dispose();
  });

  it('emits only real changes: polls that find the same state deliver nothing', async () => {
    const [id] = await activeSessionIds(1);
    const client = connect();
    const sub = subscribe(client, SESSION_UPDATED, { id });

    await sleep(POLL_MS * 6);

    expect(sub.received).toEqual([]);
    sub.stop();
    await client.dispose();
  });

  it('stops calling once the last subscriber leaves', async () => {
    const [id] = await activeSessionIds(1);
    const client = connect();
    const sub = subscribe(client, SESSION_UPDATED, { id });
    await sleep(POLL_MS * 3);
    sub.stop();
    await client.dispose();
    await sleep(POLL_MS);
    await stack.control.resetCalls();

    await sleep(POLL_MS * 5);

    expect((await stack.control.calls()).total).toBe(0);
  });
});

describe('the poller and the budget', () => {
  /** A series' value in /metrics. */
  async function metric(series: string): Promise<number> {
    const text = await (await fetch(new URL('/metrics', stack.app.url))).text();
    const line = text.split('\n').find((row) => row.startsWith(`${series} `));
    if (!line) throw new Error(`no ${series} in /metrics`);
    return Number(line.split(' ').at(-1));
  }
  const dayBudgetLeft = () => metric('zoho_assist_rate_limit_budget_remaining{window="day"}');

  it('spends from the same budget as every call, each poll visible in the budget metrics', async () => {
    await stack.graphql('query { computers(first: 1) { totalCount } }');
    const before = await dayBudgetLeft();
    await stack.control.resetCalls();
    const client = connect();
    const sub = subscribe(client, 'subscription { computerUpdated { id status } }');

    await sleep(POLL_MS * 4.5);
    expect(await metric('zoho_assist_subscriptions{kind="computer"}')).toBe(1);
    sub.stop();
    await client.dispose();
    await sleep(POLL_MS * 2);

    const calls = await stack.control.calls();
    expect(calls.byRoute).toEqual({ 'GET /computers': calls.total });
    expect(calls.total).toBeGreaterThanOrEqual(3);
    expect(calls.total).toBeLessThanOrEqual(5);
    expect(before - (await dayBudgetLeft())).toBe(calls.total);
    expect(await metric('zoho_assist_subscriptions{kind="computer"}')).toBe(0);
  });
});

describe("Apollo Router's HTTP callback protocol", () => {
  const callbackSubscribe = (id: string, callbackUrl: string, subscriptionId: string) =>
    fetch(stack.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: SESSION_UPDATED,
        variables: { id },
        extensions: {
          subscription: {
            callbackUrl,
            subscriptionId,
            verifier: `verifier-${subscriptionId}`,
            heartbeatIntervalMs: 300,
          },
        },
      }),
    });

  it('checks the callback, answers null data, POSTs the next state there and stops when the router forgets it', async () => {
    const [id] = await activeSessionIds(1);
    router.messages.length = 0;

    const response = await callbackSubscribe(id!, `${router.origin}/callback/sub-1`, 'sub-1');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: null });
    expect(router.messages[0]).toMatchObject({
      kind: 'subscription',
      action: 'check',
      id: 'sub-1',
      verifier: 'verifier-sub-1',
    });
    expect(router.headers[0]?.['subscription-protocol']).toBe('callback/1.0');

    await sleep(POLL_MS * 2.5);
    await endInZoho(id!);
    const deadline = Date.now() + POLL_MS * 5;
    while (!router.messages.some((message) => message.action === 'next') && Date.now() < deadline)
      await sleep(50);

    const next = router.messages.find((message) => message.action === 'next');
    expect(next).toMatchObject({
      id: 'sub-1',
      verifier: 'verifier-sub-1',
      payload: { data: { sessionUpdated: { id, status: 'ENDED' } } },
    });
    // Heartbeats: `check` again while the subscription lives.
    expect(router.messages.filter((message) => message.action === 'check').length).toBeGreaterThanOrEqual(2);

    router.forget();
    await sleep(POLL_MS * 3);
    await stack.control.resetCalls();
    await sleep(POLL_MS * 4);
    // Nobody left subscribed: the poller calls nobody.
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('refuses a callback URL outside SUBSCRIPTION_CALLBACK_ORIGINS with 400, and POSTs nothing anywhere', async () => {
    const id = 'any-session';
    router.messages.length = 0;
    const elsewhere = `http://localhost:${new URL(router.origin).port}/callback/sub-2`;

    const response = await callbackSubscribe(id, elsewhere, 'sub-2');

    expect(response.status).toBe(400);
    await sleep(200);
    expect(router.messages).toEqual([]);
  });

  it('refuses a subscription over plain HTTP with 400: it needs a socket or a callback', async () => {
    const response = await stack.graphql(SESSION_UPDATED, { id: '1' });

    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/graphql-ws/);
  });
});
