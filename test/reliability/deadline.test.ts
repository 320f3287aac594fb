/**
 * A slow Zoho: the per-operation deadline bounds every request, and a client that goes away takes its
 * upstream work with it (the call in flight is aborted, and no further call starts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '../support/stack.js';
import { NO_BUDGET, captureLogs, eventually, pool } from './support.js';

const DEADLINE_MS = 800;

let stack: Stack;
const logs = captureLogs();

beforeAll(async () => {
  stack = await startStack({
    emulator: { size: { technicians: 10, customers: 50, computers: 10, sessions: 100 } },
    env: {
      ...NO_BUDGET,
      OPERATION_DEADLINE_MS: String(DEADLINE_MS),
      // Longer than the deadline on purpose: the deadline, not the per-call timeout, is what must bound.
      UPSTREAM_TIMEOUT_MS: '10000',
      LOG_LEVEL: 'debug',
    },
    app: { logDestination: logs.destination },
  });
});
afterAll(() => stack.close());
afterEach(() => stack.control('DELETE', 'faults'));

interface LogLine {
  msg?: string;
  requestId?: string;
  route?: string;
  status?: string;
}
const parsed = () => logs.lines().map((line) => JSON.parse(line) as LogLine);

describe('a slow upstream', () => {
  it('answers UPSTREAM_TIMEOUT at the operation deadline, for every one of many concurrent requests', async () => {
    await stack.control('POST', 'faults', { latencyMs: 5000 });
    const outcomes = await pool(20, 20, async () => {
      const started = performance.now();
      const result = await stack.graphql(`{ sessions(first: 2) { nodes { id technician { name } } } }`);
      return {
        ms: performance.now() - started,
        data: result.data,
        codes: (result.errors ?? []).map((e) => e.extensions?.code),
      };
    });
    for (const outcome of outcomes) {
      expect(outcome.data).toEqual({ sessions: null });
      expect(outcome.codes).toEqual(['UPSTREAM_TIMEOUT']);
    }
    // A bound with a wide margin (the upstream would take 5 s): the deadline ended each request.
    expect(Math.max(...outcomes.map((outcome) => outcome.ms))).toBeLessThan(DEADLINE_MS + 2500);
  });

  it('aborts the upstream call in flight when the client disconnects, and starts no further call', async () => {
    await stack.control('POST', 'faults', { route: 'GET /sessions', latencyMs: 600 });
    await stack.resetCalls();
    const client = new AbortController();
    const requestId = `disconnect-${Date.now()}`;
    const request = fetch(stack.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: `{ sessions(first: 3) { nodes { id chatMessages { text } } } }` }),
      signal: client.signal,
    });
    // Disconnect once the sessions page is on its way to the (slow) emulator.
    await eventually(async () => (await stack.calls()).byRoute['GET /sessions'] === 1);
    client.abort();
    await expect(request).rejects.toThrow();

    // The subgraph logs the aborted attempt; the emulator then finishes its slow answer into a closed socket.
    await eventually(async () =>
      parsed().some((line) => line.msg === 'upstream call' && line.requestId === requestId),
    );
    const calls = parsed().filter((line) => line.msg === 'upstream call' && line.requestId === requestId);
    expect(calls).toEqual([expect.objectContaining({ route: 'GET /sessions', status: 'ERR_ABORTED' })]);
    await eventually(async () => {
      const log = await stack.control<{ entries: Array<{ route: string }> }>('GET', 'log');
      return log.entries.some((entry) => entry.route === 'GET /sessions');
    });
    // Had the request lived on, the page's answer would have started one chat call per session.
    const { byRoute } = await stack.calls();
    expect(byRoute).toEqual({ 'GET /sessions': 1 });
  });
});
