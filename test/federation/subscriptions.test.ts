/**
 * Subscriptions end to end: clients subscribe through Hive Gateway (in process, over the composed supergraph;
 * Server-Sent Events to the gateway, `graphql-ws` from it to our subgraph), the emulator ends a session in Zoho's
 * store and sends Zoho's SESSION_END webhook to our receiver, and every subscriber gets the ended session. Counted
 * at the emulator: one read of the session for the event, however many wait for it.
 */
import { randomBytes } from 'node:crypto';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway';
import { EMULATOR_TOKEN, startStack, type Stack } from '../support/stack.js';
import { composeWithSiblings, servedSdl, SUBGRAPH_NAME, supergraphSdlOf } from './support.js';

const WEBHOOK_TOKEN = randomBytes(24).toString('hex');
const SUBSCRIBERS = 50;

let stack: Stack;
let gateway: GatewayRuntime;

beforeAll(async () => {
  stack = await startStack({ env: { ZOHO_WEBHOOK_TOKEN: WEBHOOK_TOKEN } });
  gateway = createGatewayRuntime({
    supergraph: supergraphSdlOf(composeWithSiblings(stack, await servedSdl(stack), [])),
    logging: false,
    transportEntries: { [SUBGRAPH_NAME]: { options: { subscriptions: { kind: 'ws' } } } },
  });
  const origin = new URL(stack.app.url).origin;
  await stack.control.addWebhook({ url: `${origin}/webhooks/zoho-assist/${WEBHOOK_TOKEN}` });
});

afterAll(async () => {
  await gateway[Symbol.asyncDispose]();
  await stack.close();
});

interface SessionState {
  sessionUpdated: { id: string; status: string; technician: { name: string } | null };
}

/** One client's subscription through the gateway, over Server-Sent Events; `events` fills as they arrive. */
async function subscribeThroughGateway(id: string) {
  const controller = new AbortController();
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({
      query: 'subscription ($id: ID) { sessionUpdated(id: $id) { id status technician { name } } }',
      variables: { id },
    }),
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const events: { data?: SessionState; errors?: unknown }[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const reading = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('');
        if (data) events.push(JSON.parse(data) as { data?: SessionState; errors?: unknown });
      }
    }
  })();
  return {
    events,
    async close() {
      // The gateway runs in this process: cancelling the reader ends the stream, as a closed connection would.
      await reader.cancel().catch(() => undefined);
      controller.abort();
      await reading;
    },
  };
}

const used = new Set<string>();

/**
 * A session made active in Zoho's store for this test alone (the seed has few open ones), once the emulator's
 * webhook of that start has been answered: a late one must not reach the subscribers.
 */
