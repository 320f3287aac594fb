/**
 * The response cache (src/cache/response-cache.ts) over the read cache: a repeated dashboard runs no resolver
 * and costs no upstream call; a write that may have landed drops every kept response, on every replica sharing
 * Redis, so the next read shows it; in forwarded mode each caller's answers are its own; answers with errors
 * are never kept.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { startApp, type App } from '../../src/app.js';
import { expectData, graphql } from '../support/graphql.js';
import { configFor, startStack, type Stack } from '../support/stack.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './redis.js';

const prefix = uniquePrefix('response-cache');
afterAll(() => deleteKeys(prefix));

const DASHBOARD = `query Dashboard {
  sessions(first: 10) {
    totalCount
    nodes { id status technician { name } customer { email record { id name } } }
  }
}`;
const END = `mutation ($id: ID!) { endSession(input: { sessionId: $id }) { userErrors { code } } }`;
const UPDATE = `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { userErrors { code } } }`;

interface Dashboard {
  sessions: {
    totalCount: number;
    nodes: Array<{
      id: string;
      status: string;
      technician: { name: string } | null;
      customer: { email: string; record: { id: string; name: string } | null } | null;
    }>;
  };
}

async function lookups(url: string, result: 'hit' | 'miss'): Promise<number> {
  const metrics = await fetch(new URL('/metrics', url)).then((response) => response.text());
  const line = new RegExp(
    `zoho_assist_cache_lookups_total\\{resource="response",result="${result}"\\} (\\d+)`,
  );
  return Number(metrics.match(line)?.[1] ?? 0);
}

const WEBHOOK_TOKEN = 'r'.repeat(8) + '0123456789abcdef0123456789abcdef';

describe('the response cache in one process', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { READ_CACHE: 'true', ZOHO_WEBHOOK_TOKEN: WEBHOOK_TOKEN } });
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.control.reset();
    // A write of ours drops the sessions and customers the reset changed behind our back (the emulator's own
    // changes announce nothing); the technicians the dashboard shows are the same after it.
    expectData(await stack.graphql(UPDATE, { input: { customerId: 'cust_1', name: 'Before each' } }));
    await stack.control.resetCalls();
  });

  it('answers a repeated dashboard without an upstream call, counted as a hit', async () => {
    const first = await stack.graphql<Dashboard>(DASHBOARD);
    const firstCalls = (await stack.control.calls()).total;
    await stack.control.resetCalls();
    const hitsBefore = await lookups(stack.app.url, 'hit');
    const again = await Promise.all([1, 2, 3].map(() => stack.graphql<Dashboard>(DASHBOARD)));

    expect(expectData(first).sessions.nodes).toHaveLength(10);
    expect(firstCalls).toBeGreaterThan(0);
    for (const answer of again) expect(answer.data).toEqual(first.data);
    expect((await stack.control.calls()).total).toBe(0);
    expect((await lookups(stack.app.url, 'hit')) - hitsBefore).toBe(3);
    expect(again[0]!.headers.get('cache-control')).toMatch(/^max-age=\d+, public$/);
  });

  it('shows an ended session on the next read after endSession', async () => {
    const before = expectData(await stack.graphql<Dashboard>(DASHBOARD));
    const open = before.sessions.nodes.find((s) => s.status === 'ACTIVE' || s.status === 'WAITING');
    if (!open) throw new Error('the seed needs an open session among the newest ten');
    await stack.control.resetCalls();

    const ended = await stack.graphql(END, { id: open.id });
    const after = expectData(await stack.graphql<Dashboard>(DASHBOARD));

    expect(ended.data).toEqual({ endSession: { userErrors: [] } });
    expect(after.sessions.nodes.find((s) => s.id === open.id)?.status).toBe('ENDED');
    // The write, then the page read again: the sessions, and their technicians (a session ending changes its
    // technician's open sessions); the customer records were kept by the read cache.
    expect((await stack.control.calls()).byRoute).toEqual({
      'DELETE /sessions/{sessionId}': 1,
      'GET /sessions': 1,
      'GET /technicians': 1,
    });
  });

  it("shows a renamed customer on the next read after updateCustomer, and keeps nothing of the write's answer", async () => {
    const before = expectData(await stack.graphql<Dashboard>(DASHBOARD));
    const customer = before.sessions.nodes.find((s) => s.customer?.record)!.customer!.record!;
    await stack.control.resetCalls();

    const update = await stack.graphql(UPDATE, { input: { customerId: customer.id, name: 'Renamed' } });
    const after = expectData(await stack.graphql<Dashboard>(DASHBOARD));
    const kept = expectData(await stack.graphql<Dashboard>(DASHBOARD));

    expect(update.data).toEqual({ updateCustomer: { userErrors: [] } });
    for (const page of [after, kept])
      expect(
        page.sessions.nodes
          .filter((s) => s.customer?.record?.id === customer.id)
          .map((s) => s.customer!.record!.name),
      ).toEqual(
        before.sessions.nodes.filter((s) => s.customer?.record?.id === customer.id).map(() => 'Renamed'),
      );
    // The dashboard after the write is built again, once: the sessions (they show their customer) and the
    // customer records; the third read is the response cache's.
    expect((await stack.control.calls()).byRoute).toEqual({
      'PUT /customers/{customerId}': 1,
      'GET /sessions': 1,
      'GET /customers': 1,
    });
  });

  it('drops kept responses when a change event arrives: the next read shows what changed in Zoho', async () => {
    const before = expectData(await stack.graphql<Dashboard>(DASHBOARD));
    const open = before.sessions.nodes.find((s) => s.status === 'ACTIVE' || s.status === 'WAITING');
    if (!open) throw new Error('the seed needs an open session among the newest ten');
    // Behind our back: nothing of ours hears of it until Zoho's webhook.
    await stack.control.setSessionStatus(open.id, 'completed');
    const kept = expectData(await stack.graphql<Dashboard>(DASHBOARD));
    await stack.control.resetCalls();

    const hook = await fetch(new URL(`/webhooks/zoho-assist/${WEBHOOK_TOKEN}`, stack.app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload: { sessionId: open.id }, eventType: 'SESSION_END', eventTime: '1' }),
    });
    const after = expectData(await stack.graphql<Dashboard>(DASHBOARD));

    expect(kept).toEqual(before);
    expect(hook.status).toBe(204);
    expect(after.sessions.nodes.find((s) => s.id === open.id)?.status).toBe('COMPLETED');
    // A session event makes sessions and technicians stale (src/events/changes.ts); the records stay kept.
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 1, 'GET /technicians': 1 });
  });

  it('keeps neither a partial answer nor an error', async () => {
    const TECHNICIAN = `{ technician(id: "tech_5") { id name } }`;
    await stack.control.addFault({ route: 'GET /customers', errorRate: 1 });
    await stack.control.addFault({ route: 'GET /technicians/{technicianId}', errorRate: 1 });
    const partial = await stack.graphql<Dashboard>(DASHBOARD);
    const failed = await stack.graphql(TECHNICIAN);
    await stack.control.clearFaults();
    await stack.control.resetCalls();
    const whole = expectData(await stack.graphql<Dashboard>(DASHBOARD));
    const technician = await stack.graphql(TECHNICIAN);

    expect(partial.errors?.length).toBeGreaterThan(0);
    expect(partial.data?.sessions.nodes.some((s) => s.customer && s.customer.record === null)).toBe(true);
    expect(failed.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(whole.sessions.nodes.filter((s) => s.customer?.record).length).toBeGreaterThan(0);
    expect(technician.data).toEqual({ technician: { id: 'tech_5', name: expect.any(String) } });
    // Both are answered again: the records the partial page lacked, and the technician.
    expect((await stack.control.calls()).byRoute).toEqual({
      'GET /customers': 1,
      'GET /technicians/{technicianId}': 1,
    });
  });
});

describe('the response cache with the router told of changes', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      env: {
        READ_CACHE: 'true',
        // Nothing here writes, so the router is never called.
        ROUTER_INVALIDATION_URL: 'http://127.0.0.1:9/invalidation',
        ROUTER_INVALIDATION_KEY: 'router-key',
      },
    });
  });
  afterAll(() => stack.close());

  it("keeps an answer's cache tags with it, so a router keeps the kept answer tagged", async () => {
    const first = await stack.graphql<Dashboard>(DASHBOARD);
    await stack.control.resetCalls();
    const again = await stack.graphql<Dashboard>(DASHBOARD);
    const tags = (answer: { extensions?: Record<string, unknown> }) =>
      [...((answer.extensions?.apolloCacheTags as string[] | undefined) ?? [])].sort();

    expect(tags(first)).toContain('sessions');
    expect(tags(first).some((tag) => tag.startsWith('session-'))).toBe(true);
    expect(again.data).toEqual(first.data);
    expect(tags(again)).toEqual(tags(first));
    expect((await stack.control.calls()).total).toBe(0);
  });
});

describe('the response cache in forwarded mode', () => {
  let stack: Stack;
  const users = [
    { token: 'alice-token', tenant: 'acme' },
    { token: 'bob-token', tenant: 'globex' },
  ];
  const as = (token: string) => ({ authorization: `Zoho-oauthtoken ${token}` });

  beforeAll(async () => {
    stack = await startStack({ env: { AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '', READ_CACHE: 'true' } });
    for (const user of users) await stack.control.registerToken(user);
  });
  afterAll(() => stack.close());

  it("never serves one caller another's kept answer", async () => {
    const alice = await stack.graphql<Dashboard>(DASHBOARD, undefined, as('alice-token'));
    await stack.control.resetCalls();
    const bob = await stack.graphql<Dashboard>(DASHBOARD, undefined, as('bob-token'));
    const bobCalls = (await stack.control.calls()).total;
    await stack.control.resetCalls();
    const [aliceAgain, bobAgain] = await Promise.all([
      stack.graphql<Dashboard>(DASHBOARD, undefined, as('alice-token')),
      stack.graphql<Dashboard>(DASHBOARD, undefined, as('bob-token')),
    ]);
    const emails = (page: Dashboard) => page.sessions.nodes.map((s) => s.customer?.email);

    // The two tenants really differ, or the test would prove nothing.
    expect(emails(expectData(bob))).not.toEqual(emails(expectData(alice)));
    expect(bobCalls).toBeGreaterThan(0);
    expect(aliceAgain.data).toEqual(alice.data);
    expect(bobAgain.data).toEqual(bob.data);
    expect((await stack.control.calls()).total).toBe(0);
    expect(aliceAgain.headers.get('cache-control')).toMatch(/^max-age=\d+, private$/);
  });

  it('serves nothing kept to a request without a token', async () => {
    await stack.graphql(DASHBOARD, undefined, as('alice-token'));
    const anonymous = await stack.graphql(DASHBOARD);

    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('two replicas sharing Redis', () => {
  let emulator: RunningEmulator;
  const apps: App[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({ rateLimits: false, quiet: true });
    for (let i = 0; i < 2; i++)
      apps.push(
        await startApp(
          configFor(emulator, {
            READ_CACHE: 'true',
            REDIS_URL,
            REDIS_KEY_PREFIX: `${prefix}replicas:`,
          }),
        ),
      );
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await emulator?.close();
  });

  it("drop every replica's kept dashboard after a write on one of them", async () => {
    const [a, b] = apps as [App, App];
    const before = expectData(await graphql<Dashboard>(b.url, DASHBOARD));
    await graphql(a.url, DASHBOARD);
    const customer = before.sessions.nodes.find((s) => s.customer?.record)!.customer!.record!;
    await emulator.control.resetCalls();
    const kept = await graphql<Dashboard>(b.url, DASHBOARD);
    const keptCalls = (await emulator.control.calls()).total;

    await graphql(a.url, UPDATE, { input: { customerId: customer.id, name: 'Renamed on A' } });
    await emulator.control.resetCalls();
    const after = expectData(await graphql<Dashboard>(b.url, DASHBOARD));

    expect(kept.data).toEqual(before);
    expect(keptCalls).toBe(0);
    expect(
      after.sessions.nodes.find((s) => s.customer?.record?.id === customer.id)?.customer?.record?.name,
    ).toBe('Renamed on A');
    // B's dashboard is built again: what the write made stale (sessions, customers) from Zoho, the technicians
    // from the shared read cache.
    expect((await emulator.control.calls()).byRoute).toEqual({ 'GET /sessions': 1, 'GET /customers': 1 });
  });
});
