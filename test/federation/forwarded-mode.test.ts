/**
 * Forwarded mode (no service credentials, the production default) as gateways meet it: they compose and
 * health-check subgraphs without any user's token. What reads nothing from Zoho (`_service`, `__typename`,
 * introspection) is answered without one; everything else is refused with 401 before a single upstream call.
 * Each gateway is started the way its users start it, against the running subgraph.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PRINTED_GATEWAY_SDL } from '../../src/graph/sdl.js';
import { EMULATOR_TOKEN, startStack, type Stack } from '../support/stack.js';
import { composeWithSiblings, SUBGRAPH_NAME, supergraphSdlOf } from './support.js';

let stack: Stack;

beforeAll(async () => {
  // No ZOHO_ACCESS_TOKEN and no service credentials: forwarded mode.
  stack = await startStack({ env: { AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '' } });
});
afterAll(() => stack.close());

/** A request as a gateway or a curl user sends it: raw JSON over HTTP, no Authorization header. */
async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(stack.app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  return { status: response.status, body };
}

describe('forwarded mode without a token', () => {
  it('serves _service { sdl } (what IntrospectAndCompose, Hive and rover fetch) without calling Zoho', async () => {
    await stack.control.resetCalls();

    const { status, body } = await post('query SubgraphIntrospectQuery { _service { sdl } }');

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect((body.data?._service as { sdl: string }).sdl).toMatch(/type Session @key\(fields: "id"\)/);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it("answers Apollo Gateway's health check, `__typename` alone", async () => {
    const { status, body } = await post('query __ApolloServiceHealthCheck__ { __typename }');

    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers introspection where it is enabled', async () => {
    const { status, body } = await post(
      '{ __schema { queryType { name } } __type(name: "Session") { kind } }',
    );

    expect(status).toBe(200);
    expect(body).toEqual({
      data: { __schema: { queryType: { name: 'Query' } }, __type: { kind: 'OBJECT' } },
    });
  });

  it.each([
    ['a query field', '{ technician(id: "tech_1") { id } }'],
    ['a field beside _service', '{ _service { sdl } technicians(first: 1) { totalCount } }'],
    [
      'a field behind a fragment spread',
      '{ ...Reads } fragment Reads on Query { sessions(first: 1) { totalCount } }',
    ],
    ['a field behind an inline fragment', '{ ... on Query { customers(first: 1) { totalCount } } }'],
    ['a field under @skip(if: true)', '{ __typename technician(id: "tech_1") @skip(if: true) { id } }'],
    [
      'an entity fetch',
      '{ _entities(representations: [{ __typename: "Technician", id: "tech_1" }]) { ... on Technician { name } } }',
    ],
    ['a mutation', 'mutation { endSession(input: { sessionId: "s_1" }) { userErrors { code } } }'],
  ])('refuses %s with 401 UNAUTHENTICATED and calls nobody', async (_what, query) => {
    await stack.control.resetCalls();

    const { status, body } = await post(query);

    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('refuses a malformed Authorization header as it refuses a missing one', async () => {
    await stack.control.resetCalls();

    const refused = await post('{ technician(id: "tech_1") { id } }', {
      authorization: `Bearer ${EMULATOR_TOKEN}`,
    });
    const served = await post('{ _service { sdl } }', { authorization: `Bearer ${EMULATOR_TOKEN}` });

    expect(refused.status).toBe(401);
    expect(served.status).toBe(200);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('still reads Zoho with the caller token', async () => {
    const { status, body } = await post('{ technician(id: "tech_1") { id } }', {
      authorization: `Zoho-oauthtoken ${EMULATOR_TOKEN}`,
    });

    expect(status).toBe(200);
    expect(body).toEqual({ data: { technician: { id: 'tech_1' } } });
  });
});

describe('Apollo Gateway with its service health check on', () => {
  it('loads: the health check of every subgraph passes without a user token', async () => {
    const gateway = new ApolloGateway({
      // Apollo Gateway refuses the security directives (@authenticated, @requiresScopes): its users compose
      // the variant without them.
      supergraphSdl: supergraphSdlOf(
        composeWithSiblings(stack, readFileSync(PRINTED_GATEWAY_SDL, 'utf8'), []),
      ),
      serviceHealthCheck: true,
    });
    try {
      await expect(gateway.load()).resolves.toBeDefined();
      const checks = await gateway.serviceHealthCheck();
      expect(checks.map(({ name, response }) => [name, response.data])).toEqual([
        [SUBGRAPH_NAME, { __typename: 'Query' }],
      ]);
    } finally {
      await gateway.stop();
    }
  });
});

describe('Apollo Gateway composing from the running subgraph (IntrospectAndCompose)', () => {
  it('composes and health-checks with no token, then forwards each user token', async () => {
    // As Apollo Gateway's users run us: FEDERATION_SECURITY_DIRECTIVES=false, since it refuses those directives.
    const subgraph = await startStack({
      env: { AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '', FEDERATION_SECURITY_DIRECTIVES: 'false' },
    });
    const server = new ApolloServer<{ authorization?: string }>({
      gateway: new ApolloGateway({
        supergraphSdl: new IntrospectAndCompose({
          subgraphs: [{ name: SUBGRAPH_NAME, url: subgraph.app.url }],
        }),
        serviceHealthCheck: true,
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource<{ authorization?: string }>({
            url,
            willSendRequest({ request, context }) {
              const { authorization } = context as { authorization?: unknown };
              if (typeof authorization === 'string')
                request.http?.headers.set('authorization', authorization);
            },
          }),
      }),
      // Without these, starting a gateway inside Jest's module sandbox overflows the stack (see apollo-gateway.test.ts).
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginUsageReportingDisabled(),
        ApolloServerPluginSchemaReportingDisabled(),
      ],
    });
    try {
      await server.start();
      const ask = async (authorization?: string) => {
        const response = await server.executeOperation(
          { query: '{ technician(id: "tech_1") { id } }' },
          { contextValue: authorization ? { authorization } : {} },
        );
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        return response.body.singleResult;
      };
      await subgraph.control.resetCalls();

      const withToken = await ask(`Zoho-oauthtoken ${EMULATOR_TOKEN}`);
      const without = await ask();

      expect(withToken.errors).toBeUndefined();
      expect(withToken.data).toEqual({ technician: { id: 'tech_1' } });
      expect(without.errors?.map((error) => error.extensions?.code)).toContain('UNAUTHENTICATED');
      expect(await subgraph.control.calls()).toEqual({
        total: 1,
        byRoute: { 'GET /technicians/{technicianId}': 1 },
      });
    } finally {
      await server.stop();
      await subgraph.close();
    }
  });
});

describe('Hive Gateway composed from the running subgraph', () => {
  let gateway: GatewayRuntime;

  beforeAll(async () => {
    // As `rover subgraph introspect` + `rover supergraph compose` do it: the SDL from the live subgraph, no token.
    // (Mesh Compose introspects the live subgraph too; its composer is test/federation/composers.test.ts's.)
    const introspected = await post('query SubgraphIntrospectQuery { _service { sdl } }');
    const sdl = (introspected.body.data?._service as { sdl: string } | undefined)?.sdl ?? '';
    const supergraph = supergraphSdlOf(composeWithSiblings(stack, sdl, []));
    gateway = createGatewayRuntime({
      supergraph,
      logging: false,
      // The user's own token travels to the subgraph, as a forwarded-mode deployment needs.
      propagateHeaders: {
        fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
      },
    });
  });
  afterAll(async () => {
    await gateway[Symbol.asyncDispose]();
  });

  const viaGateway = async (query: string, headers: Record<string, string> = {}) => {
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: Array<{ extensions?: { code?: string } }>;
    };
  };

  it("answers a user's query with the user's token", async () => {
    await stack.control.resetCalls();

    const body = await viaGateway('{ technician(id: "tech_1") { id } }', {
      authorization: `Zoho-oauthtoken ${EMULATOR_TOKEN}`,
    });

    expect(body).toEqual({ data: { technician: { id: 'tech_1' } } });
    expect(await stack.control.calls()).toEqual({
      total: 1,
      byRoute: { 'GET /technicians/{technicianId}': 1 },
    });
  });

  it('refuses a query without a token as UNAUTHENTICATED, and Zoho hears nothing', async () => {
    await stack.control.resetCalls();

    const body = await viaGateway('{ technician(id: "tech_1") { id } }');

    expect(body.data?.technician ?? null).toBeNull();
    expect(body.errors?.map((error) => error.extensions?.code)).toContain('UNAUTHENTICATED');
    expect((await stack.control.calls()).total).toBe(0);
  });
});
