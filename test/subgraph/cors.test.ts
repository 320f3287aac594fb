/**
 * CORS as a browser app meets it, calling the subgraph directly (`npm start`, CORS_ORIGINS): the preflight for
 * what Apollo Client sends (its client-name and -version headers, a token, `x-zoho-budget`) is allowed, and the
 * answer lets the page read `x-request-id`, the id a support ticket quotes.
 */
import { startStack, type Stack } from '../support/stack.js';

const ORIGIN = 'https://console.example.com';
/** The request headers Apollo Client 4 with `clientAwareness`, a token and the budget header asks to send. */
const REQUESTED = [
  'content-type',
  'authorization',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-zoho-budget',
];

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ env: { CORS_ORIGINS: ORIGIN } });
});

afterAll(() => stack.close());

const listed = (header: string | null) => (header ?? '').split(',').map((name) => name.trim().toLowerCase());

describe('CORS for a browser app', () => {
  it('allows the preflight of a POST with Apollo Client’s headers, a token and x-zoho-budget', async () => {
    const preflight = await fetch(stack.app.url, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': REQUESTED.join(', '),
      },
    });

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(listed(preflight.headers.get('access-control-allow-methods'))).toContain('post');
    expect(listed(preflight.headers.get('access-control-allow-headers'))).toEqual(
      expect.arrayContaining(REQUESTED),
    );
    expect(listed(preflight.headers.get('access-control-allow-headers'))).not.toContain('x-gateway-secret');
  });

  it('lets the page read x-request-id of the answer', async () => {
    const response = await fetch(stack.app.url, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', 'x-request-id': 'req-cors-1' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(listed(response.headers.get('access-control-expose-headers'))).toContain('x-request-id');
    expect(response.headers.get('x-request-id')).toBe('req-cors-1');
  });

  it('answers another origin without any CORS header', async () => {
    const preflight = await fetch(stack.app.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    });

    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-expose-headers')).toBeNull();
  });
});
