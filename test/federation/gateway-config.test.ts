/**
 * docs/gateway/gateway.config.ts as Hive Gateway runs it: its options in `createGatewayRuntime`, in front of our
 * subgraph in forwarded mode (each user's own Zoho token) that answers only its gateway (GATEWAY_SHARED_SECRET),
 * beside the help desk's subgraph. What a client sends is what a browser would: a raw POST to the gateway.
 */
import { readFileSync } from 'node:fs';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway';
import { parse as parseYaml } from 'yaml';
import {
  BROWSER_REQUEST_HEADERS,
  gatewayOptionsFor,
  ZOHO_ASSIST_SUBGRAPH,
} from '../../docs/gateway/gateway.config.js';
import { startDeskSubgraph } from '../fixtures/desk-subgraph.js';
import type { RunningSubgraph } from '../fixtures/sibling.js';
import type { GraphQLResult } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';
import { composeWithSiblings, supergraphSdlOf } from './support.js';

const SECRET = 'gateway-secret-0123456789abcdef';
const ALICE = { token: 'alice-token', tenant: 'acme' };
const MAX_CALLS = 5;
const TECHNICIANS = '{ technicians(first: 2) { nodes { id name } } }';

/** What the queries below select, through the gateway or directly. */
interface GatewayData {
  technicians: { nodes: Array<{ id: string; name: string }> };
  tickets: Array<{ id: string }>;
}

let stack: Stack;
let desk: RunningSubgraph;
let supergraph: string;
let configured: GatewayRuntime;
/** The headers of every request the configured gateway sent, by subgraph. */
const sent: Array<{ subgraph: string; headers: Headers }> = [];
/** Every error extension key a client received through the configured gateway, the gateway's own left out. */
const extensionKeysSeen = new Set<string>();

beforeAll(async () => {
  stack = await startStack({
    env: {
      AUTH_MODE: 'forwarded',
      ZOHO_ACCESS_TOKEN: '',
      GATEWAY_SHARED_SECRET: SECRET,
      MAX_UPSTREAM_CALLS_PER_OPERATION: String(MAX_CALLS),
    },
  });
  await stack.control.registerToken(ALICE);
  desk = await startDeskSubgraph([]);
  const served = await stack.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }', undefined, {
    authorization: `Zoho-oauthtoken ${ALICE.token}`,
    'x-gateway-secret': SECRET,
  });
  supergraph = supergraphSdlOf(composeWithSiblings(stack, served.data!._service.sdl, [desk]));
  const subgraphOf = new Map([
    [new URL(stack.app.url).origin, ZOHO_ASSIST_SUBGRAPH],
    [new URL(desk.url).origin, desk.name],
  ]);
  configured = createGatewayRuntime({
    // The gateway's environment, as the deployment sets it beside the subgraph's.
    ...gatewayOptionsFor({ GATEWAY_SHARED_SECRET: SECRET }),
    supergraph,
    logging: false,
    plugins: () => [
      {
        onFetch({ url, options }: { url: string; options: RequestInit }) {
          const subgraph = subgraphOf.get(new URL(url).origin) ?? url;
          sent.push({ subgraph, headers: new Headers(options.headers) });
        },
      },
    ],
  });
});

afterAll(async () => {
  await configured[Symbol.asyncDispose]();
  await desk.close();
  await stack.close();
});

afterEach(() => stack.control.clearFaults());

async function post(
  gateway: GatewayRuntime,
  query: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResult<GatewayData>> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const result: GraphQLResult<GatewayData> = {
    status: response.status,
    headers: response.headers,
    ...((await response.json()) as Omit<GraphQLResult<GatewayData>, 'status' | 'headers'>),
  };
  if (gateway === configured) {
    for (const error of result.errors ?? [])
      for (const key of Object.keys(error.extensions ?? {}))
        if (key !== 'serviceName') extensionKeysSeen.add(key);
  }
  return result;
}

