import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  BadRequestError,
  ConflictError,
  ContractError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  UnavailableError,
} from '../../src/upstream/errors.js';
import type { ZohoHttp } from '../../src/upstream/transport.js';
import { StaticTokenProvider } from '../../src/upstream/tokens.js';
import {
  EMULATOR_CREDENTIALS,
  recordingClient,
  rejectionOf,
  startFakeUpstream,
  startUpstream,
  testHttp,
} from './support.js';
import type { RunningEmulator } from '../../emulator/index.js';

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

describe('statuses map to typed errors', () => {
  it('400 is a BadRequestError carrying Zoho’s message, not retried', async () => {
    const { zoho } = recordingClient(http);
    const error = await rejectionOf(zoho.listSessions({ count: 1000 }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, route: 'GET /sessions', kind: 'BAD_REQUEST' });
    expect(error.message).toMatch(/count/);
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { 'GET /sessions': 1 } });
  });

  it('401 with a token that cannot be replaced is an UnauthenticatedError after exactly one call', async () => {
    const { zoho } = recordingClient(http, { tokens: new StaticTokenProvider('not-a-real-token') });
    const error = await rejectionOf(zoho.getTechnician('tech_1'));
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(error).toMatchObject({ status: 401, route: 'GET /technicians/{technicianId}' });
    expect(await upstream.control.calls()).toEqual({
      total: 1,
      byRoute: { 'GET /technicians/{technicianId}': 1 },
    });
  });

  it('401 twice in a row is an UnauthenticatedError after one retry with the fresh token', async () => {
    let n = 0;
    const tokens = { getToken: async () => `bad-token-${++n}`, invalidate: () => undefined };
    const { zoho, events } = recordingClient(http, { tokens });
    const error = await rejectionOf(zoho.getTechnician('tech_1'));
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(events.map((e) => [e.attempt, e.status])).toEqual([
      [1, 401],
      [2, 401],
    ]);
    expect(await upstream.control.calls()).toEqual({
      total: 2,
      byRoute: { 'GET /technicians/{technicianId}': 2 },
    });
  });

  it('403 for a token without the endpoint’s scope is a ForbiddenError', async () => {
    await upstream.control.registerToken({
      token: 'read-only-token',
      scopes: ['ZohoAssist.sessions.READ'],
    });
    const { zoho } = recordingClient(http, { tokens: new StaticTokenProvider('read-only-token') });
    await expect(zoho.listSessions({ count: 1 })).resolves.toMatchObject({ total_count: expect.any(Number) });
    const error = await rejectionOf(zoho.listTechnicians({}));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ status: 403, route: 'GET /technicians' });
    expect(await upstream.control.calls()).toEqual({
      total: 2,
      byRoute: { 'GET /sessions': 1, 'GET /technicians': 1 },
    });
  });

  it('404 is a NotFoundError with Zoho’s message', async () => {
    const { zoho } = recordingClient(http);
    const error = await rejectionOf(zoho.getSession('no-such-session'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('Session no-such-session not found');
    expect(error).toMatchObject({ status: 404, route: 'GET /sessions/{sessionId}' });
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { 'GET /sessions/{sessionId}': 1 } });
  });

  it('409 is a ConflictError (ending an ended session)', async () => {
    const { zoho } = recordingClient(http);
    const created = await zoho.createSession({
      sessionType: 'remote_support',
      customerName: 'A B',
      customerEmail: 'ab@example.com',
      technicianId: 'tech_1',
    });
    await zoho.endSession(created.sessionId);
    const error = await rejectionOf(zoho.endSession(created.sessionId));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/already ended/);
    expect(await upstream.control.calls()).toEqual({
      total: 3,
      byRoute: { 'POST /sessions': 1, 'DELETE /sessions/{sessionId}': 2 },
    });
  });
});

