/**
 * The live graph in forwarded mode: each caller's own Zoho token reaches Zoho's published API, the department is
 * looked up once per token (one user's preferred department is not another's), and a token without a field's
 * real scope is refused by Zoho as FORBIDDEN for that field alone.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    env: { ZOHO_API_DIALECT: 'live', AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '' },
  });
  await stack.control.registerToken({ token: 'live-user-a' });
  await stack.control.registerToken({ token: 'live-user-b' });
  await stack.control.registerToken({
    token: 'live-devices-only',
    scopes: ['ZohoAssist.unattended.computer.READ', 'ZohoAssist.userapi.READ'],
  });
});
afterAll(async () => {
  await stack.close();
});

const as = (token: string) => ({ authorization: `Zoho-oauthtoken ${token}` });

describe('the live graph with forwarded tokens', () => {
  it("looks each token's department up once, on its first call", async () => {
    await stack.control.resetCalls();
    const page = '{ computers(first: 5) { totalCount } }';

    const first = await stack.graphql<{ computers: { totalCount: number } }>(
      page,
      undefined,
      as('live-user-a'),
    );
    await stack.graphql(page, undefined, as('live-user-a'));
    await stack.graphql(page, undefined, as('live-user-b'));

    expect(first.data?.computers.totalCount).toBe(10);
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /user': 2, 'GET /devices': 3 });
  });

  it("answers a field whose real scope the token lacks FORBIDDEN, and the others' data beside it", async () => {
    const answer = await stack.graphql<{ computers: { totalCount: number } | null; computerGroups: unknown }>(
      '{ computers(first: 1) { totalCount } computerGroups { id } }',
      undefined,
      as('live-devices-only'),
    );

    expect(answer.data?.computers?.totalCount).toBe(10);
    expect(answer.data?.computerGroups).toBeNull();
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['computerGroups'], 'FORBIDDEN'],
    ]);
  });
});
