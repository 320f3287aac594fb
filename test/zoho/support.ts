/**
 * The REST client's tests run against the real emulator over loopback. This starts one per test file, gives
 * the control plane (`/__emulator/...`) and builds clients with short backoffs so the suite stays fast.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EMULATOR_CREDENTIALS, startEmulator } from '../../emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/index.js';
import { createZohoClient } from '../../src/upstream/client.js';
import type { UpstreamCallEvent, ZohoClientOptions } from '../../src/upstream/client.js';
import { createZohoHttp } from '../../src/upstream/transport.js';
import type { ZohoHttp, ZohoHttpOptions } from '../../src/upstream/transport.js';
import { StaticTokenProvider } from '../../src/upstream/tokens.js';
import type { ZohoAssistApi } from '../../src/upstream/api.js';

export { EMULATOR_CREDENTIALS };

export const SMALL_SEED = { technicians: 6, customers: 6, computers: 6, sessions: 40, seed: 7 };

export function startUpstream(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ rateLimits: false, size: SMALL_SEED, quiet: true, ...options });
}

/** Retries with millisecond backoffs: the policy is what is tested, not the waiting. */
const FAST_RETRY = { limit: 2, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterSeconds: 1 } as const;

export function testHttp(upstream: { apiUrl: string }, options: Partial<ZohoHttpOptions> = {}): ZohoHttp {
  return createZohoHttp({ apiUrl: upstream.apiUrl, retry: FAST_RETRY, ...options });
}

export interface RecordingClient {
  zoho: ZohoAssistApi;
  events: UpstreamCallEvent[];
}

export function recordingClient(http: ZohoHttp, options: Partial<ZohoClientOptions> = {}): RecordingClient {
  const events: UpstreamCallEvent[] = [];
  const zoho = createZohoClient(http, {
    tokens: new StaticTokenProvider(EMULATOR_CREDENTIALS.accessToken),
    onCall: (event) => events.push(event),
    ...options,
  });
  return { zoho, events };
}

/** Resolves with the rejection of `promise`; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`, { cause: error });
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Everything an error could leak through: message, stack, own properties and causes, as logged or serialised. */
export function serializeError(error: unknown): string {
  const seen = new Set<unknown>();
  const walk = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    const out: Record<string, unknown> = {};
    for (const key of Object.getOwnPropertyNames(value))
      out[key] = walk((value as Record<string, unknown>)[key]);
    if (value instanceof Error) {
      out.message = value.message;
      out.stack = value.stack;
      out.cause = walk(value.cause);
    }
    return out;
  };
  return JSON.stringify(walk(error));
}

/** A one-route stand-in for Zoho that answers whatever the test wants (non-JSON bodies, contract drift). */
export async function startFakeUpstream(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ apiUrl: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v2`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
