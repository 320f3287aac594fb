/**
 * The live client (issue 21.2) over real HTTP: against the emulator's live front with exact call counts, and
 * against a stand-in Zoho answering the documentation's examples verbatim. Department discovery, ids kept digit
 * for digit both ways, unit conversions, the error envelope, and the token endpoint's failures and throttle.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import {
  EMULATOR_CREDENTIALS,
  LIVE_SCOPES,
  startEmulator,
  type RunningEmulator,
} from '../../emulator/index.js';
import { connectRedis } from '../../src/redis/connection.js';
import { createLiveZohoApi, utcOffset, type LiveZohoApi } from '../../src/upstream/live-api.js';
import { createLiveRestClient, LiveDepartments, liveErrorDetails } from '../../src/upstream/live-client.js';
import {
  BadRequestError,
  ContractError,
  NotFoundError,
  RateLimitedError,
  TokenMintThrottledError,
  UnauthenticatedError,
} from '../../src/upstream/errors.js';
import { MemoryTokenStore, RedisTokenStore, type TokenStore } from '../../src/upstream/token-store.js';
import { RefreshTokenProvider, StaticTokenProvider, type TokenProvider } from '../../src/upstream/tokens.js';
import { createZohoHttp, type ZohoHttp } from '../../src/upstream/transport.js';
import { deleteKeys, REDIS_URL, uniquePrefix } from '../scale/redis.js';
import { documentedJson, EXAMPLES } from './support.js';

const DEPARTMENT = '215700000000004111';
const FIRST_DEVICE = '275000000000000001';

let emulator: RunningEmulator;
let http: ZohoHttp;

function live(
  options: { departments?: LiveDepartments; credential?: string; tokens?: TokenProvider; on?: ZohoHttp } = {},
): LiveZohoApi {
  return createLiveZohoApi(
    createLiveRestClient(options.on ?? http, {
      tokens: options.tokens ?? new StaticTokenProvider(EMULATOR_CREDENTIALS.accessToken),
      departments: options.departments ?? new LiveDepartments(null),
      credential: options.credential ?? 'service',
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    }),
  );
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false });
  http = createZohoHttp({ apiUrl: emulator.apiUrl });
});
afterAll(async () => {
  http.close();
  await emulator.close();
});
beforeEach(async () => {
  await emulator.control.reset();
});

describe('the department', () => {
  it('is looked up once per credential per process: a computers page is one call, plus one /user', async () => {
    const departments = new LiveDepartments(null);
    const first = await live({ departments }).listComputers({ count: 20 });
    expect(first.computers).toHaveLength(10);
    expect((await emulator.control.calls()).byRoute).toEqual({ 'GET /user': 1, 'GET /devices': 1 });

    // A later request of the same credential: no second lookup.
    await live({ departments }).listComputers({ count: 20 });
    expect((await emulator.control.calls()).byRoute).toEqual({ 'GET /user': 1, 'GET /devices': 2 });

    // Another credential looks up its own.
    await live({ departments, credential: 'someone-else' }).listComputers({ count: 20 });
    expect((await emulator.control.calls()).byRoute).toEqual({ 'GET /user': 2, 'GET /devices': 3 });
  });

  it("spends the budget like any call: the lookup passes the budget's hook first", async () => {
    const attempts: string[] = [];
    const api = createLiveZohoApi(
      createLiveRestClient(http, {
        tokens: new StaticTokenProvider(EMULATOR_CREDENTIALS.accessToken),
        departments: new LiveDepartments(null),
        credential: 'service',
        beforeAttempt: async (call) => {
          attempts.push(call.route);
        },
      }),
    );
    await api.listComputers();
    expect(attempts).toEqual(['GET /user', 'GET /devices']);
  });

  it('is shared by concurrent first calls: one lookup for all of them', async () => {
    const api = live();
    await Promise.all([api.listComputers(), api.getComputer(FIRST_DEVICE), api.listComputerGroups()]);
    expect((await emulator.control.calls()).byRoute['GET /user']).toBe(1);
  });

  it('is never looked up when ZOHO_DEPARTMENT_ID gives it', async () => {
    await live({ departments: new LiveDepartments(DEPARTMENT) }).listComputers();
    expect((await emulator.control.calls()).byRoute).toEqual({ 'GET /devices': 1 });
  });
});

describe('computers, through the shared interface', () => {
  it("answer the seed's types: 18-digit ids exact, names, statuses, last seen as ISO-8601", async () => {
    const raw = await fetch(`${emulator.apiUrl}/devices?count=1`, {
      headers: {
        authorization: `Zoho-oauthtoken ${EMULATOR_CREDENTIALS.accessToken}`,
        'x-com-zoho-assist-department-id': DEPARTMENT,
      },
    }).then((r) => r.text());
    // A plain JSON.parse rounds the newest device's id (…010) to the nearest double (…000).
    expect(
      String(
        (JSON.parse(raw) as { representation: { computers: [{ resource_id: number }] } }).representation
          .computers[0].resource_id,
      ),
    ).toBe('275000000000000000');
    expect(raw).toContain('"resource_id":275000000000000010');

    const page = await live().listComputers({ count: 10 });
    expect(page.total_count).toBe(10);
    expect(page.computers.map((c) => c.computerId)).toEqual(
      Array.from({ length: 10 }, (_, i) => `2750000000000000${String(10 - i).padStart(2, '0')}`),
    );
    const one = await live().getComputer(FIRST_DEVICE);
    expect(one).toMatchObject({
      computerId: FIRST_DEVICE,
      status: expect.stringMatching(/^(online|offline)$/),
    });
    expect(one.lastSeenTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('send an 18-digit id back digit for digit: renaming and removing reach the right computer', async () => {
    const api = live({ departments: new LiveDepartments(DEPARTMENT) });
    await api.renameComputer(FIRST_DEVICE, 'Front desk');
    expect((await api.getComputer(FIRST_DEVICE)).name).toBe('Front desk');
    await api.removeComputer(FIRST_DEVICE);
    expect(await rejectionOf(api.getComputer(FIRST_DEVICE))).toBeInstanceOf(NotFoundError);
    expect((await api.listComputers({ count: 50 })).computers).toHaveLength(9);
  });

  it('remove several in one call, all or none', async () => {
    const api = live({ departments: new LiveDepartments(DEPARTMENT) });
    const missing = await rejectionOf(api.removeComputers([FIRST_DEVICE, '275000000000000999']));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((await api.listComputers()).computers).toHaveLength(10);
    await api.removeComputers([FIRST_DEVICE, '275000000000000002']);
    expect((await api.listComputers()).computers.map((c) => c.computerId)).not.toContain(FIRST_DEVICE);
    expect((await emulator.control.calls()).byRoute['DELETE /devices']).toBe(2);
  });

  it('read a page above 50 as pages of 50, each a counted call', async () => {
    await emulator.control.reseed({ computers: 120 });
    try {
      const page = await live({ departments: new LiveDepartments(DEPARTMENT) }).listComputers({ count: 100 });
      expect(page.computers).toHaveLength(100);
      expect(new Set(page.computers.map((c) => c.computerId)).size).toBe(100);
      expect((await emulator.control.calls()).byRoute).toEqual({ 'GET /devices': 2 });
    } finally {
      // A reseed outlives reset(): the other tests count on the default ten computers.
      await emulator.control.reseed({ computers: 10 });
    }
  });

  it('refuse a status filter the live API cannot apply, without a call', async () => {
    const error = await rejectionOf(live().listComputers({ status: 'online' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).parameter).toBe('status');
    expect((await emulator.control.calls()).total).toBe(0);
  });

  it('refuse an id that is not a Zoho Long without a call', async () => {
    expect(await rejectionOf(live().getComputer('comp_1'))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(live().getComputer('../user'))).toBeInstanceOf(NotFoundError);
    expect((await emulator.control.calls()).byRoute['GET /devices/{resource_id}']).toBeUndefined();
  });
});

describe('live-only operations', () => {
  const api = () => live({ departments: new LiveDepartments(DEPARTMENT) });

  it('me: role, organisation and departments, ids as exact strings', async () => {
    expect(await api().me()).toEqual({
      userId: '74000000001',
      role: 'SUPER_ADMIN',
      organisation: { id: '77000000001', name: 'Zylker' },
      departments: [
        { id: DEPARTMENT, name: 'My Department', systemGenerated: true },
        { id: '215700000000004113', name: 'Department 1', systemGenerated: false },
      ],
      preferredDepartmentId: DEPARTMENT,
    });
  });

  it('create a session: id, key, and both links, with a 200', async () => {
    const session = await api().createSupportSession({ customerEmail: 'jane@example.com', type: 'rs' });
    expect(session.sessionKey).toBe(session.sessionId);
    expect(session.url).toContain('role=A');
    expect(session.technicianUrl).toContain('assist-start');
  });

  it('schedule a session from an ISO time and a zone, with the offset Zoho wants', async () => {
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const schedule = await api().scheduleSupportSession({
      customerEmail: 'jane@example.com',
      name: 'Printer',
      scheduledAt: at,
      durationMinutes: 30,
      timeZone: 'Asia/Kolkata',
      reminderMinutes: 15,
    });
    expect(schedule.scheduleId).toMatch(/^\d{18}$/);
    expect(schedule.technicianUrl).toContain(`schedule_id=${schedule.scheduleId}`);
    expect(utcOffset('Asia/Kolkata', Date.parse(at))).toBe('+05:30');
    expect(utcOffset('UTC', 0)).toBe('+00:00');
    expect(utcOffset('America/New_York', Date.UTC(2026, 0, 15))).toBe('-05:00');
  });

  it('refuse a schedule time without an offset before any call', async () => {
    const error = await rejectionOf(
      api().scheduleSupportSession({
        customerEmail: 'jane@example.com',
        name: 'x',
        scheduledAt: '2030-01-01T10:00:00',
        durationMinutes: 30,
        timeZone: 'UTC',
        reminderMinutes: 0,
      }),
    );
    expect((error as BadRequestError).parameter).toBe('scheduledAt');
    expect((await emulator.control.calls()).total).toBe(0);
  });

  it('start an unattended session: its key and the technician link', async () => {
    await emulator.control.setComputerStatus('comp_1', 'online');
    const session = await api().startUnattendedSession(FIRST_DEVICE);
    expect(session.technicianUrl).toContain(`key=${session.sessionKey}`);
  });

  it('read every page of a report, times as ISO-8601 and durations in seconds', async () => {
    const entries = await api().sessionReport({ from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    const calls = (await emulator.control.calls()).byRoute['GET /reports']!;
    expect(entries.length).toBeGreaterThan(50);
    expect(calls).toBe(Math.floor(entries.length / 50) + 1);
    for (const entry of entries.slice(0, 20)) {
      expect(entry.startedAt).toMatch(/Z$/);
      const span = (Date.parse(entry.endedAt!) - Date.parse(entry.startedAt!)) / 1000;
      expect(entry.durationSeconds).toBeLessThanOrEqual(Math.round(span));
      expect(entry.sessionId).toMatch(/^\d+$/);
    }
  });

  it('create, rename and delete a group, the department going back as a bare number', async () => {
    const group = await api().createComputerGroup({ name: 'Kiosks', computerIds: [FIRST_DEVICE] });
    expect(group).toMatchObject({ name: 'Kiosks', id: expect.stringMatching(/^\d{18}$/) });
    expect((await api().getComputer(FIRST_DEVICE)).groupName).toBe('Kiosks');
    await api().updateComputerGroup({ id: group.id, name: 'Lobby', removeComputerIds: [FIRST_DEVICE] });
    expect((await api().listComputerGroups({ name: 'lobby' })).map((g) => [g.id, g.computerCount])).toEqual([
      [group.id, 0],
    ]);
    await api().deleteComputerGroups([group.id]);
    expect(await api().listComputerGroups({ name: 'lobby' })).toEqual([]);
  });
});

describe("Zoho's errors", () => {
  it('a 400 naming a parameter is a BadRequestError carrying it', async () => {
    const error = await rejectionOf(
      live().sessionReport({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).parameter).toBe('todate');
  });

  it("a token without Zoho's scope for the operation is refused", async () => {
    await emulator.control.registerToken({ token: 'seed-scopes-only', scopes: ['ZohoAssist.sessions.ALL'] });
    const api = live({
      tokens: new StaticTokenProvider('seed-scopes-only'),
      departments: new LiveDepartments(DEPARTMENT),
    });
    expect((await rejectionOf(api.listComputers())).name).toBe('ForbiddenError');
    await emulator.control.registerToken({
      token: 'devices-reader',
      scopes: ['ZohoAssist.unattended.computer.READ'],
    });
    const reader = live({
      tokens: new StaticTokenProvider('devices-reader'),
      departments: new LiveDepartments(DEPARTMENT),
    });
    expect((await reader.listComputers()).computers).toHaveLength(10);
    expect(LIVE_SCOPES).toContain('ZohoAssist.unattended.computer.READ');
  });

  it('a 429 is RATE_LIMITED with its Retry-After', async () => {
    await emulator.control.addFault({ route: 'GET /devices', rateLimitRate: 1, retryAfterSeconds: 30 });
    const error = await rejectionOf(live({ departments: new LiveDepartments(DEPARTMENT) }).listComputers());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfter).toBe(30);
  });

  it('a 401 (code 2000) refreshes the token once and goes on', async () => {
    const tokens = new RefreshTokenProvider({
      accountsUrl: emulator.accountsUrl,
      clientId: EMULATOR_CREDENTIALS.clientId,
      clientSecret: EMULATOR_CREDENTIALS.clientSecret,
      refreshToken: EMULATOR_CREDENTIALS.refreshToken,
    });
    const api = live({ tokens, departments: new LiveDepartments(DEPARTMENT) });
    await api.listComputers();
    await emulator.control.expireMintedTokens();
    await api.listComputers();
    expect((await emulator.control.calls()).byRoute).toEqual({
      'POST /oauth/v2/token': 2,
      'GET /devices': 3,
    });
  });

  it('read liberally, even the documentation sample with unquoted keys', () => {
    const bytes = (text: string) => new Uint8Array(Buffer.from(text));
    expect(liveErrorDetails(bytes('{"error": { code:1009, message: "error message" } }'))).toEqual({
      code: '1009',
      message: 'error message',
    });
    expect(
      liveErrorDetails(
        bytes('{"error":{"code":4000,"message":"LESS_THAN_MIN_OCCURANCE","parameter_name":"department_id"}}'),
      ),
    ).toEqual({ code: '4000', message: 'LESS_THAN_MIN_OCCURANCE', parameter: 'department_id' });
    expect(liveErrorDetails(bytes('<html>bad gateway</html>'))).toEqual({});
  });
});

/** A stand-in Zoho answering one fixed body on every path, counting the requests. */
async function standIn(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  let count = 0;
  const server: Server = createServer((req, res) => {
    count += 1;
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    count: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("the documentation's examples, through the client over HTTP", () => {
  const calls: Record<string, (api: LiveZohoApi) => Promise<unknown>> = {
    getUser: (api) => api.me(),
    createSession: (api) => api.createSupportSession({ customerEmail: 'john@zylker.com' }),
    scheduleSession: (api) =>
      api.scheduleSupportSession({
        customerEmail: 'john@zylker.com',
        name: 'VPN',
        scheduledAt: '2030-01-01T10:00:00+05:30',
        durationMinutes: 30,
        timeZone: 'Asia/Kolkata',
        reminderMinutes: 15,
      }),
    getDevice: (api) => api.getComputer(FIRST_DEVICE),
    connectUnattended: (api) => api.startUnattendedSession(FIRST_DEVICE),
    createGroup: (api) => api.createComputerGroup({ name: 'Kiosks' }),
    getSessionReports: (api) =>
      api.sessionReport({ from: '2018-02-13T18:30:00Z', to: '2018-02-20T18:30:00Z' }),
    listDevices: (api) => api.listComputers(),
  };
  const examples = EXAMPLES.filter((e) => e.operationId !== 'mintAccessToken');

  it.each(examples.map((e) => [`${e.operationId} (${e.source})`, e] as const))(
    '%s is accepted',
    async (_n, e) => {
      const zoho = await standIn((_req, res) => {
        res.writeHead(e.status, { 'content-type': 'application/json' });
        res.end(documentedJson(e.shown));
      });
      const on = createZohoHttp({ apiUrl: `${zoho.url}/api/v2` });
      try {
        const result = await calls[e.operationId]!(
          live({ on, departments: new LiveDepartments(DEPARTMENT) }),
        );
        expect(result).toBeDefined();
      } finally {
        on.close();
        await zoho.close();
      }
    },
  );

  it('a device list without resource ids is a ContractError, never a computer without an id', async () => {
    const zoho = await standIn((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"representation":{"computers":[{"display_name":"x"}]}}');
    });
    const on = createZohoHttp({ apiUrl: `${zoho.url}/api/v2` });
    try {
      expect(
        await rejectionOf(live({ on, departments: new LiveDepartments(DEPARTMENT) }).listComputers()),
      ).toBeInstanceOf(ContractError);
    } finally {
      on.close();
      await zoho.close();
    }
  });
});

describe('the token endpoint', () => {
  const provider = (accountsUrl: string, store: TokenStore = new MemoryTokenStore()) =>
    new RefreshTokenProvider({
      accountsUrl,
      clientId: 'id',
      clientSecret: 'secret',
      refreshToken: 'refresh',
      store,
    });
  let accounts: Awaited<ReturnType<typeof standIn>> | undefined;
  afterEach(async () => {
    await accounts?.close();
    accounts = undefined;
  });

  it('treats any answer with an error field as a failure, whatever its status', async () => {
    accounts = await standIn((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"error":"invalid_client"}');
    });
    const error = await rejectionOf(provider(accounts.url).getToken());
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(error.message).toContain('invalid_client');
  });

  it('reads "Access Denied" sent with HTTP 400 as the throttle: no mint for ten minutes, for every replica', async () => {
    accounts = await standIn((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(documentedJson(EXAMPLES.find((e) => e.status === 400)!.shown));
    });
    const store = new MemoryTokenStore();
    const error = await rejectionOf(provider(accounts.url, store).getToken());
    expect(error).toBeInstanceOf(TokenMintThrottledError);
    expect((error as TokenMintThrottledError).retryAfter).toBe(600);
    // A second replica sharing the store does not ask: asking would extend Zoho's lockout.
    const other = await rejectionOf(provider(accounts.url, store).getToken());
    expect(other).toBeInstanceOf(TokenMintThrottledError);
    expect(accounts.count()).toBe(1);
  });

  it('shares the throttle through Redis', async () => {
    accounts = await standIn((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"error":"Access Denied"}');
    });
    const prefix = uniquePrefix('live-throttle');
    const redis = await connectRedis(REDIS_URL, pino({ level: 'silent' }));
    try {
      const store = () => new RedisTokenStore(redis, { identity: 'credential', prefix });
      expect(await rejectionOf(provider(accounts.url, store()).getToken())).toBeInstanceOf(
        TokenMintThrottledError,
      );
      const blocked = await store().mintsBlockedUntil();
      expect(blocked - Date.now()).toBeGreaterThan(590_000);
      expect(await rejectionOf(provider(accounts.url, store()).getToken())).toBeInstanceOf(
        TokenMintThrottledError,
      );
      expect(accounts.count()).toBe(1);
    } finally {
      await redis.close();
      await deleteKeys(prefix);
    }
  });
});
