/**
 * The live graph over HTTP (issue 21.4 and 21.6): a subgraph started with ZOHO_API_DIALECT=live against the
 * emulator's live front, each operation of the live SDL asked as a client would, with the exact upstream calls
 * it cost (the emulator counts them by Zoho's route). The department is looked up once per credential per
 * process, so the first test pays the one `GET /user` of this process.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { servedSubgraphSdl } from '../../src/graph/sdl.js';
import { graphql } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';

/** The emulator's newest device: beyond 2^53, so a plain JSON.parse would read it as …000. */
const NEWEST = '275000000000000010';
const DEPARTMENT = '215700000000004111';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ env: { ZOHO_API_DIALECT: 'live' } });
});
afterAll(async () => {
  await stack.close();
});

async function calls(): Promise<Record<string, number>> {
  return (await stack.control.calls()).byRoute;
}

interface Page {
  computers: {
    totalCount: number | null;
    nodes: Array<{ id: string; name: string; status: string; os: string }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const PAGE = /* GraphQL */ `
  query Computers($first: Int, $after: String, $filter: ComputerFilter) {
    computers(first: $first, after: $after, filter: $filter) {
      totalCount
      nodes {
        id
        name
        status
        os
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

describe('computers', () => {
  // First in the file: this process has not looked its department up yet.
  it('cost one call a page, plus one GET /user per credential per process', async () => {
    await stack.control.resetCalls();

    const first = await stack.graphql<Page>(PAGE, { first: 4 });

    expect(first.errors).toBeUndefined();
    expect(await calls()).toEqual({ 'GET /user': 1, 'GET /devices': 1 });
    expect(first.data?.computers.totalCount).toBe(10);
    expect(first.data?.computers.nodes.map((node) => node.id)).toEqual([
      NEWEST,
      '275000000000000009',
      '275000000000000008',
      '275000000000000007',
    ]);
    expect(first.data?.computers.nodes[0]).toEqual({
      id: NEWEST,
      name: expect.any(String),
      status: expect.stringMatching(/^(ONLINE|OFFLINE)$/),
      os: expect.any(String),
    });

    await stack.control.resetCalls();
    const second = await stack.graphql<Page>(PAGE, {
      first: 4,
      after: first.data?.computers.pageInfo.endCursor,
    });

    expect(second.data?.computers.nodes.map((node) => node.id)).toEqual([
      '275000000000000006',
      '275000000000000005',
      '275000000000000004',
      '275000000000000003',
    ]);
    expect(await calls()).toEqual({ 'GET /devices': 1 });
  });

  it('filter by name with Zoho, in the same one call', async () => {
    const all = await stack.graphql<Page>(PAGE, { first: 10 });
    const name = all.data!.computers.nodes[2]!.name;
    await stack.control.resetCalls();

    const filtered = await stack.graphql<Page>(PAGE, { first: 10, filter: { name } });

    expect(filtered.errors).toBeUndefined();
    expect(filtered.data?.computers.nodes.map((node) => node.name)).toContain(name);
    expect(filtered.data?.computers.nodes.every((node) => node.name.includes(name))).toBe(true);
    expect(filtered.data?.computers.totalCount).toBe(filtered.data?.computers.nodes.length);
    expect(filtered.data!.computers.nodes.length).toBeLessThan(10);
    expect(await calls()).toEqual({ 'GET /devices': 1 });
  });

  it('refuse a status filter: the live graph has none, so nothing is called', async () => {
    await stack.control.resetCalls();

    const answer = await stack.graphql(PAGE, { first: 5, filter: { status: 'ONLINE' } });

    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('look one computer up by its 18-digit id, digit for digit, in one call', async () => {
    await stack.control.resetCalls();

    const answer = await stack.graphql<{ computer: { id: string; name: string } }>(
      `query ($id: ID!) { computer(id: $id) { id name } }`,
      { id: NEWEST },
    );

    expect(answer.data?.computer.id).toBe(NEWEST);
    expect(await calls()).toEqual({ 'GET /devices/{resource_id}': 1 });
    expect((await stack.control.log()).map((entry) => entry.path)).toEqual([`/api/v2/devices/${NEWEST}`]);
  });

  it('resolve as entities for a gateway through the same loader: one GET for one, one page for several', async () => {
    await stack.control.resetCalls();
    const one = await stack.graphql<{ _entities: Array<{ id: string; name: string } | null> }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Computer { id name } } }`,
      { r: [{ __typename: 'Computer', id: NEWEST }] },
    );
    expect(one.data?._entities).toEqual([{ id: NEWEST, name: expect.any(String) }]);
    expect(await calls()).toEqual({ 'GET /devices/{resource_id}': 1 });

