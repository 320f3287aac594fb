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
afterEach(() => stack.control.clearFaults());

interface LogLine {
  msg?: string;
  requestId?: string;
  route?: string;
  status?: string;
  outcome?: string;
}
const parsed = () => logs.lines().map((line) => JSON.parse(line) as LogLine);

describe('a slow upstream', () => {
  it('answers UPSTREAM_TIMEOUT at the operation deadline, for every one of many concurrent requests', async () => {
    await stack.control.addFault({ latencyMs: 5000 });
    const outcomes = await pool(20, 20, async () => {
      const started = performance.now();
      const result = await stack.graphql<{ sessions: unknown }>(
        `{ sessions(first: 2) { nodes { id technician { name } } } }`,
      );
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
    await stack.control.addFault({ route: 'GET /sessions', latencyMs: 600 });
    await stack.control.resetCalls();
    const client = new AbortController();
    const requestId = `disconnect-${Date.now()}`;
    const request = fetch(stack.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: `{ sessions(first: 3) { nodes { id chatMessages { text } } } }` }),
      signal: client.signal,
    });
    // Disconnect once the sessions page is on its way to the (slow) emulator.
    await eventually(async () => (await stack.control.calls()).byRoute['GET /sessions'] === 1);
    client.abort();
    await expect(request).rejects.toThrow();

    // The subgraph logs the aborted attempt; the emulator then finishes its slow answer into a closed socket.
    await eventually(async () =>
      parsed().some((line) => line.msg === 'upstream call' && line.requestId === requestId),
    );
    const calls = parsed().filter((line) => line.msg === 'upstream call' && line.requestId === requestId);
    expect(calls).toEqual([expect.objectContaining({ route: 'GET /sessions', status: 'CLIENT_CLOSED' })]);
    await eventually(async () => {
      const log = await stack.control.log();
      return log.some((entry) => entry.route === 'GET /sessions');
    });
    // Had the request lived on, the page's answer would have started one chat call per session.
    const { byRoute } = await stack.control.calls();
    expect(byRoute).toEqual({ 'GET /sessions': 1 });
  });

  it('counts a client hang-up as its own outcome, not as an upstream failure, and a deadline as a timeout', async () => {
    await stack.control.addFault({ route: 'GET /technicians', latencyMs: 5000 });
    const before = await upstreamSeries();

    // The client leaves while its call is in flight.
    const client = new AbortController();
    const left = `left-${Date.now()}`;
    const request = fetch(stack.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': left },
      body: JSON.stringify({ query: 'query Leaving { technicians(first: 1) { totalCount } }' }),
      signal: client.signal,
    });
    await eventually(async () => (await stack.control.calls()).byRoute['GET /technicians'] !== undefined);
    client.abort();
    await expect(request).rejects.toThrow();
    // The same slow call, waited for until the deadline.
    const waited = `waited-${Date.now()}`;
    const timedOut = await stack.graphql(
      'query Waiting { technicians(first: 1) { totalCount } }',
      undefined,
      {
        'x-request-id': waited,
      },
    );
    expect(timedOut.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_TIMEOUT']);

    const operation = (requestId: string) =>
      parsed().find((line) => line.msg === 'operation' && line.requestId === requestId);
    await eventually(async () => operation(left) !== undefined && operation(waited) !== undefined);
    expect(operation(left)).toMatchObject({ operation: 'Leaving', outcome: 'CLIENT_CLOSED' });
    expect(operation(waited)).toMatchObject({ operation: 'Waiting', outcome: 'UPSTREAM_TIMEOUT' });

    // One attempt each: the hang-up under its own status, outside docs/operations.md's alert on `status!~"[24]..|CLIENT_CLOSED"`.
    const after = await upstreamSeries();
    const grew = (status: string) => (after.get(status) ?? 0) - (before.get(status) ?? 0);
    expect(grew('CLIENT_CLOSED')).toBe(1);
    expect(grew('ERR_ABORTED')).toBe(1);
    expect(after.get('upstreamReachable')).not.toBe(0);
    const metrics = await (await fetch(new URL('/metrics', stack.app.url))).text();
    expect(metrics).toMatch(
      /zoho_assist_graphql_operations_total\{operation="Leaving",outcome="client_closed"\} 1/,
    );
  });
});

/** `zoho_assist_upstream_calls_total` for GET /technicians by status, and the reachability gauge. */
async function upstreamSeries(): Promise<Map<string, number>> {
  const text = await (await fetch(new URL('/metrics', stack.app.url))).text();
  const series = new Map<string, number>();
  for (const match of text.matchAll(
    /^zoho_assist_upstream_calls_total\{route="GET \/technicians",status="([^"]+)"\} (\d+)$/gm,
  ))
    series.set(match[1]!, Number(match[2]));
  const reachable = /^zoho_assist_upstream_reachable (\S+)$/m.exec(text)?.[1];
  if (reachable !== undefined) series.set('upstreamReachable', Number(reachable));
  return series;
}
