import { expect } from '@jest/globals';
import { EMULATOR_CREDENTIALS, startEmulator } from '../../emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/index.js';
import { validateResponse } from '../../contract/validate.js';
import type { ZohoAccessToken, ZohoTokenError } from '../../contract/types.js';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestEmulator extends RunningEmulator {
  /** An API call with the static token unless `token` is given (null sends no Authorization header). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- until every caller states the body it reads
  call<T = any>(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string | null; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  /** Zoho answers 200 with either a token or an error. */
  mint(
    form?: Record<string, string>,
  ): Promise<ApiResponse<Partial<ZohoAccessToken> & Partial<ZohoTokenError>>>;
}

/** The body as the caller says it reads it; `expectContract` checks it against the contract. */
async function parse<T>(response: Response): Promise<ApiResponse<T>> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    body: (type.includes('json') && text ? JSON.parse(text) : text) as T,
  };
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const running = await startEmulator({ rateLimits: false, ...options });
  return {
    ...running,
    async call(method, path, { body, token = EMULATOR_CREDENTIALS.accessToken, headers = {} } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (token !== null) (init.headers as Record<string, string>).Authorization = `Zoho-oauthtoken ${token}`;
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['Content-Type'] ??= 'application/json';
      }
      return parse(await fetch(`${running.apiUrl}${path}`, init));
    },
    async mint(form = {}) {
      const params = new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: EMULATOR_CREDENTIALS.clientId,
        client_secret: EMULATOR_CREDENTIALS.clientSecret,
        refresh_token: EMULATOR_CREDENTIALS.refreshToken,
        ...form,
      });
      return parse(await fetch(`${running.accountsUrl}/oauth/v2/token`, { method: 'POST', body: params }));
    },
  };
}

/** Asserts that `body` is what the contract says `operationId` answers with `status`. */
export function expectContract(operationId: string, response: ApiResponse): void {
  expect(validateResponse(operationId, response.status, response.body)).toBeUndefined();
}
