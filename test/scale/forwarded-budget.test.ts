/**
 * Forwarded mode's budget under attack, over real HTTP as an attacker sends it. Made-up tokens cannot drain the
 * organisation's budget: a token Zoho has never accepted draws on a small allowance of its own (five calls a
 * window by default), a token Zoho rejected is refused at once the next time (across replicas through Redis),
 * and one greedy user cannot take the whole window from the others.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { errorCodes, type GraphQLResult } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from './redis.js';

const ONE_CALL = `{ technician(id: "tech_1") { id } }`;
const TECHNICIAN_ROUTE = 'GET /technicians/{technicianId}';
/** Zoho's own limits, which the subgraph's budget mirrors. */
const LIMITS = { perMinute: 50, perDay: 5000, windowMs: 60_000 };
const FORWARDED = { AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '' };

function madeUpToken(): string {
  return `made-up-${randomUUID()}`;
}

function as(token: string): Record<string, string> {
  return { authorization: `Zoho-oauthtoken ${token}` };
}

/** `count` requests, `concurrency` at a time. */
async function flood<T>(count: number, concurrency: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, i) => send(start + i));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

describe('two hundred made-up tokens', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ emulator: { rateLimits: LIMITS }, env: FORWARDED });
    await stack.control.registerToken({ token: 'alice-token' });
  });
  afterAll(() => stack.close());

  it('cost Zoho four calls and leave a user Zoho knows answered, not RATE_LIMITED', async () => {
    // Alice has used the graph before: Zoho has accepted her token (with one of this window's five calls for
    // unverified tokens).
    expect(errorCodes(await stack.graphql(ONE_CALL, undefined, as('alice-token')))).toEqual([]);
    await stack.control.resetCalls();

    const tokens = Array.from({ length: 200 }, madeUpToken);
    const answers = await flood(200, 20, (i) => stack.graphql(ONE_CALL, undefined, as(tokens[i]!)));
    const alice = await stack.graphql(ONE_CALL, undefined, as('alice-token'));

    const outcomes = answers.map((answer) => errorCodes(answer).join());
    expect(outcomes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(4);
    expect(outcomes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(196);
    // Refused before anything left, with the wait until the allowance has room.
    expect(
      answers.find((answer) => errorCodes(answer).join() === 'RATE_LIMITED')?.errors?.[0]?.extensions
        ?.retryAfter,
    ).toBeGreaterThan(0);
    expect(alice.errors).toBeUndefined();
    expect(alice.data).toEqual({ technician: { id: 'tech_1' } });
    expect(await stack.control.calls()).toEqual({ total: 5, byRoute: { [TECHNICIAN_ROUTE]: 5 } });
  });
});

describe('a remembered rejection', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ emulator: { rateLimits: LIMITS }, env: FORWARDED });
  });
  afterAll(() => stack.close());

  it('answers the same made-up token UNAUTHENTICATED a hundred times for one upstream call', async () => {
    const token = madeUpToken();
    const answers = await flood(100, 10, () => stack.graphql(ONE_CALL, undefined, as(token)));

    const again = await stack.graphql(ONE_CALL, undefined, as(token));

    expect(answers.map((answer) => errorCodes(answer).join())).toEqual(answers.map(() => 'UNAUTHENTICATED'));
    expect(again.status).toBe(401);
    expect(again.errors?.[0]?.message).toBe('Zoho rejected this access token; send a valid one.');
    expect((await stack.control.calls()).total).toBe(1);
    const metrics = await fetch(new URL('/metrics', stack.app.url)).then((response) => response.text());
    expect(metrics).toMatch(/zoho_assist_forwarded_tokens_total\{verdict="rejected"\} 1\n/);
    expect(metrics).toMatch(/zoho_assist_forwarded_tokens_total\{verdict="refused"\} (99|\d\d)\n/);
    // Requests that arrived while the first was at Zoho waited for its answer rather than sending their own.
  });
});

describe('one greedy user', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ emulator: { rateLimits: LIMITS }, env: FORWARDED });
    for (const token of ['greedy-token', 'bob-token']) await stack.control.registerToken({ token });
  });
  afterAll(() => stack.close());

  it('gets half the window, and a second user still gets through', async () => {
    const greedy: GraphQLResult[] = [];
    for (let i = 0; i < 30; i++) greedy.push(await stack.graphql(ONE_CALL, undefined, as('greedy-token')));
    const bob = [
      await stack.graphql(ONE_CALL, undefined, as('bob-token')),
      await stack.graphql(ONE_CALL, undefined, as('bob-token')),
    ];

    // RATE_LIMIT_MAX_SHARE_PER_TOKEN 0.5 of 50: 25 calls.
    expect(greedy.map((answer) => errorCodes(answer).join())).toEqual([
      ...Array.from({ length: 25 }, () => ''),
      ...Array.from({ length: 5 }, () => 'RATE_LIMITED'),
    ]);
    const retryAfter = greedy[25]!.errors?.[0]?.extensions?.retryAfter;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(61);
    expect(bob.map(errorCodes)).toEqual([[], []]);
    expect(await stack.control.calls()).toEqual({ total: 27, byRoute: { [TECHNICIAN_ROUTE]: 27 } });
  });

  it('cannot spend more than MAX_UPSTREAM_CALLS_PER_OPERATION (25, half the minute) in one operation', async () => {
    await stack.control.resetCalls();
    // 1 list call + 25 sessions × 1 chat call each: estimated 26.
    const result = await stack.graphql(
      `{ sessions(first: 25) { nodes { chatMessages { text } } } }`,
      undefined,
      as('bob-token'),
    );

    expect(errorCodes(result)).toEqual(['OPERATION_TOO_EXPENSIVE']);
    expect(result.errors?.[0]?.extensions).toMatchObject({ maxUpstreamCalls: 25 });
    expect((await stack.control.calls()).total).toBe(0);
  });
});

