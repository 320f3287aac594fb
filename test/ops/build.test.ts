/**
 * The built output is what a container runs (`node dist/src/main.js`): it must start from a `tsc` build with no
 * Zoho settings (embedded emulator), serve a query, drain on SIGTERM, and refuse a bad environment with every
 * problem listed and no secret printed.
 *
 * The build goes to node_modules/.cache/ rather than dist/, so this test neither races `npm start` or another
 * test writing dist/, nor leaves anything lint or git would see; the layout below it is dist/'s, and schema/ and
 * contract/seed.openapi.yaml are found the way they are at run time (the nearest ancestor that has them).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EMULATOR_CREDENTIALS, startEmulator } from '../../emulator/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'node_modules', '.cache', 'build-test', 'dist');
const MAIN = join(OUT, 'src', 'main.js');

const READY_LINE = /Zoho Assist subgraph ready at (http:\/\/\S+)/;

/** Only what the process needs: nothing of the developer's or CI's own Zoho settings leaks in. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn', ...extra };
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}
const exitOf = (child: ChildProcess) =>
  new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

/** The URL main prints once it listens; rejects with the output if the process exits first. */
function readyUrl(child: ChildProcess, exited: Promise<Exit>): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = READY_LINE.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((exit) =>
      reject(new Error(`exited (${exit.code ?? exit.signal}) before ready:\n${output}`)),
    );
  });
}

let running: ChildProcess | undefined;

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', OUT],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (build.status !== 0)
    throw new Error(`tsc -p tsconfig.build.json failed:\n${build.stdout}${build.stderr}`);
}, 180_000);

afterAll(() => {
  if (running && running.exitCode === null) running.kill('SIGKILL');
  rmSync(join(ROOT, 'node_modules', '.cache', 'build-test'), { recursive: true, force: true });
});

describe('node dist/src/main.js', () => {
  it('compiles the product alone: no benchmark or script is in the production build', () => {
    expect(readdirSync(OUT).sort()).toEqual(['contract', 'emulator', 'resolvers', 'src']);
  });

  it('starts with no Zoho settings, serves a query from the embedded emulator, and drains on SIGTERM', async () => {
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: cleanEnv({ PORT: '0', HOST: '127.0.0.1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    const exited = exitOf(child);
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const match = READY_LINE.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      void exited.then((exit) =>
        reject(new Error(`exited (${exit.code ?? exit.signal}) before ready:\n${stdout}${stderr}`)),
      );
    });

    expect(stdout).toMatch(/Zoho Assist emulator \(embedded\): http:\/\/127\.0\.0\.1:\d+\/api\/v2/);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ technicians(first: 1) { totalCount nodes { id } } }' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data?: { technicians: { totalCount: number; nodes: Array<{ id: string }> } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.technicians.totalCount).toBeGreaterThan(0);
    expect(body.data?.technicians.nodes).toHaveLength(1);
    const ready = await fetch(url.replace(/\/graphql$/, '/health/ready'));
    expect(ready.status).toBe(200);

    child.kill('SIGTERM');
    const exit = await exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(stdout).toContain('SIGTERM: draining');
  }, 60_000);

  it('refuses to start in production with the service credential and no way to tell the gateway from anyone', async () => {
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: cleanEnv({
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        ZOHO_CLIENT_ID: 'client-id',
        ZOHO_CLIENT_SECRET: 'client-secret-value',
        ZOHO_REFRESH_TOKEN: 'refresh-token-value',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));

    expect(await exitOf(child)).toEqual({ code: 1, signal: null });
    expect(output).toMatch(/GATEWAY_SHARED_SECRET: required when NODE_ENV=production and AUTH_MODE=service/);
    expect(output).not.toMatch(READY_LINE);
    expect(output).not.toContain('client-secret-value');
  }, 60_000);

  it('finishes an operation in flight when SIGTERM arrives, then exits 0', async () => {
    const emulator = await startEmulator({ rateLimits: false, quiet: true, latencyMs: 600 });
    try {
      const child = spawn(process.execPath, [MAIN], {
        cwd: ROOT,
        env: cleanEnv({
          PORT: '0',
          HOST: '127.0.0.1',
          ZOHO_ASSIST_API_URL: emulator.apiUrl,
          ZOHO_ACCOUNTS_URL: emulator.accountsUrl,
          ZOHO_ACCESS_TOKEN: EMULATOR_CREDENTIALS.accessToken,
        }),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      running = child;
      const exited = exitOf(child);
      const url = await readyUrl(child, exited);

      const inFlight = fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ technicians(first: 1) { totalCount } }' }),
      });
      // SIGTERM once the call is at "Zoho" (the emulator counts a call when it arrives, before its latency).
      while ((await emulator.control.calls()).total === 0) await delay(20);
      child.kill('SIGTERM');

      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { technicians: { totalCount: expect.any(Number) } } });
      expect(await exited).toEqual({ code: 0, signal: null });
    } finally {
      await emulator.close();
    }
  }, 60_000);

  it('exits non-zero on a bad environment, listing every problem and printing no secret', async () => {
    const secrets = { ZOHO_CLIENT_SECRET: 'shh-client-secret-9f2c', ZOHO_ACCESS_TOKEN: '1000.tok-77ab' };
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: cleanEnv({
        PORT: '99999',
        ZOHO_DC: 'mars',
        AUTH_MODE: 'service',
        // service mode without ZOHO_CLIENT_ID or ZOHO_REFRESH_TOKEN, and a token no mode uses
        ...secrets,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exit = await exitOf(child);

    expect(exit.code).toBe(1);
    expect(output).toMatch(/^Invalid configuration \(\d+ problems\):/);
    for (const variable of ['PORT', 'ZOHO_DC', 'ZOHO_CLIENT_ID', 'ZOHO_REFRESH_TOKEN']) {
      expect(output).toMatch(new RegExp(`^  - ${variable}: `, 'm'));
    }
    for (const secret of Object.values(secrets)) expect(output).not.toContain(secret);
    expect(output).not.toContain('ready at');
  }, 30_000);
});
