/**
 * Upstream calls are the product's cost (every one spends the customer's Zoho budget). These tests pin the
 * exact number of calls that reach the emulator for the operations the subgraph issue prices.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { expectData } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';

interface Nodes<T> {
  nodes: T[];
}
type SessionsWithNames = { sessions: Nodes<{ technician: { name: unknown } }> };
type SessionIds = { sessions: Nodes<{ id: string }> };
type Entities = { _entities: Array<{ id: string } | null> };

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    emulator: { size: { technicians: 10, customers: 300, computers: 10, sessions: 600 } },
    // Some of these operations make more calls than the default ceiling (25) allows: their counts are the point.
    env: { MAX_UPSTREAM_CALLS_PER_OPERATION: '100' },
  });
});
afterAll(() => stack.close());
beforeEach(() => stack.control.resetCalls());

describe('upstream call budgets', () => {
  it('lists 100 sessions with technician and customer names in 2 upstream calls', async () => {
    const result = await stack.graphql<SessionsWithNames>(`{
      sessions(first: 100) { nodes { id technician { name } customer { name } } }
    }`);
    const { sessions } = expectData(result);
    expect(sessions.nodes).toHaveLength(100);
    expect(sessions.nodes.every((s) => typeof s.technician.name === 'string')).toBe(true);
    const calls = await stack.control.calls();
    expect(calls.byRoute).toEqual({ 'GET /sessions': 1, 'GET /technicians': 1 });
  });

  it('loads the full customer records of 100 sessions by walking the customer list, not 100 lookups', async () => {
    const result = await stack.graphql(`{
      sessions(first: 100) { nodes { customer { record { id company } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const calls = await stack.control.calls();
    // 300 customers: three list pages answer every e-mail at once.
    expect(calls.byRoute).toEqual({ 'GET /sessions': 1, 'GET /customers': 3 });
  });

  it('resolves 100 Session representations in _entities with one list call', async () => {
    const page = await stack.graphql<SessionIds>(`{ sessions(first: 100) { nodes { id } } }`);
    const representations = expectData(page).sessions.nodes.map((s) => ({
      __typename: 'Session',
      id: s.id,
    }));
    await stack.control.resetCalls();
    const result = await stack.graphql<Entities>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Session { id status } } }`,
      { representations },
    );
    expect(expectData(result)._entities.map((e) => e?.id)).toEqual(representations.map((r) => r.id));
    expect((await stack.control.calls()).total).toBe(1);
  });

  it('costs one extra call per missing entity, and answers null for it', async () => {
    const page = await stack.graphql<SessionIds>(`{ sessions(first: 10) { nodes { id } } }`);
    const ids = expectData(page).sessions.nodes.map((s) => s.id);
    await stack.control.resetCalls();
    const representations = [...ids, 'missing-1', 'missing-2'].map((id) => ({ __typename: 'Session', id }));
    const result = await stack.graphql<Entities>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Session { id } } }`,
      { representations },
    );
    const { _entities } = expectData(result);
    expect(_entities.slice(-2)).toEqual([null, null]);
    expect(_entities.slice(0, 10).map((e) => e?.id)).toEqual(ids);
    expect((await stack.control.calls()).byRoute).toEqual({
      'GET /sessions': 1,
      'GET /sessions/{sessionId}': 2,
    });
  });

  it('reads a technician with 50 sessions and each chat in 1 + 1 + 50 calls', async () => {
    const technicians = await stack.graphql<{
      technicians: Nodes<{ id: string; totalSessionCount: number }>;
    }>(`{ technicians(first: 100) { nodes { id totalSessionCount } } }`);
    const busiest = [...expectData(technicians).technicians.nodes].sort(
      (a, b) => b.totalSessionCount - a.totalSessionCount,
    )[0]!;
    expect(busiest.totalSessionCount).toBeGreaterThanOrEqual(50);
    await stack.control.resetCalls();
    const result = await stack.graphql<{ technician: { sessions: Nodes<unknown> } }>(
      `query ($id: ID!) { technician(id: $id) { name sessions(first: 50) { nodes { id chatMessages { text } } } } }`,
      { id: busiest.id },
    );
    expect(expectData(result).technician.sessions.nodes).toHaveLength(50);
    expect((await stack.control.calls()).byRoute).toEqual({
      'GET /technicians/{technicianId}': 1,
      'GET /sessions': 1,
      'GET /sessions/{sessionId}/chat': 50,
    });
  });

  it('asks Zoho once for the same technician however many sessions name them', async () => {
    const result = await stack.graphql<{ a: Nodes<{ id: string }> }>(`{
      a: technicians(first: 1) { nodes { id } }
    }`);
    const id = expectData(result).a.nodes[0]!.id;
    await stack.control.resetCalls();
    const twice = await stack.graphql(
      `query ($id: ID!) { one: technician(id: $id) { name } two: technician(id: $id) { email } }`,
      { id },
    );
    expect(twice.errors).toBeUndefined();
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /technicians/{technicianId}': 1 });
  });
});

describe('session detail', () => {
  it('asks for the session, its chat, files and report all at once, four calls in one round trip', async () => {
    const page = await stack.graphql<SessionIds>(`{ sessions(first: 1) { nodes { id } } }`);
    const id = expectData(page).sessions.nodes[0]!.id;
    await stack.control.resetCalls();
    // Every call takes 100 ms, so calls made one after another could not overlap.
    await stack.control.addFault({ latencyMs: 100 });
    const result = await stack
      .graphql(
        `query ($id: ID!) { session(id: $id) { id chatMessages { text } files { name } details { durationSeconds } } }`,
        { id },
      )
      .finally(() => stack.control.clearFaults());
    expect(result.errors).toBeUndefined();
    expect((await stack.control.calls()).byRoute).toEqual({
      'GET /sessions/{sessionId}': 1,
      'GET /sessions/{sessionId}/chat': 1,
      'GET /sessions/{sessionId}/files': 1,
      'GET /sessions/{sessionId}/details': 1,
    });
    // Every call starts before the first one ends (the log records each call's start and duration).
    const log = await stack.control.log();
    const calls = log.slice(-4);
    const firstEnd = Math.min(...calls.map((c) => Date.parse(c.time) + c.ms));
    for (const call of calls) expect(Date.parse(call.time)).toBeLessThanOrEqual(firstEnd);
  });

  it('starts the technicians page with the sessions page once the technicians fit one page: 2 calls, overlapping', async () => {
    // A first page showing technicians teaches the process how many there are (10 here: one list page).
    await stack.graphql(`{ sessions(first: 5) { nodes { technician { name } } } }`);
    await stack.control.resetCalls();
    await stack.control.addFault({ latencyMs: 100 });
    const result = await stack
      .graphql<SessionsWithNames>(
        `{ sessions(first: 50) { nodes { id ...Who } } } fragment Who on Session { technician { name } }`,
      )
      .finally(() => stack.control.clearFaults());
    expect(expectData(result).sessions.nodes.every((s) => typeof s.technician.name === 'string')).toBe(true);
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 1, 'GET /technicians': 1 });
    const log = await stack.control.log();
    const [sessions, technicians] = log.slice(-2);
    // Started within the sessions call's 100 ms, not after it ended.
    expect(Date.parse(technicians!.time)).toBeLessThan(Date.parse(sessions!.time) + 50);
  });

  it('lists no technicians ahead for a page that does not show them, or a filtered page', async () => {
    await stack.graphql(`{ sessions(first: 5) { nodes { technician { name } } } }`);
    await stack.control.resetCalls();
    await stack.graphql(`{ sessions(first: 50) { nodes { id status } } }`);
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 1 });

    await stack.control.resetCalls();
    const filtered = await stack.graphql(
      `{ sessions(first: 5, filter: { status: ENDED }) { nodes { technician { name } } } }`,
    );
    expect(filtered.errors).toBeUndefined();
    const calls = await stack.control.calls();
    expect(calls.byRoute['GET /sessions']).toBe(1);
    // The technicians come after the sessions, by whichever way costs fewer calls.
    const log = await stack.control.log();
    const [first, ...after] = log.slice(-calls.total);
    expect(first!.route).toBe('GET /sessions');
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((entry) => entry.route.startsWith('GET /technicians'))).toBe(true);
  });

  it('calls nothing when the page size is refused, look-ahead included', async () => {
    await stack.graphql(`{ sessions(first: 5) { nodes { technician { name } } } }`);
    await stack.control.resetCalls();
    const result = await stack.graphql(`{ sessions(first: 1000) { nodes { technician { name } } } }`);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('answers NOT_FOUND for a missing session, its prefetched parts failing quietly', async () => {
    const result = await stack.graphql(`{ session(id: "999") { id chatMessages { text } } }`);
    expect(result.data).toEqual({ session: null });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
