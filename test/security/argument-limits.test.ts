/**
 * No string a client sends reaches Zoho unbounded: an argument over its length bound is refused 400
 * BAD_USER_INPUT naming it, before anything runs, however it arrives (literal, variable, variable default, in a
 * fragment, inside an `_entities` representation), and nothing is called upstream.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '../support/stack.js';

/** The documented bound of every string argument without a longer one of Zoho's own. */
const STRING_ARGUMENT_MAX = 256;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    emulator: { size: { technicians: 5, customers: 20, computers: 5, sessions: 5 } },
  });
});
afterAll(() => stack.close());

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

async function post(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(stack.app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const COMPANY = 'c'.repeat(900_000);

describe('string argument bounds', () => {
  it.each([
    ['a literal', `{ customers(filter: { company: "${COMPANY}" }) { totalCount } }`, undefined],
    [
      'a variable',
      'query ($c: String) { customers(filter: { company: $c }) { totalCount } }',
      { c: COMPANY },
    ],
    [
      'a whole input variable',
      'query ($f: CustomerFilter) { customers(filter: $f) { totalCount } }',
      { f: { company: COMPANY } },
    ],
    [
      "a variable's default",
      `query ($c: String = "${COMPANY}") { customers(filter: { company: $c }) { totalCount } }`,
      undefined,
    ],
    [
      'a fragment',
      'query ($c: String) { ...F } fragment F on Query { customers(filter: { company: $c }) { totalCount } }',
      { c: COMPANY },
    ],
  ])('refuses a 900 KB company filter sent as %s, with zero upstream calls', async (_, query, variables) => {
    await stack.control.resetCalls();

    const answer = await post(query, variables);

    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([
      {
        message: `Argument \`filter.company\` of \`Query.customers\` is 900000 characters long; the most accepted is ${STRING_ARGUMENT_MAX}.`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'filter.company', maxLength: STRING_ARGUMENT_MAX },
      },
    ]);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('refuses a long id, cursor or representation key, with zero upstream calls', async () => {
    await stack.control.resetCalls();
    const long = 'x'.repeat(STRING_ARGUMENT_MAX + 1);

    const id = await post('query ($id: ID!) { session(id: $id) { id } }', { id: long });
    const cursor = await post('query ($a: String) { sessions(first: 1, after: $a) { totalCount } }', {
      a: long,
    });
    const entity = await post(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Session { id } } }',
      {
        r: [
          { __typename: 'Session', id: '1' },
          { __typename: 'Session', id: long },
        ],
      },
    );

    expect(
      [id, cursor, entity].map((answer) => [answer.status, answer.errors?.[0]?.extensions?.argument]),
    ).toEqual([
      [400, 'id'],
      [400, 'after'],
      [400, 'representations[1].id'],
    ]);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it("accepts a customer's notes up to Zoho's 5,000 characters, and refuses one more", async () => {
    const mutation = `mutation ($input: AddCustomerInput!) {
      addCustomer(input: $input) { customer { notes } userErrors { code } }
    }`;
    const notes = 'n'.repeat(5000);

    const accepted = await post(mutation, {
      input: { name: 'Long Notes', email: `notes-${Date.now()}@example.com`, notes },
    });
    await stack.control.resetCalls();
    const refused = await post(mutation, {
      input: { name: 'Longer Notes', email: `notes-${Date.now()}@example.com`, notes: `${notes}n` },
    });

    expect(accepted.errors).toBeUndefined();
    expect(accepted.data).toEqual({ addCustomer: { customer: { notes }, userErrors: [] } });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ argument: 'input.notes', maxLength: 5000 });
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('answers a filter within the bound, and checks only the operation that runs', async () => {
    await stack.control.resetCalls();
    const within = await post('query ($c: String) { customers(filter: { company: $c }) { totalCount } }', {
      c: 'c'.repeat(STRING_ARGUMENT_MAX),
    });
    const other = await post(
      `query Short { customers(first: 1) { totalCount } } query Long { customers(filter: { company: "${'c'.repeat(1000)}" }) { totalCount } }`,
    );
    const otherNamed = await fetch(stack.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query Short { customers(first: 1) { totalCount } } query Long { customers(filter: { company: "${'c'.repeat(1000)}" }) { totalCount } }`,
        operationName: 'Short',
      }),
    });

    expect(within.errors).toBeUndefined();
    expect(within.data).toEqual({ customers: { totalCount: 0 } });
    // Without an operation name the document is refused for that, not for the other operation's argument.
    expect(other.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(otherNamed.status).toBe(200);
    expect(((await otherNamed.json()) as Answer).errors).toBeUndefined();
  });
});
