/**
 * docs/frontend.md's samples do what the page says: its operations validate and run against the emulator within
 * the calls they state, the partial answer it prints is the one the subgraph gives, the error codes it branches on
 * are in the schema's `ZohoErrorCode`, the codegen scalar map covers exactly the schema's scalars, the request it
 * prints answers through Hive Gateway configured as docs/gateway/gateway.config.ts says, and the CORS headers it
 * lists are the ones that configuration allows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway';
import {
  GraphQLEnumType,
  GraphQLScalarType,
  isSpecifiedScalarType,
  parse,
  validate,
  type GraphQLFormattedError,
} from 'graphql';
import { BROWSER_REQUEST_HEADERS, gatewayOptionsFor } from '../../docs/gateway/gateway.config.js';
import { buildSchema } from '../../src/graph/schema.js';
import { composeWithSiblings, servedSdl, supergraphSdlOf } from '../federation/support.js';
import { startStack, type Stack } from '../support/stack.js';

const PAGE = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'frontend.md'), 'utf8');

/** The body of every fenced block of one language, in order. */
function fenced(language: string): string[] {
  return [...PAGE.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map(
    (match) => match[1] ?? '',
  );
}

/** The text of one `## section`, up to the next. */
function section(heading: string): string {
  const start = PAGE.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no "## ${heading}" section`);
  const end = PAGE.indexOf('\n## ', start + 1);
  return PAGE.slice(start, end === -1 ? undefined : end);
}

const schema = buildSchema();
const operations = fenced('graphql').map((source) => ({
  source,
  variables: JSON.parse(/^# Variables: (.+)$/m.exec(source)?.[1] ?? 'null') as Record<string, unknown>,
  maxUpstreamCalls: Number(/^# Upstream calls: at most (\d+)$/m.exec(source)?.[1]),
}));

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(() => stack.close());

describe('docs/frontend.md, its operations', () => {
  it('has some, each stating its variables and the most calls it costs', () => {
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      expect(operation.variables).not.toBeNull();
      expect(operation.maxUpstreamCalls).toBeGreaterThan(0);
    }
  });

  it('validate against the schema and run within the calls they state', async () => {
    for (const operation of operations) {
      expect(validate(schema, parse(operation.source))).toEqual([]);
      await stack.control.resetCalls();
      const result = await stack.graphql(operation.source, operation.variables);

      expect(result.data).toBeTruthy();
      expect((await stack.control.calls()).total).toBeLessThanOrEqual(operation.maxUpstreamCalls);
    }
  });

  it('answers the partial result the page prints: data beside an error at its path, with its code', async () => {
    const [query] = operations;
    const printed = JSON.parse(fenced('json')[0]!) as {
      data: Record<string, unknown>;
      errors: GraphQLFormattedError[];
    };

    const result = await stack.graphql<Record<string, unknown>>(query!.source, query!.variables);

    expect(Object.keys(result.data ?? {}).sort()).toEqual(Object.keys(printed.data).sort());
    for (const [field, value] of Object.entries(printed.data)) {
      if (value === null) expect(result.data?.[field]).toBeNull();
      else expect(result.data?.[field]).not.toBeNull();
    }
    expect(result.errors?.map((error) => ({ path: error.path, code: error.extensions?.code }))).toEqual(
      printed.errors.map((error) => ({ path: error.path, code: error.extensions?.code })),
    );
  });
});

describe('docs/frontend.md, its TypeScript', () => {
  const [codegen, branching] = fenced('ts');

  it("branches only on codes of the schema's ZohoErrorCode, with errorPolicy 'all'", () => {
    const codes = (schema.getType('ZohoErrorCode') as GraphQLEnumType).getValues().map((value) => value.name);
    const branched = [...branching!.matchAll(/codes\.has\('([A-Z_]+)'\)/g)].map((match) => match[1]);

    expect(branched.length).toBeGreaterThan(2);
    expect(branched.filter((code) => !codes.includes(code!))).toEqual([]);
    expect(branching).toContain("errorPolicy: 'all'");
  });

  it('maps exactly the scalars of the schema a client sees, with strictScalars', () => {
    const mapped = [...(/scalars: \{([\s\S]*?)\}/.exec(codegen!)?.[1] ?? '').matchAll(/^\s*(\w+):/gm)].map(
      (match) => match[1],
    );
    const scalars = Object.values(schema.getTypeMap())
      .filter((type) => type instanceof GraphQLScalarType && !isSpecifiedScalarType(type))
      .map((type) => type.name)
      // Federation's own (`_Any`, `link__Import`, `federation__FieldSet`…) are not in the API schema.
      .filter((name) => !name.startsWith('_') && !name.includes('__'));

    expect(mapped.sort()).toEqual(scalars.sort());
    expect(codegen).toContain('strictScalars: true');
    expect(codegen).toContain("preset: 'client'");
  });
});

describe('docs/frontend.md, what the browser sends', () => {
  let forwarded: Stack;
  let gateway: GatewayRuntime;
  const [request] = fenced('http');
  const [head, body] = request!.split('\n\n');
  const [requestLine, ...headerLines] = head!.split('\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );

  beforeAll(async () => {
    forwarded = await startStack({ env: { AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '' } });
    await forwarded.control.registerToken({ token: headers.authorization!.replace('Zoho-oauthtoken ', '') });
    const supergraph = supergraphSdlOf(composeWithSiblings(forwarded, await servedSdl(forwarded), []));
    gateway = createGatewayRuntime({ ...gatewayOptionsFor({}), supergraph, logging: false });
  });

  afterAll(async () => {
    await gateway[Symbol.asyncDispose]();
    await forwarded.close();
  });

  it("answers through Hive Gateway with gateway.config.ts's options, the token forwarded", async () => {
    const [method, path] = requestLine!.split(' ');
    await forwarded.control.resetCalls();

    const response = await gateway.fetch(`http://gateway.test${path}`, {
      method,
      headers,
      body: body!.trim(),
    });
    const answer = (await response.json()) as {
      data?: { technicians: { nodes: unknown[] } };
      errors?: unknown;
    };

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.technicians.nodes).toHaveLength(2);
    expect(response.headers.get('x-request-id')).toBe(headers['x-request-id']);
    expect(await forwarded.control.calls()).toEqual({ total: 1, byRoute: { 'GET /technicians': 1 } });
  });

  it('is refused UNAUTHENTICATED without the token, as the page says', async () => {
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body!.trim(),
    });
    const answer = (await response.json()) as { errors?: GraphQLFormattedError[] };

    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('docs/frontend.md, CORS', () => {
  it('lists the headers gateway.config.ts allows, and x-request-id exposed', () => {
    const cors = section('CORS');
    const allowed = /allow-headers: (.+?)\n- expose/s.exec(cors)?.[1] ?? '';

    expect([...allowed.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]).sort()).toEqual(
      [...BROWSER_REQUEST_HEADERS].sort(),
    );
    expect(cors).toContain('expose-headers: `x-request-id`');
  });
});
