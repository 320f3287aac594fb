/**
 * Property-based fuzzing of the HTTP endpoint (fast-check): random and mutated documents, variables of the
 * wrong type, huge strings, odd Unicode (lone surrogates included), deeply nested lists, duplicate JSON keys,
 * batched array bodies, odd content types and fragment fan-out. The server never answers 5xx, never crashes, and
 * is healthy and correct afterwards; a fan-out is answered or refused within a second.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    emulator: { size: { technicians: 10, customers: 50, computers: 10, sessions: 100 } },
    env: { OPERATION_DEADLINE_MS: '3000' },
  });
});
afterAll(() => stack.close());

const VALID = [
  `query ($id: ID!) { session(id: $id) { id status technician { name } customer { email } } }`,
  `query ($first: Int, $after: String) { sessions(first: $first, after: $after) { totalCount nodes { id } } }`,
  `query ($email: EmailAddress) { customers(filter: { email: $email }) { nodes { id name } } }`,
  `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id } userErrors { code } } }`,
  `mutation ($input: EndSessionInput!) { endSession(input: $input) { userErrors { code message } } }`,
  `query ($id: ID!) { technician(id: $id) { id sessions(first: 2) { nodes { id chatMessages { text } } } } }`,
  `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Session { id } } }`,
  `{ _service { sdl } }`,
];

/** Any JSON value, odd strings included: lone surrogates, control characters, very long runs. */
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constantFrom(
    '\uD800',
    '\uDFFF',
    'a\u0000b',
    '\r\nX-Injected: 1',
    '../..',
    '%2F%2e%2e',
    '\u202E',
    '𝕏'.repeat(50),
  ),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    oddString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(oddString, fc.constantFrom('__proto__', 'constructor', 'id', 'sessionId')),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

/** A list nested `depth` levels deep, as raw JSON text. */
const nestedList = fc
  .integer({ min: 10, max: 100_000 })
  .map((depth) => `${'['.repeat(depth)}1${']'.repeat(depth)}`);

/**
 * Fragment fan-out (issue 24): fragments that each spread the next one `ways` times over `levels` levels, on the
 * root or below a field, ending in a leaf that may cost upstream calls. Small on the wire, up to 10^40 selections
 * once spread.
 */
const fanOut = fc
  .record({
    levels: fc.integer({ min: 1, max: 40 }),
    ways: fc.integer({ min: 1, max: 10 }),
    leaf: fc.constantFrom('__typename', 'technicians(first: 2) { nodes { id } }', 'sessions { totalCount }'),
    nested: fc.boolean(),
    extraSpreads: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ levels, ways, leaf, nested, extraSpreads }) => {
    const type = nested ? 'Session' : 'Query';
    const sessionLeaf = nested ? 'id technician { name }' : leaf;
    const fragments = Array.from(
      { length: levels },
      (_, level) => `fragment F${level} on ${type} { ${`...F${level + 1} `.repeat(ways)}}`,
    );
    fragments.push(`fragment F${levels} on ${type} { ${sessionLeaf} }`);
    const spreads = '...F0 '.repeat(1 + extraSpreads);
    const operation = nested ? `{ sessions(first: 1) { nodes { ${spreads}} } }` : `{ ${spreads}}`;
    return `${operation}\n${fragments.join('\n')}`;
  });

/** A valid document with a few characters inserted, deleted or replaced. */
const mutated = fc
  .tuple(
    fc.constantFrom(...VALID),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), fc.string({ unit: 'binary', maxLength: 3 })), {
      minLength: 1,
      maxLength: 5,
    }),
  )
  .map(([document, edits]) => {
    let text = document;
    for (const [at, kind, insert] of edits) {
      const position = at % (text.length + 1);
      if (kind === 0) text = text.slice(0, position) + insert + text.slice(position);
      else if (kind === 1) text = text.slice(0, position) + text.slice(position + 1);
      else text = text.slice(0, position) + insert + text.slice(position + 1);
    }
    return text;
  });

interface Attempt {
  method: 'GET' | 'POST';
  contentType?: string;
  extraHeaders?: Record<string, string>;
  search?: string;
  body?: string;
}

