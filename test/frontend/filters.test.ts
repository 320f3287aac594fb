/**
 * Issue 23, item 3: the filters a support console needs. "Open sessions" is WAITING or ACTIVE; "today" is a
 * created-at range; the search box is a prefix of the customer's name. Zoho filters by one status only, so the
 * graph matches the rest over the list pages it reads, at most 3 calls a page, as the schema's @cost says and
 * the estimator prices. Filter enums have no UNKNOWN: a console cannot send a value no status has.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { gql } from '@apollo/client';
import { isEnumType, Kind, parse } from 'graphql';
import { estimateDocumentCalls } from '../../src/budget/cost.js';
import { buildSchema } from '../../src/graph/schema.js';
import { errorCodes, expectData } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';
import { apolloClient } from './apollo.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

let technicians: Array<{ id: string; availableCapacity: number | null }> = [];

async function createSession(customerName: string): Promise<string> {
  const technician = technicians.find((t) => (t.availableCapacity ?? 0) > 0);
  if (!technician) throw new Error('no technician with room left in the seed');
  technician.availableCapacity = (technician.availableCapacity ?? 0) - 1;
  const result = await stack.graphql<{ createSession: { session: { id: string } } }>(
    `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id } userErrors { code } } }`,
    { input: { customerName, customerEmail: 'console@example.com', technicianId: technician.id } },
  );
  return expectData(result).createSession.session.id;
}

async function reset(sessions?: number): Promise<void> {
  await stack.control.reset();
  if (sessions !== undefined) await stack.control.reseed({ sessions });
  const result = await stack.graphql<{ technicians: { nodes: typeof technicians } }>(
    `{ technicians(first: 100) { nodes { id availableCapacity } } }`,
  );
  technicians = expectData(result).technicians.nodes;
}

/** Our estimate of an operation, as the budget plugin computes it before running it. */
function estimate(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions[0];
  if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error('an operation expected');
  return estimateDocumentCalls(buildSchema(), document, operation, variables);
}

const OPEN = `query Open($first: Int!, $after: String) {
  sessions(first: $first, after: $after, filter: { statuses: [WAITING, ACTIVE] }) {
    totalCount nodes { id status } pageInfo { hasNextPage endCursor } } }`;

