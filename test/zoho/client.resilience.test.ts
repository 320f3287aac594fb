import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  OutcomeUnknownError,
  RateLimitedError,
  TimeoutError,
  UnavailableError,
} from '../../src/upstream/errors.js';
import type { ZohoHttp } from '../../src/upstream/transport.js';
import { recordingClient, rejectionOf, startFakeUpstream, startUpstream, testHttp } from './support.js';
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

const NEW_SESSION = {
  sessionType: 'remote_support',
  customerName: 'John Doe',
  customerEmail: 'john@example.com',
  technicianId: 'tech_1',
} as const;

describe('reads and idempotent writes are retried', () => {
  it('a GET answered 503 every time is tried three times (limit 2), then UnavailableError', async () => {
    await upstream.control.addFault({ route: 'GET /sessions/{sessionId}', errorRate: 1 });
    const { zoho, events } = recordingClient(http);
    const error = await rejectionOf(zoho.getSession('anything'));
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toMatchObject({ status: 503 });
    expect(events.map((e) => [e.attempt, e.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 503],
    ]);
    expect(await upstream.control.calls()).toEqual({ total: 3, byRoute: { 'GET /sessions/{sessionId}': 3 } });
  });

  it('a GET whose connection is reset every time is tried three times, then UnavailableError', async () => {
    await upstream.control.addFault({ route: 'GET /technicians/{technicianId}', resetRate: 1 });
    const { zoho, events } = recordingClient(http);
    const error = await rejectionOf(zoho.getTechnician('tech_1'));
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error.message).toMatch(/ECONNRESET/);
    expect(events.map((e) => [e.attempt, e.status, e.error])).toEqual([
      [1, undefined, 'ECONNRESET'],
      [2, undefined, 'ECONNRESET'],
      [3, undefined, 'ECONNRESET'],
    ]);
    expect(await upstream.control.calls()).toEqual({
      total: 3,
      byRoute: { 'GET /technicians/{technicianId}': 3 },
    });
  });

  it('a PUT reset after it was handled is retried (it is idempotent) and succeeds once the fault is gone', async () => {
    await upstream.control.addFault({ route: 'PUT /customers/{customerId}', resetAfterHandlingRate: 1 });
    const { zoho, events } = recordingClient(http, {
      retry: { baseDelayMs: 150, maxDelayMs: 150 },
      onCall: (event) => {
        events.push(event);
        if (event.attempt === 1) void upstream.control.clearFaults();
      },
    });
    // Full jitter can still pick a short wait; the second attempt may hit the fault once more.
    const customer = await zoho.updateCustomer('cust_1', { notes: 'twice is fine' });
    expect(customer.notes).toBe('twice is fine');
    expect(events.at(-1)).toMatchObject({ status: 200 });
    const calls = await upstream.control.calls();
    expect(calls.byRoute['PUT /customers/{customerId}']).toBe(events.length);
  });

  it('a small Retry-After on 429 is waited, then the GET succeeds', async () => {
    await upstream.control.addFault({
      route: 'GET /technicians/{technicianId}',
      rateLimitRate: 1,
      retryAfterSeconds: 1,
    });
    const { zoho, events } = recordingClient(http, {
      onCall: (event) => {
        events.push(event);
        if (event.status === 429) void upstream.control.clearFaults();
      },
    });
    const started = Date.now();
    const technician = await zoho.getTechnician('tech_1');
    expect(technician.technicianId).toBe('tech_1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(events.map((e) => e.status)).toEqual([429, 200]);
    expect(await upstream.control.calls()).toEqual({
      total: 2,
      byRoute: { 'GET /technicians/{technicianId}': 2 },
    });
  });

  it('a Retry-After longer than maxRetryAfterSeconds fails fast with RateLimitedError.retryAfter', async () => {
    await upstream.control.addFault({ route: 'GET /technicians', rateLimitRate: 1, retryAfterSeconds: 30 });
    const { zoho } = recordingClient(http);
    const started = Date.now();
    const error = await rejectionOf(zoho.listTechnicians({}));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfter).toBe(30);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { 'GET /technicians': 1 } });
  });

  it('the emulator’s own per-minute limit surfaces as RateLimitedError with its Retry-After', async () => {
    // The emulator's windows are fixed to the clock: in a window's last seconds the second call would meet a short
    // Retry-After (waited, then retried in the next window) or the next window itself. An hour-long window, and
    // never its last ten seconds, keep both calls in one window with a Retry-After too long to wait.
    const windowMs = 3_600_000;
    const left = windowMs - (Date.now() % windowMs);
    if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    await upstream.control.setRateLimits({ perMinute: 1, perDay: 100, windowMs });
    const { zoho } = recordingClient(http);
    await zoho.getTechnician('tech_1');
    const error = await rejectionOf(zoho.getTechnician('tech_2'));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfter).toBeGreaterThan(1);
    expect(await upstream.control.calls()).toEqual({
      total: 2,
      byRoute: { 'GET /technicians/{technicianId}': 2 },
    });
    await upstream.control.setRateLimits(false);
  });
});

