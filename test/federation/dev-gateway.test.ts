/**
 * `npm run dev:gateway` as a frontend developer runs it: one command, a child process here, ports chosen by the
 * system (PORT=0, DEV_GATEWAY_PORT=0), the subgraph in forwarded mode against an emulator outside it, so the
 * user's token must cross the gateway to be of any use. A query without a token is refused before Zoho is called;
 * the same query with one answers that user's data; SIGTERM stops the gateway and the subgraph it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { errorCodes, graphql } from '../support/graphql.js';

const TOKEN = 'dev-gateway-token';
const QUERY = '{ technicians(first: 2) { nodes { id name } } }';

let emulator: RunningEmulator;
let child: ChildProcess;
let exited: Promise<number | null>;
let gatewayUrl: string;
const output: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, quiet: true });
  await emulator.control.registerToken({ token: TOKEN });
  child = spawn('npm', ['run', '-s', 'dev:gateway'], {
    // Its own process group, so that stopping it reaches npm, the script and the subgraph together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      DEV_GATEWAY_PORT: '0',
      LOG_LEVEL: 'warn',
      // An upstream of its own: no embedded emulator, and with no credential, forwarded mode.
      ZOHO_ASSIST_API_URL: emulator.apiUrl,
      ZOHO_ACCOUNTS_URL: emulator.accountsUrl,
    },
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  gatewayUrl = await new Promise<string>((resolve, reject) => {
    void exited.then((code) => reject(new Error(`dev:gateway exited (${code}):\n${output.join('')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const ready = /Hive Gateway ready at (\S+)/.exec(line);
      if (ready) resolve(ready[1]!);
    });
  });
}, 120_000);

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
  await exited;
  await emulator.close();
});

describe('npm run dev:gateway', () => {
  it('refuses a query without a token as UNAUTHENTICATED, and Zoho is not called', async () => {
    await emulator.control.resetCalls();

    const result = await graphql(gatewayUrl, QUERY);

    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(await emulator.control.calls()).toEqual({ total: 0, byRoute: {} });
  });

  it("forwards the browser's token to the subgraph, which answers with one call to Zoho", async () => {
    await emulator.control.resetCalls();

    const result = await graphql<{ technicians: { nodes: Array<{ id: string; name: string }> } }>(
      gatewayUrl,
      QUERY,
      undefined,
      { authorization: `Zoho-oauthtoken ${TOKEN}` },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.technicians.nodes).toHaveLength(2);
    expect(await emulator.control.calls()).toEqual({ total: 1, byRoute: { 'GET /technicians': 1 } });
  });

  it("answers a browser's preflight from any origin in development", async () => {
    const preflight = await fetch(gatewayUrl, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization, apollographql-client-name',
      },
    });

    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-expose-headers')).toBe('x-request-id');
  });

  it('stops the gateway and the subgraph on SIGTERM', async () => {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;

    await expect(fetch(gatewayUrl, { method: 'POST' })).rejects.toThrow();
    expect(output.join('\n')).toContain('SIGTERM: stopping');
  });
});
