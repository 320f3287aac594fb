/**
 * Which API the upstream speaks (ZOHO_API_DIALECT) and where Zoho is: the nine data centres, the default dialect
 * they imply, and the department variable. Pure configuration: no server.
 */
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { dataCentreOfApiUrl, ZOHO_DATA_CENTRES } from '../../src/upstream/datacentres.js';

const SERVICE = { ZOHO_CLIENT_ID: 'id', ZOHO_CLIENT_SECRET: 'secret', ZOHO_REFRESH_TOKEN: 'refresh' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.variable}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('data centres', () => {
  it('are the nine Zoho runs, UK, CA and SA included', () => {
    expect(ZOHO_DATA_CENTRES).toEqual(['us', 'eu', 'in', 'au', 'cn', 'jp', 'uk', 'ca', 'sa']);
  });

  it.each([
    ['uk', 'https://assist.zoho.uk/api/v2', 'https://accounts.zoho.uk'],
    ['ca', 'https://assist.zohocloud.ca/api/v2', 'https://accounts.zohocloud.ca'],
    ['sa', 'https://assist.zoho.sa/api/v2', 'https://accounts.zoho.sa'],
  ])('ZOHO_DC=%s points the API and the token endpoint at its own hosts', (dc, apiUrl, accountsUrl) => {
    const config = loadConfig({ ZOHO_DC: dc, ...SERVICE });
    expect(config.upstream.apiUrl).toBe(apiUrl);
    expect(config.upstream.accountsUrl).toBe(accountsUrl);
  });

  it("recognise an Assist host, never the token answer's api_domain", () => {
    expect(dataCentreOfApiUrl('https://assist.zohocloud.ca/api/v2')).toBe('ca');
    expect(dataCentreOfApiUrl('https://ASSIST.zoho.com.au/api/v2')).toBe('au');
    expect(dataCentreOfApiUrl('https://www.zohoapis.com')).toBeUndefined();
    expect(dataCentreOfApiUrl('https://assist.zoho.com.evil.example/api/v2')).toBeUndefined();
    expect(dataCentreOfApiUrl('http://127.0.0.1:4010/api/v2')).toBeUndefined();
    expect(dataCentreOfApiUrl('not a url')).toBeUndefined();
  });
});

describe('ZOHO_API_DIALECT', () => {
  it('defaults to live with a data centre and service credentials alone', () => {
    const config = loadConfig({ ZOHO_DC: 'us', ...SERVICE });
    expect(config.upstream.dialect).toBe('live');
    expect(config.upstream.apiUrl).toBe('https://assist.zoho.com/api/v2');
    expect(config.upstream.accountsUrl).toBe('https://accounts.zoho.com');
    expect(config.upstream.departmentId).toBeNull();
    expect(config.emulator.enabled).toBe(false);
  });

  it('defaults to live for a ZOHO_ASSIST_API_URL on a Zoho data-centre host', () => {
    expect(loadConfig({ ZOHO_ASSIST_API_URL: 'https://assist.zoho.eu/api/v2' }).upstream.dialect).toBe(
      'live',
    );
  });

  it('defaults to seed for the embedded emulator and for any other URL', () => {
    expect(loadConfig({}).upstream.dialect).toBe('seed');
    expect(loadConfig({ ZOHO_ASSIST_API_URL: 'http://127.0.0.1:4010/api/v2' }).upstream.dialect).toBe('seed');
    expect(
      loadConfig({ ZOHO_ASSIST_API_URL: 'https://zoho-proxy.example.com/api/v2' }).upstream.dialect,
    ).toBe('seed');
  });

  it('is what it says when set, and alone it keeps the embedded emulator on', () => {
    const live = loadConfig({ ZOHO_API_DIALECT: 'live' });
    expect(live.upstream.dialect).toBe('live');
    expect(live.emulator.enabled).toBe(true);
    expect(loadConfig({ ZOHO_DC: 'jp', ZOHO_API_DIALECT: 'seed' }).upstream.dialect).toBe('seed');
  });

  it('refuses anything but live or seed', () => {
    expect(problemsOf({ ZOHO_API_DIALECT: 'real' })).toEqual([
      'ZOHO_API_DIALECT: expected one of live, seed (got "real")',
    ]);
  });
});

describe('ZOHO_DEPARTMENT_ID', () => {
  it('keeps an 18-digit department digit for digit', () => {
    const config = loadConfig({ ZOHO_DC: 'eu', ZOHO_DEPARTMENT_ID: '215700000000004111', ...SERVICE });
    expect(config.upstream.departmentId).toBe('215700000000004111');
  });

  it('must be digits', () => {
    expect(problemsOf({ ZOHO_DC: 'eu', ZOHO_DEPARTMENT_ID: '2157-1' })).toEqual([
      'ZOHO_DEPARTMENT_ID: expected a Zoho department id (digits only) (got "2157-1")',
    ]);
  });

  it('is refused where the seed dialect would never send it', () => {
    expect(
      problemsOf({ ZOHO_ASSIST_API_URL: 'http://127.0.0.1:4010/api/v2', ZOHO_DEPARTMENT_ID: '1' }),
    ).toEqual(['ZOHO_DEPARTMENT_ID: is set but unused: the seed dialect has no departments; remove it']);
  });
});