describe('a POST is never repeated once it may have reached Zoho', () => {
  it('a reset before handling is OutcomeUnknownError after exactly one call', async () => {
    await upstream.control.addFault({ route: 'POST /sessions', resetRate: 1 });
    const { zoho, events } = recordingClient(http);
    const error = await rejectionOf(zoho.createSession(NEW_SESSION));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(events).toHaveLength(1);
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { 'POST /sessions': 1 } });
  });

  it('a reset after handling is OutcomeUnknownError after exactly one call (the session does exist)', async () => {
    await upstream.control.addFault({ route: 'POST /sessions', resetAfterHandlingRate: 1 });
    const { zoho } = recordingClient(http);
    await expect(zoho.createSession(NEW_SESSION)).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { 'POST /sessions': 1 } });
    await upstream.control.clearFaults();
    const created = await zoho.listSessions({ customerEmail: NEW_SESSION.customerEmail });
    expect(created.total_count).toBe(1);
  });

  it('a 503 is OutcomeUnknownError after exactly one call', async () => {
    await upstream.control.addFault({ route: 'POST /customers', errorRate: 1 });
    const { zoho } = recordingClient(http);
    const error = await rejectionOf(zoho.addCustomer({ name: 'X Y', email: 'xy@example.com' }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ status: 503, route: 'POST /customers' });
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { 'POST /customers': 1 } });
  });

  it('a 429 is RateLimitedError after exactly one call, even with a short Retry-After', async () => {
    await upstream.control.addFault({ route: 'POST /sessions', rateLimitRate: 1, retryAfterSeconds: 1 });
    const { zoho } = recordingClient(http);
    const error = await rejectionOf(zoho.createSession(NEW_SESSION));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfter).toBe(1);
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { 'POST /sessions': 1 } });
  });

  it('a refused connection (nothing was sent) is retried, then UnavailableError', async () => {
    const port = await closedPort();
    const deadHttp = testHttp({ apiUrl: `http://127.0.0.1:${port}/api/v2` });
    try {
      const { zoho, events } = recordingClient(deadHttp);
      const error = await rejectionOf(zoho.createSession(NEW_SESSION));
      expect(error).toBeInstanceOf(UnavailableError);
      expect(events.map((e) => e.error)).toEqual(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);
    } finally {
      deadHttp.close();
    }
  });
});

