/**
 * Redis (the shared budget, token store and read cache) going away mid-run and coming back: requests keep
 * being answered on local limits, nothing crashes, readiness says what is happening, and the shared budget
 * is used again once Redis returns. A dedicated redis-server on its own loopback port, stopped and restarted.
 *
 * Redis turning slow without going away: a TCP proxy of this file's own in front of the machine's Redis holds
 * every answer back; the circuit breaker sends the replica to its local fallbacks and readiness says `slow`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { startStack, type Stack } from '../support/stack.js';
import { deleteKeys, uniquePrefix } from '../scale/redis.js';
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
    const result = await stack.graphql<{ technician: { id: string } | null }>(
      `query ($id: ID!) { technician(id: $id) { id } }`,
      {
        id: `tech_${(i % 9) + 1}`,
      },
    );
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

/** A TCP proxy to the machine's Redis that holds each answer back for `delayMs` (0: passes it on at once). */
async function startStallingProxy(): Promise<{ port: number; delayMs: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const proxy = {
    port: 0,
    delayMs: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((client) => {
    const redis = connect(6379, '127.0.0.1');
    sockets.add(client).add(redis);
    client.pipe(redis);
    redis.on('data', (chunk: Buffer) => {
      if (proxy.delayMs === 0) client.write(chunk);
      else setTimeout(() => client.writable && client.write(chunk), proxy.delayMs);
    });
    const end = () => {
      client.destroy();
      redis.destroy();
    };
    client.on('close', end).on('error', end);
    redis.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as { port: number }).port;
  return proxy;
}

describe('Redis answering slowly', () => {
  const prefix = uniquePrefix('slow-redis');
  let proxy: Awaited<ReturnType<typeof startStallingProxy>>;
  let slow: Stack;
  beforeAll(async () => {
    proxy = await startStallingProxy();
    slow = await startStack({
      emulator: { size: { technicians: 30, customers: 10, computers: 5, sessions: 20 } },
      env: {
        ...NO_BUDGET,
        REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
        REDIS_KEY_PREFIX: prefix,
        READ_CACHE: 'true',
      },
    });
  });
  afterAll(async () => {
    await slow.close();
    await proxy.close();
    await deleteKeys(prefix);
  });

  async function redisCheck(): Promise<unknown> {
    const response = await fetch(new URL('/health/ready', slow.app.url));
    return ((await response.json()) as { checks?: { redis?: unknown } }).checks?.redis;
  }

  it('costs an operation at most a few short waits, then none, and readiness says slow', async () => {
    expect(await redisCheck()).toBe('ok');
    proxy.delayMs = 3000;

    // Ten reads one after the other, each missing the cache: before the breaker, every Redis command of every
    // read waited out a 1 s timeout (2 s a read).
    const started = performance.now();
    const reads = [];
    for (let i = 1; i <= 10; i++) {
      reads.push(await slow.graphql(`query ($id: ID!) { technician(id: $id) { id } }`, { id: `tech_${i}` }));
    }
    const elapsedMs = performance.now() - started;

    expect(reads.map((read) => read.errors)).toEqual(reads.map(() => undefined));
    // The bound the issue asks for, generous: the first read pays three 250 ms waits, the others none (1.7 s in
    // all on a quiet machine, 20.8 s without the breaker).
    expect(elapsedMs).toBeLessThan(6000);
    expect(await redisCheck()).toBe('slow');
    const metrics = await fetch(new URL('/metrics', slow.app.url)).then((response) => response.text());
    expect(metrics).toMatch(/zoho_assist_redis_breaker_open 1\n/);

    // Redis answering in time again: the breaker's ping closes it.
    proxy.delayMs = 0;
    await eventually(async () => (await redisCheck()) === 'ok', 10_000);
  }, 30_000);
});
