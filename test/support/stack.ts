/**
 * A whole stack on loopback for one test file: the emulator on an ephemeral port and the subgraph pointed at
 * it, both real HTTP servers, both closed by `close()`.
 */
import {
  startEmulator,
  type EmulatorControl,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../emulator/index.js';
import { startApp, type App, type StartOptions } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { graphql, type GraphQLResult } from './graphql.js';

export interface Stack {
  emulator: RunningEmulator;
  app: App;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- until every caller states its result type
  graphql<D = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<D>>;
  /** The emulator's control plane: `calls()` counts what reached "Zoho", `resetCalls()` starts counting again. */
  control: EmulatorControl;
  close(): Promise<void>;
}

export const EMULATOR_TOKEN = 'emulator-token';

/**
 * A test configuration against `emulator`, overridden by `env`: loopback on an ephemeral port, silent, the
 * emulator's static token, the subgraph's budget off and the cross-request read cache off (most tests count the
 * upstream calls of each operation on its own; tests of the budget and of the caches set these themselves).
 */
export function configFor(emulator: RunningEmulator, env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ZOHO_ASSIST_API_URL: emulator.apiUrl,
    ZOHO_ACCOUNTS_URL: emulator.accountsUrl,
    ZOHO_ACCESS_TOKEN: EMULATOR_TOKEN,
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_DAY: '100000000',
    READ_CACHE: 'false',
    ...env,
  });
}

export async function startStack(
  options: { emulator?: EmulatorOptions; env?: Record<string, string>; app?: StartOptions } = {},
): Promise<Stack> {
  const emulator = await startEmulator({ rateLimits: false, quiet: true, ...options.emulator });
  const rateLimits = options.emulator?.rateLimits;
  // The subgraph's own budget mirrors the emulator's limits (off unless a test turns them on).
  const config = configFor(emulator, {
    ...(rateLimits
      ? {
          RATE_LIMIT_PER_MINUTE: String(rateLimits.perMinute),
          RATE_LIMIT_PER_DAY: String(rateLimits.perDay),
          RATE_LIMIT_WINDOW_MS: String(rateLimits.windowMs ?? 60_000),
        }
      : {}),
    ...options.env,
  });
  let app: App;
  try {
    app = await startApp(config, options.app);
  } catch (error) {
    await emulator.close();
    throw error;
  }

  return {
    emulator,
    app,
    graphql: (query, variables, headers) => graphql(app.url, query, variables, headers),
    control: emulator.control,
    async close() {
      await app.close();
      await emulator.close();
    },
  };
}
