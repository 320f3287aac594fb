/**
 * No token, secret or refresh token in any response or any log line, at the most verbose log level, across
 * successes, upstream failures, token refreshes and refused requests, in service and forwarded modes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EMULATOR_CREDENTIALS } from '../../emulator/index.js';
import { startStack, type Stack } from '../support/stack.js';
import { captureLogs } from '../reliability/support.js';

const GATEWAY_SECRET = 'gateway-shared-secret-value';
const USER_TOKEN = 'user-token-4f1c9a7e2b';
/** The emulator's minted access tokens: `1000.<hex>.<hex>`. */
const MINTED = /1000\.[0-9a-f]{32}\.[0-9a-f]{32}/;
const SECRETS = [
  EMULATOR_CREDENTIALS.clientSecret,
  EMULATOR_CREDENTIALS.refreshToken,
  EMULATOR_CREDENTIALS.accessToken,
  GATEWAY_SECRET,
  USER_TOKEN,
];

const serviceLogs = captureLogs();
const forwardedLogs = captureLogs();
let service: Stack;
let forwarded: Stack;
const seen: string[] = [];

/** Runs an operation and keeps everything the caller saw: status, headers and body. */
async function run(stack: Stack, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(stack.app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  seen.push(`${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`);
}

beforeAll(async () => {
  const size = { technicians: 5, customers: 20, computers: 5, sessions: 20 };
  [service, forwarded] = await Promise.all([
    startStack({
      emulator: { size },
      env: {
        LOG_LEVEL: 'trace',
        ZOHO_ACCESS_TOKEN: '',
        ZOHO_CLIENT_ID: EMULATOR_CREDENTIALS.clientId,
        ZOHO_CLIENT_SECRET: EMULATOR_CREDENTIALS.clientSecret,
        ZOHO_REFRESH_TOKEN: EMULATOR_CREDENTIALS.refreshToken,
        GATEWAY_SHARED_SECRET: GATEWAY_SECRET,
        UPSTREAM_RETRIES: '1',
      },
      app: { logDestination: serviceLogs.destination },
    }),
    startStack({
      emulator: { size },
      env: { LOG_LEVEL: 'trace', AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '', UPSTREAM_RETRIES: '1' },
      app: { logDestination: forwardedLogs.destination },
    }),
  ]);
  await forwarded.control.registerToken({ token: USER_TOKEN });
});
afterAll(() => Promise.all([service.close(), forwarded.close()]));

describe('secrets', () => {
  it('never appear in a response or a log line, whatever happens', async () => {
    const gateway = { 'x-gateway-secret': GATEWAY_SECRET };
    const user = { authorization: `Zoho-oauthtoken ${USER_TOKEN}` };
    const read = `{ sessions(first: 2) { nodes { id technician { name } chatMessages { text } } } }`;

    // Service mode: a success (the first token mint), a refresh after Zoho expires the token, upstream
    // failures of each kind, a refused gateway secret, a parse error and a mutation.
    await run(service, read, gateway);
    await service.control.expireMintedTokens();
    await run(service, read, gateway);
    await service.control.addFault({ route: 'GET /sessions/{sessionId}/chat', errorRate: 1 });
    await run(service, read, gateway);
    await service.control.clearFaults();
    await service.control.addFault({ route: 'GET /sessions', resetRate: 1 });
    await run(service, read, gateway);
    await service.control.clearFaults();
    await run(service, read, { 'x-gateway-secret': `${GATEWAY_SECRET}-wrong` });
    await run(service, `{ sessions(first: `, gateway);
    await run(
      service,
      `mutation { createSession(input: { customerName: "A", customerEmail: "a@b.test", technicianId: "tech_1" }) { session { id } } }`,
      gateway,
    );

    // Forwarded mode: the user's token, succeeding and failing upstream; a token Zoho rejects.
    await run(forwarded, read, user);
    await forwarded.control.addFault({ errorRate: 1 });
    await run(forwarded, read, user);
    await forwarded.control.clearFaults();
    await run(forwarded, read, { authorization: `Zoho-oauthtoken ${USER_TOKEN}x` });

    const lines = [...serviceLogs.lines(), ...forwardedLogs.lines()];
    // The capture worked, at the most verbose level: upstream calls and token mints are in it.
    expect(lines.some((line) => line.includes('"upstream call"'))).toBe(true);
    expect(lines.some((line) => line.includes('token mint'))).toBe(true);
    for (const text of [...seen, ...lines]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text).not.toMatch(MINTED);
      expect(text).not.toMatch(/Zoho-oauthtoken (?!\[Redacted\])\S/);
    }
  });
});
