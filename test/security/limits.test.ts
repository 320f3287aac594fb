/**
 * Structural limits (src/graph/query-limits.ts) and the body cap: a hostile document is refused before any upstream
 * call, an ordinary deep one is not, and nothing that passes the limits spends more upstream calls than
 * MAX_UPSTREAM_CALLS_PER_OPERATION.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_LIMITS } from '../../src/graph/query-limits.js';
import { errorCodes, type GraphQLResult } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';

const MAX_CALLS = 60;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    emulator: { size: { technicians: 10, customers: 50, computers: 10, sessions: 300 } },
    env: { MAX_UPSTREAM_CALLS_PER_OPERATION: String(MAX_CALLS) },
  });
});
afterAll(() => stack.close());

/** `technician { sessions { nodes { technician { … } } } } }`: 2 + 3 × `wraps` fields deep. */
function nested(wraps: number): string {
  let selection = 'id';
  for (let wrap = 0; wrap < wraps; wrap++)
    selection = `sessions(first: 1) { nodes { technician { ${selection} } } }`;
  return `{ technician(id: "tech_1") { ${selection} } }`;
}

async function refusedWithoutCalls(query: string, expectedCode: string) {
  await stack.control.resetCalls();
  const result = await stack.graphql(query);
  expect(result.status).toBe(400);
  expect(result.data).toBeUndefined();
  expect(errorCodes(result)).toContain(expectedCode);
  expect((await stack.control.calls()).total).toBe(0);
}

describe('structural limits', () => {
  it('answers an ordinary seven-level operation', async () => {
    const result = await stack.graphql<{ sessions: unknown }>(
      `{ sessions(first: 1) { nodes { technician { sessions(first: 1) { nodes { customer { name } } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.sessions).toEqual({
      nodes: [expect.objectContaining({ technician: expect.any(Object) })],
    });
  });

  it('refuses an operation deeper than the limit before any upstream call', async () => {
    expect(DEFAULT_LIMITS.maxDepth).toBe(8);
    await refusedWithoutCalls(nested(3), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses more aliases than the limit before any upstream call', async () => {
    const aliases = Array.from(
      { length: DEFAULT_LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: technician(id: "tech_${(i % 9) + 1}") { id }`,
    );
    await refusedWithoutCalls(`{ ${aliases.join(' ')} }`, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses more directives than the limit before any upstream call', async () => {
    const fields = ' id @include(if: true)'.repeat(DEFAULT_LIMITS.maxDirectives + 1);
    await refusedWithoutCalls(`{ technician(id: "tech_1") {${fields} } }`, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a document with more tokens than the limit while parsing it', async () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxTokens }, () => 'id').join(' ');
    await refusedWithoutCalls(`{ technician(id: "tech_1") { ${fields} } }`, 'GRAPHQL_PARSE_FAILED');
  });

  it('refuses a body over 1 MiB with 413, and stays healthy', async () => {
    const response = await fetch(stack.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
    const live = await fetch(new URL('/health/live', stack.app.url));
    expect(live.status).toBe(200);
  });

  it('refuses a chunked body that grows past 1 MiB with 413 and the JSON error, not a reset', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 20 chunks of 64 KiB, no Content-Length: the cap has to be enforced while reading.
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(stack.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(((await response.json()) as GraphQLResult).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const live = await fetch(new URL('/health/live', stack.app.url));
    expect(live.status).toBe(200);
  });

  it('lets no operation within the limits spend more than the configured upstream calls', async () => {
    const fanOut = Array.from(
      { length: DEFAULT_LIMITS.maxAliases },
      (_, i) =>
        `s${i}: sessions(first: 100, after: null) { nodes { id details { durationSeconds } chatMessages { text } } }`,
    );
    const hostile = [
      `{ sessions(first: 100) { nodes { chatMessages { text } files { name } details { durationSeconds } } } }`,
      `{ ${fanOut.join(' ')} }`,
      `{ technicians(first: 100) { nodes { sessions(first: 100) { nodes { chatMessages { text } } } } } }`,
      `{ customers(first: 100) { nodes { sessions(first: 100) { nodes { technician { sessions(first: 100) { totalCount } } } } } } }`,
    ];
    for (const query of hostile) {
      await stack.control.resetCalls();
      const result = await stack.graphql(query);
      expect(result.status).toBeLessThan(500);
      expect((await stack.control.calls()).total).toBeLessThanOrEqual(MAX_CALLS);
    }
  });
});
