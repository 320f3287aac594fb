import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ZohoHttp } from '../../src/upstream/transport.js';
import { recordingClient, startUpstream, testHttp } from './support.js';
import type { RunningEmulator } from '../../emulator/index.js';
import type { RecordingClient } from './support.js';

let upstream: RunningEmulator;
let http: ZohoHttp;
let client: RecordingClient;

beforeAll(async () => {
  upstream = await startUpstream();
  http = testHttp(upstream);
});
afterAll(async () => {
  http.close();
  await upstream.close();
});
beforeEach(async () => {
  await upstream.control.reset();
  client = recordingClient(http, { requestId: 'req-ops' });
});

async function onlyCall(route: string): Promise<void> {
  const calls = await upstream.control.calls();
  expect(calls).toEqual({ total: 1, byRoute: { [route]: 1 } });
}

const FUTURE = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();

describe('sessions', () => {
  it('listSessions sends the typed filters as a query and returns the page', async () => {
    const page = await client.zoho.listSessions({ count: 5, status: 'completed', technicianId: 'tech_1' });
    expect(page.sessions.length).toBeLessThanOrEqual(5);
    expect(page.total_count).toBeGreaterThan(0);
    expect(page.sessions.every((s) => s.status === 'completed' && s.technicianId === 'tech_1')).toBe(true);
    await onlyCall('GET /sessions');
  });

  it('listSessions drops undefined query values instead of sending "undefined"', async () => {
    const page = await client.zoho.listSessions({ count: 2, status: undefined });
    expect(page.sessions).toHaveLength(2);
    await onlyCall('GET /sessions');
  });

  it('getSession returns the session with that id', async () => {
    const [first] = (await client.zoho.listSessions({ count: 1 })).sessions;
    await upstream.control.resetCalls();
    const session = await client.zoho.getSession(first!.sessionId);
    expect(session).toEqual(first);
    await onlyCall('GET /sessions/{sessionId}');
  });

  it('createSession posts the body and returns the created session', async () => {
    const created = await client.zoho.createSession({
      sessionType: 'remote_support',
      customerName: 'John Doe',
      customerEmail: 'john@example.com',
      technicianId: 'tech_1',
      sessionName: 'Install',
    });
    expect(created).toMatchObject({ sessionType: 'remote_support', status: 'waiting' });
    expect(created.sessionId).toEqual(expect.any(String));
    await onlyCall('POST /sessions');
  });

  it('scheduleSession returns the scheduled session', async () => {
    const scheduled = await client.zoho.scheduleSession({
      customerName: 'Ann Lee',
      customerEmail: 'ann@example.com',
      technicianId: 'tech_2',
      scheduledTime: FUTURE,
      duration: 30,
    });
    expect(scheduled).toMatchObject({ status: 'scheduled', technicianId: 'tech_2', duration: 30 });
    await onlyCall('POST /sessions/schedule');
  });

  it('endSession returns the ended session', async () => {
    const created = await client.zoho.createSession({
      sessionType: 'remote_support',
      customerName: 'John Doe',
      customerEmail: 'john@example.com',
      technicianId: 'tech_1',
    });
    await upstream.control.resetCalls();
    const ended = await client.zoho.endSession(created.sessionId);
    expect(ended).toMatchObject({ sessionId: created.sessionId, status: 'ended' });
    await onlyCall('DELETE /sessions/{sessionId}');
  });

  it('getSessionDetails returns the session report entry', async () => {
    const [first] = (await client.zoho.listSessions({ count: 1, status: 'completed' })).sessions;
    await upstream.control.resetCalls();
    const details = await client.zoho.getSessionDetails(first!.sessionId);
    expect(details).toMatchObject({ sessionId: first!.sessionId, status: 'completed' });
    expect(details.duration).toEqual(expect.any(Number));
    await onlyCall('GET /sessions/{sessionId}/details');
  });

  it('inviteToSession returns the invitation', async () => {
    const created = await client.zoho.createSession({
      sessionType: 'remote_support',
      customerName: 'John Doe',
      customerEmail: 'john@example.com',
      technicianId: 'tech_1',
    });
    await upstream.control.resetCalls();
    const invitation = await client.zoho.inviteToSession(created.sessionId, {
      email: 'bob@example.com',
      sendEmail: false,
    });
    expect(invitation).toMatchObject({
      sessionId: created.sessionId,
      email: 'bob@example.com',
      sendEmail: false,
    });
    await onlyCall('POST /sessions/{sessionId}/invite');
  });

  it('transferSession returns the session with its new technician', async () => {
    const created = await client.zoho.createSession({
      sessionType: 'remote_support',
      customerName: 'John Doe',
      customerEmail: 'john@example.com',
      technicianId: 'tech_1',
    });
    await upstream.control.resetCalls();
    const moved = await client.zoho.transferSession(created.sessionId, { technicianId: 'tech_3' });
    expect(moved).toMatchObject({ sessionId: created.sessionId, technicianId: 'tech_3' });
    await onlyCall('POST /sessions/{sessionId}/transfer');
  });
});

