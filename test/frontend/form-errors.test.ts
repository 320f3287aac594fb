/**
 * Errors a form can use: a mutation's invalid input comes back as data, one VALIDATION user error per field at
 * fault with the field's path, every problem at once and nothing sent to Zoho; business refusals point at the
 * field that caused them. A gateway rewrites GraphQL errors' messages, never the data.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { errorCodes, expectData } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';

interface UserErrorShape {
  code: string;
  field: string[] | null;
}
type Payload<Name extends string> = Record<Name, { userErrors: UserErrorShape[] } & Record<string, unknown>>;

/** src/graph/argument-limits.ts's bound on every string argument. */
const STRING_ARGUMENT_MAX = 256;

let stack: Stack;
let technicianId: string;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.control.reset();
  const list = await stack.graphql<{
    technicians: {
      nodes: Array<{ id: string; activeSessionCount: number; maxConcurrentSessions: number | null }>;
    };
  }>(`{ technicians(first: 100) { nodes { id activeSessionCount maxConcurrentSessions } } }`);
  const free = expectData(list).technicians.nodes.find(
    (t) => (t.maxConcurrentSessions ?? 3) - t.activeSessionCount >= 1,
  );
  if (!free) throw new Error('no technician with capacity in the seed');
  technicianId = free.id;
  await stack.control.resetCalls();
});

const CREATE = `mutation ($input: CreateSessionInput!) {
  createSession(input: $input) { session { id } userErrors { code field } } }`;
const SCHEDULE = `mutation ($input: ScheduleSessionInput!) {
  scheduleSession(input: $input) { session { id } userErrors { code field } } }`;

function fields(errors: UserErrorShape[]): Array<[string, string[] | null]> {
  return errors.map((error) => [error.code, error.field]);
}

