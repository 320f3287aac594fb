/**
 * Forwarded mode over `graphql-ws`: the same rule as over HTTP. A connection without a Zoho token is closed
 * before it can subscribe and costs nothing; a token in `connection_init`'s payload (browsers cannot set a
 * WebSocket's headers) or in the upgrade request's `Authorization` subscribes, and the re-reads carry that token.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { EMULATOR_TOKEN, startStack, type Stack } from '../support/stack.js';

const POLL_MS = 200;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    env: { AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '', LIVE_POLL_INTERVAL_MS: String(POLL_MS) },
  });
});

afterAll(async () => {
  await stack.close();
});

const wsUrl = () => stack.app.url.replace(/^http/, 'ws');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const COMPUTERS = 'subscription { computerUpdated { id status } }';

/** The first thing a subscription hears: a delivery, an error, or the socket's close code. */
function firstOutcome(
  client: Client,
  query: string,
): Promise<{ next?: unknown; error?: unknown; closed?: number }> {
  return new Promise((resolve) => {
    client.on('closed', (event) => resolve({ closed: (event as { code: number }).code }));
    client.subscribe(
      { query },
      { next: (next) => resolve({ next }), error: (error) => resolve({ error }), complete: () => undefined },
    );
  });
}

describe('graphql-ws in forwarded mode', () => {
  let client: Client | undefined;
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('closes a connection without a token with 4403 Forbidden, and Zoho hears nothing', async () => {
    await stack.control.resetCalls();
    client = createClient({ url: wsUrl(), webSocketImpl: WebSocket, retryAttempts: 0 });

    const outcome = await firstOutcome(client, COMPUTERS);
    await sleep(POLL_MS * 3);

    expect(outcome.closed).toBe(4403);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('closes a connection whose connection_init carries a malformed token', async () => {
    client = createClient({
      url: wsUrl(),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { Authorization: 'Bearer something' },
    });

    expect((await firstOutcome(client, COMPUTERS)).closed).toBe(4403);
  });

  it("subscribes with the token of connection_init, and the poller reads with that caller's token", async () => {
    client = createClient({
      url: wsUrl(),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { Authorization: `Zoho-oauthtoken ${EMULATOR_TOKEN}` },
    });
    const stop = client.subscribe(
      { query: COMPUTERS },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    await stack.control.resetCalls();

    await sleep(POLL_MS * 3);

    const calls = await stack.control.calls();
    stop();
    // Polls of the first computers page, each accepted by Zoho: the caller's own token went with them.
    expect(calls.byRoute['GET /computers']).toBeGreaterThanOrEqual(2);
    expect(calls.total).toBe(calls.byRoute['GET /computers']);
    const log = await stack.control.log(10);
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((entry) => entry.status === 200)).toBe(true);
  });
});

describe('graphql-ws behind the gateway secret (GATEWAY_SHARED_SECRET)', () => {
  const SECRET = 'subscriptions-gateway-secret-7f3a';
  let guarded: Stack;
  let client: Client | undefined;

  beforeAll(async () => {
    guarded = await startStack({
      env: { GATEWAY_SHARED_SECRET: SECRET, LIVE_POLL_INTERVAL_MS: String(POLL_MS) },
    });
  });

  afterAll(async () => {
    await client?.dispose();
    await guarded.close();
  });

  it('refuses a subscribe without the secret as FORBIDDEN, and Zoho hears nothing', async () => {
    await guarded.control.resetCalls();
    client = createClient({
      url: guarded.app.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });

    const outcome = await firstOutcome(client, COMPUTERS);
    await sleep(POLL_MS * 3);

    expect(outcome.error).toEqual([
      expect.objectContaining({
        message: 'This subgraph only answers its gateway.',
        extensions: { code: 'FORBIDDEN' },
      }),
    ]);
    expect((await guarded.control.calls()).total).toBe(0);
    await client.dispose();
  });

  it('admits a subscribe whose connection_init carries the secret', async () => {
    client = createClient({
      url: guarded.app.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { 'x-gateway-secret': SECRET },
    });
    const stop = client.subscribe(
      { query: COMPUTERS },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    await guarded.control.resetCalls();

    await sleep(POLL_MS * 3);

    stop();
    expect((await guarded.control.calls()).byRoute['GET /computers']).toBeGreaterThanOrEqual(2);
  });
});
