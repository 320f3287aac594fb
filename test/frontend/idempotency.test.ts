/**
 * `clientMutationId` makes a retried create safe, the way a frontend retries: after a lost answer, a double
 * click, UPSTREAM_OUTCOME_UNKNOWN, or through another replica. The emulator counts what reached "Zoho", so every
 * test states how many writes were made.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { IDEMPOTENCY_TTL_MS } from '../../src/upstream/idempotency.js';
import { errorCodes, expectData, graphql } from '../support/graphql.js';
import { EMULATOR_TOKEN, startStack, type Stack } from '../support/stack.js';
import { deleteKeys, REDIS_URL, uniquePrefix, withRedis } from '../scale/redis.js';

interface UserErrorShape {
  code: string;
  field: string[] | null;
}
interface Created {
  createSession: { session: { id: string } | null; userErrors: UserErrorShape[] };
}

const CREATE = `mutation ($input: CreateSessionInput!) {
  createSession(input: $input) { session { id } userErrors { code field } } }`;

async function freeTechnician(stack: Stack): Promise<string> {
  const list = await stack.graphql<{
    technicians: {
      nodes: Array<{ id: string; activeSessionCount: number; maxConcurrentSessions: number | null }>;
    };
  }>(`{ technicians(first: 100) { nodes { id activeSessionCount maxConcurrentSessions } } }`);
  const free = expectData(list).technicians.nodes.find(
    (t) => (t.maxConcurrentSessions ?? 3) - t.activeSessionCount >= 2,
  );
  if (!free) throw new Error('no technician with capacity in the seed');
  return free.id;
}

async function writes(stack: Stack): Promise<Record<string, number>> {
  const { byRoute } = await stack.control.calls();
  return Object.fromEntries(Object.entries(byRoute).filter(([route]) => !route.startsWith('GET ')));
}

describe('one replica', () => {
  let stack: Stack;
  let technicianId: string;
  let input: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.control.reset();
    await stack.control.clearFaults();
    technicianId = await freeTechnician(stack);
    input = {
      customerName: 'Ann',
      customerEmail: `ann.${randomUUID().slice(0, 8)}@example.com`,
      technicianId,
      clientMutationId: randomUUID(),
    };
    await stack.control.resetCalls();
  });

  it('answers a retry with the first session, making one write', async () => {
    const first = expectData(await stack.graphql<Created>(CREATE, { input })).createSession;
    const retry = expectData(await stack.graphql<Created>(CREATE, { input })).createSession;

    expect(first.session?.id).toEqual(expect.any(String));
    expect(retry).toEqual(first);
    expect(await writes(stack)).toEqual({ 'POST /sessions': 1 });
    expect(await stack.control.stateSessions({ customerEmail: input.customerEmail! })).toHaveLength(1);
  });

  it('makes one write for concurrent duplicates: the others wait for its answer', async () => {
    await stack.control.addFault({ route: 'POST /sessions', latencyMs: 300 });
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => stack.graphql<Created>(CREATE, { input })),
    );
    const ids = answers.map((answer) => expectData(answer).createSession.session?.id);

    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toEqual(expect.any(String));
    expect(await writes(stack)).toEqual({ 'POST /sessions': 1 });
  });

  it('refuses the key with another input as CONFLICT on clientMutationId, writing nothing more', async () => {
    expectData(await stack.graphql<Created>(CREATE, { input }));
    const reused = await stack.graphql<Created>(CREATE, {
      input: { ...input, customerName: 'Someone else' },
    });

    expect(expectData(reused).createSession).toEqual({
      session: null,
      userErrors: [{ code: 'CONFLICT', field: ['input', 'clientMutationId'] }],
    });
    expect(await writes(stack)).toEqual({ 'POST /sessions': 1 });
  });

  it('writes again for each new key, and for every request without one', async () => {
    const { clientMutationId: _key, ...plain } = input;
    await stack.graphql<Created>(CREATE, { input });
    await stack.graphql<Created>(CREATE, { input: { ...input, clientMutationId: randomUUID() } });
    await stack.graphql<Created>(CREATE, { input: plain });
    await stack.graphql<Created>(CREATE, { input: plain });

    expect(await writes(stack)).toEqual({ 'POST /sessions': 4 });
  });

  it('after UPSTREAM_OUTCOME_UNKNOWN, answers the retry with the session that landed, writing nothing more', async () => {
    // Zoho makes the session, then the connection drops before the answer.
    await stack.control.addFault({ route: 'POST /sessions', resetAfterHandlingRate: 1 });
    const lost = await stack.graphql<Created>(CREATE, { input });
    expect(errorCodes(lost)).toEqual(['UPSTREAM_OUTCOME_UNKNOWN']);
    await stack.control.clearFaults();

    const retry = expectData(await stack.graphql<Created>(CREATE, { input })).createSession;
    const made = await stack.control.stateSessions({ customerEmail: input.customerEmail! });

    expect(made).toHaveLength(1);
    expect(retry).toEqual({ session: { id: made[0]!.sessionId }, userErrors: [] });
    // The lost write, then one lookup of that customer's sessions: no second write.
    expect((await stack.control.calls()).byRoute).toEqual({ 'POST /sessions': 1, 'GET /sessions': 1 });
  });

  it('after UPSTREAM_OUTCOME_UNKNOWN of a write that did not land, writes once on retry', async () => {
    // The connection drops before Zoho handles the request.
    await stack.control.addFault({ route: 'POST /sessions', resetRate: 1 });
    const lost = await stack.graphql<Created>(CREATE, { input });
    expect(errorCodes(lost)).toEqual(['UPSTREAM_OUTCOME_UNKNOWN']);
    await stack.control.clearFaults();

    const retry = expectData(await stack.graphql<Created>(CREATE, { input })).createSession;
    const again = expectData(await stack.graphql<Created>(CREATE, { input })).createSession;

    expect(retry.session?.id).toEqual(expect.any(String));
    expect(again).toEqual(retry);
    expect(await stack.control.stateSessions({ customerEmail: input.customerEmail! })).toHaveLength(1);
    expect((await stack.control.calls()).byRoute).toEqual({ 'POST /sessions': 2, 'GET /sessions': 1 });
  });

  it('replays scheduleSession and inviteToSession retries with one write each', async () => {
    const SCHEDULE = `mutation ($input: ScheduleSessionInput!) {
      scheduleSession(input: $input) { session { id scheduledAt } userErrors { code } } }`;
    const INVITE = `mutation ($input: InviteToSessionInput!) {
      inviteToSession(input: $input) { invitation { id email } userErrors { code } } }`;
    const { clientMutationId: _key, ...person } = input;
    const schedule = {
      ...person,
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      clientMutationId: randomUUID(),
    };
    const scheduled = [
      await stack.graphql<{ scheduleSession: { session: { id: string } } }>(SCHEDULE, { input: schedule }),
      await stack.graphql<{ scheduleSession: { session: { id: string } } }>(SCHEDULE, { input: schedule }),
    ].map((answer) => expectData(answer).scheduleSession);
    const invite = {
      sessionId: scheduled[0]!.session.id,
      email: 'helper@example.com',
      clientMutationId: randomUUID(),
    };
    const invited = [
      await stack.graphql<{ inviteToSession: unknown }>(INVITE, { input: invite }),
      await stack.graphql<{ inviteToSession: unknown }>(INVITE, { input: invite }),
    ].map((answer) => expectData(answer).inviteToSession);

    expect(scheduled[1]).toEqual(scheduled[0]);
    expect(invited[1]).toEqual(invited[0]);
    expect(await writes(stack)).toEqual({
      'POST /sessions/schedule': 1,
      'POST /sessions/{sessionId}/invite': 1,
    });
    expect((await stack.control.outbox()).filter((mail) => mail.to === 'helper@example.com')).toHaveLength(1);
  });
});

describe('two replicas sharing Redis', () => {
  const prefix = uniquePrefix('idempotency');
  let stack: Stack;
  let second: App;
  let technicianId: string;

  beforeAll(async () => {
    const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix };
    stack = await startStack({ env });
    second = await startApp(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        ZOHO_ASSIST_API_URL: stack.emulator.apiUrl,
        ZOHO_ACCOUNTS_URL: stack.emulator.accountsUrl,
        ZOHO_ACCESS_TOKEN: EMULATOR_TOKEN,
        RATE_LIMIT_PER_MINUTE: '1000000',
        RATE_LIMIT_PER_DAY: '100000000',
        READ_CACHE: 'false',
        ...env,
      }),
    );
  });
  afterAll(async () => {
    await second.close();
    await stack.close();
    await deleteKeys(prefix);
  });
  beforeEach(async () => {
    await stack.control.reset();
    await stack.control.clearFaults();
    technicianId = await freeTechnician(stack);
    await stack.control.resetCalls();
  });

  function inputFor(name: string): Record<string, string> {
    return {
      customerName: name,
      customerEmail: `${name.toLowerCase()}.${randomUUID().slice(0, 8)}@example.com`,
      technicianId,
      clientMutationId: randomUUID(),
    };
  }

  it('answers a retry on the other replica with the first session, one write in all', async () => {
    const input = inputFor('Bo');
    const first = expectData(await stack.graphql<Created>(CREATE, { input })).createSession;
    const retry = expectData(await graphql<Created>(second.url, CREATE, { input })).createSession;

    expect(first.session?.id).toEqual(expect.any(String));
    expect(retry).toEqual(first);
    expect(await writes(stack)).toEqual({ 'POST /sessions': 1 });
  });

  it('makes one write for duplicates sent to both replicas at once', async () => {
    await stack.control.addFault({ route: 'POST /sessions', latencyMs: 300 });
    const input = inputFor('Cy');
    const answers = await Promise.all([
      stack.graphql<Created>(CREATE, { input }),
      graphql<Created>(second.url, CREATE, { input }),
      stack.graphql<Created>(CREATE, { input }),
      graphql<Created>(second.url, CREATE, { input }),
    ]);
    const ids = answers.map((answer) => expectData(answer).createSession.session?.id);

    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toEqual(expect.any(String));
    expect(await writes(stack)).toEqual({ 'POST /sessions': 1 });
  });

  it('keeps the answer in Redis for ten minutes', async () => {
    const records = () => withRedis((redis) => redis.keys(`${prefix}idempotency:*`));
    const before = new Set(await records());
    const input = inputFor('Di');
    expectData(await stack.graphql<Created>(CREATE, { input }));
    const added = (await records()).filter((key) => !before.has(key));
    const ttls = await withRedis((redis) => Promise.all(added.map((key) => redis.pttl(key))));

    expect(ttls).toHaveLength(1);
    expect(ttls[0]).toBeGreaterThan(IDEMPOTENCY_TTL_MS - 5_000);
    expect(IDEMPOTENCY_TTL_MS).toBeGreaterThanOrEqual(10 * 60_000);
  });
});
