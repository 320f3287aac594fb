import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { startTestEmulator } from './helpers.js';
import type { TestEmulator } from './helpers.js';
import type {
  ZohoComputerList,
  ZohoCreatedSession,
  ZohoCustomerList,
  ZohoSessionList,
} from '../../contract/types.js';

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

describe('faults', () => {
  it('errorRate 1 answers 503 with the error shape on the named route only', async () => {
    const added = await fetch(`${emu.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: 'GET /sessions/{sessionId}', errorRate: 1 }),
    });
    expect(added.status).toBe(201);
    expect(await emu.call('GET', '/sessions/1000000001')).toMatchObject({
      status: 503,
      body: { error: { code: 503 } },
    });
    expect((await emu.call('GET', '/sessions')).status).toBe(200);
    await emu.control.clearFaults();
    expect((await emu.call('GET', '/sessions/1000000001')).status).toBe(200);
  });

  it('resetRate 1 destroys the socket before answering', async () => {
    await emu.control.addFault({ resetRate: 1 });
    await expect(emu.call('GET', '/technicians')).rejects.toThrow();
  });

  it('resetAfterHandlingRate 1 changes state and then drops the connection', async () => {
    await emu.control.addFault({ route: 'POST /customers', resetAfterHandlingRate: 1 });
    await expect(
      emu.call('POST', '/customers', { body: { name: 'Lost Answer', email: 'lost.answer@example.org' } }),
    ).rejects.toThrow();
    await emu.control.clearFaults();
    expect(
      (await emu.call<ZohoCustomerList>('GET', '/customers?email=lost.answer@example.org')).body.total_count,
    ).toBe(1);
  });

  it('rateLimitRate 1 answers 429 with the configured Retry-After', async () => {
    await emu.control.addFault({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const response = await emu.call('GET', '/computers');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('latency delays the answer', async () => {
    await emu.control.addFault({ route: 'GET /computers', latencyMs: 150 });
    const started = performance.now();
    expect((await emu.call('GET', '/computers')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('slowBodyMs sends the headers first and the body later', async () => {
    await emu.control.addFault({ route: 'GET /computers', slowBodyMs: 150 });
    const timings = await new Promise<{ headers: number; body: number }>((resolve, reject) => {
      const started = performance.now();
      const req = request(
        `${emu.apiUrl}/computers`,
        { headers: { Authorization: 'Zoho-oauthtoken emulator-token' } },
        (res) => {
          const headers = performance.now() - started;
          res.resume();
          res.on('end', () => resolve({ headers, body: performance.now() - started }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(timings.headers).toBeLessThan(100);
    expect(timings.body).toBeGreaterThanOrEqual(140);
  });

  it('a seeded rule replays the same draws each time it is posted; another seed draws others', async () => {
    const outcomes = async (seed: number) => {
      await emu.control.clearFaults();
      await emu.control.addFault({ route: 'GET /computers', errorRate: 0.5, seed });
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) statuses.push((await emu.call('GET', '/computers')).status);
      return statuses.join(' ');
    };
    const first = await outcomes(11);
    expect(first).toMatch(/200/);
    expect(first).toMatch(/503/);
    expect(await outcomes(11)).toBe(first);
    expect(await outcomes(12)).not.toBe(first);
    await expect(emu.control.addFault({ errorRate: 0.5, seed: -1 })).rejects.toMatchObject({ status: 400 });
  });

  it('rejects a fault rule for an unknown route or with a bad rate', async () => {
    await expect(emu.control.addFault({ route: 'GET /nowhere', errorRate: 1 })).rejects.toMatchObject({
      status: 400,
    });
    await expect(emu.control.addFault({ errorRate: 2 })).rejects.toMatchObject({ status: 400 });
  });

  it('the latency option applies to every API call', async () => {
    const slow = await startTestEmulator({ latencyMs: 120 });
    try {
      const started = performance.now();
      await slow.call('GET', '/sessions/1000000001');
      expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.close();
    }
  });

  it('closing drops the requests still in an injected delay and leaves no timer behind', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const slow = await startTestEmulator();
    await slow.control.addFault({ latencyMs: 60_000 });
    await slow.control.addFault({ route: 'GET /computers', slowBodyMs: 60_000 });
    const waiting = [slow.call('GET', '/sessions'), slow.call('GET', '/computers')];
    // Both are inside the emulator (the second one's headers may already be out) when it closes.
    while ((await slow.control.calls()).total < 2) await new Promise((resolve) => setImmediate(resolve));
    await slow.close();
    for (const outcome of await Promise.allSettled(waiting)) expect(outcome.status).toBe('rejected');
    expect(timers()).toBeLessThanOrEqual(before);
  });
});

describe('counters, log and reset', () => {
  it('counts every call by route template, including failures and faults', async () => {
    await emu.call('GET', '/sessions/1000000001');
    await emu.call('GET', '/sessions/1000000002');
    await emu.call('GET', '/sessions/nope');
    await emu.call('GET', '/sessions', { token: 'bad' });
    await emu.mint();
    await emu.control.addFault({ route: 'GET /technicians', errorRate: 1 });
    await emu.call('GET', '/technicians');
    expect(await emu.control.calls()).toEqual({
      total: 6,
      byRoute: {
        'GET /sessions/{sessionId}': 3,
        'GET /sessions': 1,
        'POST /oauth/v2/token': 1,
        'GET /technicians': 1,
      },
    });
  });

  it('the log shows recent calls with a token fingerprint, never the token', async () => {
    await emu.call('GET', '/sessions/1000000001');
    const log = await emu.control.log();
    expect(log).toEqual([
      expect.objectContaining({
        method: 'GET',
        route: 'GET /sessions/{sessionId}',
        path: '/api/v2/sessions/1000000001',
        status: 200,
        token: expect.any(String),
      }),
    ]);
    expect(JSON.stringify(log)).not.toContain('emulator-token');
  });

  it('DELETE /calls zeroes the counters and the log', async () => {
    await emu.call('GET', '/computers');
    const cleared = await fetch(`${emu.url}/__emulator/calls`, { method: 'DELETE' });
    expect(cleared.status).toBe(204);
    expect(await emu.control.calls()).toEqual({ total: 0, byRoute: {} });
    expect(await emu.control.log()).toEqual([]);
  });

  it('reset restores the seed state and clears counters, outbox and faults', async () => {
    await emu.call('DELETE', '/customers/cust_1');
    await emu.call('POST', '/sessions/1000000200/invite', { body: { email: 'x@example.org' } });
    await emu.control.addFault({ route: 'GET /technicians', errorRate: 1 });
    await emu.control.reset();
    expect((await emu.call('GET', '/customers/cust_1')).status).toBe(200);
    expect(await emu.control.outbox()).toEqual([]);
    expect((await emu.call('GET', '/technicians')).status).toBe(200);
    expect((await emu.control.calls()).total).toBe(2);
  });

  it('reseed changes the data set size', async () => {
    expect(await emu.control.reseed({ sessions: 30, customers: 5 })).toMatchObject({
      sessions: 30,
      customers: 5,
    });
    expect((await emu.call<ZohoSessionList>('GET', '/sessions')).body.total_count).toBe(30);
    expect((await emu.call<ZohoCustomerList>('GET', '/customers')).body.total_count).toBe(5);
    await emu.control.reseed({ sessions: 200, customers: 50 });
  });

  it('state/sessions answers the raw sessions of one customer for duplicate checks', async () => {
    const body = {
      sessionType: 'remote_support',
      customerName: 'Dup',
      customerEmail: 'dup@example.org',
      technicianId: 'tech_1',
    };
    await emu.call('POST', '/sessions', { body });
    const state = await emu.control.stateSessions({ customerEmail: 'dup@example.org' });
    expect(state).toHaveLength(1);
    expect(state[0]).toMatchObject({ customerEmail: 'dup@example.org', status: 'waiting' });
  });

  it('state routes move a session and a computer for lifecycle tests', async () => {
    const offline = (await emu.call<ZohoComputerList>('GET', '/computers?status=offline')).body.computers[0]!
      .computerId;
    await emu.control.setComputerStatus(offline, 'online');
    const connected = await emu.call<ZohoCreatedSession>('POST', `/computers/${offline}/connect`);
    expect(connected.status).toBe(201);
    const completed = await emu.control.setSessionStatus(connected.body.sessionId, 'completed');
    expect(completed).toMatchObject({ status: 'completed', endTime: expect.any(String) });
  });
});

it('a large seed starts quickly and pages a busy technician fast', async () => {
  const started = performance.now();
  const big = await startTestEmulator({
    size: { technicians: 50, customers: 2000, computers: 200, sessions: 20000 },
  });
  try {
    expect(performance.now() - started).toBeLessThan(3000);
    const t0 = performance.now();
    for (let i = 0; i < 50; i++)
      expect((await big.call('GET', `/sessions?technicianId=tech_${(i % 50) + 1}&count=100`)).status).toBe(
        200,
      );
    expect(performance.now() - t0).toBeLessThan(2000);
    expect((await big.call<ZohoSessionList>('GET', '/sessions')).body.total_count).toBe(20000);
  } finally {
    await big.close();
  }
});
