/**
 * The budget inside one replica, over real HTTP against the emulator: the cost estimate refuses an expensive
 * operation before any call, the limiter refuses calls beyond the budget before they leave (RATE_LIMITED with a
 * retryAfter, no 429 from Zoho), Zoho's own 429 holds back every later call, `extensions.budget` shows what is
 * left, and with Redis unreachable the replica says so in readiness and keeps serving on local limits.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { estimateUpstreamCalls } from '../../src/budget/cost.js';
import { buildSchema } from '../../src/graph/schema.js';
import { errorCodes } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';

describe('the operation cost estimate', () => {
  const schema = buildSchema();
  function estimate(text: string, variables: Record<string, unknown> = {}) {
    const document = parse(text);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    const fragments = Object.fromEntries(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return estimateUpstreamCalls({ schema, operation, fragments, variables });
  }

  it('counts a list page once and a batched entity once, whatever the page size', () => {
    expect(
      estimate(`{ sessions(first: 50) { totalCount nodes { id technician { name } customer { name } } } }`),
    ).toBe(2);
  });

  it('multiplies per-item calls by the page size, from a variable or the schema default', () => {
    const query = `query ($n: Int) { sessions(first: $n) { nodes { chatMessages { text } } } }`;
    expect(estimate(query, { n: 30 })).toBe(31);
    expect(estimate(query)).toBe(21);
  });

  it('expands fragments and honours @skip and @include', () => {
    expect(
      estimate(
        `query ($chat: Boolean!) { sessions(first: 10) { nodes { ...S } } }
         fragment S on Session { chatMessages @include(if: $chat) { text } details @skip(if: true) { durationSeconds } }`,
        { chat: true },
      ),
    ).toBe(11);
  });

  it('costs _entities one batch per type plus per-representation calls', () => {
    const representations = Array.from({ length: 8 }, (_, i) => ({ __typename: 'Session', id: String(i) }));
    expect(
      estimate(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Session { id chatMessages { text } } } }`,
        { r: representations },
      ),
    ).toBe(9);
    // Representations written in the document, with a variable inside.
    expect(
      estimate(
        `query ($id: ID!) { _entities(representations: [{ __typename: "Session", id: $id }]) { ... on Session { chatMessages { text } } } }`,
        { id: 'a' },
      ),
    ).toBe(2);
  });
});

describe('one replica', () => {
  let stack: Stack;
  beforeAll(async () => {
    // The emulator enforces 6 calls a minute, and the stack gives the subgraph the same budget.
    stack = await startStack({
      emulator: { rateLimits: { perMinute: 6, perDay: 1000, windowMs: 60_000 } },
      env: { UPSTREAM_MAX_RETRY_AFTER_SECONDS: '1' },
    });
  });
  afterAll(() => stack.close());

  it('refuses an operation estimated above MAX_UPSTREAM_CALLS_PER_OPERATION without calling Zoho', async () => {
    await stack.control.resetCalls();
    const result = await stack.graphql(`{ sessions(first: 100) { nodes { id chatMessages { text } } } }`);

    expect(result.status).toBe(200);
    expect(errorCodes(result)).toEqual(['OPERATION_TOO_EXPENSIVE']);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      estimatedUpstreamCalls: 101,
      maxUpstreamCalls: 25,
    });
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('shows the estimate, the calls made and the budget left in extensions.budget when asked', async () => {
    const result = await stack.graphql(
      `{ sessions(first: 10) { nodes { id technician { name } } } }`,
      undefined,
      { 'x-zoho-budget': 'true' },
    );
    const plain = await stack.graphql(`{ technician(id: "tech_1") { id } }`);

    expect(result.extensions?.budget).toEqual({
      estimatedUpstreamCalls: 2,
      upstreamCalls: 2,
      maxUpstreamCallsPerOperation: 25,
      remaining: { window: 4, day: 998 },
      limits: { perWindow: 6, windowSeconds: 60, perDay: 1000 },
      retryAfter: 0,
    });
    expect(plain.extensions).toBeUndefined();
  });

  it('refuses calls beyond the budget before they leave, with RATE_LIMITED and a retryAfter', async () => {
    await stack.control.resetCalls();
    const results = [];
    for (let i = 0; i < 5; i++)
      results.push(await stack.graphql(`{ technician(id: "tech_${i + 1}") { id } }`));

    // Three calls were left of the six (the earlier tests spent three).
    expect(results.map(errorCodes)).toEqual([[], [], [], ['RATE_LIMITED'], ['RATE_LIMITED']]);
    const retryAfter = results[3]!.errors?.[0]?.extensions?.retryAfter;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(61);
    expect(await stack.control.calls()).toEqual({
      total: 3,
      byRoute: { 'GET /technicians/{technicianId}': 3 },
    });
  });
});

describe("Zoho's own 429", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { UPSTREAM_MAX_RETRY_AFTER_SECONDS: '1' } });
  });
  afterAll(() => stack.close());

  it('holds back every later call until its Retry-After has passed', async () => {
    await stack.control.addFault({
      route: 'GET /technicians/{technicianId}',
      rateLimitRate: 1,
      retryAfterSeconds: 30,
    });
    const first = await stack.graphql(`{ technician(id: "tech_1") { id } }`);
    await stack.control.clearFaults();
    await stack.control.resetCalls();
    const later = await stack.graphql(`{ customers(first: 1) { totalCount } }`);

    expect(errorCodes(first)).toEqual(['RATE_LIMITED']);
    expect(errorCodes(later)).toEqual(['RATE_LIMITED']);
    expect(later.errors?.[0]?.extensions?.retryAfter).toBeGreaterThanOrEqual(29);
    expect((await stack.control.calls()).total).toBe(0);
  });
});

describe('with Redis unreachable', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      emulator: { rateLimits: { perMinute: 2, perDay: 1000 } },
      // Nothing listens on port 1.
      env: { REDIS_URL: 'redis://127.0.0.1:1/0', READ_CACHE: 'true' },
    });
  });
  afterAll(() => stack.close());

  it('reports Redis in readiness but stays ready, and serves on local limits', async () => {
    const ready = await fetch(new URL('/health/ready', stack.app.url));
    const results = [];
    for (let i = 0; i < 3; i++)
      results.push(await stack.graphql(`{ technician(id: "tech_${i + 1}") { id } }`));

    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { process: 'ok', config: 'ok', upstream: 'unknown', redis: 'unreachable' },
    });
    // Readiness spends nothing: two queries use the two calls of the local limit, the third is refused.
    expect(results.map(errorCodes)).toEqual([[], [], ['RATE_LIMITED']]);
  });
});