describe('ids never reach another upstream path', () => {
  it('an id holding ../ stays one segment: no technician is returned or requested', async () => {
    const { zoho } = recordingClient(http);
    const error = await rejectionOf(zoho.getSession('../technicians/tech_1'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { 'GET /sessions/{sessionId}': 1 } });
  });

  it.each(['1?x=1', 'a#b', 'a/b', '%2e%2e', '..%2f', '.%2E/chat'])(
    'id %p is sent as a single session id',
    async (id) => {
      const { zoho } = recordingClient(http);
      await expect(zoho.getSession(id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await upstream.control.calls()).toEqual({
        total: 1,
        byRoute: { 'GET /sessions/{sessionId}': 1 },
      });
    },
  );

  it.each(['', '.', '..'])('id %p is a NotFoundError without any call', async (id) => {
    const { zoho, events } = recordingClient(http);
    await expect(zoho.getSession(id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(zoho.getSessionDetails(id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(zoho.removeTechnician(id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(zoho.downloadSessionFile('session', id)).rejects.toBeInstanceOf(NotFoundError);
    expect(events).toEqual([]);
    expect(await upstream.control.calls()).toEqual({ total: 0, byRoute: {} });
  });

  it('a file id climbing out of the session stays on the download route', async () => {
    const { zoho } = recordingClient(http);
    const [first] = (await zoho.listSessions({ count: 1 })).sessions;
    await upstream.control.resetCalls();
    await expect(zoho.downloadSessionFile(first!.sessionId, '../chat')).rejects.toBeInstanceOf(NotFoundError);
    expect(await upstream.control.calls()).toEqual({
      total: 1,
      byRoute: { 'GET /sessions/{sessionId}/files/{fileId}': 1 },
    });
  });
});

describe('what Zoho sends back is never trusted blindly', () => {
  it('a non-JSON error body does not crash: a fixed message, retried as any 5xx', async () => {
    const fake = await startFakeUpstream((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad gateway emulator-token</body></html>');
    });
    const fakeHttp = testHttp(fake);
    try {
      const { zoho } = recordingClient(fakeHttp);
      const error = await rejectionOf(zoho.getSession('s1'));
      expect(error).toBeInstanceOf(UnavailableError);
      expect(error.message).toBe('Zoho answered 502 to GET /sessions/{sessionId}');
      expect(fake.hits()).toBe(3);
    } finally {
      fakeHttp.close();
      await fake.close();
    }
  });

  it('a truncated JSON error body on a 404 is still a NotFoundError', async () => {
    const fake = await startFakeUpstream((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"code":404,"mess');
    });
    const fakeHttp = testHttp(fake);
    try {
      const { zoho } = recordingClient(fakeHttp);
      const error = await rejectionOf(zoho.getSession('s1'));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toBe('Zoho answered 404 to GET /sessions/{sessionId}');
      expect(fake.hits()).toBe(1);
    } finally {
      fakeHttp.close();
      await fake.close();
    }
  });

  it('a 200 that breaks the contract is a ContractError naming the operation and the problem', async () => {
    const fake = await startFakeUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sessionId: 5 }));
    });
    const fakeHttp = testHttp(fake);
    try {
      const { zoho } = recordingClient(fakeHttp);
      const error = await rejectionOf(zoho.getSession('s1'));
      expect(error).toBeInstanceOf(ContractError);
      expect(error.message).toMatch(/^getSession: response/);
      expect(error.message).toMatch(/sessionId|required/);
    } finally {
      fakeHttp.close();
      await fake.close();
    }
  });

  it.each([
    { layout: 'a day-first date', createdTime: '01/12/2026 10:00' },
    { layout: 'epoch milliseconds as text', createdTime: '1796096170201' },
    { layout: 'a date without its time', createdTime: '2026-12-01' },
  ])('a session whose createdTime is $layout is a ContractError', async ({ createdTime }) => {
    const valid = await recordingClient(http).zoho.listSessions({ index: 1, count: 1 });
    const drifted = { ...valid.sessions[0], createdTime };
    const fake = await startFakeUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(drifted));
    });
    const fakeHttp = testHttp(fake);
    try {
      const error = await rejectionOf(recordingClient(fakeHttp).zoho.getSession('s1'));
      expect(error).toBeInstanceOf(ContractError);
      expect(error.message).toMatch(/^getSession: response\/createdTime must match format "date-time"/);
    } finally {
      fakeHttp.close();
      await fake.close();
    }
  });

  it('a 200 whose body is not JSON is a ContractError', async () => {
    const fake = await startFakeUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>maintenance</html>');
    });
    const fakeHttp = testHttp(fake);
    try {
      const { zoho } = recordingClient(fakeHttp);
      const error = await rejectionOf(zoho.listTechnicians({}));
      expect(error).toBeInstanceOf(ContractError);
      expect(error.message).toBe('listTechnicians: Zoho answered 200 with a body that is not JSON');
    } finally {
      fakeHttp.close();
      await fake.close();
    }
  });

  it('a redirect is not followed (it would carry the token elsewhere)', async () => {
    const fake = await startFakeUpstream((_req, res) => {
      res.writeHead(302, { location: 'http://127.0.0.1:9/steal' });
      res.end();
    });
    const fakeHttp = testHttp(fake);
    try {
      const { zoho } = recordingClient(fakeHttp);
      await expect(zoho.getSession('s1')).rejects.toBeInstanceOf(ContractError);
      expect(fake.hits()).toBe(1);
    } finally {
      fakeHttp.close();
      await fake.close();
    }
  });
});

describe('requests', () => {
  it('sends the request id, the extra headers and the token as Zoho-oauthtoken', async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    const fake = await startFakeUpstream((req, res) => {
      seen.push(req.headers);
      res.writeHead(204);
      res.end();
    });
    const fakeHttp = testHttp(fake);
    try {
      const { zoho } = recordingClient(fakeHttp, { requestId: 'req-42', headers: { 'X-Tenant': 'acme' } });
      await zoho.removeCustomer('c1');
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({
        authorization: `Zoho-oauthtoken ${EMULATOR_CREDENTIALS.accessToken}`,
        'x-request-id': 'req-42',
        'x-tenant': 'acme',
        accept: 'application/json',
      });
    } finally {
      fakeHttp.close();
      await fake.close();
    }
  });
});