const asAlice = { authorization: `Zoho-oauthtoken ${ALICE.token}` };

describe('Hive Gateway with docs/gateway/gateway.config.ts', () => {
  it("forwards the caller's Authorization to our subgraph, which answers with that user's data", async () => {
    const direct = await stack.graphql<GatewayData>(TECHNICIANS, undefined, {
      ...asAlice,
      'x-gateway-secret': SECRET,
    });
    expect(direct.data?.technicians.nodes).toHaveLength(2);
    await stack.control.resetCalls();

    const result = await post(configured, TECHNICIANS, asAlice);

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual(direct.data);
    expect(await stack.control.calls()).toEqual({ total: 1, byRoute: { 'GET /technicians': 1 } });
    // The subgraph's Cache-Control is for its own answer; the gateway does not pass it on (docs/federation.md says so).
    expect(direct.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(result.headers.get('cache-control')).toBeNull();
  });

  it('sends the Zoho token and the gateway secret to our subgraph only, never to a sibling', async () => {
    sent.length = 0;

    const result = await post(configured, `{ tickets { id } ${TECHNICIANS.slice(1, -1)} }`, {
      ...asAlice,
      'x-request-id': 'req-from-the-client-42',
    });

    expect(result.errors).toBeUndefined();
    expect(result.data?.tickets).toEqual([]);
    const to = (subgraph: string) => sent.filter((request) => request.subgraph === subgraph);
    expect(to(ZOHO_ASSIST_SUBGRAPH)).toHaveLength(1);
    expect(to(desk.name)).toHaveLength(1);
    const ours = to(ZOHO_ASSIST_SUBGRAPH)[0]!.headers;
    expect(ours.get('authorization')).toBe(asAlice.authorization);
    expect(ours.get('x-gateway-secret')).toBe(SECRET);
    const theirs = to(desk.name)[0]!.headers;
    expect(theirs.get('authorization')).toBeNull();
    expect(theirs.get('x-gateway-secret')).toBeNull();
    // Hive Gateway's own default: the client's request id goes to every subgraph and back to the client.
    expect(ours.get('x-request-id')).toBe('req-from-the-client-42');
    expect(result.headers.get('x-request-id')).toBe('req-from-the-client-42');
  });

  it('a caller without a token gets UNAUTHENTICATED with its code, and Zoho is not called', async () => {
    await stack.control.resetCalls();

    const result = await post(configured, TECHNICIANS);

    expect(result.data).toEqual({ technicians: null });
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ['technicians'],
        extensions: { code: 'UNAUTHENTICATED', serviceName: ZOHO_ASSIST_SUBGRAPH },
      }),
    ]);
    expect(await stack.control.calls()).toEqual({ total: 0, byRoute: {} });
  });

  it('a RATE_LIMITED error from the subgraph reaches the client with its code, retryAfter and message', async () => {
    // Zoho answers 429 asking for 30 s, longer than the subgraph waits: it fails at once with retryAfter 30.
    await stack.control.addFault({ rateLimitRate: 1, retryAfterSeconds: 30 });
    await stack.control.resetCalls();

    const result = await post(configured, TECHNICIANS, asAlice);

    expect(result.status).toBe(200);
    expect(result.data).toEqual({ technicians: null });
    expect(result.errors).toEqual([
      {
        message: 'The Zoho Assist API budget is spent for now. Retry after 30 s.',
        path: ['technicians'],
        extensions: { code: 'RATE_LIMITED', retryAfter: 30, serviceName: ZOHO_ASSIST_SUBGRAPH },
      },
    ]);
    expect(await stack.control.calls()).toEqual({ total: 1, byRoute: { 'GET /technicians': 1 } });
  });

  it('OPERATION_TOO_EXPENSIVE reaches the client with estimatedUpstreamCalls and maxUpstreamCalls', async () => {
    await stack.control.resetCalls();

    // 1 call for the page + 1 per session for its details: about 21, over the limit of 5.
    const result = await post(
      configured,
      '{ sessions(first: 20) { nodes { id details { __typename } } } }',
      asAlice,
    );

    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'OPERATION_TOO_EXPENSIVE',
      estimatedUpstreamCalls: 21,
      maxUpstreamCalls: MAX_CALLS,
    });
    expect(await stack.control.calls()).toEqual({ total: 0, byRoute: {} });
  });

  it('BAD_USER_INPUT reaches the client with the input field at fault', async () => {
    const result = await post(configured, '{ technicians(first: 1000) { nodes { id } } }', asAlice);

    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ['technicians'],
        extensions: { code: 'BAD_USER_INPUT', field: ['first'], serviceName: ZOHO_ASSIST_SUBGRAPH },
      }),
    ]);
  });
});

