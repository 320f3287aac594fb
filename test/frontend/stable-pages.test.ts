/**
 * Issue 23, item 2: pages that stay put while the list moves. A console lists open sessions a page at a time
 * with Apollo Client's relayStylePagination(); between page 1 and page 2, sessions are created (they go to the
 * head of the newest-first list) and ended (they leave a WAITING list). Page 2 must continue exactly after
 * page 1's last item: nothing seen twice, nothing skipped, and still one upstream call.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { gql } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { expectData } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';
import { apolloClient } from './apollo.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

interface Edges {
  sessions: {
    edges: Array<{ cursor: string; node: { id: string; status: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const OPEN_SESSIONS = gql`
  query OpenSessions($first: Int!, $after: String, $filter: SessionFilter) {
    sessions(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

let technicians: Array<{ id: string; availableCapacity: number | null }> = [];

/** Creates a waiting session with a technician who has room for it. */
async function createSession(label: string): Promise<string> {
  const technician = technicians.find((t) => (t.availableCapacity ?? 0) > 0);
  if (!technician) throw new Error('no technician with room left in the seed');
  technician.availableCapacity = (technician.availableCapacity ?? 0) - 1;
  const result = await stack.graphql<{ createSession: { session: { id: string } } }>(
    `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id } userErrors { code } } }`,
    { input: { customerName: label, customerEmail: 'pager@example.com', technicianId: technician.id } },
  );
  return expectData(result).createSession.session.id;
}

async function endSession(id: string): Promise<void> {
  const result = await stack.graphql<{ endSession: { userErrors: unknown[] } }>(
    `mutation ($id: ID!) { endSession(input: { sessionId: $id }) { userErrors { code } } }`,
    { id },
  );
  expect(expectData(result).endSession.userErrors).toEqual([]);
}

/** Every WAITING session, newest first, as one raw page (the list has far fewer than 100). */
async function waitingIds(): Promise<string[]> {
  const result = await stack.graphql<{ sessions: { nodes: Array<{ id: string }> } }>(
    `{ sessions(first: 100, filter: { status: WAITING }) { nodes { id } } }`,
  );
  return expectData(result).sessions.nodes.map((n) => n.id);
}

beforeEach(async () => {
  await stack.control.reset();
  const result = await stack.graphql<{ technicians: { nodes: typeof technicians } }>(
    `{ technicians(first: 100) { nodes { id availableCapacity } } }`,
  );
  technicians = expectData(result).technicians.nodes;
  for (let i = 0; i < 12; i++) await createSession(`Before ${i}`);
});

describe('paging open sessions while sessions are created and ended', () => {
  it('shows page 2 right after page 1: no session twice, none skipped, one upstream call', async () => {
    const client = apolloClient(stack.app.url, {
      typePolicies: { Query: { fields: { sessions: relayStylePagination(['filter']) } } },
    });
    const variables = { first: 5, filter: { status: 'WAITING' } };
    const before = await waitingIds();
    const page1 = await client.query<Edges>({ query: OPEN_SESSIONS, variables });
    const page1Ids = page1.data!.sessions.edges.map((e) => e.node.id);
    expect(page1Ids).toEqual(before.slice(0, 5));

    // Two new sessions go to the head; page 1's second and last sessions, and one of page 2's, end.
    await createSession('Between 1');
    await createSession('Between 2');
    const ended = [page1Ids[1]!, page1Ids[4]!, before[6]!];
    for (const id of ended) await endSession(id);
    const expectedPage2 = before
      .slice(5)
      .filter((id) => !ended.includes(id))
      .slice(0, 5);

    await stack.control.resetCalls();
    const observable = client.watchQuery<Edges>({ query: OPEN_SESSIONS, variables });
    const more = await observable.fetchMore({
      variables: { after: page1.data!.sessions.pageInfo.endCursor },
    });
    const page2Ids = more.data.sessions.edges.map((e) => e.node.id);
    expect(page2Ids).toEqual(expectedPage2);
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 1 });

    // The cached list Apollo merged: page 1 as it was shown, then page 2, each session once.
    const cached = client.readQuery<Edges>({ query: OPEN_SESSIONS, variables })!;
    const merged = cached.sessions.edges.map((e) => e.node.id);
    expect(merged).toEqual([...page1Ids, ...expectedPage2]);
    expect(new Set(merged).size).toBe(merged.length);
  });

  it('keeps paging an unfiltered list straight while new sessions push it down', async () => {
    const first = await stack.graphql<Edges>(
      `{ sessions(first: 10) { edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }`,
    );
    const page1 = expectData(first).sessions;
    const all = await stack.graphql<{ sessions: { nodes: Array<{ id: string }> } }>(
      `{ sessions(first: 30) { nodes { id } } }`,
    );
    const before = expectData(all).sessions.nodes.map((n) => n.id);
    for (let i = 0; i < 4; i++) await createSession(`Pushing ${i}`);
    const second = await stack.graphql<Edges>(
      `query ($after: String) { sessions(first: 10, after: $after) { edges { node { id status } } pageInfo { hasNextPage endCursor } } }`,
      { after: page1.pageInfo.endCursor },
    );
    expect(expectData(second).sessions.edges.map((e) => e.node.id)).toEqual(before.slice(10, 20));
  });
});

describe('which connection field Apollo merges', () => {
  it('keeps only the last page in `nodes` under stock relayStylePagination, which is why paged lists select edges or use the kit policy', async () => {
    const client = apolloClient(stack.app.url, {
      typePolicies: { Query: { fields: { sessions: relayStylePagination(['filter']) } } },
    });
    const NODES = gql`
      query Nodes($after: String) {
        sessions(first: 3, after: $after) {
          nodes {
            id
          }
          edges {
            node {
              id
            }
          }
          pageInfo {
            endCursor
          }
        }
      }
    `;
    type Data = {
      sessions: {
        nodes: Array<{ id: string }>;
        edges: Array<{ node: { id: string } }>;
        pageInfo: { endCursor: string };
      };
    };
    const observable = client.watchQuery<Data>({ query: NODES });
    const page1 = await client.query<Data>({ query: NODES });
    await observable.fetchMore({ variables: { after: page1.data!.sessions.pageInfo.endCursor } });
    const cached = client.readQuery<Data>({ query: NODES })!;
    expect(cached.sessions.edges).toHaveLength(6);
    expect(cached.sessions.nodes).toHaveLength(3);
  });
});
