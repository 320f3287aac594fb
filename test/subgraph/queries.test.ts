/**
 * Every query of the graph, through real HTTP against the emulator, checked against what the emulator holds.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectData, type GraphQLResult } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;

beforeAll(async () => {
  // Two operations below make up to 56 calls, above the default ceiling (25).
  stack = await startStack({ env: { MAX_UPSTREAM_CALLS_PER_OPERATION: '60' } });
});
afterAll(() => stack.close());

interface SessionIds {
  sessions: { nodes: Array<{ id: string }> };
}

/** `_entities` in the order of the representations, null where one resolved to nothing or failed. */
interface Entities {
  _entities: Array<{ __typename: string; id: string } | null>;
}

interface SessionDetail {
  id: string;
  key: string;
  url: string;
  type: string;
  technician: { id: string };
  customer: { record: { id: string } | null };
  chatMessages: Array<{ sender: string }>;
  files: Array<{ session: { id: string } }>;
  details: { chatMessageCount: number; filesTransferredCount: number };
}

const SESSION_FIELDS = `id key url name type status createdAt scheduledAt durationMinutes startedAt endedAt expiresIn`;

describe('sessions', () => {
  it('pages through sessions with cursors that continue where the last page ended', async () => {
    const first = await stack.graphql<{
      sessions: {
        totalCount: number;
        nodes: Array<{ id: string }>;
        edges: Array<{ cursor: string; node: { id: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>(`{ sessions(first: 3) {
      totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`);
    expect(first.errors).toBeUndefined();
    const page = expectData(first).sessions;
    expect(page.nodes).toHaveLength(3);
    expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[2]!.cursor });
    expect(page.totalCount).toBeGreaterThan(3);

    const second = await stack.graphql<SessionIds>(
      `query ($after: String) { sessions(first: 3, after: $after) { nodes { id } } }`,
      {
        after: page.pageInfo.endCursor,
      },
    );
    const both = await stack.graphql<SessionIds>(`{ sessions(first: 6) { nodes { id } } }`);
    expect([...page.nodes, ...expectData(second).sessions.nodes]).toEqual(expectData(both).sessions.nodes);
  });

  it('reports no next page on the last page', async () => {
    // The cursor of the last session but one: cursors name their item, so take it from a page.
    const cursors: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResult<{
        sessions: { edges: Array<{ cursor: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
      }> = await stack.graphql(
        `query ($after: String) { sessions(first: 100, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const { sessions } = expectData(page);
      cursors.push(...sessions.edges.map((edge) => edge.cursor));
      if (!sessions.pageInfo.hasNextPage) break;
      after = sessions.pageInfo.endCursor;
    }
    const cursor = cursors.at(-2);
    const last = await stack.graphql<{
      sessions: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean } };
    }>(
      `query ($after: String) { sessions(first: 5, after: $after) { nodes { id } pageInfo { hasNextPage } } }`,
      {
        after: cursor,
      },
    );
    expect(expectData(last).sessions.nodes).toHaveLength(1);
    expect(expectData(last).sessions.pageInfo.hasNextPage).toBe(false);
  });

  it('filters sessions by status and type, mapping the enums both ways', async () => {
    const result = await stack.graphql<{
      sessions: { nodes: Array<{ status: string }>; totalCount: number };
    }>(`{ sessions(first: 50, filter: { status: COMPLETED }) { nodes { status } totalCount } }`);
    expect(result.errors).toBeUndefined();
    const completed = expectData(result).sessions;
    expect(completed.totalCount).toBeGreaterThan(0);
    expect(new Set(completed.nodes.map((n) => n.status))).toEqual(new Set(['COMPLETED']));
    const unattended = await stack.graphql<{
      sessions: { nodes: Array<{ type: string; computer: { id: string; name: string } | null }> };
    }>(
      `{ sessions(first: 50, filter: { type: UNATTENDED_ACCESS }) { nodes { type computer { id name } } } }`,
    );
    expect(unattended.errors).toBeUndefined();
    const nodes = expectData(unattended).sessions.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.type).toBe('UNATTENDED_ACCESS');
      expect(node.computer).toEqual({ id: expect.any(String), name: expect.any(String) });
    }
  });

  it('answers a session with its technician, customer, chat, files and details', async () => {
    // One files call per session: 40 sessions stay within MAX_UPSTREAM_CALLS_PER_OPERATION (60).
    const list = await stack.graphql<{
      sessions: { nodes: Array<{ id: string; files: Array<{ id: string }> }> };
    }>(`{ sessions(first: 40) { nodes { id files { id } } } }`);
    const withFiles = expectData(list).sessions.nodes.find((s) => s.files.length > 0);
    expect(withFiles).toBeDefined();
    const result = await stack.graphql<{ session: SessionDetail }>(
      `query ($id: ID!) { session(id: $id) { ${SESSION_FIELDS}
        technician { id name email } customer { name email record { id company } }
        chatMessages { id sender senderName text sentAt }
        files { id name size contentType direction status transferredAt session { id } }
        details { technicianName customerName startedAt durationSeconds chatMessageCount filesTransferredCount } } }`,
      { id: withFiles!.id },
    );
    expect(result.errors).toBeUndefined();
    const session = expectData(result).session;
    expect(session.id).toBe(withFiles!.id);
    expect(session.key).toMatch(/^\d{3}-\d{3}-\d{3}$/);
    expect(session.url).toContain(session.key);
    expect(['REMOTE_SUPPORT', 'UNATTENDED_ACCESS', 'SCHEDULED_SESSION']).toContain(session.type);
    expect(session.technician.id).toMatch(/^tech_/);
    expect(session.customer.record?.id).toMatch(/^cust_/);
    expect(session.chatMessages.length).toBeGreaterThanOrEqual(2);
    expect(['TECHNICIAN', 'CUSTOMER']).toContain(session.chatMessages[0]!.sender);
    expect(session.files[0]!.session.id).toBe(session.id);
    expect(session.details.chatMessageCount).toBe(session.chatMessages.length);
    expect(session.details.filesTransferredCount).toBe(session.files.length);
  });

  it('downloads a file as base64 when asked for its content', async () => {
    // Estimated at 1 + 5 + 5 × 10 assumed files = 56 calls, within MAX_UPSTREAM_CALLS_PER_OPERATION (60).
    const list = await stack.graphql<{
      sessions: { nodes: Array<{ files: Array<{ size: number; contentBase64: string }> }> };
    }>(`{ sessions(first: 5) { nodes { files { size contentBase64 } } } }`);
    const file = expectData(list).sessions.nodes.flatMap((s) => s.files)[0]!;
    expect(Buffer.from(file.contentBase64, 'base64').length).toBe(file.size);
  });
});

describe('technicians, customers and computers', () => {
  it('finds a technician by id and lists their sessions', async () => {
    const list = await stack.graphql<{
      technicians: {
        totalCount: number;
        nodes: Array<{ id: string; email: string; role: string; totalSessionCount: number }>;
      };
    }>(
      `{ technicians(first: 5) { totalCount nodes { id name email role status activeSessionCount totalSessionCount } } }`,
    );
    expect(list.errors).toBeUndefined();
    const technician = expectData(list).technicians.nodes[0]!;
    expect(technician.role).toMatch(/^(ADMIN|TECHNICIAN)$/);
    const result = await stack.graphql<{
      technician: {
        email: string;
        sessions: { totalCount: number; nodes: Array<{ technician: { id: string } }> };
      };
    }>(
      `query ($id: ID!) { technician(id: $id) { id email sessions(first: 100) { totalCount nodes { technician { id } } } } }`,
      { id: technician.id },
    );
    const found = expectData(result).technician;
    expect(found.email).toBe(technician.email);
    expect(found.sessions.totalCount).toBe(technician.totalSessionCount);
    for (const node of found.sessions.nodes) expect(node.technician.id).toBe(technician.id);
  });

  it('filters technicians by e-mail', async () => {
    const list = await stack.graphql<{ technicians: { nodes: Array<{ id: string; email: string }> } }>(
      `{ technicians(first: 2) { nodes { id email } } }`,
    );
    const wanted = expectData(list).technicians.nodes[1]!;
    const result = await stack.graphql<{ technicians: { nodes: Array<{ id: string }>; totalCount: number } }>(
      `query ($email: EmailAddress) { technicians(filter: { email: $email }) { nodes { id } totalCount } }`,
      {
        email: wanted.email,
      },
    );
    expect(expectData(result).technicians).toEqual({ nodes: [{ id: wanted.id }], totalCount: 1 });
  });

  it('finds a customer by id and by e-mail filter, with their sessions', async () => {
    const list = await stack.graphql<{ customers: { nodes: Array<{ id: string; email: string }> } }>(
      `{ customers(first: 3) { totalCount nodes { id name email phone company notes createdAt } } }`,
    );
    expect(list.errors).toBeUndefined();
    const customer = expectData(list).customers.nodes[2]!;
    const byId = await stack.graphql<{
      customer: { email: string; sessions: { nodes: Array<{ customer: { email: string } }> } };
    }>(
      `query ($id: ID!) { customer(id: $id) { id email sessions(first: 5) { nodes { customer { email } } } } }`,
      {
        id: customer.id,
      },
    );
    const found = expectData(byId).customer;
    expect(found.email).toBe(customer.email);
    for (const node of found.sessions.nodes) expect(node.customer.email).toBe(customer.email);
    const byEmail = await stack.graphql<{ customers: { nodes: Array<{ id: string }> } }>(
      `query ($email: EmailAddress) { customers(filter: { email: $email }) { nodes { id } } }`,
      {
        email: customer.email,
      },
    );
    expect(expectData(byEmail).customers.nodes).toEqual([{ id: customer.id }]);
  });

  it('finds a computer by id, filters computers by status, and lists the sessions on one', async () => {
    const online = await stack.graphql<{ computers: { nodes: Array<{ id: string; status: string }> } }>(
      `{ computers(first: 100, filter: { status: ONLINE }) { nodes { id status os } } }`,
    );
    expect(online.errors).toBeUndefined();
    const computers = expectData(online).computers.nodes;
    expect(computers.length).toBeGreaterThan(0);
    for (const computer of computers) expect(computer.status).toBe('ONLINE');
    const id = computers[0]!.id;
    const result = await stack.graphql<{
      computer: { id: string; sessions: { nodes: Array<{ computer: { id: string } }> } };
    }>(
      `query ($id: ID!) { computer(id: $id) { id name ipAddress groupName lastSeenAt sessions(first: 10) { nodes { computer { id } } } } }`,
      {
        id,
      },
    );
    expect(result.errors).toBeUndefined();
    const computer = expectData(result).computer;
    expect(computer.id).toBe(id);
    for (const node of computer.sessions.nodes) expect(node.computer.id).toBe(id);
  });
});

describe('reports', () => {
  const filter = { from: '2000-01-01', to: '2100-01-01' };

  it('answers the session report with a summary that adds up its entries', async () => {
    const result = await stack.graphql<{
      sessionReport: {
        sessions: Array<{ durationSeconds: number; status: string }>;
        summary: { totalSessions: number; completedSessions: number; totalDurationSeconds: number };
      };
    }>(
      `query ($filter: ReportFilter!) { sessionReport(filter: $filter) {
        sessions { customerName technicianName startedAt durationSeconds type status chatMessageCount filesTransferredCount session { id } }
        summary { totalSessions completedSessions averageDurationSeconds totalDurationSeconds } } }`,
      { filter },
    );
    expect(result.errors).toBeUndefined();
    const { sessions, summary } = expectData(result).sessionReport;
    expect(summary.totalSessions).toBe(sessions.length);
    expect(summary.totalDurationSeconds).toBe(sessions.reduce((sum, s) => sum + s.durationSeconds, 0));
    expect(summary.completedSessions).toBe(sessions.filter((s) => s.status === 'COMPLETED').length);
  });

  it('narrows the session report to one technician', async () => {
    const list = await stack.graphql<{ technicians: { nodes: Array<{ id: string; name: string }> } }>(
      `{ technicians(first: 1) { nodes { id name } } }`,
    );
    const technician = expectData(list).technicians.nodes[0]!;
    const result = await stack.graphql<{ sessionReport: { sessions: Array<{ technicianName: string }> } }>(
      `query ($filter: ReportFilter!) { sessionReport(filter: $filter) { sessions { technicianName } summary { totalSessions } } }`,
      { filter: { ...filter, technicianId: technician.id } },
    );
    const entries = expectData(result).sessionReport.sessions;
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.technicianName).toBe(technician.name);
  });

  it('answers the technician and customer reports, linking each entry to its entity', async () => {
    const result = await stack.graphql<{
      technicianReport: {
        technicians: Array<{
          technician: { id: string; name: string };
          technicianName: string;
          totalSessions: number;
        }>;
        summary: { totalSessions: number };
      };
      customerReport: { customers: Array<{ totalSessions: number }>; summary: { totalSessions: number } };
    }>(
      `query ($filter: ReportFilter!) {
        technicianReport(filter: $filter) { technicians { technician { id name } technicianName totalSessions } summary { totalSessions } }
        customerReport(filter: $filter) { customers { customer { name email } totalSessions lastSessionAt } summary { totalSessions } } }`,
      { filter },
    );
    expect(result.errors).toBeUndefined();
    const { technicianReport, customerReport } = expectData(result);
    const { technicians } = technicianReport;
    expect(technicians.length).toBeGreaterThan(0);
    for (const entry of technicians) expect(entry.technician.name).toBe(entry.technicianName);
    const perTechnician = technicians.reduce((sum, t) => sum + t.totalSessions, 0);
    expect(perTechnician).toBe(technicianReport.summary.totalSessions);
    const perCustomer = customerReport.customers.reduce((sum, c) => sum + c.totalSessions, 0);
    expect(perCustomer).toBe(customerReport.summary.totalSessions);
  });

  it('rejects a period that ends before it starts, without calling Zoho', async () => {
    await stack.control.resetCalls();
    const result = await stack.graphql(
      `{ sessionReport(filter: { from: "2025-02-01", to: "2025-01-01" }) { summary { totalSessions } } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await stack.control.calls()).total).toBe(0);
  });
});

describe('federation', () => {
  it('serves its SDL with the entity keys', async () => {
    const result = await stack.graphql<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    const sdl = expectData(result)._service.sdl;
    expect(sdl).toContain('type Session @key(fields: "id")');
    expect(sdl).toMatch(/type Technician @key\(fields: "id"\) @key\(fields: "email"\)/);
    expect(sdl).toMatch(/type Customer @key\(fields: "id"\) @key\(fields: "email"\)/);
    expect(sdl).toContain('type Computer @key(fields: "id")');
  });

  it('resolves every entity type by each of its keys, in order, with null for the missing', async () => {
    const seed = await stack.graphql<{
      technicians: { nodes: Array<{ id: string; email: string }> };
      customers: { nodes: Array<{ id: string; email: string }> };
      computers: { nodes: Array<{ id: string }> };
      sessions: { nodes: Array<{ id: string }> };
    }>(`{
      technicians(first: 1) { nodes { id email } }
      customers(first: 1) { nodes { id email } }
      computers(first: 1) { nodes { id } }
      sessions(first: 1) { nodes { id } } }`);
    const seeded = expectData(seed);
    const t = seeded.technicians.nodes[0]!;
    const c = seeded.customers.nodes[0]!;
    const sessionId = seeded.sessions.nodes[0]!.id;
    const computerId = seeded.computers.nodes[0]!.id;
    const representations = [
      { __typename: 'Technician', email: t.email },
      { __typename: 'Customer', id: c.id },
      { __typename: 'Session', id: sessionId },
      { __typename: 'Computer', id: computerId },
      { __typename: 'Customer', email: c.email },
      { __typename: 'Technician', id: t.id },
      { __typename: 'Technician', id: 'tech_missing' },
      { __typename: 'Customer', email: 'nobody@example.com' },
    ];
    const result = await stack.graphql<Entities>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        __typename ... on Technician { id } ... on Customer { id } ... on Session { id } ... on Computer { id } } }`,
      { representations },
    );
    expect(result.errors).toBeUndefined();
    expect(expectData(result)._entities).toEqual([
      { __typename: 'Technician', id: t.id },
      { __typename: 'Customer', id: c.id },
      { __typename: 'Session', id: sessionId },
      { __typename: 'Computer', id: computerId },
      { __typename: 'Customer', id: c.id },
      { __typename: 'Technician', id: t.id },
      null,
      null,
    ]);
  });

  it('_entities answers each representation on its own: one that fails upstream is null with its own error', async () => {
    const seed = await stack.graphql<{
      technicians: { nodes: Array<{ id: string }> };
      sessions: { nodes: Array<{ id: string }> };
      computers: { nodes: Array<{ id: string }> };
    }>(`{
      technicians(first: 1) { nodes { id } } sessions(first: 1) { nodes { id } } computers(first: 1) { nodes { id } }
    }`);
    const seeded = expectData(seed);
    const technicianId = seeded.technicians.nodes[0]!.id;
    const sessionId = seeded.sessions.nodes[0]!.id;
    await stack.control.addFault({ route: 'GET /computers/{computerId}', errorRate: 1 });
    try {
      const result = await stack.graphql<Entities>(
        `query ($representations: [_Any!]!) { _entities(representations: $representations) {
          __typename ... on Technician { id } ... on Computer { id } ... on Session { id } } }`,
        {
          representations: [
            { __typename: 'Technician', id: technicianId },
            { __typename: 'Computer', id: seeded.computers.nodes[0]!.id },
            { __typename: 'Session', id: sessionId },
          ],
        },
      );
      expect(result.data?._entities).toEqual([
        { __typename: 'Technician', id: technicianId },
        null,
        { __typename: 'Session', id: sessionId },
      ]);
      expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
        [['_entities', 1], 'UPSTREAM_UNAVAILABLE'],
      ]);
    } finally {
      await stack.control.clearFaults();
    }
  });
});
