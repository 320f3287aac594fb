/**
 * Only the gateway is answered. A production subgraph with a stored Zoho credential refuses to start unless
 * callers must prove they are the gateway (or the operator says the network sees to it); the proof is the shared
 * header or Hive Gateway's HMAC request signature, checked here against a real Hive Gateway in-process.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { startStack, type Stack } from '../support/stack.js';
import { composeWithSiblings, supergraphSdlOf } from '../federation/support.js';

const HMAC_SECRET = 'hmac-secret-6a0e3d9b1c';
const SHARED_SECRET = 'shared-secret-2b7f41c8';
const QUERY = 'query Technicians($n: Int) { technicians(first: $n) { nodes { name } } }';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.variable}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('in production with a stored credential', () => {
  const service = {
    NODE_ENV: 'production',
    ZOHO_CLIENT_ID: 'client-id',
    ZOHO_CLIENT_SECRET: 'client-secret',
    ZOHO_REFRESH_TOKEN: 'refresh-token',
  };

  it('refuses to start without a way to tell the gateway from anyone else, listed with the other problems', () => {
    const problems = problemsOf({ ...service, PORT: 'not-a-port' });

    expect(problems).toEqual([
      expect.stringMatching(/^PORT: /),
      expect.stringMatching(
        /^GATEWAY_SHARED_SECRET: required when NODE_ENV=production and AUTH_MODE=service: without it any caller reads Zoho data with the stored credential/,
      ),
    ]);
    expect(problemsOf({ NODE_ENV: 'production', ZOHO_ACCESS_TOKEN: 'token' })).toEqual([
      expect.stringMatching(/^GATEWAY_SHARED_SECRET: required when NODE_ENV=production and AUTH_MODE=static/),
    ]);
  });

  it('starts with the shared secret, the HMAC secret, or an explicit ALLOW_UNAUTHENTICATED_CALLERS', () => {
    expect(problemsOf({ ...service, GATEWAY_SHARED_SECRET: SHARED_SECRET })).toEqual([]);
    expect(problemsOf({ ...service, GATEWAY_HMAC_SECRET: HMAC_SECRET })).toEqual([]);
    expect(problemsOf({ ...service, ALLOW_UNAUTHENTICATED_CALLERS: 'true' })).toEqual([]);
    expect(problemsOf({ ...service, ALLOW_UNAUTHENTICATED_CALLERS: 'false' })).toHaveLength(1);
  });

  it('needs no proof in forwarded mode, where each caller brings its own Zoho token', () => {
    expect(problemsOf({ NODE_ENV: 'production', AUTH_MODE: 'forwarded' })).toEqual([]);
  });
});

describe('Hive Gateway request signing', () => {
  let stack: Stack;
  let gateway: GatewayRuntime;
  /** The bodies Hive Gateway sent our subgraph, as sent. */
  const sent: string[] = [];

  beforeAll(async () => {
    stack = await startStack({
      emulator: { size: { technicians: 5, customers: 5, computers: 5, sessions: 5 } },
      env: { GATEWAY_HMAC_SECRET: HMAC_SECRET, GATEWAY_SHARED_SECRET: SHARED_SECRET },
    });
    const sdl = await stack.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }', undefined, {
      'x-gateway-secret': SHARED_SECRET,
    });
    gateway = createGatewayRuntime({
      supergraph: supergraphSdlOf(composeWithSiblings(stack, sdl.data!._service.sdl, [])),
      hmacSignature: { secret: HMAC_SECRET },
      logging: false,
      plugins: () => [
        {
          onFetch({ options }: { options: { body?: unknown } }) {
            if (typeof options.body === 'string') sent.push(options.body);
          },
        },
      ],
    });
  });
  afterAll(async () => {
    await gateway[Symbol.asyncDispose]();
    await stack.close();
  });

  async function direct(body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(stack.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const REFUSED = {
    status: 403,
    body: {
      errors: [{ message: 'This subgraph only answers its gateway.', extensions: { code: 'FORBIDDEN' } }],
    },
  };

  it('answers a request Hive Gateway signed', async () => {
    await stack.control.resetCalls();
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { n: 2 } }),
    });
    const body = (await response.json()) as {
      data?: { technicians: { nodes: unknown[] } };
      errors?: unknown;
    };

    expect(body.errors).toBeUndefined();
    expect(body.data?.technicians.nodes).toHaveLength(2);
    expect(JSON.parse(sent.at(-1)!)).toMatchObject({ extensions: { 'hmac-signature': expect.any(String) } });
    expect((await stack.control.calls()).total).toBe(1);
  });

  it('refuses 403 an unsigned request, one signed with another key, and one without a signature string', async () => {
    await stack.control.resetCalls();
    const wrongKey = createHmac('sha256', 'not-the-secret')
      .update(JSON.stringify({ query: QUERY, variables: { n: 2 } }))
      .digest('base64');

    expect(await direct({ query: QUERY, variables: { n: 2 } })).toEqual(REFUSED);
    expect(
      await direct({ query: QUERY, variables: { n: 2 }, extensions: { 'hmac-signature': wrongKey } }),
    ).toEqual(REFUSED);
    expect(await direct({ query: QUERY, extensions: { 'hmac-signature': ['a'] } })).toEqual(REFUSED);
    expect(await direct([{ query: QUERY }])).toEqual(REFUSED);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('answers the gateway’s signed body as sent, and refuses it with the variables changed', async () => {
    const signed = sent.at(-1)!;
    const tampered = JSON.parse(signed) as { variables: { n: number } };
    tampered.variables.n = 100;

    const replayed = await direct(signed);
    expect(replayed.status).toBe(200);
    expect(replayed.body.errors).toBeUndefined();
    expect(await direct(tampered)).toEqual(REFUSED);
  });

  it('still admits the shared header beside the signature', async () => {
    const answer = await direct({ query: '{ __typename }' }, { 'x-gateway-secret': SHARED_SECRET });

    expect(answer).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    expect(await direct({ query: '{ __typename }' }, { 'x-gateway-secret': `${SHARED_SECRET}x` })).toEqual(
      REFUSED,
    );
  });

  it('checks GET requests too', async () => {
    const url = new URL(stack.app.url);
    url.searchParams.set('query', '{ __typename }');
    const unsigned = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(unsigned.status).toBe(403);

    const signature = createHmac('sha256', HMAC_SECRET)
      .update(JSON.stringify({ query: '{ __typename }' }))
      .digest('base64');
    url.searchParams.set('extensions', JSON.stringify({ 'hmac-signature': signature }));
    const signed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(signed.status).toBe(200);
    expect(await signed.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