    await stack.control.resetCalls();
    const several = await stack.graphql<{ _entities: Array<{ id: string } | null> }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Computer { id } } }`,
      {
        r: ['275000000000000001', '275000000000000002', '275000000000000003'].map((id) => ({
          __typename: 'Computer',
          id,
        })),
      },
    );
    expect(several.data?._entities.map((entity) => entity?.id)).toEqual([
      '275000000000000001',
      '275000000000000002',
      '275000000000000003',
    ]);
    // Ten devices fit one page of 50: one list call instead of three GETs.
    expect(await calls()).toEqual({ 'GET /devices': 1 });
  });
});

describe('writes to computers', () => {
  beforeEach(async () => {
    await stack.control.reset();
  });

  it('connectComputer starts an unattended session in one call, naming the department and the id exactly', async () => {
    const listed = await stack.graphql<Page>(PAGE, { first: 10 });
    const online = listed.data!.computers.nodes.find((node) => node.status === 'ONLINE')!.id;
    await stack.control.resetCalls();

    const answer = await stack.graphql<{
      connectComputer: {
        session: {
          id: string;
          key: string;
          joinKey: string;
          url: string | null;
          technicianUrl: string;
          type: string;
        } | null;
        userErrors: unknown[];
      };
    }>(
      `mutation ($id: ID!) {
        connectComputer(input: { computerId: $id }) {
          session { id key joinKey url technicianUrl type }
          userErrors { code message field }
        }
      }`,
      { id: online },
    );

    expect(answer.errors).toBeUndefined();
    const session = answer.data?.connectComputer.session;
    expect(answer.data?.connectComputer.userErrors).toEqual([]);
    expect(session).toEqual({
      id: session?.key,
      key: expect.stringMatching(/^\d+$/),
      joinKey: session?.key,
      url: null,
      technicianUrl: expect.stringContaining(`key=${session?.key}`),
      type: 'UNATTENDED_ACCESS',
    });
    // The emulator answers 400 without the department (as Zoho documents), so an answer proves it was named.
    expect(await calls()).toEqual({ 'POST /unattended/{resource_id}/connect': 1 });
    expect((await stack.control.log())[0]?.path).toBe(`/api/v2/unattended/${online}/connect`);
  });

  it('connectComputer answers an offline computer as COMPUTER_OFFLINE on the computer, in one call', async () => {
    const listed = await stack.graphql<Page>(PAGE, { first: 10 });
    const offline = listed.data!.computers.nodes.find((node) => node.status === 'OFFLINE')!.id;
    await stack.control.resetCalls();

    const answer = await stack.graphql<{ connectComputer: { session: unknown; userErrors: unknown[] } }>(
      `mutation ($id: ID!) { connectComputer(input: { computerId: $id }) { session { id } userErrors { code field } } }`,
      { id: offline },
    );

    expect(answer.data?.connectComputer).toEqual({
      session: null,
      userErrors: [{ code: 'COMPUTER_OFFLINE', field: ['input', 'computerId'] }],
    });
    expect(await calls()).toEqual({ 'POST /unattended/{resource_id}/connect': 1 });
  });

  it('connectComputer answers a computer Zoho does not know as a NOT_FOUND user error', async () => {
    await stack.control.resetCalls();

    const answer = await stack.graphql<{ connectComputer: { session: unknown; userErrors: unknown[] } }>(
      `mutation { connectComputer(input: { computerId: "275000000000009999" }) {
        session { id } userErrors { code field } } }`,
    );

    expect(answer.data?.connectComputer).toEqual({
      session: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'computerId'] }],
    });
    expect((await stack.control.calls()).total).toBe(1);
  });

  it('renameComputer is one PUT; the renamed computer costs one GET, only when selected', async () => {
    await stack.control.resetCalls();
    const rename = (select: string) =>
      stack.graphql<{
        renameComputer: { computer?: { id: string; name: string } | null; userErrors: unknown[] };
      }>(
        `mutation ($id: ID!, $name: String!) {
          renameComputer(input: { computerId: $id, name: $name }) { ${select} userErrors { code } }
        }`,
        { id: NEWEST, name: 'Front desk' },
      );

    const bare = await rename('');
    expect(bare.data?.renameComputer.userErrors).toEqual([]);
    expect(await calls()).toEqual({ 'PUT /devices/{resource_id}': 1 });

    await stack.control.resetCalls();
    const selected = await rename('computer { id name }');
    expect(selected.data?.renameComputer.computer).toEqual({ id: NEWEST, name: 'Front desk' });
    expect(await calls()).toEqual({ 'PUT /devices/{resource_id}': 1, 'GET /devices/{resource_id}': 1 });
  });

  it('removeComputer is one DELETE of the exact id, and the computer is gone', async () => {
    await stack.control.resetCalls();

    const removed = await stack.graphql<{ removeComputer: { removedComputerId: string | null } }>(
      `mutation ($id: ID!) { removeComputer(input: { computerId: $id }) { removedComputerId userErrors { code } } }`,
      { id: NEWEST },
    );

    expect(removed.data?.removeComputer.removedComputerId).toBe(NEWEST);
    expect(await calls()).toEqual({ 'DELETE /devices/{resource_id}': 1 });
    expect((await stack.control.log())[0]?.path).toBe(`/api/v2/devices/${NEWEST}`);
    const after = await stack.graphql<Page>(PAGE, { first: 20 });
    expect(after.data?.computers.totalCount).toBe(9);
    expect(after.data?.computers.nodes.map((node) => node.id)).not.toContain(NEWEST);
  });

  it('refuses an id that is not digits as a VALIDATION user error, with no call', async () => {
    await stack.control.resetCalls();

    const answer = await stack.graphql<{ removeComputer: { userErrors: unknown[] } }>(
      `mutation { removeComputer(input: { computerId: "comp_1" }) { userErrors { code field } } }`,
    );

    expect(answer.data?.removeComputer.userErrors).toEqual([
      { code: 'VALIDATION', field: ['input', 'computerId'] },
    ]);
    expect((await stack.control.calls()).total).toBe(0);
  });
});

describe('sessions', () => {
  beforeEach(async () => {
    await stack.control.reset();
    await stack.control.resetCalls();
  });

  const CREATE = /* GraphQL */ `
    mutation ($input: CreateSessionInput!) {
      createSession(input: $input) {
        session {
          id
          key
          joinKey
          url
          joinUrl
          technicianUrl
          type
        }
        userErrors {
          code
          message
          field
        }
      }
    }
  `;
  interface Created {
    createSession: {
      session: {
        id: string;
        key: string;
        joinKey: string;
        url: string;
        joinUrl: string;
        technicianUrl: string;
        type: string;
      } | null;
      userErrors: Array<{ code: string; field: string[] | null }>;
    };
  }

  it('createSession starts remote support in one POST /session, with both links', async () => {
    const answer = await stack.graphql<Created>(CREATE, { input: { customerEmail: 'mark.k@example.com' } });

    const session = answer.data?.createSession.session;
    expect(answer.data?.createSession.userErrors).toEqual([]);
    expect(session).toEqual({
      id: expect.any(String),
      key: session?.id,
      joinKey: session?.id,
      url: expect.stringContaining(`/join?role=A&key=${session?.id}&email=mark.k%40example.com`),
      joinUrl: session?.url,
      technicianUrl: expect.stringContaining(`/assist-start?key=${session?.id}`),
      type: 'REMOTE_SUPPORT',
    });
    expect(await calls()).toEqual({ 'POST /session': 1 });
  });

  it('createSession starts screen sharing with no input at all but the type', async () => {
    const answer = await stack.graphql<Created>(CREATE, { input: { type: 'SCREEN_SHARING' } });

    expect(answer.data?.createSession.session).toMatchObject({
      url: expect.stringContaining('/demo-viewer.do?key='),
      technicianUrl: expect.stringContaining('/presenter?key='),
      type: 'SCREEN_SHARING',
    });
    expect(await calls()).toEqual({ 'POST /session': 1 });
  });

  it('createSession refuses an unattended type and a malformed e-mail as user errors, with no call', async () => {
    const unattended = await stack.graphql<Created>(CREATE, { input: { type: 'UNATTENDED_ACCESS' } });
    const malformed = await stack.graphql<Created>(CREATE, { input: { customerEmail: 'not an address' } });

    expect(unattended.data?.createSession.userErrors).toEqual([
      expect.objectContaining({ code: 'VALIDATION', field: ['input', 'type'] }),
    ]);
    expect(malformed.data?.createSession.userErrors).toEqual([
      expect.objectContaining({ code: 'VALIDATION', field: ['input', 'customerEmail'] }),
    ]);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('scheduleSession books a schedule in one POST /session/schedule and answers its id and both links', async () => {
    const at = new Date(Date.now() + 86_400_000).toISOString();

    const answer = await stack.graphql<{
      scheduleSession: {
        schedule: { id: string; url: string | null; technicianUrl: string | null } | null;
        userErrors: unknown[];
      };
    }>(
      `mutation ($input: ScheduleSessionInput!) {
        scheduleSession(input: $input) { schedule { id url technicianUrl } userErrors { code field } }
      }`,
      {
        input: {
          customerEmail: 'mark.k@example.com',
          name: 'VPN issue',
          scheduledAt: at,
          durationMinutes: 30,
          timeZone: 'Asia/Kolkata',
          notes: 'Bring the laptop',
          reminderMinutes: 30,
        },
      },
    );

    expect(answer.errors).toBeUndefined();
    const schedule = answer.data?.scheduleSession.schedule;
    expect(answer.data?.scheduleSession.userErrors).toEqual([]);
    expect(schedule).toEqual({
      id: expect.stringMatching(/^\d+$/),
      url: expect.stringContaining(`schedule_id=${schedule?.id}`),
      technicianUrl: expect.stringContaining(`schedule_id=${schedule?.id}`),
    });
    expect(await calls()).toEqual({ 'POST /session/schedule': 1 });
  });

  it('scheduleSession refuses an unknown time zone and a reminder Zoho does not offer, with no call', async () => {
    const answer = await stack.graphql<{ scheduleSession: { userErrors: Array<{ field: string[] }> } }>(
      `mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { userErrors { code field } } }`,
      {
        input: {
          customerEmail: 'mark.k@example.com',
          name: 'VPN issue',
          scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
          durationMinutes: 30,
          timeZone: 'Mars/Olympus_Mons',
          reminderMinutes: 7,
        },
      },
    );

    expect(answer.data?.scheduleSession.userErrors.map((error) => error.field)).toEqual([
      ['input', 'timeZone'],
      ['input', 'reminderMinutes'],
    ]);
    expect((await stack.control.calls()).total).toBe(0);
  });
});

describe('the session report', () => {
  interface Report {
    sessionReport: {
      sessions: Array<{
        sessionKey: string | null;
        startedAt: string | null;
        endedAt: string | null;
        durationSeconds: number | null;
        technicianEmail: string | null;
        customerEmail: string | null;
        type: string;
      }>;
      summary: {
        totalSessions: number;
        completedSessions: number;
        averageDurationSeconds: number;
        totalDurationSeconds: number;
      };
    };
  }
  const REPORT = /* GraphQL */ `
    query ($filter: ReportFilter!) {
      sessionReport(filter: $filter) {
        sessions {
          sessionKey
          startedAt
          endedAt
          durationSeconds
          technicianEmail
          customerEmail
          type
        }
        summary {
          totalSessions
          completedSessions
          averageDurationSeconds
          totalDurationSeconds
        }
      }
    }
  `;

  it('reads every page of GET /reports (50 rows a call) and computes its summary from the rows', async () => {
    await stack.control.resetCalls();

    const answer = await stack.graphql<Report>(REPORT, { filter: { from: '2000-01-01', to: '2099-12-31' } });

    expect(answer.errors).toBeUndefined();
    const { sessions, summary } = answer.data!.sessionReport;
    expect(sessions.length).toBeGreaterThan(50);
    expect(await calls()).toEqual({ 'GET /reports': Math.ceil(sessions.length / 50) });
    const total = sessions.reduce((sum, row) => sum + (row.durationSeconds ?? 0), 0);
    expect(summary).toEqual({
      totalSessions: sessions.length,
      completedSessions: sessions.filter((row) => row.endedAt !== null).length,
      averageDurationSeconds: Math.round(
        total / sessions.filter((row) => row.durationSeconds !== null).length,
      ),
      totalDurationSeconds: total,
    });
    for (const row of sessions.slice(0, 5)) {
      expect(row).toEqual({
        sessionKey: expect.stringMatching(/^\d+$/),
        startedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        endedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        durationSeconds: Math.round((Date.parse(row.endedAt!) - Date.parse(row.startedAt!)) / 1000),
        technicianEmail: expect.stringContaining('@'),
        customerEmail: expect.stringContaining('@'),
        type: expect.stringMatching(/^(REMOTE_SUPPORT|UNATTENDED_ACCESS|SCREEN_SHARING)$/),
      });
    }
  });

  it("filters by type and technician e-mail with Zoho's own parameters", async () => {
    const all = await stack.graphql<Report>(REPORT, { filter: { from: '2000-01-01', to: '2099-12-31' } });
    const email = all.data!.sessionReport.sessions[0]!.technicianEmail!;
    await stack.control.resetCalls();

    const answer = await stack.graphql<Report>(REPORT, {
      filter: { from: '2000-01-01', to: '2099-12-31', type: 'UNATTENDED_ACCESS', technicianEmail: email },
    });

    const rows = answer.data!.sessionReport.sessions;
    const expected = all.data!.sessionReport.sessions.filter(
      (row) => row.type === 'UNATTENDED_ACCESS' && row.technicianEmail === email,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected);
    expect(await calls()).toEqual({ 'GET /reports': Math.ceil(rows.length / 50) || 1 });
  });

  it('counts `to` as a whole day: a session started that day is in, one of the next day is not', async () => {
    const all = await stack.graphql<Report>(REPORT, { filter: { from: '2000-01-01', to: '2099-12-31' } });
    const day = all.data!.sessionReport.sessions.at(-1)!.startedAt!.slice(0, 10);
    const before = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

    const through = await stack.graphql<Report>(REPORT, { filter: { from: '2000-01-01', to: day } });
    const upTo = await stack.graphql<Report>(REPORT, { filter: { from: '2000-01-01', to: before } });

    const onDay = (report: typeof through) =>
      report.data!.sessionReport.sessions.filter((row) => row.startedAt!.startsWith(day)).length;
    expect(onDay(through)).toBeGreaterThan(0);
    expect(onDay(upTo)).toBe(0);
  });
});

describe('me and computer groups', () => {
  beforeEach(async () => {
    await stack.control.reset();
    await stack.control.resetCalls();
  });

  it("me is the token's user in one GET /user: role, organisation, departments, the preferred one", async () => {
    const answer = await stack.graphql<{
      me: {
        role: string | null;
        organisation: { id: string | null; name: string | null };
        departments: Array<{ id: string }>;
        preferredDepartment: { id: string; name: string | null } | null;
      };
    }>(`{ me { role organisation { id name } departments { id } preferredDepartment { id name } } }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.me).toEqual({
      role: expect.any(String),
      organisation: { id: '77000000001', name: 'Zylker' },
      departments: [{ id: DEPARTMENT }, { id: '215700000000004113' }],
      preferredDepartment: { id: DEPARTMENT, name: expect.any(String) },
    });
    expect(await calls()).toEqual({ 'GET /user': 1 });
  });

  it('computer groups: create, list, update, delete, one call each', async () => {
    const created = await stack.graphql<{
      createComputerGroup: { group: { id: string; name: string } | null; userErrors: unknown[] };
    }>(
      `mutation ($ids: [ID!]) {
        createComputerGroup(input: { name: "Kiosks", description: "Lobby", computerIds: $ids }) {
          group { id name } userErrors { code }
        }
      }`,
      { ids: [NEWEST, '275000000000000009'] },
    );
    const group = created.data?.createComputerGroup.group;
    expect(created.data?.createComputerGroup.userErrors).toEqual([]);
    expect(group).toEqual({ id: expect.stringMatching(/^\d+$/), name: 'Kiosks' });
    expect(await calls()).toEqual({ 'POST /unattended_computer/group': 1 });

    await stack.control.resetCalls();
    const listed = await stack.graphql<{
      computerGroups: Array<{ id: string; name: string; computerCount: number | null }>;
    }>(`{ computerGroups(name: "Kiosk") { id name computerCount } }`);
    expect(listed.data?.computerGroups).toEqual([{ id: group?.id, name: 'Kiosks', computerCount: 2 }]);
    expect(await calls()).toEqual({ 'GET /unattended_computer/group': 1 });

    await stack.control.resetCalls();
    const updated = await stack.graphql<{ updateComputerGroup: { updatedGroupId: string | null } }>(
      `mutation ($id: ID!) {
        updateComputerGroup(input: { groupId: $id, name: "Kiosks", removeComputerIds: ["275000000000000009"] }) {
          updatedGroupId userErrors { code }
        }
      }`,
      { id: group?.id },
    );
    expect(updated.data?.updateComputerGroup.updatedGroupId).toBe(group?.id);
    expect(await calls()).toEqual({ 'PUT /unattended_computer/group': 1 });
    const afterUpdate = await stack.graphql<{ computerGroups: Array<{ computerCount: number | null }> }>(
      `{ computerGroups(name: "Kiosk") { computerCount } }`,
    );
    expect(afterUpdate.data?.computerGroups).toEqual([{ computerCount: 1 }]);

    await stack.control.resetCalls();
    const deleted = await stack.graphql<{ deleteComputerGroups: { deletedGroupIds: string[] | null } }>(
      `mutation ($ids: [ID!]!) { deleteComputerGroups(input: { groupIds: $ids }) { deletedGroupIds userErrors { code } } }`,
      { ids: [group?.id] },
    );
    expect(deleted.data?.deleteComputerGroups.deletedGroupIds).toEqual([group?.id]);
    expect(await calls()).toEqual({ 'DELETE /unattended_computer/group': 1 });
    const gone = await stack.graphql<{ computerGroups: unknown[] }>(
      `{ computerGroups(name: "Kiosk") { id } }`,
    );
    expect(gone.data?.computerGroups).toEqual([]);
  });
});

