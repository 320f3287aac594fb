/**
 * SIGTERM on the built server, as an orchestrator sends it: the replica first keeps serving, unready, for
 * SHUTDOWN_DELAY_MS (while Kubernetes endpoints and gateways stop sending to it), then requests in flight finish,
 * new ones are refused, and the process exits within the drain time. Plus the drain of an in-process app whose
 * client aborted a request on a keep-alive connection (which once made close() wait out the whole drain time).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { startStack, EMULATOR_TOKEN } from '../support/stack.js';
import { NO_BUDGET, eventually, pool } from './support.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A private build (not dist/, which other work may be rebuilding); under node_modules so packages resolve. */
const BUILD = join(ROOT, 'node_modules/.cache/reliability-build');
const DRAIN_MS = 4000;

async function build(): Promise<string> {
  mkdirSync(BUILD, { recursive: true });
  const tsconfig = join(BUILD, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.build.json'),
      compilerOptions: {
        outDir: join(BUILD, 'out'),
        sourceMap: false,
        incremental: true,
        tsBuildInfoFile: join(BUILD, 'tsbuildinfo'),
      },
      include: ['src', 'resolvers', 'emulator'].map((dir) => join(ROOT, dir)),
    }),
  );
  await promisify(execFile)(process.execPath, [
    join(ROOT, 'node_modules/typescript/bin/tsc'),
    '-p',
    tsconfig,
  ]);
  return join(BUILD, 'out/src/main.js');
}

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; at: number }>;
}

async function spawnServer(
  main: string,
  emulator: RunningEmulator,
  env: Record<string, string> = {},
): Promise<Server> {
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ZOHO_ASSIST_API_URL: emulator.apiUrl,
      ZOHO_ACCOUNTS_URL: emulator.accountsUrl,
      ZOHO_ACCESS_TOKEN: EMULATOR_TOKEN,
      SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      OPERATION_DEADLINE_MS: '15000',
      ...NO_BUDGET,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; at: number }>((done) =>
    child.once('exit', (code) => done({ code, at: performance.now() })),
  );
  const url = await new Promise<string>((found, failed) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) found(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then(() => failed(new Error(`server exited before it was ready:\n${out}`)));
  });
  return { child, url, exited };
}

/** The part of a GraphQL answer these tests read. */
interface GraphQLAnswer {
  data?: unknown;
  errors?: Array<{ extensions?: { code?: unknown } }>;
}

async function query(url: string, text: string): Promise<{ status: number; body: GraphQLAnswer }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLAnswer };
}

let main: string;
let emulator: RunningEmulator;

beforeAll(async () => {
  [main, emulator] = await Promise.all([build(), startEmulator({ rateLimits: false, quiet: true })]);
}, 120_000);
afterAll(() => emulator.close());

