/**
 * The cost estimate reads variables as execution will (issue 24, defect 3): a default in the operation is the
 * value the resolvers get, so `query($n: Int = 100)` is priced at 100 and refused before any call, exactly as
 * `first: 100` is; and a branch skipped by a defaulted `@skip(if: $s)` is not priced, so it is not refused.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '../support/stack.js';

const MAX_CALLS = 60;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    emulator: { size: { technicians: 5, customers: 20, computers: 5, sessions: 200 } },
    env: { MAX_UPSTREAM_CALLS_PER_OPERATION: String(MAX_CALLS) },
  });
});
afterAll(() => stack.close());

/** The body an attacker posts: the document and, here, no variables at all. */
async function post(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(stack.app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    },
  };
}

const PAGE_WITH_DETAILS = 'sessions(first: $n) { nodes { id details { durationSeconds } } }';

describe('variable defaults in the cost estimate', () => {
  it('refuses a page size given as a variable default, like the literal, having spent nothing', async () => {
    await stack.control.resetCalls();

    const { body } = await post(`query ($n: Int = 100) { ${PAGE_WITH_DETAILS} }`);

    // One page, then one details call per session: 1 + 100.
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'OPERATION_TOO_EXPENSIVE',
          estimatedUpstreamCalls: 101,
          maxUpstreamCalls: MAX_CALLS,
        }),
      }),
    ]);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('prices the value sent over the default when both are there', async () => {
    await stack.control.resetCalls();

    const { body } = await post(`query ($n: Int = 100) { ${PAGE_WITH_DETAILS} }`, { n: 2 });

    expect(body.errors).toBeUndefined();
    expect(body.data?.sessions).toEqual({
      nodes: [expect.objectContaining({ details: expect.any(Object) }), expect.any(Object)],
    });
    // The page, then the two sessions' details.
    expect((await stack.control.calls()).total).toBe(3);
  });

  it('does not price a branch a defaulted @skip leaves out, and answers without calling Zoho', async () => {
    await stack.control.resetCalls();

    const { status, body } = await post(
      `query ($s: Boolean = true, $n: Int = 100) { ${PAGE_WITH_DETAILS.replace('sessions(first: $n)', 'sessions(first: $n) @skip(if: $s)')} }`,
    );

    expect(status).toBe(200);
    expect(body).toEqual({ data: {} });
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('does price the branch when a defaulted @include keeps it', async () => {
    await stack.control.resetCalls();

    const { body } = await post(
      `query ($i: Boolean = true, $n: Int = 100) { ${PAGE_WITH_DETAILS.replace('sessions(first: $n)', 'sessions(first: $n) @include(if: $i)')} }`,
    );

    expect(body.errors?.[0]?.extensions?.code).toBe('OPERATION_TOO_EXPENSIVE');
    expect((await stack.control.calls()).total).toBe(0);
  });
});