async function activeSessionId(): Promise<string> {
  const session = (await stack.control.stateSessions()).find(
    (candidate) => candidate.status !== 'scheduled' && !used.has(candidate.sessionId),
  );
  if (!session) throw new Error('no session left in the seed');
  used.add(session.sessionId);
  if (session.status !== 'active') {
    await stack.control.setSessionStatus(session.sessionId, 'active');
    const started = Date.now();
    while (
      !(await stack.control.webhooks()).deliveries.some((delivery) => delivery.id === session.sessionId) &&
      Date.now() - started < 2000
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return session.sessionId;
}

/** Ends a session in Zoho's store, as a technician would in Zoho's console: the emulator sends the webhook. */
async function endInZoho(sessionId: string): Promise<void> {
  const response = await fetch(`${stack.emulator.apiUrl}/sessions/${encodeURIComponent(sessionId)}`, {
    method: 'DELETE',
    headers: { authorization: `Zoho-oauthtoken ${EMULATOR_TOKEN}` },
  });
  expect(response.ok).toBe(true);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

/** Until the subgraph has every gateway subscription open: a webhook before that would find nobody. */
async function settled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('sessionUpdated through Hive Gateway, from Zoho webhooks', () => {
  it('delivers the ended session within one second of the webhook', async () => {
    const id = await activeSessionId();
    const client = await subscribeThroughGateway(id);
    await settled();

    await endInZoho(id);
    const elapsed = await waitFor(() => client.events.length > 0, 1000);

    await client.close();
    expect(elapsed).toBeLessThan(1000);
    expect(client.events[0]?.errors).toBeUndefined();
    expect(client.events[0]?.data?.sessionUpdated).toMatchObject({ id, status: 'ENDED' });
    const deliveries = (await stack.control.webhooks()).deliveries.filter((delivery) => delivery.id === id);
    expect(deliveries.map((delivery) => [delivery.eventType, delivery.status])).toEqual([
      ['SESSION_END_RS', 204],
    ]);
  });

  it(`reads the session once for ${SUBSCRIBERS} subscribers, and its technician once`, async () => {
    const id = await activeSessionId();
    const clients = await Promise.all(Array.from({ length: SUBSCRIBERS }, () => subscribeThroughGateway(id)));
    await settled();
    await stack.control.resetCalls();

    await endInZoho(id);
    await waitFor(() => clients.every((client) => client.events.length > 0), 3000);

    await Promise.all(clients.map((client) => client.close()));
    const states = clients.map((client) => client.events[0]?.data?.sessionUpdated);
    expect(new Set(states.map((state) => JSON.stringify(state))).size).toBe(1);
    expect(states[0]).toMatchObject({ id, status: 'ENDED' });
    const calls = await stack.control.calls();
    expect(calls.byRoute).toEqual({
      'DELETE /sessions/{sessionId}': 1,
      'GET /sessions/{sessionId}': 1,
      ...(states[0]?.technician ? { 'GET /technicians/{technicianId}': 1 } : {}),
    });
  });

  it('delivers nothing to a subscriber of another session', async () => {
    const ended = await activeSessionId();
    const client = await subscribeThroughGateway(`${ended}-not-this-one`);
    await settled();
    await stack.control.resetCalls();

    await endInZoho(ended);
    await new Promise((resolve) => setTimeout(resolve, 500));

    await client.close();
    expect(client.events).toEqual([]);
    // Nobody watches the ended session: the event costs no read.
    expect((await stack.control.calls()).byRoute).toEqual({ 'DELETE /sessions/{sessionId}': 1 });
  });
});

describe('through Hive Gateway signing its requests (GATEWAY_HMAC_SECRET)', () => {
  const HMAC_SECRET = randomBytes(16).toString('hex');
  // Only to read the SDL here: the gateway itself proves nothing but its signature.
  const SHARED_SECRET = randomBytes(16).toString('hex');
  let signed: Stack;
  let signingGateway: GatewayRuntime;

  beforeAll(async () => {
    signed = await startStack({
      env: {
        ZOHO_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
        GATEWAY_HMAC_SECRET: HMAC_SECRET,
        GATEWAY_SHARED_SECRET: SHARED_SECRET,
      },
    });
    const sdl = await signed.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }', undefined, {
      'x-gateway-secret': SHARED_SECRET,
    });
    signingGateway = createGatewayRuntime({
      supergraph: supergraphSdlOf(composeWithSiblings(signed, sdl.data!._service.sdl, [])),
      hmacSignature: { secret: HMAC_SECRET },
      logging: false,
      transportEntries: { [SUBGRAPH_NAME]: { options: { subscriptions: { kind: 'ws' } } } },
    });
    const origin = new URL(signed.app.url).origin;
    await signed.control.addWebhook({ url: `${origin}/webhooks/zoho-assist/${WEBHOOK_TOKEN}` });
  });

  afterAll(async () => {
    await signingGateway[Symbol.asyncDispose]();
    await signed.close();
  });

  it('admits the signed subscription over graphql-ws and delivers a computer going offline', async () => {
    const computer = await signed.control.addComputer({ name: 'signed-pc', status: 'online' });
    const response = await signingGateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: 'subscription ($id: ID) { computerUpdated(id: $id) { id status } }',
        variables: { id: computer.computerId },
      }),
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await settled();

    await signed.control.setComputerStatus(computer.computerId, 'offline');
    let text = '';
    const deadline = Date.now() + 2000;
    // Until an event with data: the gateway also sends keep-alive comments.
    while (!/^data:.*\n\n/m.test(text) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    await reader.cancel();

    const data = text
      .split('\n')
      .find((line) => line.startsWith('data:'))
      ?.slice(5);
    expect(JSON.parse(data ?? '{}')).toEqual({
      data: { computerUpdated: { id: computer.computerId, status: 'OFFLINE' } },
    });
  });
});
