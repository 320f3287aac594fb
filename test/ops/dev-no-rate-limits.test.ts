/**
 * DEV_NO_RATE_LIMITS, the development switch: a developer clicking around a UI against `npm start` (the embedded
 * emulator) spends Zoho's 50 calls a minute within a minute, and then meets RATE_LIMITED from the subgraph's
 * limiter and, past it, from the emulator's. The switch turns off both, and production refuses it.
 */
import { startApp, type App } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { errorCodes, graphql } from '../support/graphql.js';

/** More one-call operations than Zoho's minute allows (50), so either limiter, if on, refuses the last ones. */
const OPERATIONS = 56;
const ONE_CALL = '{ sessions(first: 1) { nodes { id } } }';

/** `npm start` as a developer runs it: the embedded emulator, no Zoho settings, the read cache off. */
function developmentApp(env: Record<string, string>): Promise<App> {
  return startApp(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', READ_CACHE: 'false', ...env }),
  );
}

/** Sends OPERATIONS one-call queries in turn; the codes of the ones that failed. */
async function clickAround(app: App): Promise<unknown[]> {
  const codes: unknown[] = [];
  for (let i = 0; i < OPERATIONS; i++) codes.push(...errorCodes(await graphql(app.url, ONE_CALL)));
  return codes;
}

function problemVariables(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => problem.variable);
    throw error;
  }
  return [];
}

describe('DEV_NO_RATE_LIMITS', () => {
  it('lets a developer make more calls in a minute than Zoho allows, through both limiters', async () => {
    const app = await developmentApp({ DEV_NO_RATE_LIMITS: 'true' });
    try {
      expect(await clickAround(app)).toEqual([]);
      expect((await app.emulator!.control.calls()).byRoute['GET /sessions']).toBe(OPERATIONS);
    } finally {
      await app.close();
    }
  });

  it('is off by default: the same clicking meets RATE_LIMITED after 50 calls', async () => {
    const app = await developmentApp({});
    try {
      const codes = await clickAround(app);

      expect(codes.length).toBe(OPERATIONS - 50);
      expect(new Set(codes)).toEqual(new Set(['RATE_LIMITED']));
      expect((await app.emulator!.control.calls()).byRoute['GET /sessions']).toBe(50);
    } finally {
      await app.close();
    }
  });

  it('turns off the embedded emulator’s limits as well as the subgraph’s', () => {
    const config = loadConfig({ DEV_NO_RATE_LIMITS: 'true' });

    expect(config.emulator).toMatchObject({ enabled: true, rateLimits: false });
    expect(config.limits).toMatchObject({ lifted: true, perMinute: 1_000_000, maxSharePerToken: 1 });
  });

  it('is refused with NODE_ENV=production', () => {
    expect(
      problemVariables({ NODE_ENV: 'production', DEV_NO_RATE_LIMITS: 'true', ZOHO_ACCESS_TOKEN: 't' }),
    ).toContain('DEV_NO_RATE_LIMITS');
  });

  it('is refused beside a rate limit it would silently override', () => {
    expect(problemVariables({ DEV_NO_RATE_LIMITS: 'true', RATE_LIMIT_PER_MINUTE: '100' })).toEqual([
      'RATE_LIMIT_PER_MINUTE',
    ]);
  });
});
