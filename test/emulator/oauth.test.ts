import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { expectContract, startTestEmulator } from './helpers.js';
import type { TestEmulator } from './helpers.js';
import type { ZohoCustomerList } from '../../contract/types.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.control.reset();
});

it('a minted token carries all four scopes and works against the API', async () => {
  const minted = await emu.mint();
  expectContract('mintAccessToken', minted);
  expect((minted.body.scope ?? '').split(' ').sort()).toEqual([
    'ZohoAssist.customers.ALL',
    'ZohoAssist.sessions.ALL',
    'ZohoAssist.sessions.READ',
    'ZohoAssist.technicians.READ',
  ]);
  const token = minted.body.access_token ?? '';
  expect((await emu.call('GET', '/customers', { token })).status).toBe(200);
  expect(
    (await emu.call('POST', '/technicians', { token, body: { name: 'T', email: 't@company.com' } })).status,
  ).toBe(201);
});

it('accepts the grant in the query string as Zoho does', async () => {
  const params = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: 'emulator-client',
    client_secret: 'emulator-secret',
    refresh_token: 'emulator-refresh-token',
  });
  const response = await fetch(`${emu.accountsUrl}/oauth/v2/token?${params.toString()}`, { method: 'POST' });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ token_type: 'Bearer' });
});

it('answers HTTP 200 invalid_client for a wrong client id or secret', async () => {
  for (const form of [{ client_id: 'someone-else' }, { client_secret: 'wrong' }] as Array<
    Record<string, string>
  >) {
    const response = await emu.mint(form);
    expectContract('mintAccessToken', response);
    expect(response).toMatchObject({ status: 200, body: { error: 'invalid_client' } });
  }
});

it('answers HTTP 200 invalid_code for an unknown refresh token', async () => {
  const response = await emu.mint({ refresh_token: 'revoked' });
  expect(response).toMatchObject({ status: 200, body: { error: 'invalid_code' } });
});

it('answers 400 for a grant that is not a refresh_token grant', async () => {
  const response = await emu.mint({ grant_type: 'authorization_code' });
  expectContract('mintAccessToken', response);
  expect(response.status).toBe(400);
});

it('the eleventh mint in ten minutes is Access Denied', async () => {
  for (let i = 0; i < 10; i++) expect((await emu.mint()).body.access_token).toEqual(expect.any(String));
  const throttled = await emu.mint();
  expectContract('mintAccessToken', throttled);
  expect(throttled).toMatchObject({
    status: 200,
    body: {
      error: 'Access Denied',
      error_description: 'You have made too many requests continuously. Please try again after some time.',
      status: 'failure',
    },
  });
});

it('expiring minted tokens makes the next call with one a 401, while the static token keeps working', async () => {
  const token = (await emu.mint()).body.access_token ?? '';
  expect((await emu.call('GET', '/sessions', { token })).status).toBe(200);
  expect(await emu.control.expireMintedTokens()).toBe(1);
  const expired = await emu.call('GET', '/sessions', { token });
  expect(expired).toMatchObject({
    status: 401,
    body: { error: { code: 401, message: expect.stringContaining('expired') } },
  });
  expect((await emu.call('GET', '/sessions')).status).toBe(200);
  expect((await emu.mint()).body.access_token).toEqual(expect.any(String));
});

it('a token registered for another tenant sees a different data set', async () => {
  await emu.control.registerToken({ token: 'alice', tenant: 'alice' });
  await emu.control.registerToken({ token: 'bob', tenant: 'bob' });
  const alice = await emu.call<ZohoCustomerList>('GET', '/customers?count=5', { token: 'alice' });
  const bob = await emu.call<ZohoCustomerList>('GET', '/customers?count=5', { token: 'bob' });
  expect(alice.status).toBe(200);
  expect(alice.body.customers).not.toEqual(bob.body.customers);
  await emu.call('POST', '/customers', {
    token: 'alice',
    body: { name: 'Only Alice', email: 'only.alice@example.org' },
  });
  expect(
    (await emu.call<ZohoCustomerList>('GET', '/customers?email=only.alice@example.org', { token: 'alice' }))
      .body.total_count,
  ).toBe(1);
  expect(
    (await emu.call<ZohoCustomerList>('GET', '/customers?email=only.alice@example.org', { token: 'bob' }))
      .body.total_count,
  ).toBe(0);
  expect(
    (await emu.call<ZohoCustomerList>('GET', '/customers?email=only.alice@example.org')).body.total_count,
  ).toBe(0);
});
