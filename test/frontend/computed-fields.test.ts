/**
 * Issue 23, item 5: fields a frontend computes on every row come with the row, at no upstream call:
 * a session's length and join-link expiry, a technician's room for another session, a file's size past 2 GiB,
 * and join fields whose names do not collide with React's `key`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { isObjectType, NoDeprecatedCustomRule, parse, validate } from 'graphql';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { buildSchema } from '../../src/graph/schema.js';
import { expectData, graphql } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.control.reset();
});

interface Technician {
  id: string;
  activeSessionCount: number;
  maxConcurrentSessions: number | null;
  availableCapacity: number | null;
}

describe('computed session fields', () => {
  it('gives each finished session of a page its length, agreeing with Zoho’s report, in one call', async () => {
    const page = await stack.graphql<{
      sessions: {
        nodes: Array<{
          id: string;
          status: string;
          startedAt: string | null;
          durationSeconds: number | null;
        }>;
      };
    }>(`{ sessions(first: 100) { nodes { id status startedAt durationSeconds } } }`);
    const nodes = expectData(page).sessions.nodes;
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 1 });
    const finished = nodes.filter((n) => n.status === 'COMPLETED' && n.startedAt !== null);
    const waiting = nodes.filter((n) => n.status === 'WAITING');
    expect(finished.length).toBeGreaterThan(0);
    expect(waiting.every((n) => n.durationSeconds === null)).toBe(true);
    // Zoho's own session report states each session's length: the computed one must match it.
    const sample = finished[0]!;
    const detail = await stack.graphql<{
      session: { durationSeconds: number; details: { durationSeconds: number } };
    }>(`query ($id: ID!) { session(id: $id) { durationSeconds details { durationSeconds } } }`, {
      id: sample.id,
    });
    const { session } = expectData(detail);
    expect(session.durationSeconds).toBe(sample.durationSeconds);
    expect(session.durationSeconds).toBe(session.details.durationSeconds);
  });

  it('states one join-link expiry instant, in the create answer and in every later read', async () => {
    const technicians = await stack.graphql<{ technicians: { nodes: Technician[] } }>(
      `{ technicians(first: 100) { nodes { id activeSessionCount maxConcurrentSessions availableCapacity } } }`,
    );
    const technician = expectData(technicians).technicians.nodes.find((t) => (t.availableCapacity ?? 0) > 0)!;
    const created = await stack.graphql<{
      createSession: {
        session: { id: string; createdAt: string; expiresIn: number; joinLinkExpiresAt: string };
      };
    }>(
      `mutation ($input: CreateSessionInput!) { createSession(input: $input) {
         session { id createdAt expiresIn joinLinkExpiresAt } userErrors { code } } }`,
      { input: { customerName: 'Ann', customerEmail: 'ann@example.com', technicianId: technician.id } },
    );
    const session = expectData(created).createSession.session;
    expect(Date.parse(session.joinLinkExpiresAt)).toBe(
      Date.parse(session.createdAt) + session.expiresIn * 1000,
    );
    const read = await stack.graphql<{ session: { joinLinkExpiresAt: string } }>(
      `query ($id: ID!) { session(id: $id) { joinLinkExpiresAt } }`,
      { id: session.id },
    );
    expect(expectData(read).session.joinLinkExpiresAt).toBe(session.joinLinkExpiresAt);
  });

  it('offers joinKey and joinUrl with the values of the deprecated key and url', async () => {
    const page = await stack.graphql<{
      sessions: { nodes: Array<{ joinKey: string; joinUrl: string; key: string; url: string }> };
    }>(`{ sessions(first: 5) { nodes { joinKey joinUrl key url } } }`);
    for (const node of expectData(page).sessions.nodes) {
      expect(node.joinKey).toMatch(/^\d{3}-\d{3}-\d{3}$/);
      expect(node).toEqual({ joinKey: node.key, joinUrl: node.url, key: node.key, url: node.url });
    }
    const schema = buildSchema();
    const session = schema.getType('Session');
    if (!isObjectType(session)) throw new Error('Session is an object type');
    expect(session.getFields().key!.deprecationReason).toContain('joinKey');
    expect(session.getFields().url!.deprecationReason).toContain('joinUrl');
  });

  it('uses no deprecated field in docs/examples', () => {
    const schema = buildSchema();
    const files = readdirSync('docs/examples', { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.graphql'),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const document = parse(readFileSync(join('docs/examples', file), 'utf8'));
      expect({
        file,
        errors: validate(schema, document, [NoDeprecatedCustomRule]).map((e) => e.message),
      }).toEqual({
        file,
        errors: [],
      });
    }
  });
});

describe('a technician’s room for another session', () => {
  it('counts down to 0 as sessions open, and 0 is when createSession answers SESSION_LIMIT_REACHED', async () => {
    const TECHNICIAN = `query ($id: ID!) { technician(id: $id) {
      id activeSessionCount maxConcurrentSessions availableCapacity } }`;
    const list = await stack.graphql<{ technicians: { nodes: Technician[] } }>(
      `{ technicians(first: 100) { nodes { id activeSessionCount maxConcurrentSessions availableCapacity } } }`,
    );
    const nodes = expectData(list).technicians.nodes;
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /technicians': 1 });
    for (const t of nodes)
      expect(t.availableCapacity).toBe(
        t.maxConcurrentSessions === null ? null : Math.max(0, t.maxConcurrentSessions - t.activeSessionCount),
      );
    const technician = nodes.find((t) => (t.availableCapacity ?? 0) > 0 && (t.availableCapacity ?? 0) <= 3)!;
    const create = () =>
      stack.graphql<{ createSession: { userErrors: Array<{ code: string }> } }>(
        `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id } userErrors { code } } }`,
        { input: { customerName: 'Bo', customerEmail: 'bo@example.com', technicianId: technician.id } },
      );
    for (let room = technician.availableCapacity!; room > 0; room--) {
      const before = await stack.graphql<{ technician: Technician }>(TECHNICIAN, { id: technician.id });
      expect(expectData(before).technician.availableCapacity).toBe(room);
      expect(expectData(await create()).createSession.userErrors).toEqual([]);
    }
    const full = await stack.graphql<{ technician: Technician }>(TECHNICIAN, { id: technician.id });
    expect(expectData(full).technician.availableCapacity).toBe(0);
    expect(expectData(await create()).createSession.userErrors).toEqual([{ code: 'SESSION_LIMIT_REACHED' }]);
  });
});

describe('a file of 2 GiB and more', () => {
  const THREE_GIB = 3 * 2 ** 30;
  let app: App;
  let closeUpstream: () => Promise<void>;

  beforeAll(async () => {
    // A stand-in Zoho with one session holding one 3 GiB file: the emulator caps uploads at 1 MiB.
    const session = {
      sessionId: 's1',
      sessionKey: '123-456-789',
      sessionUrl: 'https://assist.zoho.com/join/123-456-789',
      sessionType: 'remote_support',
      status: 'completed',
      createdTime: '2025-01-15T10:30:00Z',
      expiresIn: 3600,
    };
    const file = {
      fileId: 'f1',
      sessionId: 's1',
      fileName: 'disk.img',
      size: THREE_GIB,
      contentType: 'application/octet-stream',
      direction: 'customer_to_technician',
      status: 'completed',
      transferredTime: '2025-01-15T10:40:00Z',
    };
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://upstream').pathname.replace(/^\/api\/v2/, '');
      const body =
        path === '/sessions/s1' ? session : path === '/sessions/s1/files' ? { files: [file] } : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? { error: { code: 404, message: 'Not Found' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    closeUpstream = () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    app = await startApp(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        ZOHO_ASSIST_API_URL: `http://127.0.0.1:${port}/api/v2`,
        ZOHO_ACCESS_TOKEN: 'big-file-token',
        READ_CACHE: 'false',
      }),
    );
  });
  afterAll(async () => {
    await app.close();
    await closeUpstream();
  });

  it('answers its exact size in bytes instead of failing the files list', async () => {
    const result = await graphql<{ session: { files: Array<{ name: string; size: number }> } }>(
      app.url,
      `
        {
          session(id: "s1") {
            files {
              name
              size
            }
          }
        }
      `,
    );
    expect(expectData(result).session.files).toEqual([{ name: 'disk.img', size: THREE_GIB }]);
  });
});
