/**
 * The client kit as an app uses it: Apollo Client 4 with the kit's type policies, its rate-limit link, its typed
 * documents and its cache updates, against the running subgraph, either directly (an HttpLink to it) or through
 * a gateway (the test file says which). Every scenario counts what reached "Zoho" (the emulator's call log) and
 * what the client sent (a link that counts requests), so a cache that answers, or a retry, is seen as such.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ApolloClient, ApolloLink, InMemoryCache, gql, type TypedDocumentNode } from '@apollo/client';
import { print } from 'graphql';
import {
  CreateSessionDocument,
  SessionsDashboardDocument,
  TransferSessionDocument,
  createRateLimitRetryLink,
  createSessionUpdate,
  endSessionUpdate,
  isZohoError,
  transferSessionUpdate,
  typePolicies,
  userErrorsToFormErrors,
  withKitFragments,
  type SessionRowFragment,
  type UserErrorFieldsFragment,
} from '../../kit/src/index.js';
import { expectData } from '../support/graphql.js';
import type { Stack } from '../support/stack.js';

/** How the client reaches the graph: the terminating link, and the stack whose emulator counts calls. */
export interface Transport {
  stack: Stack;
  terminal: ApolloLink;
}

interface Kit {
  client: ApolloClient;
  /** Requests the client sent to the graph (a retry is a request). */
  requests(): number;
  retries: Array<{ attempt: number; delayMs: number }>;
}

/** A document written the way an app writes its own: spreading the kit's fragments. */
function appDocument<TData, TVariables extends Record<string, unknown>>(
  source: string,
): TypedDocumentNode<TData, TVariables> {
  return withKitFragments(gql(source));
}

const SessionLookup = appDocument<{ session: SessionRowFragment | null }, { id: string }>(`
  query SessionLookup($id: ID!) { session(id: $id) { ...SessionRow } }
`);

const OpenSessions = appDocument<
  { sessions: { totalCount: number | null; nodes: SessionRowFragment[] } },
  { first: number }
>(`
  query OpenSessions($first: Int!) {
    sessions(first: $first, filter: { statuses: [WAITING, ACTIVE] }) { totalCount nodes { ...SessionRow } }
  }
`);

const TechnicianSessions = appDocument<
  { sessions: { totalCount: number | null; nodes: SessionRowFragment[] } },
  { first: number; technicianId: string }
>(`
  query TechnicianSessions($first: Int!, $technicianId: ID!) {
    sessions(first: $first, filter: { technicianId: $technicianId }) { totalCount nodes { ...SessionRow } }
  }
`);

const SessionEdges = appDocument<
  {
    sessions: {
      edges: Array<{ cursor: string; node: SessionRowFragment }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  },
  { first: number; after?: string }
>(`
  query SessionEdges($first: Int!, $after: String) {
    sessions(first: $first, after: $after) { edges { cursor node { ...SessionRow } } pageInfo { ...PageInfoFields } }
  }
`);

const EndSession = appDocument<
  { endSession: { session: SessionRowFragment | null; userErrors: UserErrorFieldsFragment[] } },
  { input: { sessionId: string } }
>(`
  mutation EndSession($input: EndSessionInput!) {
    endSession(input: $input) { session { ...SessionRow } userErrors { ...UserErrorFields } }
  }
`);

const TechnicianCard = appDocument<{ technician: { id: string; name: string } | null }, { id: string }>(`
  query TechnicianCard($id: ID!) { technician(id: $id) { ...TechnicianSummary } }
`);

const ids = (nodes: ReadonlyArray<{ id: string }>) => nodes.map((node) => node.id);

/** `read()` once `done` holds of it, checked every 10 ms for up to 2 s; the last value read otherwise. */
async function eventually<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  const until = performance.now() + 2000;
  let value = read();
  while (!done(value) && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    value = read();
  }
  return value;
}