describe('what the live graph does not have', () => {
  it('is refused at validation, before any call: session lists, technicians, ending a session', async () => {
    await stack.control.resetCalls();

    for (const query of [
      '{ sessions { nodes { id } } }',
      '{ technicians { nodes { id } } }',
      'mutation { endSession(input: { sessionId: "1" }) { userErrors { code } } }',
      '{ computers { nodes { sessions { nodes { id } } } } }',
    ]) {
      const answer = await stack.graphql(query);
      expect({ query, code: answer.errors?.[0]?.extensions?.code }).toEqual({
        query,
        code: 'GRAPHQL_VALIDATION_FAILED',
      });
    }
    expect((await stack.control.calls()).total).toBe(0);
  });
});

describe('ZOHO_DC with a client and a refresh token, and nothing else', () => {
  it("serves the live graph against Zoho's own host, with no emulator", async () => {
    const app = await startApp(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        ZOHO_DC: 'us',
        ZOHO_CLIENT_ID: '1000.TESTCLIENT',
        ZOHO_CLIENT_SECRET: 'test-secret',
        ZOHO_REFRESH_TOKEN: '1000.test.refresh',
      }),
    );
    try {
      // `_service` reads nothing from Zoho: no token is minted, nothing leaves the process.
      const answer = await graphql<{ _service: { sdl: string } }>(app.url, '{ _service { sdl } }');

      expect(app.emulator).toBeUndefined();
      expect(answer.data?._service.sdl).toBe(await servedSubgraphSdl({ dialect: 'live' }));
    } finally {
      await app.close();
    }
  });
});

describe('the landing page', () => {
  it('opens Sandbox on an operation the live graph can run', async () => {
    const response = await fetch(stack.app.url, { headers: { accept: 'text/html' } });
    const html = await response.text();

    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('computers(first: 10)');
    expect(html).not.toContain('sessions(first: 10)');
  });
});
