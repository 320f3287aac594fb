/**
 * Device webhooks in the live dialect, end to end: the emulator, registered as Zoho would be with live ids,
 * sends DEVICE_OFFLINE for a computer the live graph has cached; the receiver makes the live read cache forget
 * the devices, so the next read costs one call and shows the computer offline.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectData } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';

const TOKEN = 'live-webhook-token-0123456789abcdefghij';
const DEVICE = '275000000000000010';
const COMPUTER = `query ($id: ID!) { computer(id: $id) { id status } }`;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    env: { ZOHO_API_DIALECT: 'live', READ_CACHE: 'true', ZOHO_WEBHOOK_TOKEN: TOKEN },
  });
  await stack.control.addWebhook({
    url: new URL(`/webhooks/zoho-assist/${TOKEN}`, stack.app.url).toString(),
    dialect: 'live',
  });
});
afterAll(async () => {
  await stack.close();
});

async function read(): Promise<{ status: string; calls: number }> {
  await stack.control.resetCalls();
  const answer = await stack.graphql<{ computer: { status: string } }>(COMPUTER, { id: DEVICE });
  return { status: expectData(answer).computer.status, calls: (await stack.control.calls()).total };
}

describe('live device webhooks', () => {
  it('re-reads a computer once after the emulator reports it offline, by its device id', async () => {
    await stack.control.setComputerStatus('comp_10', 'online');
    await read();
    expect(await read()).toEqual({ status: 'ONLINE', calls: 0 });

    await stack.control.setComputerStatus('comp_10', 'offline');
    const until = Date.now() + 3000;
    let delivered = false;
    while (!delivered && Date.now() < until)
      delivered = (await stack.control.webhooks()).deliveries.some(
        (d) => d.eventType === 'DEVICE_OFFLINE' && d.id === DEVICE && d.status === 204,
      );
    expect(delivered).toBe(true);

    expect(await read()).toEqual({ status: 'OFFLINE', calls: 1 });
  });
});
