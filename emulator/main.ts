/**
 * `npm run emulator`: the Zoho Assist emulator as a process, for local development and benchmarks.
 *   EMULATOR_PORT (default 4010); flags --technicians N --customers N --computers N --sessions N --seed N
 *   --no-rate-limits --latency-ms N --jitter-ms N --quiet
 */
import { parseArgs } from 'node:util';
import { EMULATOR_CREDENTIALS, startEmulator } from './index.js';
import type { SeedSize } from './index.js';

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a non-negative integer, got '${value}'`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      technicians: { type: 'string' },
      customers: { type: 'string' },
      computers: { type: 'string' },
      sessions: { type: 'string' },
      seed: { type: 'string' },
      'no-rate-limits': { type: 'boolean', default: false },
      'latency-ms': { type: 'string' },
      'jitter-ms': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const size: SeedSize = {
    technicians: integer('--technicians', values.technicians, 50),
    customers: integer('--customers', values.customers, 2000),
    computers: integer('--computers', values.computers, 200),
    sessions: integer('--sessions', values.sessions, 20000),
    seed: integer('--seed', values.seed, 1),
  };
  const port = integer('EMULATOR_PORT', process.env.EMULATOR_PORT, 4010);
  const emulator = await startEmulator({
    port,
    host: process.env.EMULATOR_HOST ?? '127.0.0.1',
    size,
    rateLimits: values['no-rate-limits'] ? false : undefined,
    latencyMs: integer('--latency-ms', values['latency-ms'], 0),
    jitterMs: integer('--jitter-ms', values['jitter-ms'], 0),
    quiet: values.quiet,
  });
  process.stdout.write(
    [
      `Zoho Assist emulator listening (${size.technicians} technicians, ${size.customers} customers, ${size.computers} computers, ${size.sessions} sessions, seed ${size.seed})`,
      `  API:            ${emulator.apiUrl}`,
      `  OAuth token:    ${emulator.accountsUrl}/oauth/v2/token`,
      `  Control plane:  ${emulator.url}/__emulator/`,
      `  client id:      ${EMULATOR_CREDENTIALS.clientId}`,
      `  client secret:  ${EMULATOR_CREDENTIALS.clientSecret}`,
      `  refresh token:  ${EMULATOR_CREDENTIALS.refreshToken}`,
      `  access token:   ${EMULATOR_CREDENTIALS.accessToken} (static, all scopes, never expires)`,
      `  rate limits:    ${values['no-rate-limits'] ? 'off' : '50/minute, 5000/day per token'}`,
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping the emulator\n`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`emulator: close failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
