import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  TokenMintThrottledError,
  UnauthenticatedError,
  UnavailableError,
  ZohoError,
} from '../../src/upstream/errors.js';
import type { ZohoHttp } from '../../src/upstream/transport.js';
import { MemoryTokenStore } from '../../src/upstream/token-store.js';
import { RefreshTokenProvider } from '../../src/upstream/tokens.js';
import type { MintEvent, RefreshTokenProviderOptions } from '../../src/upstream/tokens.js';
import {
  EMULATOR_CREDENTIALS,
  recordingClient,
  rejectionOf,
  serializeError,
  startUpstream,
  testHttp,
} from './support.js';
import type { RunningEmulator } from '../../emulator/index.js';

const MINT = 'POST /oauth/v2/token';

let upstream: RunningEmulator;
let http: ZohoHttp;

beforeAll(async () => {
  upstream = await startUpstream();
  http = testHttp(upstream);
});
afterAll(async () => {
  http.close();
  await upstream.close();
});
beforeEach(async () => {
  await upstream.control.reset();
});

function provider(overrides: Partial<RefreshTokenProviderOptions> = {}): RefreshTokenProvider {
  return new RefreshTokenProvider({
    accountsUrl: upstream.accountsUrl,
    clientId: EMULATOR_CREDENTIALS.clientId,
    clientSecret: EMULATOR_CREDENTIALS.clientSecret,
    refreshToken: EMULATOR_CREDENTIALS.refreshToken,
    ...overrides,
  });
}

describe('RefreshTokenProvider', () => {
  it('mints once and reuses the token for 100 calls', async () => {
    const tokens = provider();
    const { zoho } = recordingClient(http, { tokens });
    for (let i = 0; i < 50; i++) await zoho.getTechnician('tech_1');
    await Promise.all(Array.from({ length: 50 }, () => zoho.getCustomer('cust_1')));
    expect(await upstream.control.calls()).toEqual({
      total: 101,
      byRoute: { [MINT]: 1, 'GET /technicians/{technicianId}': 50, 'GET /customers/{customerId}': 50 },
    });
  });

  it('shares one in-flight mint among 20 concurrent first callers', async () => {
    const tokens = provider();
    const got = await Promise.all(Array.from({ length: 20 }, () => tokens.getToken()));
    expect(new Set(got).size).toBe(1);
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { [MINT]: 1 } });
  });

  it('on 401 invalidates the token, mints once and retries the call once', async () => {
    const tokens = provider();
    const { zoho, events } = recordingClient(http, { tokens });
    await zoho.getTechnician('tech_1');
    await upstream.control.expireMintedTokens();
    events.length = 0;
    await expect(zoho.getTechnician('tech_1')).resolves.toMatchObject({ technicianId: 'tech_1' });
    expect(events.map((e) => [e.attempt, e.status])).toEqual([
      [1, 401],
      [2, 200],
    ]);
    expect(await upstream.control.calls()).toEqual({
      total: 5,
      byRoute: { [MINT]: 2, 'GET /technicians/{technicianId}': 3 },
    });
  });

  it('20 concurrent calls with an expired token cause exactly one new mint', async () => {
    const tokens = provider();
    const { zoho } = recordingClient(http, { tokens });
    await zoho.getTechnician('tech_1');
    await upstream.control.expireMintedTokens();
    await upstream.control.resetCalls();
    const results = await Promise.all(Array.from({ length: 20 }, () => zoho.getTechnician('tech_2')));
    expect(results.every((t) => t.technicianId === 'tech_2')).toBe(true);
    expect(await upstream.control.calls()).toEqual({
      total: 41,
      byRoute: { [MINT]: 1, 'GET /technicians/{technicianId}': 40 },
    });
  });

  it('an old token’s invalidation never drops its replacement', async () => {
    const tokens = provider();
    const first = await tokens.getToken();
    tokens.invalidate(first);
    const second = await tokens.getToken();
    tokens.invalidate(first);
    await expect(tokens.getToken()).resolves.toBe(second);
    expect(second).not.toBe(first);
    expect(await upstream.control.calls()).toEqual({ total: 2, byRoute: { [MINT]: 2 } });
  });

  it('recognises the mint throttle, then fails fast without asking again', async () => {
    const events: MintEvent[] = [];
    const tokens = provider({ onMint: (event) => events.push(event) });
    for (let i = 0; i < 10; i++) tokens.invalidate(await tokens.getToken());

    const throttled = await rejectionOf(tokens.getToken());
    expect(throttled).toBeInstanceOf(TokenMintThrottledError);
    expect((throttled as TokenMintThrottledError).retryAfter).toBe(600);
    expect(await upstream.control.calls()).toEqual({ total: 11, byRoute: { [MINT]: 11 } });

    const again = await rejectionOf(tokens.getToken());
    expect(again).toBeInstanceOf(TokenMintThrottledError);
    const { zoho } = recordingClient(http, { tokens });
    await expect(zoho.getTechnician('tech_1')).rejects.toBeInstanceOf(TokenMintThrottledError);
    expect(await upstream.control.calls()).toEqual({ total: 11, byRoute: { [MINT]: 11 } });
    expect(events.map((e) => e.outcome)).toEqual([...Array<string>(10).fill('minted'), 'throttled']);
  });

  it('a wrong client secret is UnauthenticatedError (invalid_client)', async () => {
    const tokens = provider({ clientSecret: 'wrong-secret-value' });
    const error = await rejectionOf(tokens.getToken());
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(error.message).toMatch(/invalid_client/);
    expect(serializeError(error)).not.toContain('wrong-secret-value');
  });

  it('a revoked refresh token is UnauthenticatedError (invalid_code) and the API is never called', async () => {
    const tokens = provider({ refreshToken: 'revoked-refresh-token' });
    const { zoho, events } = recordingClient(http, { tokens });
    const error = await rejectionOf(zoho.getSession('s1'));
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(error.message).toMatch(/invalid_code/);
    expect(events).toEqual([]);
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { [MINT]: 1 } });
  });

  it('an unreachable accounts server is UnavailableError and the next caller tries again', async () => {
    const tokens = provider({ accountsUrl: 'http://127.0.0.1:9' });
    await expect(tokens.getToken()).rejects.toBeInstanceOf(UnavailableError);
    await expect(tokens.getToken()).rejects.toBeInstanceOf(UnavailableError);
  });

  it('providers sharing a TokenStore share the token (the seam for a cross-replica cache)', async () => {
    const store = new MemoryTokenStore();
    const a = provider({ store });
    const b = provider({ store });
    const token = await a.getToken();
    await expect(b.getToken()).resolves.toBe(token);
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { [MINT]: 1 } });
  });
});

