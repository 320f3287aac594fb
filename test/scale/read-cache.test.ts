/**
 * The cross-request read cache, in memory and in Redis: a repeated query within its TTL costs no upstream call,
 * a mutation invalidates what it changes, and in forwarded mode two users (two Zoho tenants) running the same
 * queries at once each only ever see their own data, first from Zoho and then from the cache.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OPERATIONS, type OperationName } from '../../contract/operations.js';
import type { ZohoSession, ZohoSessionReportEntry } from '../../contract/types.js';
import { createCachedApi } from '../../src/cache/cached-api.js';
import { MemoryCacheStore } from '../../src/cache/store.js';
import { withOperationMethods, type OperationCaller } from '../../src/upstream/api.js';
import { startStack, type Stack } from '../support/stack.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './redis.js';

const prefix = uniquePrefix('read-cache');
afterAll(() => deleteKeys(prefix));

const CUSTOMERS = `{ customers(first: 5) { nodes { id name email } } }`;

describe("the read cache's lifetimes", () => {
  /** Answers getSession and getSessionDetails, counting calls; any other call fails the test. */
  const Upstream = withOperationMethods(
    class implements OperationCaller {
      readonly calls: string[] = [];
      call(name: OperationName, args: readonly unknown[]): Promise<never> {
        this.calls.push(`${name} ${String(args[0])}`);
        if (name === 'getSession')
          return Promise.resolve({ sessionId: args[0] } as Partial<ZohoSession> as never);
        if (name === 'getSessionDetails')
          return Promise.resolve({ sessionId: args[0] } as Partial<ZohoSessionReportEntry> as never);
        return Promise.reject(new Error(`unexpected upstream call ${name}`));
      }
    },
  );

  it("keeps each answer for its row's lifetime in the table of operations, not its resource's", async () => {
    let now = 0;
    const upstream = new Upstream();
    const api = createCachedApi(upstream, { store: new MemoryCacheStore(100, () => now), scope: 'test' });
    const session = OPERATIONS.getSession.cache.maxAgeSeconds * 1000;
    const details = OPERATIONS.getSessionDetails.cache.maxAgeSeconds * 1000;
    // Both are sessions (one write forgets both), kept for different times.
    expect(OPERATIONS.getSession.cache.resource).toBe(OPERATIONS.getSessionDetails.cache.resource);
    expect(details).toBeGreaterThan(session);

    await api.getSession('s1');
    await api.getSessionDetails('s1');
    now = session - 1;
    await api.getSession('s1');
    await api.getSessionDetails('s1');
    now = session;
    await api.getSession('s1');
    await api.getSessionDetails('s1');
    now = details;
    await api.getSessionDetails('s1');

    expect(upstream.calls).toEqual([
      'getSession s1',
      'getSessionDetails s1',
      'getSession s1',
      'getSessionDetails s1',
    ]);
  });
});