describe('files and chat', () => {
  async function openSession(): Promise<string> {
    const created = await client.zoho.createSession({
      sessionType: 'remote_support',
      customerName: 'John Doe',
      customerEmail: 'john@example.com',
      technicianId: 'tech_1',
    });
    return created.sessionId;
  }

  it('initiateFileTransfer returns the file record, listSessionFiles lists it', async () => {
    const sessionId = await openSession();
    const file = await client.zoho.initiateFileTransfer(sessionId, {
      fileName: 'notes.txt',
      content: Buffer.from('hello').toString('base64'),
    });
    expect(file).toMatchObject({ sessionId, fileName: 'notes.txt', size: 5, status: 'completed' });
    await upstream.control.resetCalls();
    const list = await client.zoho.listSessionFiles(sessionId, { count: 10 });
    expect(list.files.map((f) => f.fileId)).toEqual([file.fileId]);
    await onlyCall('GET /sessions/{sessionId}/files');
  });

  it('downloadSessionFile returns the bytes with the name and type from the headers', async () => {
    const sessionId = await openSession();
    const file = await client.zoho.initiateFileTransfer(sessionId, {
      fileName: 'résumé.txt',
      contentType: 'text/plain',
      content: Buffer.from('bytes \u00e9').toString('base64'),
    });
    await upstream.control.resetCalls();
    const download = await client.zoho.downloadSessionFile(sessionId, file.fileId);
    expect(download.fileName).toBe('résumé.txt');
    expect(download.contentType).toBe('text/plain');
    expect(download.content.equals(Buffer.from('bytes \u00e9'))).toBe(true);
    await onlyCall('GET /sessions/{sessionId}/files/{fileId}');
  });

  it('getChatHistory returns the messages', async () => {
    const [first] = (await client.zoho.listSessions({ count: 1, status: 'completed' })).sessions;
    await upstream.control.resetCalls();
    const chat = await client.zoho.getChatHistory(first!.sessionId);
    expect(Array.isArray(chat.messages)).toBe(true);
    await onlyCall('GET /sessions/{sessionId}/chat');
  });
});

describe('technicians', () => {
  it('listTechnicians returns a page', async () => {
    const page = await client.zoho.listTechnicians({ count: 3 });
    expect(page.technicians).toHaveLength(3);
    expect(page.total_count).toBe(6);
    await onlyCall('GET /technicians');
  });

  it('getTechnician returns the technician', async () => {
    const tech = await client.zoho.getTechnician('tech_1');
    expect(tech.technicianId).toBe('tech_1');
    await onlyCall('GET /technicians/{technicianId}');
  });

  it('addTechnician returns the new technician', async () => {
    const tech = await client.zoho.addTechnician({
      name: 'New Tech',
      email: 'new.tech@company.com',
      role: 'technician',
    });
    expect(tech).toMatchObject({ name: 'New Tech', email: 'new.tech@company.com', role: 'technician' });
    await onlyCall('POST /technicians');
  });

  it('updateTechnician returns the updated technician', async () => {
    const tech = await client.zoho.updateTechnician('tech_2', { name: 'Renamed' });
    expect(tech).toMatchObject({ technicianId: 'tech_2', name: 'Renamed' });
    await onlyCall('PUT /technicians/{technicianId}');
  });

  it('removeTechnician resolves with nothing on 204', async () => {
    const added = await client.zoho.addTechnician({
      name: 'Temp',
      email: 'temp@company.com',
      role: 'technician',
    });
    await upstream.control.resetCalls();
    await expect(client.zoho.removeTechnician(added.technicianId)).resolves.toBeUndefined();
    await onlyCall('DELETE /technicians/{technicianId}');
  });
});

