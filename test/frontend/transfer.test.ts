/**
 * `TransferSessionPayload.previousTechnician` is free: the graph takes it from what its read cache held of the
 * session before the write (a console shows the session, then transfers it), never from a call of its own.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { expectData } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';

interface Technician {
  id: string;
  name: string;
  activeSessionCount: number;
  maxConcurrentSessions: number | null;
}
interface Transferred {
  transferSession: {
    session: { id: string } | null;
    previousTechnician: { id: string; name: string } | null;
    userErrors: Array<{ code: string }>;
  };
}

const TRANSFER = `mutation ($input: TransferSessionInput!) { transferSession(input: $input) {
  session { id } previousTechnician { id name } userErrors { code } } }`;

describe('previousTechnician', () => {
  let stack: Stack;
  let from: Technician;
  let to: Technician;
  let sessionId: string;

  beforeAll(async () => {
    stack = await startStack({ env: { READ_CACHE: 'true' } });
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.control.reset();
    const list = await stack.graphql<{ technicians: { nodes: Technician[] } }>(
      `{ technicians(first: 100) { nodes { id name activeSessionCount maxConcurrentSessions } } }`,
    );
    const free = expectData(list).technicians.nodes.filter(
      (t) => (t.maxConcurrentSessions ?? 3) - t.activeSessionCount >= 1,
    );
    if (free.length < 2) throw new Error('the seed needs two technicians with capacity');
    [from, to] = free as [Technician, Technician];
    const created = await stack.graphql<{ createSession: { session: { id: string } } }>(
      `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id } } }`,
      { input: { customerName: 'Ann', customerEmail: 'ann@example.com', technicianId: from.id } },
    );
    sessionId = expectData(created).createSession.session.id;
  });

  it('names the technician the session had, from what the console read, with no call beyond the transfer', async () => {
    // What a console showed before the transfer: the session, and its technician.
    const shown = await stack.graphql<{
      session: { technician: { id: string } };
      technician: { name: string };
    }>(
      `query ($id: ID!, $technicianId: ID!) { session(id: $id) { technician { id } } technician(id: $technicianId) { name } }`,
      { id: sessionId, technicianId: from.id },
    );
    expect(expectData(shown).session.technician.id).toBe(from.id);
    await stack.control.resetCalls();

    const answer = expectData(
      await stack.graphql<Transferred>(TRANSFER, { input: { sessionId, technicianId: to.id } }),
    ).transferSession;

    expect(answer).toEqual({
      session: { id: sessionId },
      previousTechnician: { id: from.id, name: from.name },
      userErrors: [],
    });
    expect((await stack.control.calls()).byRoute).toEqual({ 'POST /sessions/{sessionId}/transfer': 1 });
  });

  it('is null, and costs nothing, when the graph had not read the session', async () => {
    await stack.control.resetCalls();
    const answer = expectData(
      await stack.graphql<Transferred>(TRANSFER, { input: { sessionId, technicianId: to.id } }),
    ).transferSession;

    expect(answer).toEqual({ session: { id: sessionId }, previousTechnician: null, userErrors: [] });
    expect((await stack.control.calls()).byRoute).toEqual({ 'POST /sessions/{sessionId}/transfer': 1 });
  });
});
