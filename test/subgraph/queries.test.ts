/**
 * Every query of the graph, through real HTTP against the emulator, checked against what the emulator holds.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;

beforeAll(async () => {
  // Two operations below make up to 56 calls, above the default ceiling (25).
  stack = await startStack({ env: { MAX_UPSTREAM_CALLS_PER_OPERATION: '60' } });
});
afterAll(() => stack.close());

const SESSION_FIELDS = `id key url name type status createdAt scheduledAt durationMinutes startedAt endedAt expiresIn`;

describe('sessions', () => {
  it('pages through sessions with cursors that continue where the last page ended', async () => {
    const first = await stack.graphql(`{ sessions(first: 3) {
      totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`);
    expect(first.errors).toBeUndefined();
    const page = first.data.sessions;
    expect(page.nodes).toHaveLength(3);
    expect(page.edges.map((e: any) => e.node.id)).toEqual(page.nodes.map((n: any) => n.id));
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[2].cursor });
    expect(page.totalCount).toBeGreaterThan(3);

    const second = await stack.graphql(
      `query ($after: String) { sessions(first: 3, after: $after) { nodes { id } } }`,
      {
        after: page.pageInfo.endCursor,
      },
    );
    const both = await stack.graphql(`{ sessions(first: 6) { nodes { id } } }`);
    expect([...page.nodes, ...second.data.sessions.nodes]).toEqual(both.data.sessions.nodes);
  });

  it('reports no next page on the last page', async () => {
    const all = await stack.graphql(`{ sessions(first: 1) { totalCount } }`);
    const total: number = all.data.sessions.totalCount;
    const cursor = Buffer.from(`o:${total - 2}`).toString('base64url');
    const last = await stack.graphql(
      `query ($after: String) { sessions(first: 5, after: $after) { nodes { id } pageInfo { hasNextPage } } }`,
      {
        after: cursor,
      },
    );
    expect(last.data.sessions.nodes).toHaveLength(1);
    expect(last.data.sessions.pageInfo.hasNextPage).toBe(false);
  });

  it('filters sessions by status and type, mapping the enums both ways', async () => {
    const result = await stack.graphql(
      `{ sessions(first: 50, filter: { status: COMPLETED }) { nodes { status } totalCount } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.sessions.totalCount).toBeGreaterThan(0);
    expect(new Set(result.data.sessions.nodes.map((n: any) => n.status))).toEqual(new Set(['COMPLETED']));
    const unattended = await stack.graphql(
      `{ sessions(first: 50, filter: { type: UNATTENDED_ACCESS }) { nodes { type computer { id name } } } }`,
    );
    expect(unattended.errors).toBeUndefined();
    expect(unattended.data.sessions.nodes.length).toBeGreaterThan(0);
    for (const node of unattended.data.sessions.nodes) {
      expect(node.type).toBe('UNATTENDED_ACCESS');
      expect(node.computer).toEqual({ id: expect.any(String), name: expect.any(String) });
    }
  });

  it('answers a session with its technician, customer, chat, files and details', async () => {
    // One files call per session: 40 sessions stay within MAX_UPSTREAM_CALLS_PER_OPERATION (60).
    const list = await stack.graphql(`{ sessions(first: 40) { nodes { id files { id } } } }`);
    const withFiles = list.data.sessions.nodes.find((s: any) => s.files.length > 0);
    expect(withFiles).toBeDefined();
    const result = await stack.graphql(
      `query ($id: ID!) { session(id: $id) { ${SESSION_FIELDS}
        technician { id name email } customer { id name email company }
        chatMessages { id sender senderName text sentAt }
        files { id name size contentType direction status transferredAt session { id } }
        details { technicianName customerName startedAt durationSeconds chatMessageCount filesTransferredCount } } }`,
      { id: withFiles.id },
    );
    expect(result.errors).toBeUndefined();
    const session = result.data.session;
    expect(session.id).toBe(withFiles.id);
    expect(session.key).toMatch(/^\d{3}-\d{3}-\d{3}$/);
    expect(session.url).toContain(session.key);
    expect(['REMOTE_SUPPORT', 'UNATTENDED_ACCESS', 'SCHEDULED_SESSION']).toContain(session.type);
    expect(session.technician.id).toMatch(/^tech_/);
    expect(session.customer.id).toMatch(/^cust_/);
    expect(session.chatMessages.length).toBeGreaterThanOrEqual(2);
    expect(['TECHNICIAN', 'CUSTOMER']).toContain(session.chatMessages[0].sender);
    expect(session.files[0].session.id).toBe(session.id);
    expect(session.details.chatMessageCount).toBe(session.chatMessages.length);
    expect(session.details.filesTransferredCount).toBe(session.files.length);
  });

  it('downloads a file as base64 when asked for its content', async () => {
    // Estimated at 1 + 5 + 5 × 10 assumed files = 56 calls, within MAX_UPSTREAM_CALLS_PER_OPERATION (60).
    const list = await stack.graphql(`{ sessions(first: 5) { nodes { files { size contentBase64 } } } }`);
    const file = list.data.sessions.nodes.flatMap((s: any) => s.files)[0];
    expect(Buffer.from(file.contentBase64, 'base64').length).toBe(file.size);
  });
});

describe('technicians, customers and computers', () => {
  it('finds a technician by id and lists their sessions', async () => {
    const list = await stack.graphql(
      `{ technicians(first: 5) { totalCount nodes { id name email role status activeSessionCount totalSessionCount } } }`,
    );
    expect(list.errors).toBeUndefined();
    const technician = list.data.technicians.nodes[0];
    expect(technician.role).toMatch(/^(ADMIN|TECHNICIAN)$/);
    const result = await stack.graphql(
      `query ($id: ID!) { technician(id: $id) { id email sessions(first: 100) { totalCount nodes { technician { id } } } } }`,
      { id: technician.id },
    );
    expect(result.data.technician.email).toBe(technician.email);
    expect(result.data.technician.sessions.totalCount).toBe(technician.totalSessionCount);
    for (const node of result.data.technician.sessions.nodes) expect(node.technician.id).toBe(technician.id);
  });

  it('filters technicians by e-mail', async () => {
    const list = await stack.graphql(`{ technicians(first: 2) { nodes { id email } } }`);
    const wanted = list.data.technicians.nodes[1];
    const result = await stack.graphql(
      `query ($email: EmailAddress) { technicians(filter: { email: $email }) { nodes { id } totalCount } }`,
      {
        email: wanted.email,
      },
    );
    expect(result.data.technicians).toEqual({ nodes: [{ id: wanted.id }], totalCount: 1 });
  });

  it('finds a customer by id and by e-mail filter, with their sessions', async () => {
    const list = await stack.graphql(
      `{ customers(first: 3) { totalCount nodes { id name email phone company notes createdAt } } }`,
    );
    expect(list.errors).toBeUndefined();
    const customer = list.data.customers.nodes[2];
    const byId = await stack.graphql(
      `query ($id: ID!) { customer(id: $id) { id email sessions(first: 5) { nodes { customer { email } } } } }`,
      {
        id: customer.id,
      },
    );
    expect(byId.data.customer.email).toBe(customer.email);
    for (const node of byId.data.customer.sessions.nodes) expect(node.customer.email).toBe(customer.email);
    const byEmail = await stack.graphql(
      `query ($email: EmailAddress) { customers(filter: { email: $email }) { nodes { id } } }`,
      {
        email: customer.email,
      },
    );
    expect(byEmail.data.customers.nodes).toEqual([{ id: customer.id }]);
  });

  it('finds a computer by id, filters computers by status, and lists the sessions on one', async () => {
    const online = await stack.graphql(
      `{ computers(first: 100, filter: { status: ONLINE }) { nodes { id status os } } }`,
    );
    expect(online.errors).toBeUndefined();
    expect(online.data.computers.nodes.length).toBeGreaterThan(0);
    for (const computer of online.data.computers.nodes) expect(computer.status).toBe('ONLINE');
    const id = online.data.computers.nodes[0].id;
    const result = await stack.graphql(
      `query ($id: ID!) { computer(id: $id) { id name ipAddress groupName lastSeenAt sessions(first: 10) { nodes { computer { id } } } } }`,
      {
        id,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.computer.id).toBe(id);
    for (const node of result.data.computer.sessions.nodes) expect(node.computer.id).toBe(id);
  });
});

describe('reports', () => {
  const filter = { from: '2000-01-01', to: '2100-01-01' };

  it('answers the session report with a summary that adds up its entries', async () => {
    const result = await stack.graphql(
      `query ($filter: ReportFilter!) { sessionReport(filter: $filter) {
        sessions { customerName technicianName startedAt durationSeconds type status chatMessageCount filesTransferredCount session { id } }
        summary { totalSessions completedSessions averageDurationSeconds totalDurationSeconds } } }`,
      { filter },
    );
    expect(result.errors).toBeUndefined();
    const { sessions, summary } = result.data.sessionReport;
    expect(summary.totalSessions).toBe(sessions.length);
    expect(summary.totalDurationSeconds).toBe(
      sessions.reduce((sum: number, s: any) => sum + s.durationSeconds, 0),
    );
    expect(summary.completedSessions).toBe(sessions.filter((s: any) => s.status === 'COMPLETED').length);
  });

  it('narrows the session report to one technician', async () => {
    const list = await stack.graphql(`{ technicians(first: 1) { nodes { id name } } }`);
    const technician = list.data.technicians.nodes[0];
    const result = await stack.graphql(
      `query ($filter: ReportFilter!) { sessionReport(filter: $filter) { sessions { technicianName } summary { totalSessions } } }`,
      { filter: { ...filter, technicianId: technician.id } },
    );
    expect(result.data.sessionReport.sessions.length).toBeGreaterThan(0);
    for (const entry of result.data.sessionReport.sessions)
      expect(entry.technicianName).toBe(technician.name);
  });

  it('answers the technician and customer reports, linking each entry to its entity', async () => {
    const result = await stack.graphql(
      `query ($filter: ReportFilter!) {
        technicianReport(filter: $filter) { technicians { technician { id name } technicianName totalSessions } summary { totalSessions } }
        customerReport(filter: $filter) { customers { customer { name email } totalSessions lastSessionAt } summary { totalSessions } } }`,
      { filter },
    );
    expect(result.errors).toBeUndefined();
    const { technicians } = result.data.technicianReport;
    expect(technicians.length).toBeGreaterThan(0);
    for (const entry of technicians) expect(entry.technician.name).toBe(entry.technicianName);
    const perTechnician = technicians.reduce((sum: number, t: any) => sum + t.totalSessions, 0);
    expect(perTechnician).toBe(result.data.technicianReport.summary.totalSessions);
    const perCustomer = result.data.customerReport.customers.reduce(
      (sum: number, c: any) => sum + c.totalSessions,
      0,
    );
    expect(perCustomer).toBe(result.data.customerReport.summary.totalSessions);
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
    const result = await stack.graphql(`{ _service { sdl } }`);
    const sdl: string = result.data._service.sdl;
    expect(sdl).toContain('type Session @key(fields: "id")');
    expect(sdl).toMatch(/type Technician @key\(fields: "id"\) @key\(fields: "email"\)/);
    expect(sdl).toMatch(/type Customer @key\(fields: "id"\) @key\(fields: "email"\)/);
    expect(sdl).toContain('type Computer @key(fields: "id")');
  });

  it('resolves every entity type by each of its keys, in order, with null for the missing', async () => {
    const seed = await stack.graphql(`{
      technicians(first: 1) { nodes { id email } }
      customers(first: 1) { nodes { id email } }
      computers(first: 1) { nodes { id } }
      sessions(first: 1) { nodes { id } } }`);
    const t = seed.data.technicians.nodes[0];
    const c = seed.data.customers.nodes[0];
    const representations = [
      { __typename: 'Technician', email: t.email },
      { __typename: 'Customer', id: c.id },
      { __typename: 'Session', id: seed.data.sessions.nodes[0].id },
      { __typename: 'Computer', id: seed.data.computers.nodes[0].id },
      { __typename: 'Customer', email: c.email },
      { __typename: 'Technician', id: t.id },
      { __typename: 'Technician', id: 'tech_missing' },
      { __typename: 'Customer', email: 'nobody@example.com' },
    ];
    const result = await stack.graphql(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        __typename ... on Technician { id } ... on Customer { id } ... on Session { id } ... on Computer { id } } }`,
      { representations },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { __typename: 'Technician', id: t.id },
      { __typename: 'Customer', id: c.id },
      { __typename: 'Session', id: seed.data.sessions.nodes[0].id },
      { __typename: 'Computer', id: seed.data.computers.nodes[0].id },
      { __typename: 'Customer', id: c.id },
      { __typename: 'Technician', id: t.id },
      null,
      null,
    ]);
  });

  it('_entities answers each representation on its own: one that fails upstream is null with its own error', async () => {
    const seed = await stack.graphql(`{
      technicians(first: 1) { nodes { id } } sessions(first: 1) { nodes { id } } computers(first: 1) { nodes { id } }
    }`);
    const technicianId: string = seed.data.technicians.nodes[0].id;
    const sessionId: string = seed.data.sessions.nodes[0].id;
    await stack.control.addFault({ route: 'GET /computers/{computerId}', errorRate: 1 });
    try {
      const result = await stack.graphql(
        `query ($representations: [_Any!]!) { _entities(representations: $representations) {
          __typename ... on Technician { id } ... on Computer { id } ... on Session { id } } }`,
        {
          representations: [
            { __typename: 'Technician', id: technicianId },
            { __typename: 'Computer', id: seed.data.computers.nodes[0].id },
            { __typename: 'Session', id: sessionId },
          ],
        },
      );
      expect(result.data._entities).toEqual([
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