describe('Hive Gateway with docs/gateway/gateway.config.ts and GATEWAY_HMAC_SECRET', () => {
  const HMAC_SECRET = 'hmac-secret-fedcba9876543210';
  let signed: Stack;
  let gateway: GatewayRuntime;
  const bodies: Array<{ subgraph: string; body: string }> = [];

  beforeAll(async () => {
    // Admits only requests signed with the HMAC secret: no shared header is configured on either side.
    signed = await startStack({
      env: { AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '', GATEWAY_HMAC_SECRET: HMAC_SECRET },
    });
    await signed.control.registerToken(ALICE);
    const served = await stack.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }', undefined, {
      'x-gateway-secret': SECRET,
    });
    const subgraphOf = new Map([
      [new URL(signed.app.url).origin, ZOHO_ASSIST_SUBGRAPH],
      [new URL(desk.url).origin, desk.name],
    ]);
    gateway = createGatewayRuntime({
      ...gatewayOptionsFor({ GATEWAY_HMAC_SECRET: HMAC_SECRET }),
      supergraph: supergraphSdlOf(composeWithSiblings(signed, served.data!._service.sdl, [desk])),
      logging: false,
      plugins: () => [
        {
          onFetch({ url, options }: { url: string; options: RequestInit }) {
            const body = typeof options.body === 'string' ? options.body : '';
            bodies.push({ subgraph: subgraphOf.get(new URL(url).origin) ?? url, body });
          },
        },
      ],
    });
  });

  afterAll(async () => {
    await gateway[Symbol.asyncDispose]();
    await signed.close();
  });

  it('signs what it sends our subgraph, which answers; the sibling gets no signature and nobody the secret', async () => {
    const result = await post(gateway, `{ tickets { id } ${TECHNICIANS.slice(1, -1)} }`, asAlice);

    expect(result.errors).toBeUndefined();
    expect(result.data?.technicians.nodes).toHaveLength(2);
    const signature = (subgraph: string) =>
      bodies
        .filter((request) => request.subgraph === subgraph)
        .map(
          (request) =>
            typeof (JSON.parse(request.body) as { extensions?: Record<string, unknown> }).extensions?.[
              'hmac-signature'
            ],
        );
    expect(signature(ZOHO_ASSIST_SUBGRAPH)).toEqual(['string']);
    expect(signature(desk.name)).toEqual(['undefined']);
    expect(bodies.filter((request) => request.body.includes(HMAC_SECRET))).toEqual([]);
  });
});

