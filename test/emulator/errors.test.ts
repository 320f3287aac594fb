import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { expectContract, startTestEmulator } from './helpers.js';
import type { TestEmulator } from './helpers.js';
import type {
  ZohoComputerList,
  ZohoCreatedSession,
  ZohoCustomer,
  ZohoTechnician,
} from '../../contract/types.js';

/** Zoho's error shape, as every refusal below carries it. */
interface ZohoErrorBody {
  error: { code: number; message: string };
}

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

const session = (technicianId: string) => ({
  sessionType: 'remote_support',
  customerName: 'Ann Lee',
  customerEmail: 'ann@example.org',
  technicianId,
});

async function technicianWithLimit(limit: number): Promise<string> {
  const added = await emu.call<ZohoTechnician>('POST', '/technicians', {
    body: {
      name: 'Limited',
      email: `limited.${limit}.${Math.random()}@company.com`,
      maxConcurrentSessions: limit,
    },
  });
  return added.body.technicianId;
}

describe('400 Bad Request', () => {
  it('rejects a create body missing required fields, naming them', async () => {
    const response = await emu.call<ZohoErrorBody>('POST', '/sessions', {
      body: { sessionType: 'remote_support' },
    });
    expectContract('createSession', response);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('customerName');
  });

  it('rejects an unknown body property, a bad email and an unknown enum value', async () => {
    const response = await emu.call('POST', '/sessions', {
      body: { ...session('tech_1'), customerEmail: 'not-an-email', sessionType: 'teleport', extra: 1 },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 400, message: expect.stringContaining('extra') } });
  });

  it('rejects malformed JSON and a wrong content type without a server error', async () => {
    const malformed = await emu.call('POST', '/customers', {
      body: '{"name":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    const text = await emu.call<ZohoErrorBody>('POST', '/customers', {
      body: 'name=x',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(text.status).toBe(400);
    expect(text.body.error.message).toContain('application/json');
  });

  it('rejects out-of-range paging and bad query values', async () => {
    for (const query of [
      'count=101',
      'count=0',
      'index=0',
      'count=abc',
      'status=sleeping',
      'customerEmail=nope',
    ]) {
      const response = await emu.call('GET', `/sessions?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expectContract('listSessions', response);
    }
  });

  it('requires report dates in YYYY-MM-DD and in order', async () => {
    expect((await emu.call('GET', '/reports/sessions?from_date=2025-01-01')).status).toBe(400);
    expect((await emu.call('GET', '/reports/sessions?from_date=01/01/2025&to_date=2025-01-31')).status).toBe(
      400,
    );
    expect((await emu.call('GET', '/reports/sessions?from_date=2025-02-01&to_date=2025-01-01')).status).toBe(
      400,
    );
  });

  it('rejects an empty update and a schedule in the past', async () => {
    expect((await emu.call('PUT', '/technicians/tech_1', { body: {} })).status).toBe(400);
    const past = await emu.call('POST', '/sessions/schedule', {
      body: {
        customerName: 'A',
        customerEmail: 'a@example.org',
        technicianId: 'tech_1',
        scheduledTime: '2020-01-01T00:00:00Z',
      },
    });
    expect(past.status).toBe(400);
  });
});

describe('401 Unauthorized', () => {
  it.each([
    ['no Authorization header', null],
    ['an unknown token', 'not-a-token'],
  ])('answers 401 for %s', async (_label, token) => {
    const response = await emu.call('GET', '/sessions', { token });
    expectContract('listSessions', response);
    expect(response.status).toBe(401);
  });

  it('answers 401 for a Bearer scheme instead of Zoho-oauthtoken', async () => {
    const response = await fetch(`${emu.apiUrl}/sessions`, {
      headers: { Authorization: 'Bearer emulator-token' },
    });
    expect(response.status).toBe(401);
  });

  it('answers 401 once a registered token has expired', async () => {
    await emu.control.registerToken({ token: 'short-lived', expiresInSeconds: 0 });
    expect((await emu.call('GET', '/sessions', { token: 'short-lived' })).status).toBe(401);
  });
});

describe('403 Forbidden', () => {
  it('refuses an operation outside the token scopes and allows the ones inside', async () => {
    await emu.control.registerToken({ token: 'read-only', scopes: ['ZohoAssist.sessions.READ'] });
    const write = await emu.call('POST', '/sessions', { token: 'read-only', body: session('tech_1') });
    expectContract('createSession', write);
    expect(write.status).toBe(403);
    expect((await emu.call('GET', '/customers', { token: 'read-only' })).status).toBe(403);
    expect((await emu.call('GET', '/sessions', { token: 'read-only' })).status).toBe(200);
  });

  it('treats sessions.ALL as including sessions.READ', async () => {
    await emu.control.registerToken({ token: 'sessions-all', scopes: ['ZohoAssist.sessions.ALL'] });
    expect((await emu.call('GET', '/sessions/1000000001', { token: 'sessions-all' })).status).toBe(200);
    expect((await emu.call('GET', '/technicians', { token: 'sessions-all' })).status).toBe(403);
  });
});

describe('404 Not Found', () => {
  it.each([
    ['getSession', 'GET', '/sessions/999'],
    ['endSession', 'DELETE', '/sessions/999'],
    ['getChatHistory', 'GET', '/sessions/999/chat'],
    ['downloadSessionFile', 'GET', '/sessions/1000000001/files/file_missing'],
    ['getTechnician', 'GET', '/technicians/tech_999'],
    ['removeCustomer', 'DELETE', '/customers/cust_999'],
    ['getComputer', 'GET', '/computers/comp_999'],
  ])('%s answers 404 for an unknown id', async (operationId, method, path) => {
    const response = await emu.call(method, path);
    expectContract(operationId, response);
    expect(response.status).toBe(404);
  });

  it('create and transfer answer 404 for an unknown technician', async () => {
    expect((await emu.call('POST', '/sessions', { body: session('tech_999') })).status).toBe(404);
    const created = await emu.call<ZohoCreatedSession>('POST', '/sessions', {
      body: session(await technicianWithLimit(3)),
    });
    expect(
      (
        await emu.call('POST', `/sessions/${created.body.sessionId}/transfer`, {
          body: { technicianId: 'tech_999' },
        })
      ).status,
    ).toBe(404);
  });

  it('answers an unknown route with the error shape', async () => {
    const response = await emu.call('GET', '/nothing-here');
    expect(response).toMatchObject({ status: 404, body: { error: { code: 404 } } });
    expect((await emu.call('PATCH', '/sessions')).status).toBe(404);
  });
});

describe('409 Conflict', () => {
  it('refuses a session beyond the technician concurrent limit', async () => {
    const tech = await technicianWithLimit(2);
    expect((await emu.call('POST', '/sessions', { body: session(tech) })).status).toBe(201);
    expect((await emu.call('POST', '/sessions', { body: session(tech) })).status).toBe(201);
    const third = await emu.call<ZohoErrorBody>('POST', '/sessions', { body: session(tech) });
    expectContract('createSession', third);
    expect(third.status).toBe(409);
    expect(third.body.error.message).toContain('Session limit reached');
  });

  it('frees capacity when a session ends', async () => {
    const tech = await technicianWithLimit(1);
    const first = await emu.call<ZohoCreatedSession>('POST', '/sessions', { body: session(tech) });
    expect((await emu.call('POST', '/sessions', { body: session(tech) })).status).toBe(409);
    await emu.call('DELETE', `/sessions/${first.body.sessionId}`);
    expect((await emu.call('POST', '/sessions', { body: session(tech) })).status).toBe(201);
  });

  it('refuses to end, invite to or transfer an ended session', async () => {
    const created = await emu.call<ZohoCreatedSession>('POST', '/sessions', {
      body: session(await technicianWithLimit(3)),
    });
    const id = created.body.sessionId;
    expect((await emu.call('DELETE', `/sessions/${id}`)).status).toBe(200);
    const again = await emu.call('DELETE', `/sessions/${id}`);
    expectContract('endSession', again);
    expect(again.status).toBe(409);
    expect(
      (await emu.call('POST', `/sessions/${id}/invite`, { body: { email: 'x@example.org' } })).status,
    ).toBe(409);
    expect(
      (await emu.call('POST', `/sessions/${id}/transfer`, { body: { technicianId: 'tech_1' } })).status,
    ).toBe(409);
    expect((await emu.call('POST', `/sessions/${id}/files`, { body: { fileName: 'a.txt' } })).status).toBe(
      409,
    );
  });

  it('refuses a transfer to a technician at the limit', async () => {
    const full = await technicianWithLimit(1);
    await emu.call('POST', '/sessions', { body: session(full) });
    const other = await emu.call<ZohoCreatedSession>('POST', '/sessions', {
      body: session(await technicianWithLimit(3)),
    });
    const response = await emu.call('POST', `/sessions/${other.body.sessionId}/transfer`, {
      body: { technicianId: full },
    });
    expectContract('transferSession', response);
    expect(response.status).toBe(409);
  });

  it('refuses to connect to an offline computer', async () => {
    const offline = await emu.call<ZohoComputerList>('GET', '/computers?status=offline');
    const response = await emu.call('POST', `/computers/${offline.body.computers[0]!.computerId}/connect`, {
      body: {},
    });
    expectContract('connectComputer', response);
    expect(response.status).toBe(409);
  });

  it('refuses to remove a technician with open sessions, and duplicate emails', async () => {
    const tech = await technicianWithLimit(3);
    await emu.call('POST', '/sessions', { body: session(tech) });
    const removal = await emu.call('DELETE', `/technicians/${tech}`);
    expectContract('removeTechnician', removal);
    expect(removal.status).toBe(409);
    const existing = await emu.call<ZohoCustomer>('GET', '/customers/cust_1');
    expect(
      (await emu.call('POST', '/customers', { body: { name: 'Dup', email: existing.body.email } })).status,
    ).toBe(409);
  });
});

describe('429 Too Many Requests', () => {
  it('limits calls per token per minute and says when to retry', async () => {
    await emu.control.setRateLimits({ perMinute: 3, perDay: 100, windowMs: 3_600_000 });
    for (let i = 0; i < 3; i++) expect((await emu.call('GET', '/technicians')).status).toBe(200);
    const limited = await emu.call('GET', '/technicians');
    expectContract('listTechnicians', limited);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await emu.control.registerToken({ token: 'another-user' });
    expect((await emu.call('GET', '/technicians', { token: 'another-user' })).status).toBe(200);
  });

  it('opens a new window when the minute window has passed', async () => {
    await emu.control.setRateLimits({ perMinute: 1, perDay: 100, windowMs: 200 });
    expect((await emu.call('GET', '/technicians')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await emu.call('GET', '/technicians')).status).toBe(200);
  });

  it('limits calls per day', async () => {
    await emu.control.setRateLimits({ perMinute: 100, perDay: 2 });
    await emu.call('GET', '/technicians');
    await emu.call('GET', '/technicians');
    const limited = await emu.call('GET', '/technicians');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('is on by default at 50 calls per minute', async () => {
    const limited = await startTestEmulator({ rateLimits: undefined });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 51; i++) statuses.push((await limited.call('GET', '/computers')).status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(50);
      expect(statuses[50]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
