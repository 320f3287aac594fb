/**
 * Operations run as compiled functions (graphql-jit, src/graph/execution.ts) from their second run on, except when a
 * router asks for a federation trace: then graphql-js runs them, with Apollo's per-field hooks. Both must give the
 * same answer, errors included, so the trace header doubles as the reference here.
 */
import { getIntrospectionQuery } from 'graphql';
import { startStack, type GraphQLResponse, type Stack } from '../support/stack.js';

let stack: Stack;
let ids: { session: string; technician: string; customer: string };

beforeAll(async () => {
  stack = await startStack();
  const first = await stack.graphql<{
    sessions: { nodes: Array<{ id: string; technician: { id: string }; customer: { id: string } | null }> };
  }>('{ sessions(first: 20) { nodes { id technician { id } customer { id } } } }');
  const node = first.data!.sessions.nodes.find((n) => n.customer)!;
  ids = { session: node.id, technician: node.technician.id, customer: node.customer!.id };
});

afterAll(async () => {
  await stack.close();
});

const TRACE = { 'apollo-federation-include-trace': 'ftv1' };

/** What a client can see of an answer: data, and each error's message, path and code. */
function visible(response: GraphQLResponse) {
  return {
    data: response.data,
    errors: response.errors?.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })),
  };
}

const OPERATIONS: Array<{ name: string; query: string; variables?: () => Record<string, unknown> }> = [
  {
    name: 'a dashboard page with fragments and aliases',
    query: `query Page($first: Int!) {
      sessions(first: $first) {
        totalCount
        nodes { ...Row who: technician { name } customer { name email } }
        pageInfo { hasNextPage endCursor }
      }
    }
    fragment Row on Session { id name status type createdAt }`,
    variables: () => ({ first: 25 }),
  },
  {
    name: 'a session with chat, files and details',
    query: `query ($id: ID!) {
      session(id: $id) {
        id status customer { name }
        chatMessages { id sender text sentAt }
        files { id name size direction }
        details { technicianName durationSeconds }
      }
    }`,
    variables: () => ({ id: ids.session }),
  },
  {
    name: '_entities of three types, one missing',
    query: `query ($r: [_Any!]!) {
      _entities(representations: $r) {
        __typename
        ... on Session { id status }
        ... on Technician { id name }
        ... on Customer { id email }
      }
    }`,
    variables: () => ({
      r: [
        { __typename: 'Session', id: ids.session },
        { __typename: 'Technician', id: ids.technician },
        { __typename: 'Customer', id: ids.customer },
        { __typename: 'Session', id: 'no-such-session' },
      ],
    }),
  },
  {
    name: 'a missing session (NOT_FOUND at its path)',
    query: '{ session(id: "404404") { id } technician(id: "no-such") { id } }',
  },
  {
    name: 'a variable of the wrong type (refused before any resolver)',
    query: 'query ($first: Int!) { sessions(first: $first) { totalCount } }',
    variables: () => ({ first: 'ten' }),
  },
  {
    name: 'introspection',
    query: getIntrospectionQuery(),
  },
  {
    name: 'aliases of one field with different arguments, and __typename at the root',
    query: '{ __typename a: technicians(first: 2) { nodes { id } } b: technicians(first: 1) { totalCount } }',
  },
  {
    name: 'a variable sent as null over its default',
    query: 'query ($n: Int = 3) { sessions(first: $n) { nodes { id } } }',
    variables: () => ({ n: null }),
  },
  {
    name: 'skip and include',
    query: `query ($yes: Boolean!) {
      sessions(first: 3) { nodes { id name @include(if: $yes) status @skip(if: $yes) } }
    }`,
    variables: () => ({ yes: true }),
  },
];

describe('compiled execution', () => {
  it.each(OPERATIONS)('answers $name as graphql-js does', async ({ query, variables }) => {
    // A document is compiled when it comes back: its first run is graphql-js's.
    await stack.graphql(query, variables?.());
    const compiled = await stack.graphql(query, variables?.());
    const reference = await stack.graphql(query, variables?.(), TRACE);

    expect(compiled.status).toBe(reference.status);
    expect(visible(compiled)).toEqual(visible(reference));
  });

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
