/**
 * The cache hints gateways and CDNs read: entity types carry them, so `_entities` answers are cacheable (per user:
 * PRIVATE, since every answer depends on the caller's token), the shortest hint wins, and writes never are.
 */
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack.close();
});

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Technician {
        name
      }
      ... on Session {
        status
      }
    }
  }
`;

async function technicianIds(): Promise<{ technician: string; session: string }> {
  const response = await stack.graphql<{
    sessions: { nodes: Array<{ id: string; technician: { id: string } }> };
  }>('{ sessions(first: 1) { nodes { id technician { id } } } }');
  const first = response.data?.sessions.nodes[0];
  if (!first) throw new Error(JSON.stringify(response.errors));
  return { technician: first.technician.id, session: first.id };
}

describe('cache hints', () => {
  it('makes an _entities answer for technicians cacheable privately for a minute', async () => {
    const { technician } = await technicianIds();

    const response = await stack.graphql(ENTITIES, {
      representations: [{ __typename: 'Technician', id: technician }],
    });

    expect(response.errors).toBeUndefined();
    expect(response.headers.get('cache-control')).toBe('max-age=60, private');
  });

  it('lets the session hint (5 s) win when sessions and technicians share an answer', async () => {
    const { technician, session } = await technicianIds();

    const response = await stack.graphql(ENTITIES, {
      representations: [
        { __typename: 'Technician', id: technician },
        { __typename: 'Session', id: session },
      ],
    });

    expect(response.headers.get('cache-control')).toBe('max-age=5, private');
  });

  it('never marks a mutation cacheable', async () => {
    const response = await stack.graphql(
      'mutation { removeCustomer(input: { customerId: "no-such-customer" }) { userErrors { code } } }',
    );

    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