describe('SIGTERM', () => {
  it('lets the requests in flight finish, refuses new ones, and exits within the drain time', async () => {
    await emulator.control.resetCalls();
    await emulator.control.addFault({ route: 'GET /technicians/{technicianId}', latencyMs: 1500 });
    const server = await spawnServer(main, emulator);
    try {
      const inFlight = Array.from({ length: 5 }, (_, i) =>
        query(server.url, `{ technician(id: "tech_${i + 1}") { id name } }`),
      );
      await eventually(async () => {
        const calls = await emulator.control.calls();
        return calls.byRoute['GET /technicians/{technicianId}'] === 5;
      });

      const signalled = performance.now();
      server.child.kill('SIGTERM');
      // Give the signal a moment to land before knocking; then a new request is refused either way.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const late = await query(server.url, `{ technician(id: "tech_9") { id } }`).then(
        (answer) => ({ refused: false, code: `answered ${answer.status}` }),
        (error: unknown) => ({ refused: true, code: (error as { cause?: { code?: string } }).cause?.code }),
      );
      // The listener is closed (no delay is set): the connection is refused or reset, never answered.
      expect(late.refused).toBe(true);
      expect(['ECONNREFUSED', 'ECONNRESET']).toContain(late.code);

      const answers = await Promise.all(inFlight);
      for (const [i, answer] of answers.entries()) {
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({
          data: { technician: { id: `tech_${i + 1}`, name: expect.any(String) } },
        });
      }
      const exit = await server.exited;
      expect(exit.code).toBe(0);
      // A bound, with a margin for a busy machine: the drain time caps the exit.
      expect(exit.at - signalled).toBeLessThan(DRAIN_MS + 2000);
    } finally {
      server.child.kill('SIGKILL');
      await emulator.control.clearFaults();
    }
  });

  it('exits at the drain time when a request outlives it', async () => {
    // Longer than the drain, short enough that the emulator's timer is gone soon after the test.
    await emulator.control.addFault({ route: 'GET /technicians/{technicianId}', latencyMs: DRAIN_MS + 2500 });
    const server = await spawnServer(main, emulator);
    try {
      const stuck = query(server.url, `{ technician(id: "tech_1") { id } }`).then(
        () => 'answered',
        () => 'cut off',
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const signalled = performance.now();
      server.child.kill('SIGTERM');
      const exit = await server.exited;
      expect(exit.code).toBe(0);
      expect(exit.at - signalled).toBeLessThan(DRAIN_MS + 2000);
      // The request it had to abandon ends (with an error) rather than hanging its client.
      expect(await stuck).toBe('cut off');
    } finally {
      server.child.kill('SIGKILL');
      await emulator.control.clearFaults();
    }
  });
});

/** Whether a new TCP connection to the server's port is refused: its listener is closed. */
function listenerClosed(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('SIGTERM with SHUTDOWN_DELAY_MS', () => {
  // Long enough that the checks below run inside it on a busy machine; the bounds are the delay itself.
  const DELAY_MS = 3000;

  it('keeps serving with readiness at 503 for the delay, then closes its listener and exits 0', async () => {
    const server = await spawnServer(main, emulator, { SHUTDOWN_DELAY_MS: String(DELAY_MS) });
    const ready = () => fetch(server.url.replace(/\/graphql$/, '/health/ready'));
    try {
      expect((await ready()).status).toBe(200);

      const signalled = performance.now();
      server.child.kill('SIGTERM');
      await eventually(async () => (await ready()).status === 503);
      const unready = await ready();
      const served = await query(server.url, `{ technician(id: "tech_2") { id } }`);
      const servedAt = performance.now();

      expect(await unready.json()).toMatchObject({ status: 'unready', checks: { process: 'shutting down' } });
      expect(served).toEqual({ status: 200, body: { data: { technician: { id: 'tech_2' } } } });
      expect(servedAt - signalled).toBeLessThan(DELAY_MS);
      expect(await listenerClosed(server.url)).toBe(false);

      await eventually(() => listenerClosed(server.url), DELAY_MS + 5000);
      expect(performance.now() - signalled).toBeGreaterThanOrEqual(DELAY_MS);
      expect((await server.exited).code).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});

describe('App.close()', () => {
  it('does not wait for keep-alive connections whose client aborted a request on them', async () => {
    // A drain far longer than the test's own timeout: waiting it out would fail the test.
    const stack = await startStack({ env: { ...NO_BUDGET, SHUTDOWN_DRAIN_MS: '600000' } });
    await stack.control.addFault({ route: 'GET /sessions', latencyMs: 300 });
    await pool(10, 10, () => stack.graphql(`{ technicians(first: 1) { totalCount } }`));
    const client = new AbortController();
    const aborted = fetch(stack.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ sessions(first: 1) { totalCount } }` }),
      signal: client.signal,
    });
    await eventually(async () => (await stack.control.calls()).byRoute['GET /sessions'] === 1);
    client.abort();
    await expect(aborted).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const closed = await Promise.race([
      stack.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still draining'), 10_000).unref()),
    ]);
    expect(closed).toBe('closed');
  });
});