interface Listed {
  sessions: {
    totalCount: number | null;
    nodes: Array<{ id: string; status: string }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('open sessions: WAITING or ACTIVE', () => {
  beforeEach(() => reset());

  it('lists exactly the waiting and active sessions, newest first, within the estimated calls', async () => {
    const created = [
      await createSession('Open A'),
      await createSession('Open B'),
      await createSession('Open C'),
    ];
    await stack.control.setSessionStatus(created[1]!, 'active');
    await stack.control.resetCalls();
    const client = apolloClient(stack.app.url);
    const { data } = await client.query<Listed>({ query: gql(OPEN), variables: { first: 20 } });
    const expected = (await stack.control.stateSessions())
      .filter((s) => s.status === 'waiting' || s.status === 'active')
      .map((s) => s.sessionId);
    expect(data!.sessions.nodes.map((n) => n.id)).toEqual(expected);
    expect(data!.sessions.nodes.slice(0, 3)).toEqual([
      { __typename: 'Session', id: created[2], status: 'WAITING' },
      { __typename: 'Session', id: created[1], status: 'ACTIVE' },
      { __typename: 'Session', id: created[0], status: 'WAITING' },
    ]);
    // The default seed's 200 sessions and these 3: the third list page of 100 reaches the end, so the count is known.
    expect(data!.sessions).toMatchObject({ totalCount: expected.length, pageInfo: { hasNextPage: false } });
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 3 });
    expect(estimate(OPEN, { first: 20 })).toBe(3);
  });

  it('sends one status to Zoho as a filter: one call', async () => {
    await createSession('Solo');
    await stack.control.resetCalls();
    const result = await stack.graphql<Listed>(
      `{ sessions(first: 5, filter: { statuses: [WAITING] }) { totalCount nodes { id status } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(expectData(result).sessions.nodes.every((n) => n.status === 'WAITING')).toBe(true);
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 1 });
  });
});

describe('a long list the filter matches little of', () => {
  beforeAll(() => reset(1000));

  it('answers a short page after 3 calls, with a cursor to read on from, until the list ends', async () => {
    const QUERY = `query ($after: String) { sessions(first: 5, after: $after, filter: { customerNamePrefix: "nobody by this name" }) {
      totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    await stack.control.resetCalls();
    const first = expectData(await stack.graphql<Listed>(QUERY));
    expect(first.sessions).toMatchObject({ nodes: [], totalCount: null, pageInfo: { hasNextPage: true } });
    expect(first.sessions.pageInfo.endCursor).toEqual(expect.any(String));
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 3 });
    expect(estimate(QUERY)).toBe(3);

    let after = first.sessions.pageInfo.endCursor;
    let pages = 1;
    for (;;) {
      const page = expectData(await stack.graphql<Listed>(QUERY, { after }));
      pages++;
      expect(page.sessions.nodes).toEqual([]);
      if (!page.sessions.pageInfo.hasNextPage) break;
      after = page.sessions.pageInfo.endCursor;
    }
    // 1,000 sessions, 300 read a page (the window of a later page starts 11 before its cursor).
    expect(pages).toBe(4);
  });
});

describe('created-at range and customer-name prefix', () => {
  beforeEach(() => reset());

  it('stops reading at the first session older than the range: today’s sessions cost one call', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const ids = [await createSession('Today 1'), await createSession('Today 2')];
    await stack.control.resetCalls();
    const result = await stack.graphql<Listed>(
      `query ($since: DateTime!) { sessions(first: 20, filter: { createdAfter: $since }) {
        totalCount nodes { id } pageInfo { hasNextPage } } }`,
      { since },
    );
    expect(expectData(result).sessions).toEqual({
      totalCount: 2,
      nodes: [{ id: ids[1] }, { id: ids[0] }],
      pageInfo: { hasNextPage: false },
    });
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 1 });
  });

  it('finds sessions by the start of the customer’s name, ignoring case', async () => {
    const ids = [
      await createSession('Zed Alpha'),
      await createSession('zedd Beta'),
      await createSession('Ozed'),
    ];
    const result = await stack.graphql<Listed>(
      `{ sessions(first: 10, filter: { customerNamePrefix: " ZED" }) { nodes { id } } }`,
    );
    expect(expectData(result).sessions.nodes).toEqual([{ id: ids[1] }, { id: ids[0] }]);
  });

  it('finds customers by the start of their name and company', async () => {
    const all = await stack.graphql<{
      customers: { nodes: Array<{ id: string; name: string; company: string | null }> };
    }>(`{ customers(first: 100) { nodes { id name company } } }`);
    const customers = expectData(all).customers.nodes;
    const sample = customers[3]!;
    const namePrefix = sample.name.slice(0, 3).toUpperCase();
    const companyPrefix = (sample.company ?? '').slice(0, 2).toLowerCase();
    const result = await stack.graphql<{ customers: { nodes: Array<{ id: string }> } }>(
      `query ($name: String, $company: String) {
         customers(first: 100, filter: { namePrefix: $name, companyPrefix: $company }) { nodes { id } } }`,
      { name: namePrefix, company: companyPrefix },
    );
    const expected = customers.filter(
      (c) =>
        c.name.toLowerCase().startsWith(namePrefix.toLowerCase()) &&
        (c.company ?? '').toLowerCase().startsWith(companyPrefix),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(expectData(result).customers.nodes).toEqual(expected.map((c) => ({ id: c.id })));
  });
});

describe('filter enums without UNKNOWN', () => {
  it.each([
    ['a session status', `{ sessions(filter: { status: UNKNOWN }) { nodes { id } } }`],
    ['a session status in a list', `{ sessions(filter: { statuses: [ACTIVE, UNKNOWN] }) { nodes { id } } }`],
    ['a session type', `{ sessions(filter: { type: UNKNOWN }) { nodes { id } } }`],
    ['a technician status', `{ technicians(filter: { status: UNKNOWN }) { nodes { id } } }`],
    ['a technician role', `{ technicians(filter: { role: UNKNOWN }) { nodes { id } } }`],
    ['a computer status', `{ computers(filter: { status: UNKNOWN }) { nodes { id } } }`],
  ])('refuses UNKNOWN as %s before anything runs', async (_name, query) => {
    await stack.control.resetCalls();
    const result = await stack.graphql(query);
    expect(errorCodes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('still answers UNKNOWN in output enums, for values Zoho adds later', () => {
    const schema = buildSchema();
    const values = (name: string) => {
      const type = schema.getType(name);
      if (!isEnumType(type)) throw new Error(`${name} is an enum`);
      return type.getValues().map((v) => v.name);
    };
    expect(values('SessionStatus')).toContain('UNKNOWN');
    expect(values('SessionStatusInput')).toEqual(values('SessionStatus').filter((v) => v !== 'UNKNOWN'));
  });
});