describe('Hive Gateway with docs/gateway/gateway.config.ts, for browsers', () => {
  const APP = 'https://console.example.com';
  const list = (header: string | null) => (header ?? '').split(',').map((name) => name.trim().toLowerCase());
  const preflight = (gateway: GatewayRuntime, origin: string) =>
    gateway.fetch('http://gateway.test/graphql', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': BROWSER_REQUEST_HEADERS.join(', '),
      },
    });

  it("allows CORS_ORIGINS' preflight with Apollo Client's headers, and lets the page read x-request-id", async () => {
    const gateway = createGatewayRuntime({
      ...gatewayOptionsFor({ GATEWAY_SHARED_SECRET: SECRET, CORS_ORIGINS: APP }),
      supergraph,
      logging: false,
    });
    try {
      const allowed = await preflight(gateway, APP);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(APP);
      expect(list(allowed.headers.get('access-control-allow-headers'))).toEqual(
        expect.arrayContaining(['authorization', 'apollographql-client-name', 'x-zoho-budget']),
      );
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

      const answer = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { origin: APP, 'content-type': 'application/json', ...asAlice },
        body: JSON.stringify({ query: TECHNICIANS }),
      });
      expect(answer.status).toBe(200);
      expect(list(answer.headers.get('access-control-expose-headers'))).toContain('x-request-id');
      expect(answer.headers.get('x-request-id')).toBeTruthy();
    } finally {
      await gateway[Symbol.asyncDispose]();
    }
  });

  it('sends no CORS header without CORS_ORIGINS, where stock Hive Gateway admits any origin', async () => {
    const closed = createGatewayRuntime({ ...gatewayOptionsFor({}), supergraph, logging: false });
    const stock = createGatewayRuntime({ supergraph, logging: false });
    try {
      expect((await preflight(closed, APP)).headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(stock, APP)).headers.get('access-control-allow-origin')).toBe(APP);
    } finally {
      await closed[Symbol.asyncDispose]();
      await stock[Symbol.asyncDispose]();
    }
  });
});

describe('docs/gateway/router.yaml', () => {
  it("lets browsers send and read what Hive Gateway's configuration lets them", () => {
    const router = parseYaml(readFileSync('docs/gateway/router.yaml', 'utf8')) as {
      cors: { policies: Array<{ allow_headers: string[]; expose_headers: string[] }> };
    };
    const [policy] = router.cors.policies;

    expect(policy?.allow_headers.sort()).toEqual([...BROWSER_REQUEST_HEADERS].sort());
    expect(policy?.expose_headers).toEqual(['x-request-id']);
  });

  it('lets through, for our subgraph, every error extension key a client received above', () => {
    const router = parseYaml(readFileSync('docs/gateway/router.yaml', 'utf8')) as {
      include_subgraph_errors: {
        subgraphs: Record<string, { redact_message: boolean; allow_extensions_keys: string[] }>;
      };
      headers: { subgraphs: Record<string, { request: Array<Record<string, { named?: string }>> }> };
    };
    const ours = router.include_subgraph_errors.subgraphs[ZOHO_ASSIST_SUBGRAPH]!;

    // The tests above ran first (jest keeps the file's order): what they saw is what Apollo Router must allow.
    expect([...extensionKeysSeen]).toEqual(
      expect.arrayContaining(['code', 'retryAfter', 'estimatedUpstreamCalls', 'maxUpstreamCalls', 'field']),
    );
    expect(ours.allow_extensions_keys).toEqual(expect.arrayContaining([...extensionKeysSeen]));
    expect(ours.redact_message).toBe(false);
    const propagated = router.headers.subgraphs[ZOHO_ASSIST_SUBGRAPH]!.request.map(
      (rule) => rule.propagate?.named,
    );
    expect(propagated).toEqual(expect.arrayContaining(['authorization', 'x-request-id']));
  });
});

describe('Hive Gateway without the configuration', () => {
  it('forwards neither the Zoho token nor the gateway secret, so the subgraph answers nothing', async () => {
    const stock = createGatewayRuntime({ supergraph, logging: false });
    try {
      await stack.control.resetCalls();

      const result = await post(stock, TECHNICIANS, asAlice);

      expect(result.data).toEqual({ technicians: null });
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(await stack.control.calls()).toEqual({ total: 0, byRoute: {} });
    } finally {
      await stock[Symbol.asyncDispose]();
    }
  });
});
