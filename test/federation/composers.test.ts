/**
 * Both composers a team may run over our SDL accept it: Apollo's (`rover`, `@apollo/composition`) and the
 * Guild's (`@theguild/federation-composition`: Hive Gateway's own composition, Mesh Compose, Hive's schema
 * registry). The Guild's knows Federation up to v2.9 and refuses a later `@link` with "Invalid version", so the
 * subgraph links the lowest version that has every directive it imports: v2.9, for `@cost` and `@listSize`
 * (`@authenticated` and `@requiresScopes` need v2.5, the rest v2.0).
 */
import { composeServices as composeWithApollo } from '@apollo/composition';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { composeServices as composeWithGuild } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { startCrmSubgraph } from '../fixtures/crm-subgraph.js';
import { startDeskSubgraph } from '../fixtures/desk-subgraph.js';
import type { RunningSubgraph } from '../fixtures/sibling.js';
import { startStack, type Stack } from '../support/stack.js';
import { servedSdl, SUBGRAPH_NAME } from './support.js';

let stack: Stack;
let siblings: RunningSubgraph[];
let sdl: string;

beforeAll(async () => {
  stack = await startStack();
  siblings = [await startDeskSubgraph([]), await startCrmSubgraph([])];
  sdl = await servedSdl(stack);
});

afterAll(async () => {
  await Promise.all(siblings.map((sibling) => sibling.close()));
  await stack.close();
});

const LINK = /@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.(\d+)"/;

/** Our SDL with its federation `@link` moved to v2.`minor`, everything else as served. */
function linkingVersion(minor: number): string {
  return sdl.replace(LINK, `@link(url: "https://specs.apollo.dev/federation/v2.${minor}"`);
}

function services(ours: string, others: readonly RunningSubgraph[] = siblings) {
  return [
    { name: SUBGRAPH_NAME, url: stack.app.url, typeDefs: parse(ours) },
    ...others.map((sibling) => ({ name: sibling.name, url: sibling.url, typeDefs: sibling.typeDefs })),
  ];
}

const messages = (errors: ReadonlyArray<{ message: string }> | undefined) =>
  errors?.map((error) => error.message);

describe('the federation version the subgraph links', () => {
  it('is v2.9', () => {
    expect(LINK.exec(sdl)?.[1]).toBe('9');
  });

  it('is the lowest Apollo composes it at: v2.8 lacks @cost and @listSize', () => {
    expect(messages(composeWithApollo(services(linkingVersion(9), [])).errors)).toBeUndefined();
    const below = messages(composeWithApollo(services(linkingVersion(8), [])).errors) ?? [];

    expect(below.length).toBeGreaterThan(0);
    expect(below.join('\n')).toMatch(/@cost|@listSize/);
  });
});

describe("Apollo's composer and the Guild's", () => {
  it('Apollo composes it beside a help desk and a CRM with no error', () => {
    expect(messages(composeWithApollo(services(sdl)).errors)).toBeUndefined();
  });

  it("the Guild's composes it beside a help desk and a CRM with no error", () => {
    expect(messages(composeWithGuild(services(sdl)).errors)).toBeUndefined();
  });

  it("the Guild's carries the scopes, costs and tags a gateway acts on into the supergraph", () => {
    const result = composeWithGuild(services(sdl));
    if (result.errors) throw new Error(messages(result.errors)?.join('\n'));

    expect(result.supergraphSdl).toContain('@requiresScopes(scopes: [["ZohoAssist.customers.ALL"]])');
    expect(result.supergraphSdl).toContain('@authenticated');
    expect(result.supergraphSdl).toContain('@cost(weight: 1)');
    // The Guild prints a long directive one argument a line.
    expect(result.supergraphSdl).toMatch(/@listSize\([^)]*slicingArguments: \["first"\]/);
    expect(result.supergraphSdl).toContain('@tag(name: "internal")');
  });

  it("Hive Gateway serves the Guild's supergraph: a query reaches the subgraph and answers", async () => {
    const result = composeWithGuild(services(sdl, []));
    if (result.errors) throw new Error(messages(result.errors)?.join('\n'));
    const gateway = createGatewayRuntime({ supergraph: result.supergraphSdl, logging: false });
    try {
      await stack.control.resetCalls();
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: '{ sessions(first: 2) { nodes { id status } } }' }),
      });
      const body = (await response.json()) as {
        data?: { sessions: { nodes: Array<{ id: string; status: string }> } };
        errors?: unknown;
      };

      expect(body.errors).toBeUndefined();
      expect(body.data?.sessions.nodes).toHaveLength(2);
      expect(await stack.control.calls()).toEqual({ total: 1, byRoute: { 'GET /sessions': 1 } });
    } finally {
      await gateway[Symbol.asyncDispose]();
    }
  });
});