describe('timeouts and aborts', () => {
  it('a body slower than the response timeout is a TimeoutError after every attempt timed out', async () => {
    await upstream.control.addFault({ route: 'GET /technicians/{technicianId}', slowBodyMs: 400 });
    const shortHttp = testHttp(upstream, { timeouts: { connectMs: 100, responseMs: 100 } });
    try {
      const { zoho, events } = recordingClient(shortHttp);
      const error = await rejectionOf(zoho.getTechnician('tech_1'));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(events.map((e) => e.error)).toEqual(['ETIMEDOUT', 'ETIMEDOUT', 'ETIMEDOUT']);
      expect(await upstream.control.calls()).toEqual({
        total: 3,
        byRoute: { 'GET /technicians/{technicianId}': 3 },
      });
    } finally {
      shortHttp.close();
    }
  });

  it('a POST whose answer is late is OutcomeUnknownError after exactly one call', async () => {
    await upstream.control.addFault({ route: 'POST /customers', latencyMs: 400 });
    const shortHttp = testHttp(upstream, { timeouts: { connectMs: 100, responseMs: 100 } });
    try {
      const { zoho } = recordingClient(shortHttp);
      const error = await rejectionOf(zoho.addCustomer({ name: 'Late', email: 'late@example.com' }));
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { 'POST /customers': 1 } });
    } finally {
      shortHttp.close();
    }
  });

  it('an abort stops an in-flight GET with TimeoutError and no retry', async () => {
    await upstream.control.addFault({ route: 'GET /technicians/{technicianId}', latencyMs: 1000 });
    const { zoho, events } = recordingClient(http, { signal: AbortSignal.timeout(100) });
    const started = Date.now();
    const error = await rejectionOf(zoho.getTechnician('tech_1'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(800);
    expect(events.map((e) => e.error)).toEqual(['ERR_ABORTED']);
    expect(await upstream.control.calls()).toEqual({
      total: 1,
      byRoute: { 'GET /technicians/{technicianId}': 1 },
    });
  });

  it('an abort of an in-flight POST is OutcomeUnknownError', async () => {
    await upstream.control.addFault({ route: 'POST /sessions', latencyMs: 1000 });
    const { zoho } = recordingClient(http, { signal: AbortSignal.timeout(100) });
    const error = await rejectionOf(zoho.createSession(NEW_SESSION));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { 'POST /sessions': 1 } });
  });

  it('an abort during the backoff stops the retries', async () => {
    await upstream.control.addFault({ route: 'GET /sessions/{sessionId}', errorRate: 1 });
    const controller = new AbortController();
    const { zoho } = recordingClient(http, {
      retry: { baseDelayMs: 5000, maxDelayMs: 5000 },
      signal: controller.signal,
      onCall: () => setTimeout(() => controller.abort(), 20),
    });
    const started = Date.now();
    await expect(zoho.getSession('x')).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await upstream.control.calls()).toEqual({ total: 1, byRoute: { 'GET /sessions/{sessionId}': 1 } });
  });

  it('an already aborted signal makes no call', async () => {
    const { zoho, events } = recordingClient(http, { signal: AbortSignal.abort() });
    await expect(zoho.listSessions({})).rejects.toBeInstanceOf(TimeoutError);
    expect(events).toEqual([]);
    expect(await upstream.control.calls()).toEqual({ total: 0, byRoute: {} });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the per-request client caps the calls it has in flight', () => {
  /** Holds every request 30 ms and answers 204, counting how many Zoho holds at once. */
  async function slowUpstream() {
    let inFlight = 0;
    let most = 0;
    const fake = await startFakeUpstream((_req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(204).end();
      }, 30);
    });
    return { ...fake, most: () => most };
  }

  it.each([
    ['a cap of 2', 2, 2],
    ['no cap', 6, undefined],
  ])(
    'with %s, six calls at once reach Zoho at most %s at a time, and all of them do',
    async (_cap, most, concurrency) => {
      const fake = await slowUpstream();
      const fakeHttp = testHttp(fake);
      try {
        const { zoho } = recordingClient(fakeHttp, concurrency === undefined ? {} : { concurrency });
        const removals = ['t1', 't2', 't3', 't4', 't5', 't6'].map((id) => zoho.removeTechnician(id));
        await expect(Promise.all(removals)).resolves.toEqual(Array.from({ length: 6 }, () => undefined));
        expect({ most: fake.most(), calls: fake.hits() }).toEqual({ most, calls: 6 });
      } finally {
        fakeHttp.close();
        await fake.close();
      }
    },
  );
});