describe('customers', () => {
  it('listCustomers returns a page', async () => {
    const page = await client.zoho.listCustomers({ count: 2 });
    expect(page.customers).toHaveLength(2);
    await onlyCall('GET /customers');
  });

  it('getCustomer returns the customer', async () => {
    const customer = await client.zoho.getCustomer('cust_1');
    expect(customer.customerId).toBe('cust_1');
    await onlyCall('GET /customers/{customerId}');
  });

  it('addCustomer returns the new customer', async () => {
    const customer = await client.zoho.addCustomer({ name: 'Acme Buyer', email: 'buyer@acme.example' });
    expect(customer).toMatchObject({ name: 'Acme Buyer', email: 'buyer@acme.example' });
    await onlyCall('POST /customers');
  });

  it('updateCustomer returns the updated customer', async () => {
    const customer = await client.zoho.updateCustomer('cust_2', { notes: 'Call after 5pm' });
    expect(customer).toMatchObject({ customerId: 'cust_2', notes: 'Call after 5pm' });
    await onlyCall('PUT /customers/{customerId}');
  });

  it('removeCustomer resolves with nothing on 204', async () => {
    await expect(client.zoho.removeCustomer('cust_3')).resolves.toBeUndefined();
    await onlyCall('DELETE /customers/{customerId}');
  });
});

describe('computers', () => {
  it('listComputers returns a page', async () => {
    const page = await client.zoho.listComputers({ status: 'online' });
    expect(page.computers.every((c) => c.status === 'online')).toBe(true);
    await onlyCall('GET /computers');
  });

  it('getComputer returns the computer', async () => {
    const computer = await client.zoho.getComputer('comp_1');
    expect(computer.computerId).toBe('comp_1');
    await onlyCall('GET /computers/{computerId}');
  });

  it('connectComputer starts an unattended session on an online computer', async () => {
    const [online] = (await client.zoho.listComputers({ status: 'online' })).computers;
    expect(online).toBeDefined();
    await upstream.control.resetCalls();
    const session = await client.zoho.connectComputer(online!.computerId);
    expect(session).toMatchObject({ sessionType: 'unattended_access', computerId: online!.computerId });
    await onlyCall('POST /computers/{computerId}/connect');
  });

  it('removeComputer resolves with nothing on 204', async () => {
    await expect(client.zoho.removeComputer('comp_2')).resolves.toBeUndefined();
    await onlyCall('DELETE /computers/{computerId}');
  });
});

describe('reports', () => {
  const period = { from_date: '2020-01-01', to_date: '2030-12-31' };

  it('getSessionReport returns entries and a summary', async () => {
    const report = await client.zoho.getSessionReport(period);
    expect(report.summary.totalSessions).toBe(report.sessions.length);
    await onlyCall('GET /reports/sessions');
  });

  it('getTechnicianReport returns one entry per technician with sessions', async () => {
    const report = await client.zoho.getTechnicianReport({ ...period, technicianId: 'tech_1' });
    expect(report.technicians.every((t) => t.technicianId === 'tech_1')).toBe(true);
    await onlyCall('GET /reports/technicians');
  });

  it('getCustomerReport returns one entry per customer', async () => {
    const report = await client.zoho.getCustomerReport(period);
    expect(report.customers.length).toBeGreaterThan(0);
    await onlyCall('GET /reports/customers');
  });
});

describe('onCall', () => {
  it('reports each call with its route template, status and duration, never the concrete path', async () => {
    await client.zoho.getTechnician('tech_1');
    expect(client.events).toEqual([
      {
        operationId: 'getTechnician',
        method: 'GET',
        route: 'GET /technicians/{technicianId}',
        status: 200,
        durationMs: expect.any(Number),
        attempt: 1,
      },
    ]);
    expect(JSON.stringify(client.events)).not.toContain('tech_1');
  });
});
