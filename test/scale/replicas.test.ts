/**
 * Three subgraph replicas as real processes (`node dist/.../src/main.js`, built once for this file), sharing one
 * Redis and one emulator, in service mode with one refresh token:
 * - starting together with an expired token in the shared store, they mint exactly once; after Zoho rejects
 *   that token (401), exactly once more;
 * - driven by concurrent clients for several short windows (20 calls per 10 s on both sides), Zoho never
 *   receives more than the limit in any window and never answers 429; clients get RATE_LIMITED with a
 *   retryAfter within the window instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { fingerprint } from '../../src/budget/guard.js';
import { deleteKeys, REDIS_URL, uniquePrefix, withRedis } from './redis.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'dist', `scale-${randomUUID()}`);
const LIMIT = { perMinute: 20, perDay: 100_000, windowMs: 10_000 };
const TOKEN_ROUTE = 'POST /oauth/v2/token';

interface Replica {
  url: string;
  process: ChildProcess;
}

let emulator: RunningEmulator;
const replicas: Replica[] = [];
const prefix = uniquePrefix('replicas');

async function mints(): Promise<number> {
  const calls = await emulator.control.calls();
  return calls.byRoute[TOKEN_ROUTE] ?? 0;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed: ${stderr}`))));
  });
}

function startReplica(env: Record<string, string>): Promise<Replica> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(OUT, 'src', 'main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`replica did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /subgraph ready at (http:\/\/\S+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve({ url: ready[1], process: child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`replica exited with ${code}:\n${output}`));
    });
  });
}

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ extensions?: { code?: string; retryAfter?: number } }>;
}

async function query(replica: Replica, text: string): Promise<Answer> {
  const response = await fetch(replica.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
    // A hang fails the test instead of blocking it.
    signal: AbortSignal.timeout(15_000),
  });
  return (await response.json()) as Answer;
}

beforeAll(async () => {
  // Emitted without type checking: typechecking is CI's own step, and this only needs runnable JavaScript.
  await run(process.execPath, [
    join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    'tsconfig.build.json',
    '--noCheck',
    '--outDir',
    OUT,
  ]);
  emulator = await startEmulator({ rateLimits: false, quiet: true });
  await emulator.control.setRateLimits(LIMIT);

  // The shared store holds a token that has run out: every replica must find it stale and not use it.
  const identity = `service:${fingerprint(`${EMULATOR_CREDENTIALS.clientId}\n${EMULATOR_CREDENTIALS.refreshToken}`)}`;
  await withRedis((redis) =>
    redis.hset(`${prefix}token:${identity}`, {
      accessToken: 'expired-token',
      refreshAt: String(Date.now() - 1000),
    }),
  );

  const env = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    EMULATOR: 'off',
    ZOHO_ASSIST_API_URL: emulator.apiUrl,
    ZOHO_ACCOUNTS_URL: emulator.accountsUrl,
    ZOHO_CLIENT_ID: EMULATOR_CREDENTIALS.clientId,
    ZOHO_CLIENT_SECRET: EMULATOR_CREDENTIALS.clientSecret,
    ZOHO_REFRESH_TOKEN: EMULATOR_CREDENTIALS.refreshToken,
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    RATE_LIMIT_PER_MINUTE: String(LIMIT.perMinute),
    RATE_LIMIT_PER_DAY: String(LIMIT.perDay),
    RATE_LIMIT_WINDOW_MS: String(LIMIT.windowMs),
    // Every query must reach the limiter: the read cache would answer the repeats.
    READ_CACHE: 'false',
  };
  replicas.push(...(await Promise.all([startReplica(env), startReplica(env), startReplica(env)])));
}, 90_000);

afterAll(async () => {
  await Promise.all(
    replicas.map(
      (replica) =>
        new Promise<void>((resolve) => {
          if (replica.process.exitCode !== null) return resolve();
          replica.process.once('exit', () => resolve());
          replica.process.kill('SIGTERM');
        }),
    ),
  );
  await emulator?.close();
  await deleteKeys(prefix);
  await rm(OUT, { recursive: true, force: true });
});

describe('three replicas sharing one Redis', () => {
  it('mint one access token between them at start, and exactly one more after Zoho rejects it', async () => {
    await emulator.control.resetCalls();
    const first = await Promise.all(
      replicas.flatMap((replica) => [1, 2].map(() => query(replica, '{ technician(id: "tech_1") { id } }'))),
    );
    expect(first.map((answer) => answer.errors ?? [])).toEqual(first.map(() => []));
    expect(await mints()).toBe(1);

    await emulator.control.expireMintedTokens();
    const second = await Promise.all(
      replicas.flatMap((replica) => [1, 2].map(() => query(replica, '{ technician(id: "tech_2") { id } }'))),
    );
    expect(second.map((answer) => answer.errors ?? [])).toEqual(second.map(() => []));
    expect(await mints()).toBe(2);
  });

  it('keep Zoho within its limit in every window, with RATE_LIMITED and a retryAfter for the rest', async () => {
    // The previous test's calls still count in the current window on both sides; only this test's arrivals are
    // in the log, which is a subset of what Zoho counts, so the check below stays sound.
    await emulator.control.resetCalls();
    const startedAt = Date.now();
    const answers: Answer[] = [];
    // Six clients, two per replica, each sending one-call queries back to back for two and a half windows.
    await Promise.all(
      replicas.flatMap((replica) =>
        [1, 2].map(async () => {
          while (Date.now() - startedAt < 2.5 * LIMIT.windowMs) {
            answers.push(await query(replica, '{ technicians(first: 1) { totalCount } }'));
            await delay(100);
          }
        }),
      ),
    );

    const entries = await emulator.control.log();
    const arrivals = entries
      .filter((entry) => entry.route !== TOKEN_ROUTE)
      .map((entry) => Date.parse(entry.time))
      .sort((a, b) => a - b);
    // Any span of one window, wherever it starts, holds at most the limit.
    const busiest = Math.max(
      ...arrivals.map((start, i) => arrivals.filter((t, j) => j >= i && t < start + LIMIT.windowMs).length),
    );
    expect(busiest).toBeLessThanOrEqual(LIMIT.perMinute);
    expect(entries.filter((entry) => entry.status === 429)).toEqual([]);

    const served = answers.filter((answer) => !answer.errors);
    const refused = answers.filter((answer) => answer.errors);
    expect(served.length).toBe(arrivals.length);
    // The budget was used, not starved: at least a whole window's worth got through.
    expect(served.length).toBeGreaterThanOrEqual(LIMIT.perMinute);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['RATE_LIMITED']);
      expect(answer.errors?.[0]?.extensions?.retryAfter).toBeGreaterThanOrEqual(1);
      expect(answer.errors?.[0]?.extensions?.retryAfter).toBeLessThanOrEqual(LIMIT.windowMs / 1000 + 1);
    }
  }, 60_000);
});
