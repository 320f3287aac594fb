/**
 * What NODE_ENV=production turns on, over real HTTP: introspection, the landing page and field suggestions off
 * (the federation `_service { sdl }` still served), CORS closed unless configured, and Apollo Server's CSRF
 * prevention (which holds in every environment).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { startApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { EMULATOR_TOKEN } from '../support/stack.js';

let emulator: RunningEmulator;
let production: App;
let withOrigins: App;

/** A production configuration (https upstreams, as production demands), then pointed at the local emulator. */
function productionConfig(env: Record<string, string> = {}): Config {
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ZOHO_ASSIST_API_URL: 'https://assist.zoho.com/api/v2',
    // A Zoho host picks the live dialect by default; the emulator answers below in the seed's.
    ZOHO_API_DIALECT: 'seed',
    ZOHO_ACCOUNTS_URL: 'https://accounts.zoho.com',
    ZOHO_ACCESS_TOKEN: EMULATOR_TOKEN,
    // What production checks of callers is test/security/gateway-admission.test.ts's subject, not this file's.
    ALLOW_UNAUTHENTICATED_CALLERS: 'true',
    READ_CACHE: 'false',
    ...env,
  });
  return {
    ...config,
    upstream: { ...config.upstream, apiUrl: emulator.apiUrl, accountsUrl: emulator.accountsUrl },
  };
}

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, quiet: true, size: { technicians: 5, sessions: 10 } });
  [production, withOrigins] = await Promise.all([
    startApp(productionConfig()),
    startApp(productionConfig({ CORS_ORIGINS: 'https://desk.example.com' })),
  ]);
});
afterAll(async () => {
  await Promise.all([production.close(), withOrigins.close()]);
  await emulator.close();
});

async function post(app: App, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    response,
    body: (await response.json()) as {
      data?: { _service?: { sdl: string } };
      errors?: Array<{ message: string; extensions?: { code?: unknown } }>;
    },
  };
}

describe('in production', () => {
  it('refuses introspection but serves the federation SDL', async () => {
    const introspection = await post(production, `{ __schema { queryType { name } } }`);
    expect(introspection.body.data).toBeUndefined();
    expect(introspection.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const sdl = await post(production, `{ _service { sdl } }`);
    expect(sdl.body.data?._service?.sdl).toContain('type Session');
  });

  it('serves no landing page', async () => {
    const response = await fetch(production.url, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await response.text()).not.toMatch(/<html|sandbox|embeddable/i);
  });

  it('gives no field suggestions (they would map the schema introspection hides)', async () => {
    const result = await post(production, `{ technicien { id } }`);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.body.errors?.[0]?.message).not.toMatch(/did you mean|technician/i);
  });

  it('closes CORS by default: no allow-origin for any origin, preflight included', async () => {
    const simple = await post(production, `{ __typename }`, { origin: 'https://evil.example' });
    expect(simple.response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(production.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens CORS to the configured origins only', async () => {
    const allowed = await post(withOrigins, `{ __typename }`, { origin: 'https://desk.example.com' });
    expect(allowed.response.headers.get('access-control-allow-origin')).toBe('https://desk.example.com');
    const other = await post(withOrigins, `{ __typename }`, { origin: 'https://evil.example' });
    expect(other.response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CSRF prevention', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'])(
    'refuses a simple POST with content-type %s, before any upstream call',
    async (contentType) => {
      await emulator.control.resetCalls();
      const response = await fetch(production.url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: JSON.stringify({ query: `{ technician(id: "tech_1") { id } }` }),
      });
      expect(response.status).toBe(400);
      expect((await emulator.control.calls()).total).toBe(0);
    },
  );

  it('refuses a simple GET, and answers it with apollo-require-preflight', async () => {
    const url = `${production.url}?query=${encodeURIComponent('{ technician(id: "tech_1") { id } }')}`;
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { technician: { id: 'tech_1' } } });
  });
});
