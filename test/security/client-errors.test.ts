/**
 * A client's mistakes are the client's errors: a 4xx, or a coded error whose message says what was wrong, never
 * an INTERNAL_SERVER_ERROR (which anyone could otherwise raise at will, and which a router counts against us).
 * Every request is written as a caller would send it, as raw HTTP.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    emulator: { size: { technicians: 5, customers: 5, computers: 5, sessions: 5 } },
  });
});
afterAll(() => stack.close());

interface Answer {
  status: number;
  errors: Array<{ message: string; path?: unknown[]; extensions?: { code?: unknown } }>;
  data?: unknown;
}

async function post(body: unknown): Promise<Answer> {
  const response = await fetch(stack.app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as Omit<Answer, 'status'>;
  return { status: response.status, errors: parsed.errors, data: parsed.data };
}

const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Session { id status } } }';

describe('client errors', () => {
  it('answers 400 OPERATION_RESOLUTION_FAILURE for an operationName that names no operation', async () => {
    await stack.control.resetCalls();
    const single = await post({
      query: 'query Sessions { sessions(first: 1) { totalCount } }',
      operationName: 'Nope',
    });
    const several = await post({
      query: 'query A { __typename } query B { __typename }',
      operationName: 'Nope',
    });

    for (const answer of [single, several]) {
      expect(answer.status).toBe(400);
      expect(answer.errors).toEqual([
        { message: 'Unknown operation named "Nope".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } },
      ]);
    }
    // The document's only operation was not run in the name's place.
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('still runs the named operation of a document with several', async () => {
    const answer = await post({
      query: 'query A { a: __typename } query B { b: __typename }',
      operationName: 'B',
    });

    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ b: 'Query' });
  });

  it('answers 400 BAD_REQUEST saying so when an APQ hash does not match the query', async () => {
    const query = '{ __typename }';
    const wrong = createHash('sha256').update('{ somethingElse }').digest('hex');

    const answer = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });

    expect(answer.status).toBe(400);
    expect(answer.errors).toEqual([
      { message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });

  it('answers 400 BAD_REQUEST for a subscription over plain HTTP: it needs graphql-ws or a router callback', async () => {
    const answer = await post({ query: 'subscription { computerUpdated { id } }' });

    expect(answer.status).toBe(400);
    expect(answer.errors.map((error) => [error.message, error.extensions?.code])).toEqual([
      [
        'Subscribe over graphql-ws on this path, or through a router with the HTTP callback protocol.',
        'BAD_REQUEST',
      ],
    ]);
  });

  it.each([
    [
      'an unknown __typename',
      [{ __typename: 'Nope', id: '1' }],
      'representations[0] names "Nope", which is not an entity type of this subgraph (Computer, Customer, Session, Technician).',
    ],
    [
      'a type that is not an entity',
      [{ __typename: 'PageInfo', id: '1' }],
      'representations[0] names "PageInfo", which is not an entity type of this subgraph (Computer, Customer, Session, Technician).',
    ],
    [
      'a missing key',
      [{ __typename: 'Session', id: '1' }, { __typename: 'Session' }],
      'representations[1] of Session carries no valid key: expected "id".',
    ],
    [
      'a key of the wrong type',
      [{ __typename: 'Session', id: { $gt: '' } }],
      'representations[0] of Session carries no valid key: expected "id".',
    ],
    [
      'an e-mail key that is no e-mail',
      [{ __typename: 'Customer', email: 'not-an-email' }],
      'representations[0] of Customer carries no valid key: expected "id" or "email".',
    ],
    ['a string', ['Session:1'], 'representations[0] is not an object.'],
    ['an array', [[{ __typename: 'Session', id: '1' }]], 'representations[0] is not an object.'],
    ['no __typename', [{ id: '1' }], 'representations[0] has no `__typename` string.'],
  ])(
    'answers BAD_USER_INPUT naming the representation for %s, calling nothing upstream',
    async (_, r, message) => {
      await stack.control.resetCalls();

      const answer = await post({ query: ENTITIES, variables: { r } });

      expect(answer.data).toEqual(null);
      expect(answer.errors.map((error) => [error.message, error.extensions?.code, error.path])).toEqual([
        [message, 'BAD_USER_INPUT', ['_entities']],
      ]);
      expect((await stack.control.calls()).total).toBe(0);
    },
  );

  it('cuts a long __typename short in the message', async () => {
    const answer = await post({
      query: ENTITIES,
      variables: { r: [{ __typename: 'X'.repeat(100_000), id: '1' }] },
    });

    expect(answer.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors[0]?.message.length).toBeLessThan(200);
  });

  it('still resolves well-formed representations by either key', async () => {
    const customers = await stack.graphql<{ customers: { nodes: Array<{ id: string; email: string }> } }>(
      '{ customers(first: 1) { nodes { id email } } }',
    );
    const customer = customers.data!.customers.nodes[0]!;

    const answer = await post({
      query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }',
      variables: {
        r: [
          { __typename: 'Customer', id: customer.id },
          { __typename: 'Customer', email: customer.email },
        ],
      },
    });

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ _entities: [{ id: customer.id }, { id: customer.id }] });
  });
});
