/**
 * The SDL contract: what `_service { sdl }` serves carries the directives gateways act on, the committed
 * docs/subgraph.graphql is that SDL (rover publishes it), and no change to it breaks a composed supergraph or a
 * client without someone deciding so.
 *
 * To accept an intentional breaking change: run `npm run schema:print`, commit docs/subgraph.graphql (and the
 * Apollo Gateway variant, and the live graph's docs/subgraph.live.graphql), and say in the commit who was told.
 */
import { readFileSync } from 'node:fs';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import {
  PRINTED_GATEWAY_SDL,
  PRINTED_LIVE_SDL,
  PRINTED_SDL,
  servedSubgraphSdl,
} from '../../src/graph/sdl.js';
import { startStack, type Stack } from '../support/stack.js';
import { servedSdl } from './support.js';

let stack: Stack;
let served: string;

beforeAll(async () => {
  stack = await startStack();
  served = await servedSdl(stack);
});

afterAll(async () => {
  await stack.close();
});

const ACCEPT = 'If intentional: `npm run schema:print`, then commit docs/subgraph*.graphql.';

/** The breaking changes from one SDL to another, as sentences. */
async function breakingChanges(before: string, after: string): Promise<string[]> {
  const changes = await diff(buildSchema(before), buildSchema(after));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => change.message);
}

describe('the served SDL', () => {
  it("links Federation v2.9, the newest the Guild's composer accepts and the lowest with our directives", () => {
    expect(served).toContain('@link(url: "https://specs.apollo.dev/federation/v2.9"');
  });

  it('keeps the scopes, costs, list sizes, cache hints and tags through printing', () => {
    expect(served).toContain(
      'type Session @key(fields: "id") @requiresScopes(scopes: [["ZohoAssist.sessions.READ"], ["ZohoAssist.sessions.ALL"]]) @cacheControl(maxAge: 5, scope: PRIVATE) @tag(name: "public")',
    );
    expect(served).toContain('chatMessages: [ChatMessage!] @cost(weight: 1) @listSize(assumedSize: 20)');
    expect(served).toMatch(
      /\): SessionConnection @cost\(weight: 1\) @listSize\(slicingArguments: \["first"\], assumedSize: 20, requireOneSlicingArgument: false, sizedFields: \["nodes", "edges"\]\)/,
    );
    expect(served).toContain(
      'createSession(input: CreateSessionInput!): CreateSessionPayload! @cost(weight: 1)',
    );
    expect(served).toContain('@authenticated');
  });
});

describe('the committed SDL (docs/subgraph.graphql)', () => {
  it('is what the subgraph serves now', async () => {
    const committed = readFileSync(PRINTED_SDL, 'utf8');
    const gatewayVariant = readFileSync(PRINTED_GATEWAY_SDL, 'utf8');

    expect({ stale: committed !== served, hint: ACCEPT }).toEqual({ stale: false, hint: ACCEPT });
    // The Apollo Gateway variant is what the subgraph serves with FEDERATION_SECURITY_DIRECTIVES=false.
    expect(gatewayVariant).toBe(await servedSubgraphSdl({ securityDirectives: false }));
  });

  it('has no breaking change to the served SDL', async () => {
    const committed = readFileSync(PRINTED_SDL, 'utf8');

    expect({ breaking: await breakingChanges(committed, served), hint: ACCEPT }).toEqual({
      breaking: [],
      hint: ACCEPT,
    });
  });

  it('would catch a removed field and a new required argument', async () => {
    const broken = served
      .replace(/\n {2}"The key a customer types to join, e\.g\. `123-456-789`\."\n {2}joinKey: String!/, '')
      .replace('session(id: ID!)', 'session(id: ID!, tenant: String!)');

    expect(broken).not.toBe(served);
    expect((await breakingChanges(served, broken)).sort()).toEqual([
      "Argument 'tenant: String!' added to field 'Query.session'",
      "Field 'joinKey' was removed from object type 'Session'",
    ]);
  });
});

describe('the committed live SDL (docs/subgraph.live.graphql)', () => {
  it('is what a subgraph serves with ZOHO_API_DIALECT=live, with no breaking change to it', async () => {
    const committed = readFileSync(PRINTED_LIVE_SDL, 'utf8');
    const live = await servedSubgraphSdl({ dialect: 'live' });

    expect({ stale: committed !== live, hint: ACCEPT }).toEqual({ stale: false, hint: ACCEPT });
    expect({ breaking: await breakingChanges(committed, live), hint: ACCEPT }).toEqual({
      breaking: [],
      hint: ACCEPT,
    });
  });

  it('would catch a live field removed', async () => {
    const live = await servedSubgraphSdl({ dialect: 'live' });
    const broken = live.replace(/\n {2}"[^"\n]*"\n {2}me: Me[^\n]*/, '');

    expect(broken).not.toBe(live);
    expect(await breakingChanges(live, broken)).toEqual(["Field 'me' was removed from object type 'Query'"]);
  });
});
