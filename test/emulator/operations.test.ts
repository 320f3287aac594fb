import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { contractOperations } from '../../contract/validate.js';
import { expectContract, startTestEmulator } from './helpers.js';
import type { TestEmulator } from './helpers.js';
import type {
  ZohoChatHistory,
  ZohoComputer,
  ZohoComputerList,
  ZohoCreatedSession,
  ZohoCustomer,
  ZohoCustomerList,
  ZohoFile,
  ZohoFileList,
  ZohoInvitation,
  ZohoReportSummary,
  ZohoSession,
  ZohoSessionList,
  ZohoSessionReportEntry,
  ZohoTechnician,
  ZohoTechnicianList,
} from '../../contract/types.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function openSessionFor(technicianId: string, customerEmail = 'ann.lee@example.org'): Promise<string> {
  const created = await emu.call<ZohoCreatedSession>('POST', '/sessions', {
    body: { sessionType: 'remote_support', customerName: 'Ann Lee', customerEmail, technicianId },
  });
  expect(created.status).toBe(201);
  return created.body.sessionId;
}

async function freeTechnician(): Promise<string> {
  const added = await emu.call<ZohoTechnician>('POST', '/technicians', {
    body: {
      name: 'Free Tech',
      email: `free.${Date.now()}.${Math.random()}@company.com`,
      maxConcurrentSessions: 5,
    },
  });
  expect(added.status).toBe(201);
  return added.body.technicianId;
}