const json = (object: unknown) => JSON.stringify(object);
const post = (body: string, contentType = 'application/json'): Attempt => ({
  method: 'POST',
  contentType,
  body,
});

const attempts: fc.Arbitrary<Attempt> = fc.oneof(
  // Random documents.
  fc.string({ unit: 'binary', maxLength: 300 }).map((query) => post(json({ query }))),
  // Fragment fan-out.
  fanOut.map((query) => post(json({ query }))),
  // Mutated valid documents with random variables.
  fc.tuple(mutated, value).map(([query, variables]) => post(json({ query, variables }))),
  // Valid documents, variables of the wrong type (or odd values of the right one).
  fc
    .tuple(
      fc.constantFrom(...VALID),
      fc.dictionary(fc.constantFrom('id', 'first', 'after', 'email', 'input', 'representations'), value),
    )
    .map(([query, variables]) => post(json({ query, variables }))),
  // Deeply nested lists where a list or an object is expected.
  fc
    .tuple(fc.constantFrom(...VALID), fc.constantFrom('id', 'input', 'representations'), nestedList)
    .map(([query, name, list]) => post(`{"query":${json(query)},"variables":{"${name}":${list}}}`)),
  // Duplicate keys: which one wins is JSON.parse's business; neither may hurt.
  fc
    .tuple(fc.constantFrom(...VALID), fc.string({ maxLength: 50 }), value)
    .map(([query, other, variables]) =>
      post(
        `{"query":${json(other)},"query":${json(query)},"variables":${json(variables) ?? 'null'},"variables":{}}`,
      ),
    ),
  // Batched array bodies.
  fc
    .array(fc.record({ query: fc.constantFrom(...VALID), variables: value }), { minLength: 0, maxLength: 5 })
    .map((batch) => post(json(batch))),
  // Any JSON at all, and broken JSON.
  value.map((body) => post(json(body) ?? 'null')),
  fc.string({ unit: 'binary', maxLength: 200 }).map((body) => post(body)),
  // Other content types and GET with whatever query string (CSRF prevention answers most of these).
  fc
    .tuple(
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'application/graphql',
        '',
      ),
      fc.constantFrom(...VALID),
    )
    .map(([contentType, query]) => post(json({ query }), contentType)),
  fc
    .tuple(
      fc.oneof(fc.constantFrom(...VALID), fc.string({ unit: 'binary', maxLength: 100 })),
      value,
      fc.boolean(),
    )
    .map(([query, variables, preflight]): Attempt => ({
      method: 'GET',
      search: `?${new URLSearchParams({ query, variables: json(variables) ?? '' }).toString()}`,
      extraHeaders: preflight ? { 'apollo-require-preflight': 'true' } : {},
    })),
);

async function send(attempt: Attempt): Promise<number> {
  const response = await fetch(`${stack.app.url}${attempt.search ?? ''}`, {
    method: attempt.method,
    headers: {
      ...(attempt.contentType === undefined ? {} : { 'content-type': attempt.contentType }),
      ...attempt.extraHeaders,
    },
    body: attempt.body ?? null,
  });
  await response.arrayBuffer();
  return response.status;
}

describe('fuzzing the HTTP endpoint', () => {
  it('never answers 5xx, whatever the body, and stays healthy and correct', async () => {
    await fc.assert(
      fc.asyncProperty(attempts, async (attempt) => {
        const status = await send(attempt);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
    const live = await fetch(new URL('/health/live', stack.app.url));
    expect(live.status).toBe(200);
    const after = await stack.graphql(`{ technician(id: "tech_1") { id } }`);
    expect(after.data).toEqual({ technician: { id: 'tech_1' } });
  });

  it('answers or refuses every fragment fan-out within a second, never with 5xx', async () => {
    // The bound issue 24 sets (generous: each takes milliseconds); before, 21 levels took 9.6 s and ten
    // spreads a level never finished.
    await fc.assert(
      fc.asyncProperty(fanOut, async (query) => {
        const started = performance.now();
        const status = await send(post(json({ query })));
        expect(status).toBeLessThan(500);
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 100 },
    );
    const live = await fetch(new URL('/health/live', stack.app.url));
    expect(live.status).toBe(200);
  });
});
