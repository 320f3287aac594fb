/**
 * Redis (the shared budget, token store and read cache) going away mid-run and coming back: requests keep
 * being answered on local limits, nothing crashes, readiness says what is happening, and the shared budget
 * is used again once Redis returns. A dedicated redis-server on its own loopback port, stopped and restarted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { startStack, type Stack } from '../support/stack.js';
import { NO_BUDGET, eventually, pool } from './support.js';

const PREFIX = 'reliability-redis:';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

let port: number;
let redis: ChildProcess;
let stack: Stack;

beforeAll(async () => {
  port = await freePort();
  redis = await startRedis(port);
  stack = await startStack({
    emulator: { size: { technicians: 10, customers: 50, computers: 10, sessions: 100 } },
    env: { ...NO_BUDGET, REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_KEY_PREFIX: PREFIX },
  });
}, 30_000);
afterAll(async () => {
  await stack.close();
  await stopRedis(redis);
});

/** Keys this service wrote in Redis (the budget's windows, among others). */
async function budgetKeys(): Promise<number> {
  const client = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0 });
  try {
    return (await client.keys(`${PREFIX}*`)).length;
  } finally {
    await client.quit();
  }
}

async function readiness(): Promise<{ status: number; redis: unknown }> {
  const response = await fetch(new URL('/health/ready', stack.app.url));
  const body = (await response.json()) as { checks?: { redis?: unknown } };
  return { status: response.status, redis: body.checks?.redis };
}

async function reads(count: number) {
  return pool(count, 10, async (i) => {
    const result = await stack.graphql(`query ($id: ID!) { technician(id: $id) { id } }`, {
      id: `tech_${(i % 9) + 1}`,
    });
    return { status: result.status, ok: result.errors === undefined && result.data?.technician != null };
  });
}

describe('Redis down mid-run', () => {
  it('keeps answering on local limits, and goes back to the shared budget when Redis returns', async () => {
    expect((await reads(20)).every((outcome) => outcome.ok)).toBe(true);
    expect(await budgetKeys()).toBeGreaterThan(0);

    await stopRedis(redis);
    const during = await reads(50);
    expect(during.filter((outcome) => !outcome.ok)).toEqual([]);
    expect(await readiness()).toEqual(expect.objectContaining({ redis: 'unreachable' }));
    const live = await fetch(new URL('/health/live', stack.app.url));
    expect(live.status).toBe(200);

    // The same port, an empty Redis (no persistence): keys appearing again prove the shared budget is back.
    redis = await startRedis(port);
    await eventually(async () => (await readiness()).redis === 'ok', 15_000);
    expect((await reads(20)).every((outcome) => outcome.ok)).toBe(true);
    expect(await budgetKeys()).toBeGreaterThan(0);
  }, 40_000);
});