describe('RATE_LIMIT_SCOPE=token', () => {
  let stack: Stack;
  beforeAll(async () => {
    // 13 a window: 3 for unverified tokens, 10 for the verified ones together.
    stack = await startStack({
      emulator: { rateLimits: { ...LIMITS, perMinute: 13 } },
      env: { ...FORWARDED, RATE_LIMIT_SCOPE: 'token', UNVERIFIED_TOKEN_CALLS_PER_MINUTE: '3' },
    });
    for (const token of ['a-token', 'b-token', 'c-token']) await stack.control.registerToken({ token });
  });
  afterAll(() => stack.close());

  it("keeps every token together within the organisation's limit", async () => {
    const answers: Record<string, string[]> = {};
    for (const user of ['a', 'b', 'c']) {
      answers[user] = [];
      for (let i = 0; i < 6; i++) {
        answers[user].push(errorCodes(await stack.graphql(ONE_CALL, undefined, as(`${user}-token`))).join());
      }
    }

    // Each token's own budget (13) would allow all six; together they stop at the organisation's ten, plus the
    // one call that verified `c` out of the unverified allowance.
    expect(answers).toEqual({
      a: ['', '', '', '', '', ''],
      b: ['', '', '', '', 'RATE_LIMITED', 'RATE_LIMITED'],
      c: ['', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED'],
    });
    expect((await stack.control.calls()).total).toBe(11);
  });
});

describe('two replicas sharing Redis', () => {
  const prefix = uniquePrefix('forwarded-budget');
  let emulator: RunningEmulator;
  const replicas: App[] = [];

  async function graphql(replica: App, token: string): Promise<GraphQLResult> {
    const response = await fetch(replica.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as(token) },
      body: JSON.stringify({ query: ONE_CALL }),
    });
    return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
  }

  const upstreamCalls = async (): Promise<number> => (await emulator.control.calls()).total;

  beforeAll(async () => {
    emulator = await startEmulator({ rateLimits: LIMITS, quiet: true });
    await emulator.control.registerToken({ token: 'alice-token' });
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        ZOHO_ASSIST_API_URL: emulator.apiUrl,
        ZOHO_ACCOUNTS_URL: emulator.accountsUrl,
        ...FORWARDED,
        RATE_LIMIT_PER_MINUTE: String(LIMITS.perMinute),
        RATE_LIMIT_PER_DAY: String(LIMITS.perDay),
        READ_CACHE: 'false',
        REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
      });
      replicas.push(await startApp(config));
    }
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await emulator?.close();
    await deleteKeys(prefix);
  });

  it('share what Zoho said of a token: one rejects it, the other refuses it at no cost', async () => {
    const [one, two] = replicas as [App, App];
    const token = madeUpToken();
    const first = await graphql(one, token);
    const before = await upstreamCalls();
    const second = await graphql(two, token);

    expect(errorCodes(first)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(second)).toEqual(['UNAUTHENTICATED']);
    expect(await upstreamCalls()).toBe(before);
  });

  it('share the unverified allowance, and a token verified on one replica is verified on the other', async () => {
    const [one, two] = replicas as [App, App];
    expect(errorCodes(await graphql(one, 'alice-token'))).toEqual([]);
    // The rest of this window's five calls for unverified tokens (the previous test and Alice's verification
    // spent two), spent through the first replica.
    const spent = await flood(6, 6, () => graphql(one, madeUpToken()));
    const before = await upstreamCalls();
    const stranger = await graphql(two, madeUpToken());
    const alice = await graphql(two, 'alice-token');

    expect(spent.map((answer) => errorCodes(answer).join()).sort()).toEqual([
      'RATE_LIMITED',
      'RATE_LIMITED',
      'RATE_LIMITED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(stranger)).toEqual(['RATE_LIMITED']);
    expect(errorCodes(alice)).toEqual([]);
    expect(await upstreamCalls()).toBe(before + 1);
  });
});
