/**
 * Each query's answer names its cache tags for Apollo Router's response cache, the ones invalidation sends:
 * `apolloCacheTags` for root fields, `apolloEntityCacheTags` per `_entities` item, whichever key the router used
 * (a Customer found by e-mail is tagged by its id). Only when the router is told of changes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectData } from '../support/graphql.js';
import { startHookSink, type HookSink } from '../support/hook-sink.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
let router: HookSink;

beforeAll(async () => {
  router = await startHookSink();
  stack = await startStack({
    env: { ROUTER_INVALIDATION_URL: router.url, ROUTER_INVALIDATION_KEY: 'key' },
  });
});
afterAll(async () => {
  await stack.close();
  await router.close();
});

interface Tagged {
  extensions?: { apolloCacheTags?: string[]; apolloEntityCacheTags?: string[][] };
}

describe('cache tags in answers', () => {
  it("tags a root lookup with the entity's tag and its list's", async () => {
    const answer = (await stack.graphql(`{ customer(id: "cust_2") { id name } }`)) as Tagged;
    expect(answer.extensions?.apolloCacheTags?.sort()).toEqual(['customer-cust_2', 'customers']);
  });

  it('tags a list with its list tag and every entity it shows', async () => {
    const answer = await stack.graphql<{ sessions: { nodes: Array<{ id: string }> } }>(
      `{ sessions(first: 3) { nodes { id } } }`,
    );
    const ids = expectData(answer).sessions.nodes.map((node) => node.id);
    expect((answer as Tagged).extensions?.apolloCacheTags?.sort()).toEqual(
      ['sessions', ...ids.map((id) => `session-${id}`)].sort(),
    );
  });

  it('tags each _entities item by the id of what was loaded, whichever key the router sent', async () => {
    const customer = expectData(
      await stack.graphql<{ customer: { email: string } }>(`{ customer(id: "cust_4") { email } }`),
    ).customer;
    const answer = (await stack.graphql(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { name } ... on Computer { name } } }`,
      {
        r: [
          { __typename: 'Customer', email: customer.email },
          { __typename: 'Computer', id: 'comp_1' },
        ],
      },
    )) as Tagged;
    expect(answer.extensions?.apolloEntityCacheTags).toEqual([
      ['customer-cust_4', 'customers'],
      ['computer-comp_1', 'computers'],
    ]);
  });

  it('tags no mutation', async () => {
    const answer = (await stack.graphql(
      `mutation { updateCustomer(input: { customerId: "cust_6", company: "Initech" }) { customer { id } } }`,
    )) as Tagged;
    expect(answer.extensions?.apolloCacheTags).toBeUndefined();
  });
});

describe('with the response cache', () => {
  it('tags an answer the response cache serves as its first execution was tagged', async () => {
    const cached = await startStack({
      env: { READ_CACHE: 'true', ROUTER_INVALIDATION_URL: router.url, ROUTER_INVALIDATION_KEY: 'key' },
    });
    try {
      const query = `{ customer(id: "cust_2") { id name } }`;
      const first = (await cached.graphql(query)) as Tagged;
      await cached.control.resetCalls();
      const again = (await cached.graphql(query)) as Tagged;
      // Served whole from the response cache: no call, and the first answer's tags.
      expect((await cached.control.calls()).total).toBe(0);
      expect(first.extensions?.apolloCacheTags?.sort()).toEqual(['customer-cust_2', 'customers']);
      expect(again.extensions?.apolloCacheTags?.sort()).toEqual(['customer-cust_2', 'customers']);
    } finally {
      await cached.close();
    }
  });
});

describe('without a router to tell', () => {
  it('adds no tags', async () => {
    const plain = await startStack();
    try {
      const answer = (await plain.graphql(`{ customer(id: "cust_2") { id } }`)) as Tagged;
      expect(answer.extensions?.apolloCacheTags).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
