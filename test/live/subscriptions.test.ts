/**
 * The live graph's subscriptions: `computerUpdated` from Zoho's device webhooks (the emulator sends the live
 * dialect's, device ids and all), re-read once through the live client; `sessionUpdated` is not in this graph,
 * as Zoho's published API has no session lookup to re-read a session with.
 */
import { randomBytes } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { deviceId } from '../../emulator/live/front.js';
import { startStack, type Stack } from '../support/stack.js';

const WEBHOOK_TOKEN = randomBytes(24).toString('hex');
let stack: Stack;
let client: Client;

beforeAll(async () => {
  stack = await startStack({ env: { ZOHO_API_DIALECT: 'live', ZOHO_WEBHOOK_TOKEN: WEBHOOK_TOKEN } });
  const origin = new URL(stack.app.url).origin;
  await stack.control.addWebhook({ url: `${origin}/webhooks/zoho-assist/${WEBHOOK_TOKEN}`, dialect: 'live' });
  client = createClient({
    url: stack.app.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
});

afterAll(async () => {
  await client.dispose();
  await stack.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check()) && Date.now() < end) await sleep(20);
}

describe('the live graph over graphql-ws', () => {
  it('delivers a computer going offline from Zoho’s DEVICE_OFFLINE webhook, read once', async () => {
    const computer = await stack.control.addComputer({ name: 'subscribed-pc', status: 'online' });
    const id = deviceId(computer.computerId);
    // The enrolment's own webhook has come and gone before anyone subscribes.
    await until(async () =>
      (await stack.control.webhooks()).deliveries.some((delivery) => delivery.id === id),
    );
    const states: { id: string; status: string }[] = [];
    client.subscribe<{ computerUpdated: { id: string; status: string } }>(
      { query: 'subscription ($id: ID) { computerUpdated(id: $id) { id status } }', variables: { id } },
      {
        next: (value) => {
          if (value.data) states.push(value.data.computerUpdated);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await sleep(200);
    await stack.control.resetCalls();

    await stack.control.setComputerStatus(computer.computerId, 'offline');
    await until(() => states.length > 0);

    expect(states).toEqual([{ id, status: 'OFFLINE' }]);
    // The device, once; and the department, looked up once per credential per process (docs/live.md).
    expect((await stack.control.calls()).byRoute).toEqual({
      'GET /devices/{resource_id}': 1,
      'GET /user': 1,
    });
  });

  it('has no sessionUpdated: the subscription fails validation', async () => {
    const outcome = await new Promise<unknown>((resolve) =>
      client.subscribe(
        { query: 'subscription { sessionUpdated { id } }' },
        { next: resolve, error: resolve, complete: () => undefined },
      ),
    );

    expect(outcome).toEqual([
      expect.objectContaining({ message: 'Cannot query field "sessionUpdated" on type "Subscription".' }),
    ]);
  });
});
