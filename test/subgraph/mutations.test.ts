/**
 * Every mutation end to end: the graph's answer and what the emulator holds afterwards.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { expectData } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
let technicians: Array<{
  id: string;
  email: string;
  activeSessionCount: number;
  maxConcurrentSessions: number | null;
}>;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.control.reset();
  const result = await stack.graphql<{ technicians: { nodes: typeof technicians } }>(
    `{ technicians(first: 100) { nodes { id email activeSessionCount maxConcurrentSessions } } }`,
  );
  technicians = expectData(result).technicians.nodes;
});

interface UserError {
  code: string;
  message?: string;
  field?: string[] | null;
}

/** The payload of a mutation: its own field (`session`, `file`, ...) beside `userErrors`. */
type Payload<Name extends string, Field extends string, Value> = {
  [N in Name]: { [F in Field]: Value | null } & { userErrors: UserError[] };
};

type Created = Payload<'createSession', 'session', { id: string }>;

const CREATE = `mutation ($input: CreateSessionInput!) { createSession(input: $input) {
  session { id key url status type name technician { id } customer { name email } } userErrors { code message field } } }`;

function freeTechnician() {
  const found = technicians.find((t) => (t.maxConcurrentSessions ?? 3) - t.activeSessionCount >= 2);
  if (!found) throw new Error('no technician with capacity in the seed');
  return found;
}