export function describeKitScenarios(where: string, transport: () => Transport): void {
  describe(`the client kit against ${where}`, () => {
    let kit: Kit;

    beforeEach(async () => {
      const { stack, terminal } = transport();
      await stack.control.reset();
      await stack.control.resetCalls();
      let requests = 0;
      const counting = new ApolloLink((operation, forward) => {
        requests += 1;
        return forward(operation);
      });
      const retries: Kit['retries'] = [];
      const retry = createRateLimitRetryLink({
        onRetry: ({ attempt, delayMs }) => {
          retries.push({ attempt, delayMs });
          // The fault that made Zoho say 429 has served its purpose: the retry must find Zoho answering.
          void stack.control.clearFaults();
        },
      });
      kit = {
        client: new ApolloClient({
          link: ApolloLink.from([retry, counting, terminal]),
          cache: new InMemoryCache({ typePolicies }),
        }),
        requests: () => requests,
        retries,
      };
    });
    afterEach(() => kit.client.stop());

    const calls = () => transport().stack.control.calls();
    const resetCalls = () => transport().stack.control.resetCalls();
    const newestSessions = async (count: number) =>
      (await transport().stack.control.stateSessions()).slice(0, count).map((session) => session.sessionId);

    /** A technician who can take another session, and a customer's details for a new one. */
    async function createInput() {
      const answer = await transport().stack.graphql<{
        technicians: { nodes: Array<{ id: string; availableCapacity: number }> };
      }>(`{ technicians(first: 100) { nodes { id availableCapacity } } }`);
      const free = expectData(answer).technicians.nodes.find((t) => t.availableCapacity > 0);
      if (!free) throw new Error('no technician with capacity in the seed');
      return { customerName: 'Ada Lovelace', customerEmail: 'ada@example.com', technicianId: free.id };
    }

    it('reads page 1 of the dashboard for two upstream calls, newest first', async () => {
      const { data } = await kit.client.query({ query: SessionsDashboardDocument, variables: { first: 5 } });

      expect(ids(data?.sessions?.nodes ?? [])).toEqual(await newestSessions(5));
      expect(data?.sessions?.pageInfo.hasNextPage).toBe(true);
      expect(await calls()).toEqual({ total: 2, byRoute: { 'GET /sessions': 1, 'GET /technicians': 1 } });
      expect(kit.requests()).toBe(1);
    });

    it('puts a created session at the top of the cached list, and fetchMore then repeats no session', async () => {
      await kit.client.query({ query: SessionsDashboardDocument, variables: { first: 5 } });
      // The page on screen: a watched query, answered from the cache, told of every change to it.
      const dashboard = kit.client.watchQuery({ query: SessionsDashboardDocument, variables: { first: 5 } });
      const seen: string[][] = [];
      const subscription = dashboard.subscribe((result) => {
        if (result.dataState === 'complete' && result.data.sessions)
          seen.push(ids(result.data.sessions.nodes));
      });
      try {
        const before = await newestSessions(10);
        expect(seen).toEqual([before.slice(0, 5)]);
        const input = await createInput();
        await resetCalls();

        const created = await kit.client.mutate({
          mutation: CreateSessionDocument,
          variables: { input },
          update: createSessionUpdate,
        });
        const session = created.data?.createSession.session;
        expect(created.data?.createSession.userErrors).toEqual([]);
        if (!session) throw new Error('no session created');

        // The cached list shows it at once: no refetch of the list, only the mutation's own calls.
        expect(seen.at(-1)).toEqual([session.id, ...before.slice(0, 5)]);
        expect(
          kit.client.readQuery({ query: SessionsDashboardDocument, variables: { first: 5 } })?.sessions
            ?.totalCount,
        ).toBe((await transport().stack.control.stateSessions()).length);
        expect(await calls()).toEqual({
          total: 2,
          byRoute: { 'POST /sessions': 1, 'GET /technicians/{technicianId}': 1 },
        });
        const requestsBefore = kit.requests();

        await resetCalls();
        const endCursor = kit.client.readQuery({ query: SessionsDashboardDocument, variables: { first: 5 } })
          ?.sessions?.pageInfo.endCursor;
        await dashboard.fetchMore({ variables: { after: endCursor } });

        // The watched query tells the page of the merged list just after fetchMore's own promise settles.
        const merged =
          (await eventually(
            () => seen.at(-1),
            (list) => (list?.length ?? 0) > 6,
          )) ?? [];
        expect(new Set(merged).size).toBe(merged.length);
        expect(merged).toEqual([session.id, ...before]);
        expect(kit.requests()).toBe(requestsBefore + 1);
        expect(await calls()).toEqual({ total: 2, byRoute: { 'GET /sessions': 1, 'GET /technicians': 1 } });
      } finally {
        subscription.unsubscribe();
      }
    });

    it('pages on past a session someone else created meanwhile: no session twice, none skipped', async () => {
      const first = await kit.client.query({ query: SessionsDashboardDocument, variables: { first: 5 } });
      const before = await newestSessions(10);
      const watcher = kit.client.watchQuery({ query: SessionsDashboardDocument, variables: { first: 5 } });
      const subscription = watcher.subscribe(() => undefined);
      try {
        // Another console creates a session: the list moves down by one under this client's page 1.
        const other = await transport().stack.graphql<{ createSession: { session: { id: string } | null } }>(
          print(CreateSessionDocument),
          { input: await createInput() },
        );
        expect(expectData(other).createSession.session).not.toBeNull();
        await resetCalls();

        await watcher.fetchMore({ variables: { after: first.data?.sessions?.pageInfo.endCursor } });
        const cached = kit.client.readQuery({ query: SessionsDashboardDocument, variables: { first: 5 } });

        expect(ids(cached?.sessions?.nodes ?? [])).toEqual(before);
        expect(await calls()).toEqual({ total: 2, byRoute: { 'GET /sessions': 1, 'GET /technicians': 1 } });
      } finally {
        subscription.unsubscribe();
      }
    });

    it('keeps each session once when a page repeats sessions the list already holds (edges)', async () => {
      const first = await kit.client.query({ query: SessionEdges, variables: { first: 5 } });
      const edges = first.data?.sessions.edges ?? [];
      const watcher = kit.client.watchQuery({ query: SessionEdges, variables: { first: 5 } });
      const subscription = watcher.subscribe(() => undefined);
      try {
        // After the third edge: the next page starts with the fourth and fifth, which the list holds already.
        await watcher.fetchMore({ variables: { after: edges[2]!.cursor } });
        const cached = kit.client.readQuery({ query: SessionEdges, variables: { first: 5 } });
        const merged = ids(cached?.sessions.edges.map((edge) => edge.node) ?? []);

        expect(merged).toEqual(await newestSessions(8));
      } finally {
        subscription.unsubscribe();
      }
    });

    it('answers session(id) of a cached row from the cache: no request, no upstream call', async () => {
      const page = await kit.client.query({ query: SessionsDashboardDocument, variables: { first: 5 } });
      const row = page.data?.sessions?.nodes[2];
      if (!row) throw new Error('no third row');
      const requests = kit.requests();
      await resetCalls();

      const { data } = await kit.client.query({ query: SessionLookup, variables: { id: row.id } });

      expect(data?.session).toEqual(row);
      expect(kit.requests()).toBe(requests);
      expect((await calls()).total).toBe(0);
    });

    it('takes an ended session out of the cached list of open ones (WAITING or ACTIVE), with no refetch', async () => {
      const active = await kit.client.query({
        query: OpenSessions,
        variables: { first: 10 },
      });
      const target = active.data?.sessions.nodes[0];
      const totalCount = active.data?.sessions.totalCount ?? 0;
      if (!target) throw new Error('no active session in the seed');
      await resetCalls();

      await kit.client.mutate({
        mutation: EndSession,
        variables: { input: { sessionId: target.id } },
        update: endSessionUpdate,
      });
      const after = kit.client.readQuery({ query: OpenSessions, variables: { first: 10 } });

      expect(ids(after?.sessions.nodes ?? [])).toEqual(ids(active.data?.sessions.nodes.slice(1) ?? []));
      expect(after?.sessions.totalCount).toBe(totalCount - 1);
      expect(
        kit.client.readQuery({ query: SessionLookup, variables: { id: target.id } })?.session?.status,
      ).toBe('ENDED');
      // The write and the session's technician (SessionRow): no list read again.
      expect(await calls()).toEqual({
        total: 2,
        byRoute: { 'DELETE /sessions/{sessionId}': 1, 'GET /technicians/{technicianId}': 1 },
      });
    });

    it("moves a transferred session from its technician's cached list to the new technician's", async () => {
      const { technicianId: to } = await createInput();
      const open = await kit.client.query({
        query: OpenSessions,
        variables: { first: 20 },
      });
      const moving = open.data?.sessions.nodes.find((s) => s.technician && s.technician.id !== to);
      if (!moving?.technician) throw new Error('no active session of another technician');
      const from = moving.technician.id;
      const fromList = await kit.client.query({
        query: TechnicianSessions,
        variables: { first: 100, technicianId: from },
      });
      await kit.client.query({ query: TechnicianSessions, variables: { first: 100, technicianId: to } });
      const requests = kit.requests();
      await resetCalls();

      const result = await kit.client.mutate({
        mutation: TransferSessionDocument,
        variables: { input: { sessionId: moving.id, technicianId: to } },
        update: transferSessionUpdate,
      });

      expect(result.data?.transferSession.userErrors).toEqual([]);
      expect(await calls()).toEqual({
        total: 2,
        byRoute: { 'POST /sessions/{sessionId}/transfer': 1, 'GET /technicians/{technicianId}': 1 },
      });
      const fromAfter = kit.client.readQuery({
        query: TechnicianSessions,
        variables: { first: 100, technicianId: from },
      });
      const toAfter = kit.client.readQuery({
        query: TechnicianSessions,
        variables: { first: 100, technicianId: to },
      });
      expect(ids(fromAfter?.sessions.nodes ?? [])).toEqual(
        ids(fromList.data?.sessions.nodes ?? []).filter((id) => id !== moving.id),
      );
      expect(ids(toAfter?.sessions.nodes ?? [])).toContain(moving.id);
      // What the graph now says of the new technician's list is what the cache shows, without asking it.
      const server = await transport().stack.graphql<{ sessions: { nodes: Array<{ id: string }> } }>(
        print(TechnicianSessions),
        { first: 100, technicianId: to },
      );
      expect(ids(toAfter?.sessions.nodes ?? [])).toEqual(ids(expectData(server).sessions.nodes));
      expect(kit.requests()).toBe(requests + 1);
    });

    it('retries a RATE_LIMITED query after its retryAfter, and gets the answer', async () => {
      const { stack } = transport();
      await stack.control.addFault({
        route: 'GET /technicians/{technicianId}',
        rateLimitRate: 1,
        retryAfterSeconds: 1,
      });
      const started = performance.now();

      const { data } = await kit.client.query({ query: TechnicianCard, variables: { id: 'tech_3' } });

      expect(data?.technician?.id).toBe('tech_3');
      expect(kit.retries).toEqual([{ attempt: 1, delayMs: 1000 }]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
      expect(kit.requests()).toBe(2);
      // Zoho's 429, then its answer: the subgraph waited for nothing itself (UPSTREAM_MAX_RETRY_AFTER_SECONDS=0).
      expect(await calls()).toEqual({ total: 2, byRoute: { 'GET /technicians/{technicianId}': 2 } });
    });

    it('gives a form the user errors of a refused create by field, and an app the error code of a failure', async () => {
      const refused = await kit.client.mutate({
        mutation: CreateSessionDocument,
        variables: { input: { ...(await createInput()), customerEmail: 'ann@@example' } },
      });

      expect(userErrorsToFormErrors(refused.data?.createSession.userErrors)).toEqual({
        customerEmail: expect.any(String),
      });
      await expect(
        kit.client
          .query({ query: TechnicianCard, variables: { id: 'tech_missing' } })
          .catch((error: unknown) => isZohoError(error, 'NOT_FOUND')),
      ).resolves.toBe(true);
    });
  });
}
