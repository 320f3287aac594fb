/**
 * The emulator's webhook sender: a target registered on the control plane is POSTed Zoho's payload for each
 * change of the store, whichever front made it, with the ids of the target's dialect.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { startHookSink, type HookSink } from '../support/hook-sink.js';

let emulator: RunningEmulator;
let sink: HookSink;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false });
  sink = await startHookSink(204);
});
afterAll(async () => {
  await sink.close();
  await emulator.close();
});
afterEach(async () => {
  await emulator.control.reset();
  sink.received.length = 0;
});

const TOKEN = { authorization: 'Zoho-oauthtoken emulator-token' };

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  await emulator.control.registerToken({ token: 'emulator-token' });
  return fetch(`${emulator.apiUrl}${path}`, {
    method,
    headers: { ...TOKEN, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
}

interface ZohoHook {
  eventType: string;
  eventTime: string;
  orgId: string;
  payload: Record<string, unknown>;
}

describe("the emulator's webhooks", () => {
  it("sends nothing before a target is registered, and Zoho's session-end payload after", async () => {
    const [open] = (await emulator.control.stateSessions()).filter((s) => s.status === 'active');
    await emulator.control.setSessionStatus(open!.sessionId, 'completed');
    expect(await sink.waitFor(1, 300)).toEqual([]);

    await emulator.control.addWebhook({ url: sink.url });
    const [next] = (await emulator.control.stateSessions()).filter((s) => s.status === 'active');
    await emulator.control.setSessionStatus(next!.sessionId, 'completed');
    const [hook] = await sink.waitFor(1);
    const body = hook!.body as ZohoHook;
    expect(hook!.method).toBe('POST');
    expect(body.eventType).toMatch(/^SESSION_END_(RS|URS)$/);
    expect(body.payload.sessionId).toBe(Number(next!.sessionId));
    expect(typeof body.payload.endTime).toBe('number');
    expect(body.payload.participants).toEqual(
      expect.arrayContaining([{ email: next!.customerEmail, role: 'Customer' }]),
    );
    expect(body.eventTime).toMatch(/^\d+$/);
    expect(body.orgId).toMatch(/^\d+$/);
    expect((await emulator.control.webhooks()).deliveries).toEqual([
      expect.objectContaining({ url: sink.url, eventType: body.eventType, id: next!.sessionId, status: 204 }),
    ]);
  });

  it('sends a start on a session created through the API, a join when the customer joins, and a transfer', async () => {
    await emulator.control.addWebhook({ url: sink.url });
    const technicians = (await (await api('GET', '/technicians?count=5')).json()) as {
      technicians: Array<{ technicianId: string; activeSessions: number; maxConcurrentSessions: number }>;
    };
    const [first, second] = technicians.technicians.filter((t) => t.activeSessions < t.maxConcurrentSessions);
    const created = (await (
      await api('POST', '/sessions', {
        technicianId: first!.technicianId,
        customerName: 'Ada',
        customerEmail: 'ada@example.com',
        sessionType: 'remote_support',
      })
    ).json()) as { sessionId: string };
    await emulator.control.setSessionStatus(created.sessionId, 'active');
    await api('POST', `/sessions/${created.sessionId}/transfer`, { technicianId: second!.technicianId });

    const hooks = (await sink.waitFor(3)).map((hook) => hook.body as ZohoHook);
    expect(hooks.map((hook) => [hook.eventType, hook.payload.sessionId])).toEqual([
      ['SESSION_START_RS', Number(created.sessionId)],
      ['CUSTOMER_JOIN_RS', Number(created.sessionId)],
      ['INBOUND_REQUEST_TRANSFER', Number(created.sessionId)],
    ]);
  });

  it("names a computer by the target's dialect: comp_N for the seed, its device id for the live API", async () => {
    await emulator.control.addWebhook({ url: sink.url });
    await emulator.control.addWebhook({ url: sink.url, dialect: 'live' });
    const computers = (await (await api('GET', '/computers?count=20')).json()) as {
      computers: Array<{ computerId: string; status: string }>;
    };
    const online = computers.computers.find((c) => c.status === 'online')!;
    await emulator.control.setComputerStatus(online.computerId, 'offline');
    await emulator.control.setComputerStatus(online.computerId, 'offline');
    await api('DELETE', `/computers/${online.computerId}`);

    const hooks = (await sink.waitFor(4)).map((hook) => hook.body as ZohoHook);
    const seen = hooks.map((hook) => `${hook.eventType} ${String(hook.payload.resourceId)}`).sort();
    const n = BigInt(online.computerId.replace('comp_', ''));
    const device = String(275_000_000_000_000_000n + n);
    // Setting the status it already has is no change: no second DEVICE_OFFLINE.
    expect(seen).toEqual(
      [
        `DEVICE_OFFLINE ${online.computerId}`,
        `DEVICE_OFFLINE ${device}`,
        `DEVICE_DELETE ${online.computerId}`,
        `DEVICE_DELETE ${device}`,
      ].sort(),
    );
    expect(await sink.waitFor(5, 200)).toHaveLength(4);
  });

  it('sends DEVICE_ADD for a machine enrolled through the control plane, which the API then lists', async () => {
    await emulator.control.addWebhook({ url: sink.url, dialect: 'live' });
    const added = await emulator.control.addComputer({ name: 'KIOSK-01', status: 'offline' });
    const [hook] = await sink.waitFor(1);
    const body = hook!.body as ZohoHook;
    const device = String(275_000_000_000_000_000n + BigInt(added.computerId.replace('comp_', '')));
    expect([body.eventType, body.payload.resourceId, body.payload.deviceName]).toEqual([
      'DEVICE_ADD',
      device,
      'KIOSK-01',
    ]);
    const listed = (await (await api('GET', `/computers/${added.computerId}`)).json()) as { status: string };
    expect(listed.status).toBe('offline');
    await expect(emulator.control.addComputer({ name: '' })).rejects.toThrow(/400/);
  });

  it('refuses a target that is not an http(s) URL, and forgets targets on reset', async () => {
    await expect(emulator.control.addWebhook({ url: 'ftp://example.com/x' })).rejects.toThrow(/400/);
    await emulator.control.addWebhook({ url: sink.url });
    expect((await emulator.control.webhooks()).webhooks).toHaveLength(1);
    await emulator.control.reset();
    expect(await emulator.control.webhooks()).toEqual({ webhooks: [], deliveries: [] });
  });
});