describe('session lifecycle', () => {
  it('creates, invites to, transfers and ends a session, with the emulator showing each step', async () => {
    const technician = freeTechnician();
    const created = await stack.graphql<Created>(CREATE, {
      input: {
        customerName: 'John Doe',
        customerEmail: 'john@example.com',
        technicianId: technician.id,
        name: 'Software Installation Support',
      },
    });
    expect(expectData(created).createSession.userErrors).toEqual([]);
    const session = expectData(created).createSession.session!;
    expect(session).toMatchObject({
      status: 'WAITING',
      type: 'REMOTE_SUPPORT',
      name: 'Software Installation Support',
      technician: { id: technician.id },
      customer: { name: 'John Doe', email: 'john@example.com' },
    });

    const invited = await stack.graphql<Payload<'inviteToSession', 'invitation', object>>(
      `mutation ($input: InviteToSessionInput!) { inviteToSession(input: $input) { invitation { email sentEmail joinUrl session { id } } userErrors { code } } }`,
      { input: { sessionId: session.id, email: 'helper@example.com' } },
    );
    expect(expectData(invited).inviteToSession).toEqual({
      invitation: {
        email: 'helper@example.com',
        sentEmail: true,
        joinUrl: expect.any(String),
        session: { id: session.id },
      },
      userErrors: [],
    });
    expect(await stack.control.outbox()).toContainEqual(
      expect.objectContaining({ to: 'helper@example.com' }),
    );

    const target = technicians.find(
      (t) => t.id !== technician.id && (t.maxConcurrentSessions ?? 3) - t.activeSessionCount >= 1,
    )!;
    const transferred = await stack.graphql<Payload<'transferSession', 'session', object>>(
      `mutation ($input: TransferSessionInput!) { transferSession(input: $input) { session { id technician { id } } userErrors { code } } }`,
      { input: { sessionId: session.id, technicianId: target.id } },
    );
    expect(expectData(transferred).transferSession).toEqual({
      session: { id: session.id, technician: { id: target.id } },
      userErrors: [],
    });

    const ended = await stack.graphql<Payload<'endSession', 'session', object>>(
      `mutation ($input: EndSessionInput!) { endSession(input: $input) { session { id status } userErrors { code } } }`,
      { input: { sessionId: session.id } },
    );
    expect(expectData(ended).endSession).toEqual({
      session: { id: session.id, status: 'ENDED' },
      userErrors: [],
    });

    const records = await stack.control.stateSessions({ customerEmail: 'john@example.com' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ sessionId: session.id, technicianId: target.id, status: 'ended' });
  });

  it('creates a session in one upstream call', async () => {
    await stack.control.resetCalls();
    const result = await stack.graphql<Payload<'createSession', 'session', { customer: object | null }>>(
      `mutation ($input: CreateSessionInput!) { createSession(input: $input) {
      session { id key url status customer { name email } } userErrors { code } } }`,
      {
        input: { customerName: 'Ann', customerEmail: 'ann@example.com', technicianId: freeTechnician().id },
      },
    );
    expect(expectData(result).createSession.session!.customer).toEqual({
      name: 'Ann',
      email: 'ann@example.com',
    });
    expect((await stack.control.calls()).byRoute).toEqual({ 'POST /sessions': 1 });
  });

  it('answers SESSION_ALREADY_ENDED when ending a session twice', async () => {
    const created = await stack.graphql<Created>(CREATE, {
      input: { customerName: 'Bo', customerEmail: 'bo@example.com', technicianId: freeTechnician().id },
    });
    const input = { sessionId: expectData(created).createSession.session!.id };
    const END = `mutation ($input: EndSessionInput!) { endSession(input: $input) { session { id } userErrors { code field } } }`;
    await stack.graphql(END, { input });
    const again = await stack.graphql<Payload<'endSession', 'session', object>>(END, { input });
    expect(again.errors).toBeUndefined();
    expect(expectData(again).endSession).toEqual({
      session: null,
      userErrors: [{ code: 'SESSION_ALREADY_ENDED', field: ['input'] }],
    });
  });

  it('answers SESSION_LIMIT_REACHED once a technician is at their concurrent limit', async () => {
    const technician = freeTechnician();
    const capacity = (technician.maxConcurrentSessions ?? 3) - technician.activeSessionCount;
    for (let i = 0; i < capacity; i++) {
      const ok = await stack.graphql<Created>(CREATE, {
        input: { customerName: `C${i}`, customerEmail: `c${i}@example.com`, technicianId: technician.id },
      });
      expect(expectData(ok).createSession.userErrors).toEqual([]);
    }
    const refused = await stack.graphql<Created>(CREATE, {
      input: { customerName: 'One too many', customerEmail: 'late@example.com', technicianId: technician.id },
    });
    expect(expectData(refused).createSession.session).toBeNull();
    expect(expectData(refused).createSession.userErrors[0]!.code).toBe('SESSION_LIMIT_REACHED');
  });

  it('answers NOT_FOUND on the input field for an unknown technician', async () => {
    const result = await stack.graphql<Created>(CREATE, {
      input: { customerName: 'Cy', customerEmail: 'cy@example.com', technicianId: 'tech_nobody' },
    });
    expect(expectData(result).createSession).toEqual({
      session: null,
      userErrors: [{ code: 'NOT_FOUND', message: expect.any(String), field: ['input', 'technicianId'] }],
    });
  });

  it('schedules a session in the future and refuses one in the past without calling Zoho', async () => {
    const SCHEDULE = `mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) {
      session { id type status scheduledAt durationMinutes } userErrors { code field } } }`;
    const when = new Date(Math.floor(Date.now() / 1000) * 1000 + 86_400_000).toISOString();
    const base = {
      customerName: 'Di',
      customerEmail: 'di@example.com',
      technicianId: freeTechnician().id,
      durationMinutes: 45,
    };
    type Scheduled = Payload<'scheduleSession', 'session', { scheduledAt: string }>;
    const scheduled = await stack.graphql<Scheduled>(SCHEDULE, { input: { ...base, scheduledAt: when } });
    const answer = expectData(scheduled).scheduleSession;
    expect(answer.userErrors).toEqual([]);
    expect(answer.session).toMatchObject({
      type: 'SCHEDULED_SESSION',
      status: 'SCHEDULED',
      durationMinutes: 45,
    });
    expect(Date.parse(answer.session!.scheduledAt)).toBe(Date.parse(when));

    await stack.control.resetCalls();
    const past = await stack.graphql<Scheduled>(SCHEDULE, {
      input: { ...base, scheduledAt: '2001-01-01T00:00:00Z' },
    });
    expect(expectData(past).scheduleSession).toEqual({
      session: null,
      userErrors: [{ code: 'VALIDATION', field: ['input', 'scheduledAt'] }],
    });
    expect((await stack.control.calls()).total).toBe(0);
  });
});