describe.each([
  ['in memory', {}],
  ['in Redis', { REDIS_URL, REDIS_KEY_PREFIX: `${prefix}static:` }],
])('the read cache %s', (_name, env: Record<string, string>) => {
  let stack: Stack;
  beforeAll(async () => {
    // The read cache alone: the response cache (test/scale/response-cache.test.ts) would answer the repeats.
    stack = await startStack({ env: { READ_CACHE: 'true', RESPONSE_CACHE: 'false', ...env } });
  });
  afterAll(() => stack.close());

  it('answers a repeated query within its TTL without calling Zoho', async () => {
    const first = await stack.graphql(CUSTOMERS);
    await stack.control.resetCalls();
    const again = await stack.graphql(CUSTOMERS);

    expect(again.data).toEqual(first.data);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('forgets the customers list when a customer changes, and shows the change', async () => {
    const before = await stack.graphql<{ customers: { nodes: Array<{ id: string; name: string }> } }>(
      CUSTOMERS,
    );
    const customer = before.data!.customers.nodes[0]!;
    const renamed = `${customer.name} (renamed)`;
    await stack.control.resetCalls();

    const update = await stack.graphql(
      `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { userErrors { code } } }`,
      { input: { customerId: customer.id, name: renamed } },
    );
    const after = await stack.graphql<{ customers: { nodes: Array<{ id: string; name: string }> } }>(
      CUSTOMERS,
    );

    expect(update.data).toEqual({ updateCustomer: { userErrors: [] } });
    expect(after.data!.customers.nodes[0]).toEqual({ ...customer, name: renamed });
    expect((await stack.control.calls()).byRoute).toEqual({
      'PUT /customers/{customerId}': 1,
      'GET /customers': 1,
    });
  });

  it('counts hits and misses per resource, the counters a hit ratio is computed from', async () => {
    const metrics = await fetch(new URL('/metrics', stack.app.url)).then((response) => response.text());

    expect(metrics).toMatch(/zoho_assist_cache_lookups_total\{resource="customers",result="hit"\} [1-9]/);
    expect(metrics).toMatch(/zoho_assist_cache_lookups_total\{resource="customers",result="miss"\} [1-9]/);
    expect(metrics).not.toContain('cache_hit_ratio');
  });
});

describe('forwarded mode with the read cache in Redis', () => {
  let stack: Stack;
  const users = [
    { token: 'alice-token', tenant: 'acme' },
    { token: 'bob-token', tenant: 'globex' },
  ];
  const TECHNICIANS = `{ technicians(first: 5) { nodes { id name email } } sessions(first: 5) { nodes { id customer { email } } } }`;

  beforeAll(async () => {
    stack = await startStack({
      env: {
        AUTH_MODE: 'forwarded',
        ZOHO_ACCESS_TOKEN: '',
        READ_CACHE: 'true',
        REDIS_URL,
        REDIS_KEY_PREFIX: `${prefix}forwarded:`,
      },
    });
    for (const user of users) await stack.control.registerToken(user);
  });
  afterAll(() => stack.close());

  /** What Zoho itself answers each user: the truth their graph answers must match. */
  async function truth(token: string) {
    const get = async (path: string) =>
      (await fetch(`${stack.emulator.apiUrl}${path}`, {
        headers: { authorization: `Zoho-oauthtoken ${token}` },
      }).then((response) => response.json())) as Record<string, Array<Record<string, string>>>;
    const technicians = (await get('/technicians?index=1&count=5')).technicians!;
    const sessions = (await get('/sessions?index=1&count=5')).sessions!;
    return {
      technicians: technicians.map((t) => t.email),
      customers: sessions.map((s) => s.customerEmail),
    };
  }

  it("never shows one user's data to another, from Zoho or from the cache", async () => {
    const expected = await Promise.all(users.map((user) => truth(user.token)));
    // The two tenants really differ, or the test would prove nothing.
    expect(expected[0]!.technicians).not.toEqual(expected[1]!.technicians);
    await stack.control.resetCalls();

    // Three rounds of both users at once: the first goes to Zoho, the others come from each user's cache.
    for (let round = 0; round < 3; round++) {
      if (round === 1) await stack.control.resetCalls();
      const answers = await Promise.all(
        users.flatMap((user) =>
          [1, 2].map(() =>
            stack.graphql<{
              technicians: { nodes: Array<{ email: string }> };
              sessions: { nodes: Array<{ customer: { email: string } }> };
            }>(TECHNICIANS, undefined, { authorization: `Zoho-oauthtoken ${user.token}` }),
          ),
        ),
      );
      answers.forEach((answer, i) => {
        const mine = expected[Math.floor(i / 2)]!;
        expect(answer.errors).toBeUndefined();
        expect(answer.data!.technicians.nodes.map((t) => t.email)).toEqual(mine.technicians);
        expect(answer.data!.sessions.nodes.map((s) => s.customer.email)).toEqual(mine.customers);
      });
    }
    // Technicians stay a minute: the later rounds never asked Zoho for them again.
    expect((await stack.control.calls()).byRoute['GET /technicians']).toBeUndefined();
  });

  it('refuses a request without a token before any upstream call', async () => {
    await stack.control.resetCalls();
    const answer = await stack.graphql(TECHNICIANS);

    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect((await stack.control.calls()).total).toBe(0);
  });
});

describe('a mutation Zoho refused outright', () => {
  let stack: Stack;
  const UPDATE = `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { userErrors { code } } }`;
  const as = (token: string) => ({ authorization: `Zoho-oauthtoken ${token}` });

  beforeAll(async () => {
    stack = await startStack({ env: { AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '', READ_CACHE: 'true' } });
    await stack.control.registerToken({ token: 'alice-token' });
    // Zoho knows this token, but it may not change customers.
    await stack.control.registerToken({
      token: 'sessions-only-token',
      scopes: ['ZohoAssist.sessions.ALL'],
    });
  });
  afterAll(() => stack.close());

  it("leaves every user's cached reads, and a write that happened still forgets them", async () => {
    const before = await stack.graphql<{ customers: { nodes: Array<{ id: string; name: string }> } }>(
      CUSTOMERS,
      undefined,
      as('alice-token'),
    );
    const customer = before.data!.customers.nodes[0]!;

    // A made-up token (401), a token without the scope (403), an unknown customer (404).
    const refused = [
      await stack.graphql(UPDATE, { input: { customerId: customer.id, name: 'x' } }, as('made-up-token')),
      await stack.graphql(
        UPDATE,
        { input: { customerId: customer.id, name: 'x' } },
        as('sessions-only-token'),
      ),
      await stack.graphql(UPDATE, { input: { customerId: 'cust_none', name: 'x' } }, as('alice-token')),
    ];
    await stack.control.resetCalls();
    const cached = await stack.graphql(CUSTOMERS, undefined, as('alice-token'));
    const cachedCalls = (await stack.control.calls()).total;

    await stack.graphql(UPDATE, { input: { customerId: customer.id, name: 'Renamed' } }, as('alice-token'));
    await stack.control.resetCalls();
    const after = await stack.graphql<{ customers: { nodes: Array<{ id: string; name: string }> } }>(
      CUSTOMERS,
      undefined,
      as('alice-token'),
    );

    expect(refused.map((result) => result.errors?.map((error) => error.extensions?.code))).toEqual([
      ['UNAUTHENTICATED'],
      ['FORBIDDEN'],
      undefined,
    ]);
    expect(refused[2]!.data).toEqual({ updateCustomer: { userErrors: [{ code: 'NOT_FOUND' }] } });
    expect(cached.data).toEqual(before.data);
    expect(cachedCalls).toBe(0);
    expect(after.data!.customers.nodes[0]).toEqual({ ...customer, name: 'Renamed' });
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /customers': 1 });
  });
  it('forgets them after a write whose outcome is unknown (Zoho answered 503 to every attempt)', async () => {
    await stack.graphql(CUSTOMERS, undefined, as('alice-token'));
    await stack.control.addFault({ route: 'PUT /customers/{customerId}', errorRate: 1 });
    const failed = await stack.graphql(
      UPDATE,
      { input: { customerId: 'cust_1', name: 'y' } },
      as('alice-token'),
    );
    await stack.control.clearFaults();
    await stack.control.resetCalls();
    await stack.graphql(CUSTOMERS, undefined, as('alice-token'));

    expect(failed.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /customers': 1 });
  });
});
