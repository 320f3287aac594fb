/**
 * The live graph's read cache (src/cache/live-cached-api.ts): the seed's store and rules over Zoho's published
 * API, lifetimes and invalidations from contract/live-operations.ts. A repeated read costs no call; a write
 * forgets what it may have changed, so the next read is Zoho's again.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '../support/stack.js';

const NEWEST = '275000000000000010';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ env: { ZOHO_API_DIALECT: 'live', READ_CACHE: 'true' } });
  // The department lookup of this process, out of the way of the counts below.
  await stack.graphql('{ computers(first: 1) { totalCount } }');
});
afterAll(async () => {
  await stack.close();
});
beforeEach(async () => {
  await stack.control.resetCalls();
});

const calls = async () => (await stack.control.calls()).byRoute;

interface Names {
  computers: { nodes: Array<{ id: string; name: string }> };
}
const NAMES = '{ computers(first: 10) { nodes { id name } } }';

describe('the live read cache', () => {
  it('answers a repeated page of computers without a call', async () => {
    const first = await stack.graphql<Names>(NAMES);
    const second = await stack.graphql<Names>(NAMES);

    expect(second.data).toEqual(first.data);
    expect(await calls()).toEqual({ 'GET /devices': 1 });
  });

  it('forgets the devices a rename may have changed: the next page is read again, with the new name', async () => {
    // Kept since the test above: no call.
    await stack.graphql<Names>(NAMES);
    await stack.graphql(
      `mutation ($id: ID!) { renameComputer(input: { computerId: $id, name: "Reception" }) { userErrors { code } } }`,
      { id: NEWEST },
    );
    const after = await stack.graphql<Names>(NAMES);

    expect(after.data?.computers.nodes.find((node) => node.id === NEWEST)?.name).toBe('Reception');
    expect(await calls()).toEqual({ 'GET /devices': 1, 'PUT /devices/{resource_id}': 1 });
  });

  it('keeps me, and forgets the groups a new group changes', async () => {
    await stack.graphql('{ me { role } }');
    await stack.graphql('{ me { role } }');
    await stack.graphql('{ computerGroups { id } }');
    await stack.graphql('mutation { createComputerGroup(input: { name: "Lab" }) { group { id } } }');
    const groups = await stack.graphql<{ computerGroups: Array<{ name: string }> }>(
      '{ computerGroups { name } }',
    );

    expect(groups.data?.computerGroups.map((group) => group.name)).toContain('Lab');
    expect(await calls()).toEqual({
      'GET /user': 1,
      'GET /unattended_computer/group': 2,
      'POST /unattended_computer/group': 1,
    });
  });
});
