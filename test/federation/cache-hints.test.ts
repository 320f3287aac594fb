/**
 * The cache hints gateways and CDNs read: entity types carry them, so `_entities` answers are cacheable, the
 * shortest hint wins, and writes never are. Who may share an answer follows the auth mode, not the SDL's scope
 * hints (issue 19): with one Zoho credential (static, service) every caller sees the same data, so `public`; with
 * each caller's own token (forwarded), `private`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EMULATOR_TOKEN, startStack, type Stack } from '../support/stack.js';

let stack: Stack;
let forwarded: Stack;

beforeAll(async () => {
  stack = await startStack();
  forwarded = await startStack({ env: { AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '' } });
});

afterAll(async () => {
  await Promise.all([stack.close(), forwarded.close()]);
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

const AS_USER = { authorization: `Zoho-oauthtoken ${EMULATOR_TOKEN}` };

async function technicianIds(): Promise<{ technician: string; session: string }> {
  const response = await stack.graphql<{
    sessions: { nodes: Array<{ id: string; technician: { id: string } }> };
  }>('{ sessions(first: 1) { nodes { id technician { id } } } }');
  const first = response.data?.sessions.nodes[0];
  if (!first) throw new Error(JSON.stringify(response.errors));
  return { technician: first.technician.id, session: first.id };
}

describe('cache hints', () => {
  it('makes an _entities answer for technicians cacheable for a minute, public with one shared credential', async () => {
    const { technician } = await technicianIds();

    const response = await stack.graphql(ENTITIES, {
      representations: [{ __typename: 'Technician', id: technician }],
    });

    expect(response.errors).toBeUndefined();
    expect(response.headers.get('cache-control')).toBe('max-age=60, public');
  });

  it("makes the same answer private in forwarded mode, where the caller's token decides what Zoho answers", async () => {
    const { technician } = await technicianIds();

    const response = await forwarded.graphql(
      ENTITIES,
      { representations: [{ __typename: 'Technician', id: technician }] },
      AS_USER,
    );

    expect(response.errors).toBeUndefined();
    expect(response.headers.get('cache-control')).toBe('max-age=60, private');
  });

  it('keeps a list answer public in static mode even where the SDL hint says PRIVATE, and private when forwarded', async () => {
    // Session carries @cacheControl(maxAge: 5, scope: PRIVATE) in the SDL: the hint's maxAge stays, its scope does not decide.
    const query = '{ sessions(first: 1) { nodes { id status } } }';

    const shared = await stack.graphql(query);
    const own = await forwarded.graphql(query, {}, AS_USER);

    expect(shared.errors).toBeUndefined();
    expect(own.errors).toBeUndefined();
    expect(shared.headers.get('cache-control')).toBe('max-age=5, public');
    expect(own.headers.get('cache-control')).toBe('max-age=5, private');
  });

  it('lets the session hint (5 s) win when sessions and technicians share an answer', async () => {
    const { technician, session } = await technicianIds();

    const response = await stack.graphql(ENTITIES, {
      representations: [
        { __typename: 'Technician', id: technician },
        { __typename: 'Session', id: session },
      ],
    });

    expect(response.headers.get('cache-control')).toBe('max-age=5, public');
  });

  it('never marks a mutation cacheable', async () => {
    const response = await stack.graphql(
      'mutation { removeCustomer(input: { customerId: "no-such-customer" }) { userErrors { code } } }',
    );

    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
