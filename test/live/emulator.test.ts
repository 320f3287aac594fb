/**
 * The emulator's live front (issue 21.6): Zoho's published paths and shapes over the same store as the seed
 * front, judged as the documentation describes (department required, error envelope, 200 on creates), counted
 * like the seed front's calls. Raw HTTP, so the bytes on the wire are what is checked: a bare 18-digit number is
 * a bare 18-digit number.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { parseLosslessJson } from '../../contract/live-json.js';
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from '../../emulator/index.js';

const DEPARTMENT = '215700000000004111';
const FIRST_DEVICE = '275000000000000001';

let emulator: RunningEmulator;

interface Answer {
  status: number;
  text: string;
  body: unknown;
}

async function call(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; token?: string } = {},
): Promise<Answer> {
  const response = await fetch(`${emulator.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Zoho-oauthtoken ${options.token ?? EMULATOR_CREDENTIALS.accessToken}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const text = await response.text();
  return { status: response.status, text, body: text === '' ? undefined : parseLosslessJson(text) };
}

const inDepartment = { 'x-com-zoho-assist-department-id': DEPARTMENT };

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await emulator.control.reset();
});

describe("the emulator's live front", () => {
  it("answers /user in Zoho's envelope, with the departments and a bare org id", async () => {
    const answer = await call('GET', '/user');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      resource_type: 'user',
      representation: {
        preferred_department: DEPARTMENT,
        departments: [{ department_id: DEPARTMENT }, { department_id: '215700000000004113' }],
        org_details: { org_name: 'Zylker' },
      },
    });
    expect(answer.text).toContain('"zsoid":77000000001');
  });

  it('refuses a device list without the department header, in the error envelope', async () => {
    const answer = await call('GET', '/devices');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        code: 4000,
        message: 'LESS_THAN_MIN_OCCURANCE',
        parameter_name: 'x-com-zoho-assist-department-id',
      },
    });
    const unknown = await call('GET', '/devices', { headers: { 'x-com-zoho-assist-department-id': '1' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ error: { code: 1000, message: 'Internal server error' } });
  });

  it('lists devices with 18-digit resource ids as bare JSON numbers, at most 50 a page', async () => {
    const answer = await call('GET', '/devices?index=1&count=3', { headers: inDepartment });
    expect(answer.status).toBe(200);
    const body = answer.body as { total_count: number; representation: { computers: unknown[] } };
    expect(body.total_count).toBe(10);
    expect(body.representation.computers).toHaveLength(3);
    expect(answer.text).toMatch(/"resource_id":2750000000000000\d\d[,}]/);
    const tooMany = await call('GET', '/devices?count=51', { headers: inDepartment });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ error: { code: 4000, parameter_name: 'count' } });
  });

  it('renames a device in the store the seed front reads', async () => {
    const renamed = await call('PUT', `/devices/${FIRST_DEVICE}`, {
      headers: inDepartment,
      body: JSON.stringify({ display_name: 'Front desk' }),
    });
    expect(renamed.status).toBe(200);
    const seed = await call('GET', '/computers/comp_1');
    expect(seed.body).toMatchObject({ computerId: 'comp_1', name: 'Front desk' });
    const details = await call('GET', `/devices/${FIRST_DEVICE}`, { headers: inDepartment });
    expect(details.body).toMatchObject({ representation: { display_name: 'Front desk' } });
  });

  it('creates a session with 200, which the seed front then lists', async () => {
    const answer = await call('POST', '/session?customer_email=jane%40example.com&type=rs');
    expect(answer.status).toBe(200);
    const created = answer.body as { representation: { session_id: string; customer_url: string } };
    expect(created.representation.customer_url).toContain(`key=${created.representation.session_id}`);
    const state = await emulator.control.stateSessions({ customerEmail: 'jane@example.com' });
    expect(state.map((s) => s.sessionId)).toContain(created.representation.session_id);
  });

  it('schedules a session, answering `statue` as Zoho spells it, and needs the department in the body', async () => {
    const at = Date.now() + 86_400_000;
    const schedule = {
      mode: 'SCHEDULE',
      title: 'Printer',
      customer_email: 'jane@example.com',
      schedule_time: at,
      schedule_upto: at + 1_800_000,
      utc_offset: '+05:30',
      time_zone: 'Asia/Kolkata',
      reminder: 15,
    };
    const missing = await call('POST', '/session/schedule', { body: JSON.stringify(schedule) });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { parameter_name: 'department_id' } });
    const answer = await call('POST', '/session/schedule', {
      body: JSON.stringify({ ...schedule, department_id: DEPARTMENT }),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      resource_type: '/api/v2/session/schedule',
      representation: { statue: 'ok', schedule_id: expect.stringMatching(/^\d{18}$/) },
    });
  });

  it('connects to an online device with the department in the query', async () => {
    await emulator.control.setComputerStatus('comp_1', 'online');
    const missing = await call('POST', `/unattended/${FIRST_DEVICE}/connect`);
    expect(missing.status).toBe(400);
    const answer = await call('POST', `/unattended/${FIRST_DEVICE}/connect?department_id=${DEPARTMENT}`);
    expect(answer.status).toBe(200);
    const session = answer.body as { representation: { session_key: string; technician_uri: string } };
    expect(session.representation.technician_uri).toContain(`key=${session.representation.session_key}`);
  });

  it('reports finished sessions in an epoch-millisecond window, durations as millisecond strings', async () => {
    const answer = await call('GET', `/reports?type=all&fromdate=0&todate=${Date.UTC(2026, 0, 1)}&count=5`);
    expect(answer.status).toBe(200);
    const body = answer.body as {
      total_count: number;
      representation: Array<{ start_time: number; end_time: number; duration: string; session_id: number }>;
    };
    expect(body.total_count).toBeGreaterThan(5);
    expect(body.representation).toHaveLength(5);
    for (const row of body.representation) {
      expect(typeof row.session_id).toBe('number');
      expect(row.duration).toMatch(/^\d+$/);
      expect(Number(row.duration)).toBeLessThanOrEqual(row.end_time - row.start_time);
    }
  });

  it('creates, lists, updates and deletes groups, ids going both ways as bare numbers', async () => {
    const created = await call('POST', '/unattended_computer/group', {
      body: `{"department_id":${DEPARTMENT},"group_name":"Kiosks","description":"","computer_list":[${FIRST_DEVICE}]}`,
    });
    expect(created.status).toBe(200);
    expect(created.text).toContain(`"department_id":${DEPARTMENT}`);
    const group = (created.body as { representation: { group_id: string } }).representation.group_id;
    const list = await call('GET', `/unattended_computer/group?department_id=${DEPARTMENT}&q=kiosk`);
    expect(list.body).toMatchObject({ representation: [{ group_id: group, computer_count: 1 }] });
    const updated = await call('PUT', '/unattended_computer/group', {
      body: JSON.stringify({
        id: group,
        department_id: DEPARTMENT,
        name: 'Lobby',
        removedlist: [FIRST_DEVICE],
      }),
    });
    expect(updated.status).toBe(200);
    const deleted = await call('DELETE', '/unattended_computer/group', {
      body: `{"group_list":["${group}"],"department_id":${DEPARTMENT}}`,
    });
    expect(deleted.status).toBe(204);
    const after = await call('GET', `/unattended_computer/group?department_id=${DEPARTMENT}&q=lobby`);
    expect(after.body).toMatchObject({ representation: [] });
  });

  it("answers a bad token with Zoho's code 2000, and counts every call by its route", async () => {
    await emulator.control.resetCalls();
    const answer = await call('GET', '/devices', { headers: inDepartment, token: 'nope' });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: { code: 2000, message: 'INVALID_OAUTHTOKEN' } });
    await call('GET', '/devices', { headers: inDepartment });
    expect((await emulator.control.calls()).byRoute).toEqual({ 'GET /devices': 2 });
  });
});