describe('computers', () => {
  const CONNECT = `mutation ($input: ConnectComputerInput!) { connectComputer(input: $input) {
    session { id type status computer { id } } userErrors { code } } }`;
  type Connected = Payload<'connectComputer', 'session', object>;

  it('connects to an online computer and refuses an offline one', async () => {
    const list = await stack.graphql<{ computers: { nodes: Array<{ id: string; status: string }> } }>(
      `{ computers(first: 100) { nodes { id status } } }`,
    );
    const computers = expectData(list).computers.nodes;
    const online = computers.find((c) => c.status === 'ONLINE')!;
    const offline = computers.find((c) => c.status === 'OFFLINE')!;
    const ok = await stack.graphql<Connected>(CONNECT, {
      input: { computerId: online.id, technicianId: freeTechnician().id },
    });
    expect(expectData(ok).connectComputer.userErrors).toEqual([]);
    expect(expectData(ok).connectComputer.session).toMatchObject({
      type: 'UNATTENDED_ACCESS',
      computer: { id: online.id },
    });
    const refused = await stack.graphql<Connected>(CONNECT, {
      input: { computerId: offline.id, technicianId: freeTechnician().id },
    });
    expect(expectData(refused).connectComputer).toEqual({
      session: null,
      userErrors: [{ code: 'COMPUTER_OFFLINE' }],
    });
  });

  it('removes a computer, after which it is not found', async () => {
    const list = await stack.graphql<{ computers: { nodes: Array<{ id: string }> } }>(
      `{ computers(first: 1) { nodes { id } } }`,
    );
    const id = expectData(list).computers.nodes[0]!.id;
    const removed = await stack.graphql<Payload<'removeComputer', 'removedComputerId', string>>(
      `mutation ($input: RemoveComputerInput!) { removeComputer(input: $input) { removedComputerId userErrors { code } } }`,
      { input: { computerId: id } },
    );
    expect(expectData(removed).removeComputer).toEqual({ removedComputerId: id, userErrors: [] });
    const after = await stack.graphql(`query ($id: ID!) { computer(id: $id) { id } }`, { id });
    expect(after.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('technicians and customers', () => {
  it('adds, updates and removes a technician', async () => {
    const added = await stack.graphql<Payload<'addTechnician', 'technician', { id: string }>>(
      `mutation { addTechnician(input: { name: "Tess", email: "tess@company.com", role: ADMIN, maxConcurrentSessions: 5 }) {
        technician { id name email role maxConcurrentSessions } userErrors { code } } }`,
    );
    const technician = expectData(added).addTechnician;
    expect(technician.userErrors).toEqual([]);
    const id = technician.technician!.id;
    expect(technician.technician).toMatchObject({
      name: 'Tess',
      role: 'ADMIN',
      maxConcurrentSessions: 5,
    });
    const updated = await stack.graphql<Payload<'updateTechnician', 'technician', object>>(
      `mutation ($id: ID!) { updateTechnician(input: { technicianId: $id, name: "Tessa", status: BUSY }) { technician { name status } userErrors { code } } }`,
      { id },
    );
    expect(expectData(updated).updateTechnician).toEqual({
      technician: { name: 'Tessa', status: 'BUSY' },
      userErrors: [],
    });
    const duplicate = await stack.graphql<Payload<'addTechnician', 'technician', object>>(
      `mutation { addTechnician(input: { name: "Again", email: "tess@company.com" }) { technician { id } userErrors { code } } }`,
    );
    expect(expectData(duplicate).addTechnician.userErrors[0]!.code).toBe('ALREADY_EXISTS');
    const removed = await stack.graphql<Payload<'removeTechnician', 'removedTechnicianId', string>>(
      `mutation ($id: ID!) { removeTechnician(input: { technicianId: $id }) { removedTechnicianId userErrors { code } } }`,
      { id },
    );
    expect(expectData(removed).removeTechnician).toEqual({ removedTechnicianId: id, userErrors: [] });
    const gone = await stack.graphql(`query ($id: ID!) { technician(id: $id) { id } }`, { id });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('adds, updates and removes a customer', async () => {
    const added = await stack.graphql<Payload<'addCustomer', 'customer', { id: string }>>(
      `mutation { addCustomer(input: { name: "Quinn", email: "quinn@example.com", phone: "+1 555 0100", company: "Acme", notes: "VIP" }) {
        customer { id name email phone company notes } userErrors { code } } }`,
    );
    const customer = expectData(added).addCustomer.customer!;
    expect(customer).toMatchObject({ name: 'Quinn', phone: '+1 555 0100', company: 'Acme', notes: 'VIP' });
    const updated = await stack.graphql<Payload<'updateCustomer', 'customer', object>>(
      `mutation ($id: ID!) { updateCustomer(input: { customerId: $id, company: "Globex" }) { customer { company name } userErrors { code } } }`,
      { id: customer.id },
    );
    expect(expectData(updated).updateCustomer).toEqual({
      customer: { company: 'Globex', name: 'Quinn' },
      userErrors: [],
    });
    type Removed = Payload<'removeCustomer', 'removedCustomerId', string>;
    const removed = await stack.graphql<Removed>(
      `mutation ($id: ID!) { removeCustomer(input: { customerId: $id }) { removedCustomerId userErrors { code } } }`,
      { id: customer.id },
    );
    expect(expectData(removed).removeCustomer).toEqual({ removedCustomerId: customer.id, userErrors: [] });
    const again = await stack.graphql<Removed>(
      `mutation ($id: ID!) { removeCustomer(input: { customerId: $id }) { removedCustomerId userErrors { code field } } }`,
      { id: customer.id },
    );
    expect(expectData(again).removeCustomer).toEqual({
      removedCustomerId: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'customerId'] }],
    });
  });
});

describe('files', () => {
  it('starts a file transfer whose bytes download back unchanged', async () => {
    const list = await stack.graphql<{ sessions: { nodes: Array<{ id: string }> } }>(
      `{ sessions(first: 1) { nodes { id } } }`,
    );
    const sessionId = expectData(list).sessions.nodes[0]!.id;
    const content = Buffer.from('hello, customer').toString('base64');
    const started = await stack.graphql<Payload<'startFileTransfer', 'file', object>>(
      `mutation ($input: StartFileTransferInput!) { startFileTransfer(input: $input) {
        file { id name size contentType direction contentBase64 session { id } } userErrors { code } } }`,
      { input: { sessionId, fileName: 'readme.txt', contentType: 'text/plain', contentBase64: content } },
    );
    expect(expectData(started).startFileTransfer.userErrors).toEqual([]);
    expect(expectData(started).startFileTransfer.file).toMatchObject({
      name: 'readme.txt',
      size: 15,
      contentType: 'text/plain',
      direction: 'TECHNICIAN_TO_CUSTOMER',
      contentBase64: content,
      session: { id: sessionId },
    });
  });

  it('refuses content that is not base64 without calling Zoho', async () => {
    await stack.control.resetCalls();
    const result = await stack.graphql<Payload<'startFileTransfer', 'file', object>>(
      `mutation { startFileTransfer(input: { sessionId: "1", fileName: "x", contentBase64: "***" }) { file { id } userErrors { code field } } }`,
    );
    expect(expectData(result).startFileTransfer).toEqual({
      file: null,
      userErrors: [{ code: 'VALIDATION', field: ['input', 'contentBase64'] }],
    });
    expect((await stack.control.calls()).total).toBe(0);
  });
});