describe('no secret ever leaks', () => {
  it('errors and onCall events hold no token, secret or refresh token', async () => {
    const mintEvents: MintEvent[] = [];
    const tokens = provider({ onMint: (event) => mintEvents.push(event) });
    const accessToken = await tokens.getToken();
    const { zoho, events } = recordingClient(http, { tokens });
    const errors: unknown[] = [];

    errors.push(await rejectionOf(zoho.getSession('missing')));
    await upstream.control.addFault({ route: 'GET /technicians/{technicianId}', resetRate: 1 });
    errors.push(await rejectionOf(zoho.getTechnician('tech_1')));
    await upstream.control.addFault({ route: 'POST /sessions', errorRate: 1 });
    errors.push(
      await rejectionOf(
        zoho.createSession({
          sessionType: 'remote_support',
          customerName: 'A',
          customerEmail: 'a@example.com',
          technicianId: 'tech_1',
        }),
      ),
    );
    await upstream.control.clearFaults();
    await upstream.control.expireMintedTokens();
    errors.push(await rejectionOf(zoho.listSessions({ count: 500 })));
    errors.push(await rejectionOf(provider({ clientSecret: 'nope' }).getToken()));

    expect(errors.every((e) => e instanceof ZohoError)).toBe(true);
    const everything = [
      ...errors.map(serializeError),
      JSON.stringify(events),
      JSON.stringify(mintEvents),
    ].join('\n');
    for (const secret of [
      accessToken,
      EMULATOR_CREDENTIALS.accessToken,
      EMULATOR_CREDENTIALS.clientSecret,
      EMULATOR_CREDENTIALS.refreshToken,
      'Zoho-oauthtoken',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
});
