/**
 * The client kit against the subgraph itself, as an app in development meets it (`npm start`): Apollo Client's
 * HttpLink to the running subgraph over the embedded emulator. test/kit/scenarios.ts has the scenarios.
 */
import { afterAll, beforeAll } from '@jest/globals';
import { HttpLink } from '@apollo/client';
import { startStack, type Stack } from '../support/stack.js';
import { describeKitScenarios } from './scenarios.js';

let stack: Stack;
let terminal: HttpLink;

beforeAll(async () => {
  // A 429 from Zoho comes back to the client as RATE_LIMITED at once, for the kit's link to wait out.
  stack = await startStack({ env: { UPSTREAM_MAX_RETRY_AFTER_SECONDS: '0' } });
  terminal = new HttpLink({ uri: stack.app.url });
});
afterAll(() => stack.close());

describeKitScenarios('the subgraph', () => ({ stack, terminal }));
