/**
 * Inputs never steer an upstream request: ids with `/ .. ? #`, CR/LF or percent signs stay inside one path
 * segment of the route the field means (the client percent-encodes and refuses `.`/`..`), and header values
 * a caller sends (a forwarded Authorization, an x-request-id) are taken only when well-formed.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, EMULATOR_TOKEN, type Stack } from '../support/stack.js';

let stack: Stack;
let forwarded: Stack;

beforeAll(async () => {
  const size = { technicians: 5, customers: 20, computers: 5, sessions: 20 };
  [stack, forwarded] = await Promise.all([
    startStack({ emulator: { size } }),
    startStack({ emulator: { size }, env: { AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '' } }),
  ]);
});
afterAll(() => Promise.all([stack.close(), forwarded.close()]));

const HOSTILE_IDS = [
  'a/b',
  '../technicians',
  '..',
  '.',
  'a?count=100',
  'a#fragment',
  '%2e%2e',
  '%2F..%2F',
  'a\r\nX-Injected: 1',
  '\uD800',
  ' ',
];

/** Emulator log entries since the last reset: the route it matched and the raw path it received. */
async function upstreamRequests(target: Stack) {
  return target.control.log();
}

/** One raw HTTP/1.1 request, for bytes fetch refuses to send (bare CR in a header value). */
function rawRequest(port: number, head: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(`${head}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

describe('ids in upstream paths', () => {
  it.each(HOSTILE_IDS)('keeps the session id %j inside the session route', async (id) => {
    await stack.control.resetCalls();
    const result = await stack.graphql(`query ($id: ID!) { session(id: $id) { id } }`, { id });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ session: null });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    for (const request of await upstreamRequests(stack)) {
      expect(request.route).toBe('GET /sessions/{sessionId}');
      // One segment after the prefix, with nothing that a server or proxy would read as structure.
      expect(request.path).toMatch(/^\/api\/v2\/sessions\/[^/?#\s]+$/);
    }
  });

  it.each(HOSTILE_IDS)('keeps the id %j of a mutation inside its own route', async (id) => {
    await stack.control.resetCalls();
    const result = await stack.graphql(
      `mutation ($input: EndSessionInput!) { endSession(input: $input) { userErrors { code } } }`,
      { input: { sessionId: id } },
    );
    expect(result.status).toBe(200);
    const requests = await upstreamRequests(stack);
    expect(requests.length).toBeLessThanOrEqual(1);
    for (const request of requests) {
      expect(request.route).toMatch(/\/sessions\/\{sessionId\}/);
      expect(request.path).toMatch(/^\/api\/v2\/sessions\/[^/?#\s]+(\/[a-z]+)?$/);
    }
  });
});

describe('caller headers', () => {
  it.each([
    'Zoho-oauthtoken a%0d%0aX-Injected:1',
    'Zoho-oauthtoken a b',
    'Zoho-oauthtoken ',
    `Bearer ${EMULATOR_TOKEN}`,
    `Zoho-oauthtoken ${'a'.repeat(600)}`,
  ])('refuses the forwarded Authorization %j before any upstream call', async (authorization) => {
    await forwarded.control.resetCalls();
    const result = await forwarded.graphql(`{ technician(id: "tech_1") { id } }`, {}, { authorization });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect((await forwarded.control.calls()).total).toBe(0);
  });

  it('forwards a well-formed token as it came', async () => {
    const result = await forwarded.graphql(
      `{ technician(id: "tech_1") { id } }`,
      {},
      { authorization: `Zoho-oauthtoken ${EMULATOR_TOKEN}` },
    );
    expect(result.data).toEqual({ technician: { id: 'tech_1' } });
  });

  it('answers 400, never 5xx, to a bare CR in a header value, and calls nobody', async () => {
    await forwarded.control.resetCalls();
    const body = JSON.stringify({ query: '{ technician(id: "tech_1") { id } }' });
    for (const header of [
      `Authorization: Zoho-oauthtoken ${EMULATOR_TOKEN}\rX-Injected: 1`,
      `x-request-id: abc\rX-Injected: 1`,
    ]) {
      const answer = await rawRequest(
        forwarded.app.port,
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${header}`,
        body,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect((await forwarded.control.calls()).total).toBe(0);
  });

  it.each(['a b', 'x'.repeat(200), 'id%0d%0aX-Injected:1', '<script>', 'ok\tfine'])(
    'replaces the malformed x-request-id %j with its own',
    async (requestId) => {
      const result = await stack.graphql(
        `{ technician(id: "tech_1") { id } }`,
        {},
        { 'x-request-id': requestId },
      );
      expect(result.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('keeps a well-formed x-request-id', async () => {
    const result = await stack.graphql(
      `{ technician(id: "tech_1") { id } }`,
      {},
      { 'x-request-id': 'trace-42.a:b' },
    );
    expect(result.headers.get('x-request-id')).toBe('trace-42.a:b');
  });
});
