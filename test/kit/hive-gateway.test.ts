/**
 * The client kit through Hive Gateway, as an app in production meets the graph: Apollo Client's HttpLink to a
 * gateway runtime (`createGatewayRuntime` over the supergraph composed from the subgraph's own SDL), the
 * subgraph a real HTTP server on loopback over the embedded emulator. The same scenarios as against the
 * subgraph (test/kit/scenarios.ts): the gateway must carry pages, cursors, user errors and `retryAfter` intact.
 */
import { afterAll, beforeAll } from '@jest/globals';
import { HttpLink } from '@apollo/client';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway';
import { composeWithSiblings, servedSdl, supergraphSdlOf } from '../federation/support.js';
import { startStack, type Stack } from '../support/stack.js';
import { describeKitScenarios } from './scenarios.js';

let stack: Stack;
let gateway: GatewayRuntime;
let terminal: HttpLink;

beforeAll(async () => {
  // A 429 from Zoho comes back to the client as RATE_LIMITED at once, for the kit's link to wait out.
  stack = await startStack({ env: { UPSTREAM_MAX_RETRY_AFTER_SECONDS: '0' } });
  gateway = createGatewayRuntime({
    supergraph: supergraphSdlOf(composeWithSiblings(stack, await servedSdl(stack), [])),
    logging: false,
  });
  terminal = new HttpLink({
    uri: 'http://gateway.test/graphql',
    fetch: async (input, init) => gateway.fetch(input as string, init),
  });
});
afterAll(async () => {
  await gateway[Symbol.asyncDispose]();
  await stack.close();
});

describeKitScenarios('Hive Gateway', () => ({ stack, terminal }));