describe('invalid mutation input', () => {
  it('answers a malformed e-mail and a blank name as VALIDATION on each field, calling nothing', async () => {
    const answer = await stack.graphql<Payload<'createSession'>>(CREATE, {
      input: { customerName: '  ', customerEmail: 'ann@@example', technicianId },
    });
    expect(answer.errors).toBeUndefined();
    expect(expectData(answer).createSession.session).toBeNull();
    expect(fields(expectData(answer).createSession.userErrors)).toEqual([
      ['VALIDATION', ['input', 'customerName']],
      ['VALIDATION', ['input', 'customerEmail']],
    ]);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('answers a scheduledAt without a time zone as VALIDATION on scheduledAt, calling nothing', async () => {
    const answer = await stack.graphql<Payload<'scheduleSession'>>(SCHEDULE, {
      input: {
        customerName: 'Di',
        customerEmail: 'di@example.com',
        technicianId,
        scheduledAt: '2031-03-01T10:00:00',
        durationMinutes: 0,
      },
    });
    expect(answer.errors).toBeUndefined();
    expect(fields(expectData(answer).scheduleSession.userErrors)).toEqual([
      ['VALIDATION', ['input', 'scheduledAt']],
      ['VALIDATION', ['input', 'durationMinutes']],
    ]);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('answers an out-of-range number and an over-long field as VALIDATION on the field', async () => {
    const technician = await stack.graphql<Payload<'addTechnician'>>(
      `mutation ($input: AddTechnicianInput!) { addTechnician(input: $input) { technician { id } userErrors { code field } } }`,
      { input: { name: 'Ed', email: 'ed@example.com', maxConcurrentSessions: 101 } },
    );
    const customer = await stack.graphql<Payload<'addCustomer'>>(
      `mutation ($input: AddCustomerInput!) { addCustomer(input: $input) { customer { id } userErrors { code field } } }`,
      { input: { name: 'Flo', email: 'flo@example.com', phone: '0'.repeat(51) } },
    );
    expect(fields(expectData(technician).addTechnician.userErrors)).toEqual([
      ['VALIDATION', ['input', 'maxConcurrentSessions']],
    ]);
    expect(fields(expectData(customer).addCustomer.userErrors)).toEqual([['VALIDATION', ['input', 'phone']]]);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('validates the invitee e-mail of inviteToSession in the resolver', async () => {
    const answer = await stack.graphql<Payload<'inviteToSession'>>(
      `mutation ($input: InviteToSessionInput!) { inviteToSession(input: $input) { invitation { id } userErrors { code field } } }`,
      { input: { sessionId: 'any', email: 'not an address' } },
    );
    expect(fields(expectData(answer).inviteToSession.userErrors)).toEqual([
      ['VALIDATION', ['input', 'email']],
    ]);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('still refuses a string over the argument bound with BAD_USER_INPUT before anything runs', async () => {
    const answer = await stack.graphql(CREATE, {
      input: {
        customerName: 'x'.repeat(STRING_ARGUMENT_MAX + 1),
        customerEmail: 'ann@example.com',
        technicianId,
      },
    });
    expect(answer.status).toBe(400);
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('keeps the EmailAddress scalar on query arguments: a malformed filter is BAD_USER_INPUT', async () => {
    const answer = await stack.graphql(
      `query ($email: EmailAddress) { customers(filter: { email: $email }) { totalCount } }`,
      { email: 'nope' },
    );
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect((await stack.control.calls()).total).toBe(0);
  });
});

describe('enum inputs', () => {
  // Output enums keep UNKNOWN for values Zoho adds later; an input cannot name one, so codegen's input types
  // leave it out and a client cannot send it (it once became a remote-support session, silently).
  it.each([
    [
      'createSession',
      CREATE,
      () => ({ customerName: 'Ann', customerEmail: 'ann@example.com', technicianId, type: 'UNKNOWN' }),
    ],
    [
      'addTechnician',
      `mutation ($input: AddTechnicianInput!) { addTechnician(input: $input) { technician { id } } }`,
      () => ({ name: 'Ann', email: 'ann@example.com', role: 'UNKNOWN' }),
    ],
    [
      'updateTechnician',
      `mutation ($input: UpdateTechnicianInput!) { updateTechnician(input: $input) { technician { id } } }`,
      () => ({ technicianId, status: 'UNKNOWN' }),
    ],
    [
      'startFileTransfer',
      `mutation ($input: StartFileTransferInput!) { startFileTransfer(input: $input) { file { id } } }`,
      () => ({ sessionId: 'sess_1', fileName: 'a.txt', direction: 'UNKNOWN' }),
    ],
  ])('refuses UNKNOWN in %s before anything runs', async (_name, document, input) => {
    const answer = await stack.graphql(document, { input: input() });
    expect(answer.status).toBe(400);
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect((await stack.control.calls()).total).toBe(0);
  });
});

describe('business refusals', () => {
  it('points SESSION_LIMIT_REACHED at the technician picked', async () => {
    const list = await stack.graphql<{
      technicians: {
        nodes: Array<{ id: string; activeSessionCount: number; maxConcurrentSessions: number | null }>;
      };
    }>(`{ technicians(first: 100) { nodes { id activeSessionCount maxConcurrentSessions } } }`);
    const technician = expectData(list).technicians.nodes.find((t) => t.id === technicianId)!;
    const capacity = (technician.maxConcurrentSessions ?? 3) - technician.activeSessionCount;
    for (let i = 0; i < capacity; i++) {
      const ok = await stack.graphql<Payload<'createSession'>>(CREATE, {
        input: { customerName: `C${i}`, customerEmail: `c${i}@example.com`, technicianId },
      });
      expect(expectData(ok).createSession.userErrors).toEqual([]);
    }
    const refused = await stack.graphql<Payload<'createSession'>>(CREATE, {
      input: { customerName: 'Late', customerEmail: 'late@example.com', technicianId },
    });
    expect(fields(expectData(refused).createSession.userErrors)).toEqual([
      ['SESSION_LIMIT_REACHED', ['input', 'technicianId']],
    ]);
  });

  it('points COMPUTER_OFFLINE at the computer picked', async () => {
    const list = await stack.graphql<{ computers: { nodes: Array<{ id: string; status: string }> } }>(
      `{ computers(first: 100) { nodes { id status } } }`,
    );
    const offline = expectData(list).computers.nodes.find((c) => c.status === 'OFFLINE');
    if (!offline) throw new Error('no offline computer in the seed');
    const refused = await stack.graphql<Payload<'connectComputer'>>(
      `mutation ($input: ConnectComputerInput!) { connectComputer(input: $input) { session { id } userErrors { code field } } }`,
      { input: { computerId: offline.id, technicianId } },
    );
    expect(fields(expectData(refused).connectComputer.userErrors)).toEqual([
      ['COMPUTER_OFFLINE', ['input', 'computerId']],
    ]);
  });
});
