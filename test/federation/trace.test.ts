/**
 * A router asks for a federation trace (`ftv1`) with a header, to report field timings: Apollo's inline-trace
 * plugin builds it from hooks around every resolver. Only those who ask get one.
 */
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack.close();
});

const TRACE = { 'apollo-federation-include-trace': 'ftv1' };

describe('federation trace', () => {
  it('includes a federation trace when the router asks for one, and none otherwise', async () => {
    const query = '{ technicians(first: 2) { nodes { id name } } }';

    const traced = await stack.graphql(query, undefined, TRACE);
    const plain = await stack.graphql(query);

    expect(typeof traced.extensions?.['ftv1']).toBe('string');
    expect((traced.extensions?.['ftv1'] as string).length).toBeGreaterThan(20);
    expect(plain.extensions?.['ftv1']).toBeUndefined();
    expect(plain.data).toEqual(traced.data);
  });
});
