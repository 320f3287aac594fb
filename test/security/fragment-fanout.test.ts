/**
 * Fragment fan-out (issue 24, defect 1): fragments that each spread the next one several times are a few hundred
 * bytes and millions of selections once spread. Sent as an attacker sends them, over HTTP, they are refused
 * before anything walks them, quickly, while the process keeps answering its liveness probe; and our own walk over
 * a document (the cost estimate) is linear in the document even without that refusal, so a shape the refusal
 * misses cannot stop the event loop either. (`Cache-Control` is Apollo's plugin, which works per resolved field.)
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { estimateDocumentCalls } from '../../src/budget/cost.js';
import { DEFAULT_LIMITS } from '../../src/graph/query-limits.js';
import { buildSchema } from '../../src/graph/schema.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * `levels` fragments on `type`, each spreading the next `ways` times; the last selects `leaf`. Spread from
 * `operation` (which must contain `...F0`).
 */
function fanOut(levels: number, ways: number, leaf: string, type = 'Query', operation = '{ ...F0 }'): string {
  const fragments = Array.from(
    { length: levels },
    (_, level) => `fragment F${level} on ${type} { ${`...F${level + 1} `.repeat(ways).trim()} }`,
  );
  fragments.push(`fragment F${levels} on ${type} { ${leaf} }`);
  return `${operation}\n${fragments.join('\n')}`;
}

/** The issue's documents: 21 levels of two spreads (866 bytes), and of ten. */
const TWO_WAY = fanOut(21, 2, '__typename');
const TEN_WAY = fanOut(21, 10, '__typename');
/** The same, below a field: each level spreads the next under `sessions.nodes`, where look-ahead reads it. */
const NESTED = fanOut(
  21,
  2,
  'id technician { name }',
  'Session',
  '{ sessions(first: 1) { nodes { ...F0 } } }',
);

/**
 * The bound the issue sets for an answer (or a refusal) and for the liveness probe beside it: one second, far
 * above the few milliseconds either takes, far below the 9.6 s (and the never) they took before.
 */
const BOUND_MS = 1000;

describe('fragment fan-out over HTTP', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  /** Probes /health/live every 20 ms until `until` settles; resolves to the slowest probe's time. */
  async function livenessDuring(until: Promise<unknown>): Promise<{ slowestMs: number; probes: number }> {
    let done = false;
    void until.finally(() => (done = true));
    let slowestMs = 0;
    let probes = 0;
    while (!done) {
      const started = performance.now();
      const response = await fetch(new URL('/health/live', stack.app.url));
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      slowestMs = Math.max(slowestMs, performance.now() - started);
      probes++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { slowestMs, probes };
  }

  it.each([
    ['21 levels of two spreads', TWO_WAY],
    ['21 levels of ten spreads', TEN_WAY],
    ['21 levels of two spreads below sessions.nodes', NESTED],
  ])('refuses %s within a second, with no upstream call, while /health/live answers', async (_, query) => {
    await stack.control.resetCalls();
    const started = performance.now();
    const answer = (async () => {
      const response = await fetch(stack.app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: (await response.json()) as { errors?: unknown[] } };
    })();
    const [{ status, body }, liveness] = await Promise.all([answer, livenessDuring(answer)]);
    const elapsedMs = performance.now() - started;

    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/expands to .* selections once its fragments are spread/),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    ]);
    expect(elapsedMs).toBeLessThan(BOUND_MS);
    expect(liveness.probes).toBeGreaterThan(0);
    expect(liveness.slowestMs).toBeLessThan(BOUND_MS);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('answers fragments reused within the bound, counting each spread', async () => {
    // Five levels of two spreads: 62 selections once spread, well within the bound.
    const query = fanOut(5, 2, 'id', 'Session', '{ sessions(first: 1) { nodes { ...F0 } } }');
    expect(DEFAULT_LIMITS.maxExpandedSelections).toBeGreaterThan(62);

    const result = await stack.graphql<{ sessions: { nodes: Array<{ id: string }> } }>(query);

    expect(result.errors).toBeUndefined();
    expect(result.data?.sessions.nodes).toEqual([{ id: expect.any(String) }]);
  });
});

describe('walks over a document are linear in its size', () => {
  const schema = buildSchema();

  function parsed(text: string): { document: DocumentNode; operation: OperationDefinitionNode } {
    const document = parse(text);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    return { document, operation };
  }

  function timed<T>(work: () => T): { value: T; ms: number } {
    const started = performance.now();
    const value = work();
    return { value, ms: performance.now() - started };
  }

  it('prices a 21-level fan-out without expanding it: every spread counts, each fragment is priced once', () => {
    // A page of technicians at the leaf costs one call; spread 2^21 and 10^21 times, that is what the estimate says.
    for (const [ways, spreads] of [
      [2, 2 ** 21],
      [10, 10 ** 21],
    ]) {
      const { document, operation } = parsed(fanOut(21, ways!, 'technicians(first: 1) { nodes { id } }'));
      const { value, ms } = timed(() => estimateDocumentCalls(schema, document, operation, {}));
      expect(value).toBe(spreads);
      expect(ms).toBeLessThan(BOUND_MS);
    }
  });
});