describe('sessions', () => {
  it('lists sessions newest first with the total count, paged by index and count', async () => {
    const first = await emu.call<ZohoSessionList>('GET', '/sessions?count=5');
    expectContract('listSessions', first);
    expect(first.body.sessions).toHaveLength(5);
    expect(first.body.total_count).toBe(200);
    const times = first.body.sessions.map((s) => Date.parse(s.createdTime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const second = await emu.call<ZohoSessionList>('GET', '/sessions?count=5&index=5');
    expect(second.body.sessions[0]!.sessionId).toBe(first.body.sessions[4]!.sessionId);
  });

  it('filters sessions by status, type, technician, customer email and computer', async () => {
    const unattended = await emu.call<ZohoSessionList>(
      'GET',
      '/sessions?sessionType=unattended_access&count=100',
    );
    expectContract('listSessions', unattended);
    expect(unattended.body.sessions.length).toBeGreaterThan(0);
    expect(unattended.body.sessions.every((s) => s.sessionType === 'unattended_access' && s.computerId)).toBe(
      true,
    );
    const computerId = unattended.body.sessions[0]!.computerId!;
    const byComputer = await emu.call<ZohoSessionList>('GET', `/sessions?computerId=${computerId}&count=100`);
    expect(byComputer.body.sessions.every((s) => s.computerId === computerId)).toBe(true);
    const byTech = await emu.call<ZohoSessionList>(
      'GET',
      '/sessions?technicianId=tech_1&status=completed&count=100',
    );
    expect(byTech.body.total_count).toBeGreaterThan(0);
    expect(byTech.body.sessions.every((s) => s.technicianId === 'tech_1' && s.status === 'completed')).toBe(
      true,
    );
    const email = byTech.body.sessions[0]!.customerEmail!;
    const byEmail = await emu.call<ZohoSessionList>(
      'GET',
      `/sessions?customerEmail=${encodeURIComponent(email)}`,
    );
    expect(byEmail.body.sessions.every((s) => s.customerEmail === email)).toBe(true);
  });

  it('seeded support sessions belong to seeded customers', async () => {
    const customers = await emu.call<ZohoCustomerList>('GET', '/customers?count=100');
    const emails = new Set(customers.body.customers.map((c) => c.email));
    const sessions = await emu.call<ZohoSessionList>('GET', '/sessions?sessionType=remote_support&count=20');
    for (const s of sessions.body.sessions) expect(emails.has(s.customerEmail!)).toBe(true);
  });

  it('creates a waiting session with a join link and reads it back', async () => {
    const created = await emu.call<ZohoCreatedSession>('POST', '/sessions', {
      body: {
        sessionType: 'remote_support',
        customerName: 'John Doe',
        customerEmail: 'john@example.com',
        sessionName: 'Software Installation Support',
        technicianId: await freeTechnician(),
      },
    });
    expectContract('createSession', created);
    expect(created.body).toMatchObject({ status: 'waiting', sessionType: 'remote_support', expiresIn: 3600 });
    expect(created.body.sessionKey).toMatch(/^\d{3}-\d{3}-\d{3}$/);
    expect(created.body.sessionUrl).toBe(`https://assist.zoho.com/join/${created.body.sessionKey}`);
    const read = await emu.call<ZohoSession>('GET', `/sessions/${created.body.sessionId}`);
    expectContract('getSession', read);
    expect(read.body).toMatchObject({
      sessionId: created.body.sessionId,
      customerEmail: 'john@example.com',
      sessionName: 'Software Installation Support',
    });
  });

  it('schedules a session with its time and planned duration', async () => {
    const scheduledTime = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const scheduled = await emu.call<ZohoSession>('POST', '/sessions/schedule', {
      body: {
        customerName: 'Ann Lee',
        customerEmail: 'ann@example.org',
        technicianId: 'tech_2',
        scheduledTime,
        duration: 45,
        sessionName: 'Setup',
      },
    });
    expectContract('scheduleSession', scheduled);
    expect(scheduled.body).toMatchObject({
      sessionType: 'scheduled_session',
      status: 'scheduled',
      scheduledTime,
      duration: 45,
    });
  });

  it('ends an open session, which then reports an end time', async () => {
    const sessionId = await openSessionFor(await freeTechnician());
    const ended = await emu.call<ZohoSession>('DELETE', `/sessions/${sessionId}`);
    expectContract('endSession', ended);
    expect(ended.body.status).toBe('ended');
    expect(ended.body.endTime).toEqual(expect.any(String));
  });

  it('answers a session report entry with chat and file counts', async () => {
    const details = await emu.call<ZohoSessionReportEntry>('GET', '/sessions/1000000010/details');
    expectContract('getSessionDetails', details);
    const chat = await emu.call<ZohoChatHistory>('GET', '/sessions/1000000010/chat');
    const files = await emu.call<ZohoFileList>('GET', '/sessions/1000000010/files');
    expect(details.body.chatMessages).toBe(chat.body.messages.length);
    expect(details.body.filesTransferred).toBe(files.body.total_count);
  });

  it('records an invitation and puts it in the outbox', async () => {
    const sessionId = await openSessionFor(await freeTechnician());
    const invited = await emu.call<ZohoInvitation>('POST', `/sessions/${sessionId}/invite`, {
      body: { email: 'guest@example.org', sendEmail: true },
    });
    expectContract('inviteToSession', invited);
    expect(invited.body).toMatchObject({ sessionId, email: 'guest@example.org', sendEmail: true });
    expect(await emu.control.outbox()).toContainEqual(
      expect.objectContaining({ invitationId: invited.body.invitationId, to: 'guest@example.org' }),
    );
  });

  it('transfers a session to another technician and moves its load', async () => {
    const from = await freeTechnician();
    const to = await freeTechnician();
    const sessionId = await openSessionFor(from);
    const moved = await emu.call<ZohoSession>('POST', `/sessions/${sessionId}/transfer`, {
      body: { technicianId: to },
    });
    expectContract('transferSession', moved);
    expect(moved.body.technicianId).toBe(to);
    expect((await emu.call<ZohoTechnician>('GET', `/technicians/${from}`)).body).toMatchObject({
      activeSessions: 0,
      totalSessions: 0,
    });
    expect((await emu.call<ZohoTechnician>('GET', `/technicians/${to}`)).body).toMatchObject({
      activeSessions: 1,
      totalSessions: 1,
    });
  });
});

describe('files and chat', () => {
  it('initiates a transfer with content and downloads the same bytes with its name and type', async () => {
    const sessionId = await openSessionFor(await freeTechnician());
    const content = Buffer.from('hello from the technician\n');
    const created = await emu.call<ZohoFile>('POST', `/sessions/${sessionId}/files`, {
      body: {
        fileName: 'notes.txt',
        contentType: 'text/plain',
        direction: 'technician_to_customer',
        content: content.toString('base64'),
      },
    });
    expectContract('initiateFileTransfer', created);
    expect(created.body).toMatchObject({ fileName: 'notes.txt', size: content.length, status: 'completed' });
    const listed = await emu.call<ZohoFileList>('GET', `/sessions/${sessionId}/files`);
    expectContract('listSessionFiles', listed);
    expect(listed.body.files).toEqual([created.body]);
    const download = await fetch(`${emu.apiUrl}/sessions/${sessionId}/files/${created.body.fileId}`, {
      headers: { Authorization: 'Zoho-oauthtoken emulator-token' },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/plain');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="notes.txt"');
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
  });

  it('downloads a seeded file as deterministic bytes of its size', async () => {
    const sessions = await emu.call<ZohoSessionList>('GET', '/sessions?count=100');
    let file: ZohoFile | undefined;
    for (const s of sessions.body.sessions) {
      const files = await emu.call<ZohoFileList>('GET', `/sessions/${s.sessionId}/files`);
      if ((files.body.total_count ?? 0) > 0) {
        file = files.body.files[0];
        break;
      }
    }
    expect(file).toBeDefined();
    const url = `${emu.apiUrl}/sessions/${file!.sessionId}/files/${file!.fileId}`;
    const init = { headers: { Authorization: 'Zoho-oauthtoken emulator-token' } };
    const first = Buffer.from(await (await fetch(url, init)).arrayBuffer());
    const second = Buffer.from(await (await fetch(url, init)).arrayBuffer());
    expect(first).toHaveLength(file!.size);
    expect(first.equals(second)).toBe(true);
  });

  it('answers the chat history oldest first', async () => {
    const chat = await emu.call<ZohoChatHistory>('GET', '/sessions/1000000020/chat');
    expectContract('getChatHistory', chat);
    expect(chat.body.messages.length).toBeGreaterThanOrEqual(2);
    expect(chat.body.messages.length).toBeLessThanOrEqual(8);
    const times = chat.body.messages.map((m) => Date.parse(m.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

describe('technicians', () => {
  it('lists technicians with session counts computed from the sessions', async () => {
    const listed = await emu.call<ZohoTechnicianList>('GET', '/technicians?role=technician');
    expectContract('listTechnicians', listed);
    expect(listed.body.technicians.every((t) => t.role === 'technician')).toBe(true);
    const tech = (await emu.call<ZohoTechnician>('GET', '/technicians/tech_3')).body;
    const mine = (await emu.control.stateSessions()).filter((s) => s.technicianId === 'tech_3');
    expect(tech.totalSessions).toBe(mine.length);
    expect(tech.activeSessions).toBe(
      mine.filter((s) => s.status === 'waiting' || s.status === 'active').length,
    );
  });

  it('finds a technician by email', async () => {
    const tech = await emu.call<ZohoTechnician>('GET', '/technicians/tech_1');
    expectContract('getTechnician', tech);
    const found = await emu.call<ZohoTechnicianList>(
      'GET',
      `/technicians?email=${encodeURIComponent(tech.body.email)}`,
    );
    expect(found.body.technicians).toEqual([tech.body]);
  });

  it('adds, updates and removes a technician', async () => {
    const added = await emu.call<ZohoTechnician>('POST', '/technicians', {
      body: { name: 'Jane Smith', email: 'jane.smith.new@company.com', role: 'admin' },
    });
    expectContract('addTechnician', added);
    expect(added.body).toMatchObject({
      role: 'admin',
      activeSessions: 0,
      totalSessions: 0,
      maxConcurrentSessions: 3,
    });
    const updated = await emu.call<ZohoTechnician>('PUT', `/technicians/${added.body.technicianId}`, {
      body: { status: 'online', name: 'Jane S.' },
    });
    expectContract('updateTechnician', updated);
    expect(updated.body).toMatchObject({ status: 'online', name: 'Jane S.' });
    const removed = await emu.call('DELETE', `/technicians/${added.body.technicianId}`);
    expect(removed.status).toBe(204);
    expect((await emu.call('GET', `/technicians/${added.body.technicianId}`)).status).toBe(404);
  });
});

describe('customers', () => {
  it('lists customers and filters by company and email', async () => {
    const listed = await emu.call<ZohoCustomerList>('GET', '/customers?count=10');
    expectContract('listCustomers', listed);
    expect(listed.body.total_count).toBeGreaterThanOrEqual(50);
    const company = listed.body.customers[0]!.company!;
    const byCompany = await emu.call<ZohoCustomerList>(
      'GET',
      `/customers?company=${encodeURIComponent(company)}&count=100`,
    );
    expect(byCompany.body.customers.every((c) => c.company === company)).toBe(true);
    const byEmail = await emu.call<ZohoCustomerList>(
      'GET',
      `/customers?email=${encodeURIComponent(listed.body.customers[0]!.email)}`,
    );
    expect(byEmail.body.customers).toEqual([listed.body.customers[0]]);
  });

  it('adds, reads, updates and removes a customer', async () => {
    const added = await emu.call<ZohoCustomer>('POST', '/customers', {
      body: {
        name: 'John Doe',
        email: 'john.doe.ops@example.com',
        phone: '+1-555-0100',
        company: 'Acme Corp',
        notes: 'VIP',
      },
    });
    expectContract('addCustomer', added);
    const read = await emu.call<ZohoCustomer>('GET', `/customers/${added.body.customerId}`);
    expectContract('getCustomer', read);
    expect(read.body).toEqual(added.body);
    const updated = await emu.call<ZohoCustomer>('PUT', `/customers/${added.body.customerId}`, {
      body: { company: 'Globex' },
    });
    expectContract('updateCustomer', updated);
    expect(updated.body.company).toBe('Globex');
    expect((await emu.call('DELETE', `/customers/${added.body.customerId}`)).status).toBe(204);
    expect((await emu.call('GET', `/customers/${added.body.customerId}`)).status).toBe(404);
  });
});

describe('computers', () => {
  it('lists computers filtered by status and reads one', async () => {
    const online = await emu.call<ZohoComputerList>('GET', '/computers?status=online');
    expectContract('listComputers', online);
    expect(online.body.computers.every((c) => c.status === 'online')).toBe(true);
    const one = await emu.call<ZohoComputer>('GET', `/computers/${online.body.computers[0]!.computerId}`);
    expectContract('getComputer', one);
    expect(one.body).toEqual(online.body.computers[0]);
  });

  it('connects to an online computer, starting an active unattended session', async () => {
    const online = await emu.call<ZohoComputerList>('GET', '/computers?status=online');
    const computerId = online.body.computers[0]!.computerId;
    const connected = await emu.call<ZohoSession>('POST', `/computers/${computerId}/connect`, {
      body: { technicianId: await freeTechnician() },
    });
    expectContract('connectComputer', connected);
    expect(connected.body).toMatchObject({ sessionType: 'unattended_access', status: 'active', computerId });
  });

  it('removes a computer', async () => {
    const removed = await emu.call('DELETE', '/computers/comp_1');
    expect(removed.status).toBe(204);
    expect((await emu.call('GET', '/computers/comp_1')).status).toBe(404);
  });
});

describe('reports', () => {
  it.each([
    ['getSessionReport', '/reports/sessions'],
    ['getTechnicianReport', '/reports/technicians'],
    ['getCustomerReport', '/reports/customers'],
  ])('%s answers the contract shape', async (operationId, path) => {
    const report = await emu.call<{ summary: ZohoReportSummary }>(
      'GET',
      `${path}?from_date=2025-01-01&to_date=2025-12-31`,
    );
    expectContract(operationId, report);
    expect(report.body.summary.totalSessions).toBeGreaterThan(0);
  });
});

it('mints an access token in the contract shape', async () => {
  const minted = await emu.mint();
  expectContract('mintAccessToken', minted);
  expect(minted.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, api_domain: emu.url });
});

it('every contract operation was answered with a success above', async () => {
  const succeeded = new Set(
    (await emu.control.log()).filter((e) => e.status >= 200 && e.status < 300).map((e) => e.route),
  );
  const routes = [...contractOperations.values()].map((op) =>
    op.operationId === 'mintAccessToken' ? 'POST /oauth/v2/token' : op.route,
  );
  expect(routes.filter((route) => !succeeded.has(route))).toEqual([]);
});
