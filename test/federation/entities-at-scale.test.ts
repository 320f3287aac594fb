/**
 * `_entities` as a router sends it for a big page of tickets: 500 mixed representations (sessions by id,
 * customers and technicians by e-mail and by id, computers by id, repeats, and some that do not exist)
 * answered in order, `null` for the missing, for a handful of list pages instead of 500 GETs.
 */
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;

interface Known {
  sessions: Array<{ id: string; status: string }>;
  customers: Array<{ id: string; email: string; name: string }>;
  technicians: Array<{ id: string; email: string; name: string }>;
  computers: Array<{ id: string; name: string }>;
}
let known: Known;

beforeAll(async () => {
  // The default seed: 200 sessions, 50 customers, 10 technicians, 10 computers.
  stack = await startStack();
  const response = await stack.graphql<{
    first: { nodes: Known['sessions']; pageInfo: { endCursor: string } };
    customers: { nodes: Known['customers'] };
    technicians: { nodes: Known['technicians'] };
    computers: { nodes: Known['computers'] };
  }>(`{
    first: sessions(first: 100) { nodes { id status } pageInfo { endCursor } }
    customers(first: 100) { nodes { id email name } }
    technicians(first: 100) { nodes { id email name } }
    computers(first: 100) { nodes { id name } }
  }`);
  const data = response.data;
  if (!data) throw new Error(JSON.stringify(response.errors));
  const rest = await stack.graphql<{ sessions: { nodes: Known['sessions'] } }>(
    `query ($after: String) { sessions(first: 100, after: $after) { nodes { id status } } }`,
    { after: data.first.pageInfo.endCursor },
  );
  known = {
    sessions: [...data.first.nodes, ...(rest.data?.sessions.nodes ?? [])],
    customers: data.customers.nodes,
    technicians: data.technicians.nodes,
    computers: data.computers.nodes,
  };
});

afterAll(async () => {
  await stack.close();
});

type Representation = Record<string, string>;

/** 500 representations, the kinds interleaved as a router batches a page of tickets, with their answers. */
function representations(): { reps: Representation[]; expected: Array<Record<string, string> | null> } {
  const kinds: Array<Array<[Representation, Record<string, string> | null]>> = [
    [
      ...known.sessions.map((s): [Representation, Record<string, string>] => [
        { __typename: 'Session', id: s.id },
        { id: s.id, status: s.status },
      ]),
      ...known.sessions.slice(0, 35).map((s): [Representation, Record<string, string>] => [
        { __typename: 'Session', id: s.id },
        { id: s.id, status: s.status },
      ]),
      ...Array.from({ length: 20 }, (_, i): [Representation, null] => [
        { __typename: 'Session', id: `missing-session-${i}` },
        null,
      ]),
    ],
    [
      ...known.customers.map((c): [Representation, Record<string, string>] => [
        { __typename: 'Customer', email: c.email },
        { id: c.id, email: c.email, name: c.name },
      ]),
      ...known.customers.map((c): [Representation, Record<string, string>] => [
        { __typename: 'Customer', id: c.id },
        { id: c.id, email: c.email, name: c.name },
      ]),
      ...Array.from({ length: 5 }, (_, i): [Representation, null] => [
        { __typename: 'Customer', email: `nobody-${i}@example.com` },
        null,
      ]),
      ...Array.from({ length: 5 }, (_, i): [Representation, null] => [
        { __typename: 'Customer', id: `missing-customer-${i}` },
        null,
      ]),
    ],
    [
      ...Array.from({ length: 4 }, () =>
        known.technicians.flatMap((t): Array<[Representation, Record<string, string>]> => [
          [
            { __typename: 'Technician', email: t.email },
            { id: t.id, email: t.email, name: t.name },
          ],
          [
            { __typename: 'Technician', id: t.id },
            { id: t.id, email: t.email, name: t.name },
          ],
        ]),
      ).flat(),
      ...Array.from({ length: 5 }, (_, i): [Representation, null] => [
        { __typename: 'Technician', email: `no-technician-${i}@example.com` },
        null,
      ]),
      ...Array.from({ length: 5 }, (_, i): [Representation, null] => [
        { __typename: 'Technician', id: `missing-technician-${i}` },
        null,
      ]),
    ],
    [
      ...Array.from({ length: 4 }, () =>
        known.computers.map((c): [Representation, Record<string, string>] => [
          { __typename: 'Computer', id: c.id },
          { id: c.id, name: c.name },
        ]),
      ).flat(),
      ...Array.from({ length: 5 }, (_, i): [Representation, null] => [
        { __typename: 'Computer', id: `missing-computer-${i}` },
        null,
      ]),
    ],
  ];
  const mixed: Array<[Representation, Record<string, string> | null]> = [];
  for (let i = 0; mixed.length < 500; i++) {
    for (const kind of kinds) {
      const item = kind[i];
      if (item && mixed.length < 500) mixed.push(item);
    }
  }
  return { reps: mixed.map(([rep]) => rep), expected: mixed.map(([, answer]) => answer) };
}

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Session {
        id
        status
      }
      ... on Customer {
        id
        email
        name
      }
      ... on Technician {
        id
        email
        name
      }
      ... on Computer {
        id
        name
      }
    }
  }
`;

describe('_entities with 500 mixed representations', () => {
  it('answers in order with null for the missing, from a handful of list pages', async () => {
    const { reps, expected } = representations();
    expect(reps).toHaveLength(500);
    await stack.control.resetCalls();

    const response = await stack.graphql<{ _entities: Array<Record<string, string> | null> }>(ENTITIES, {
      representations: reps,
    });

    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual(expected);
    // Each loader walks the list pages rather than one GET per key: sessions 2 pages (200), customers by id
    // and by e-mail 1 page each (50), technicians by id and by e-mail 1 page each (10), computers 1 page.
    // Missing keys cost nothing more once every page has been seen. 7 of the operation budget of 60.
    expect(await stack.control.calls()).toEqual({
      total: 7,
      byRoute: { 'GET /sessions': 2, 'GET /customers': 2, 'GET /technicians': 2, 'GET /computers': 1 },
    });
  });
});
