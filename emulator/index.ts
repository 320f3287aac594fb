/**
 * The Zoho Assist emulator: every operation of contract/seed.openapi.yaml over in-memory, seeded data, with Zoho's
 * OAuth, scopes, rate limits and error shapes, plus a `/__emulator/` control plane for tests and benchmarks.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulatorControl, type EmulatorControl } from './control.js';
import { Emulator } from './server.js';
import type { SeedSize } from './store.js';

export { EMULATOR_CREDENTIALS, ALL_SCOPES } from './server.js';
export { LIVE_SCOPES } from './live/front.js';
export type { FaultRule, LogEntry, RateLimits } from './server.js';
export { createEmulatorControl, EmulatorControlError } from './control.js';
export type {
  EmulatorControl,
  OutboxMessage,
  RegisteredToken,
  StateSession,
  TokenRegistration,
  UpstreamCalls,
} from './control.js';
export type { SeedSize } from './store.js';
export type { WebhookDelivery, WebhookDialect, WebhookTarget } from './webhooks.js';

export interface EmulatorOptions {
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  size?: SeedSize;
  /** Per-token fixed windows; default 50 per minute and 5000 per day, as Zoho documents. */
  rateLimits?: false | { perMinute: number; perDay: number; windowMs?: number };
  /** Added to every API call. */
  latencyMs?: number;
  jitterMs?: number;
  /** Default true; false prints one line per call on stderr. */
  quiet?: boolean;
}

export interface RunningEmulator {
  /** Origin, `http://127.0.0.1:PORT`. */
  url: string;
  /** `${url}/api/v2`. */
  apiUrl: string;
  /** Equal to `url`; the token endpoint is `${accountsUrl}/oauth/v2/token`. */
  accountsUrl: string;
  /** The `/__emulator/` control plane (faults, counters, tokens, state), typed. */
  control: EmulatorControl;
  close(): Promise<void>;
}

export const DEFAULT_RATE_LIMITS = { perMinute: 50, perDay: 5000, windowMs: 60_000 } as const;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = new Emulator({
    size: options.size ?? {},
    rateLimits: options.rateLimits === undefined ? { ...DEFAULT_RATE_LIMITS } : options.rateLimits,
    latencyMs: options.latencyMs ?? 0,
    jitterMs: options.jitterMs ?? 0,
    quiet: options.quiet ?? true,
  });
  emulator.warm();
  const server = createServer((req, res) => {
    emulator.handle(req, res).catch((error: unknown) => {
      process.stderr.write(
        `emulator: unhandled ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 500, message: 'Internal error' } }));
      } else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  emulator.url = url;
  return {
    url,
    apiUrl: `${url}/api/v2`,
    accountsUrl: url,
    control: createEmulatorControl(url),
    close: () =>
      new Promise<void>((resolve, reject) => {
        emulator.stop();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
