/**
 * The limit: what the benchmark workloads cost when written by hand, with no GraphQL at all. Each route makes
 * exactly the minimal set of Zoho calls, in parallel wherever no call needs another's answer, through the same
 * client the subgraph uses (src/upstream/transport.ts + client.ts: got, keep-alive agents, contract validation). The
 * difference between this service and ours is therefore the GraphQL layer and the resolvers, nothing else.
 *
 * Two extra routes answer the single-call workload through other clients, to price got itself:
 *   GET /technicians-got/:id     the same got instance, no validation or retry bookkeeping
 *   GET /technicians-undici/:id  undici.request with a keep-alive pool
 *
 * Env: ZOHO_ASSIST_API_URL, ZOHO_ACCESS_TOKEN, PORT (0 = ephemeral). Prints `limit ready at <url>` when listening.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request as undiciRequest } from 'undici';
import { createZohoClient } from '../src/upstream/client.js';
import { NotFoundError } from '../src/upstream/errors.js';
import { createZohoHttp } from '../src/upstream/transport.js';
import { StaticTokenProvider } from '../src/upstream/tokens.js';
import type { ZohoSession, ZohoTechnician } from '../contract/types.js';

const PAGE = 100;
const apiUrl = required('ZOHO_ASSIST_API_URL').replace(/\/+$/, '');
const token = required('ZOHO_ACCESS_TOKEN');
const http = createZohoHttp({ apiUrl });
const zoho = createZohoClient(http, { tokens: new StaticTokenProvider(token) });
const undici = new Agent({ keepAliveTimeout: 60_000, connections: 32 });
const authorization = `Zoho-oauthtoken ${token}`;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

/** A page of sessions with each technician's name: the sessions, then the technicians they name. */
async function dashboard(first: number, offset: number) {
  const page = await zoho.listSessions({ index: offset + 1, count: first });
  const named = page.sessions.flatMap((s) => (s.technicianId === undefined ? [] : [s.technicianId]));
  const technicians = await techniciansById([...new Set(named)]);
  // As src/graph/pagination.ts: without Zoho's count only a short page tells the total.
  const shown = page.sessions.length;
  const totalCount = page.total_count ?? (shown < first ? offset + shown : null);
  return {
    totalCount,
    nodes: page.sessions.map((s) => ({
      id: s.sessionId,
      name: s.sessionName ?? null,
      status: s.status,
      createdAt: s.createdTime,
      technician:
        s.technicianId !== undefined && technicians.has(s.technicianId)
          ? { name: technicians.get(s.technicianId)!.name }
          : null,
      customer:
        s.customerEmail === undefined ? null : { name: s.customerName ?? null, email: s.customerEmail },
    })),
    pageInfo: { hasNextPage: totalCount === null || offset + shown < totalCount },
  };
}

/** One GET for a single technician; otherwise a list page (the organisation's technicians fit in few), then GETs. */
async function techniciansById(ids: string[]): Promise<Map<string, ZohoTechnician>> {
  const found = new Map<string, ZohoTechnician>();
  if (ids.length >= 2) {
    const list = await zoho.listTechnicians({ index: 1, count: PAGE });
    for (const t of list.technicians) found.set(t.technicianId, t);
  }
  const missing = ids.filter((id) => !found.has(id));
  const more = await Promise.all(missing.map((id) => zoho.getTechnician(id).catch(() => undefined)));
  for (const t of more) if (t) found.set(t.technicianId, t);
  return found;
}

/** The session and its chat, files and report: four calls at once, since each needs only the id. */
async function sessionDetail(id: string) {
  const [session, chat, files, details] = await Promise.all([
    zoho.getSession(id),
    zoho.getChatHistory(id),
    zoho.listSessionFiles(id, { count: PAGE }),
    zoho.getSessionDetails(id),
  ]);
  return {
    id: session.sessionId,
    name: session.sessionName ?? null,
    status: session.status,
    createdAt: session.createdTime,
    startedAt: session.startTime ?? null,
    endedAt: session.endTime ?? null,
    customer: { name: session.customerName, email: session.customerEmail },
    chatMessages: chat.messages.map((m) => ({
      id: m.messageId,
      sender: m.sender,
      senderName: m.senderName,
      text: m.message,
      sentAt: m.timestamp,
    })),
    files: files.files.map((f) => ({
      id: f.fileId,
      name: f.fileName,
      size: f.size,
      contentType: f.contentType,
      direction: f.direction,
      status: f.status,
      transferredAt: f.transferredTime,
    })),
    details: {
      technicianName: details.technicianName,
      customerName: details.customerName,
      startedAt: details.startTime,
      endedAt: details.endTime ?? null,
      durationSeconds: details.duration,
      chatMessageCount: details.chatMessages,
      filesTransferredCount: details.filesTransferred,
    },
  };
}

/** Sessions by id: the newest page first (recent ids are the common case), then one GET per id still missing. */
async function entities(ids: string[]) {
  const found = new Map<string, ZohoSession>();
  const page = await zoho.listSessions({ index: 1, count: PAGE });
  for (const s of page.sessions) found.set(s.sessionId, s);
  const missing = ids.filter((id) => !found.has(id));
  const more = await Promise.all(missing.map((id) => zoho.getSession(id).catch(() => undefined)));
  for (const s of more) if (s) found.set(s.sessionId, s);
  return ids.map((id) => {
    const s = found.get(id);
    return s
      ? {
          id: s.sessionId,
          name: s.sessionName ?? null,
          status: s.status,
          createdAt: s.createdTime,
          customer: { name: s.customerName, email: s.customerEmail },
        }
      : null;
  });
}

async function createSession(input: {
  customerName: string;
  customerEmail: string;
  technicianId: string;
  name?: string;
}) {
  const s = await zoho.createSession({
    sessionType: 'remote_support',
    customerName: input.customerName,
    customerEmail: input.customerEmail,
    technicianId: input.technicianId,
    ...(input.name ? { sessionName: input.name } : {}),
  });
  return {
    id: s.sessionId,
    key: s.sessionKey,
    url: s.sessionUrl,
    status: s.status,
    createdAt: s.createdTime,
  };
}

const technicianShape = (t: ZohoTechnician) => ({
  id: t.technicianId,
  name: t.name,
  email: t.email,
  role: t.role,
  status: t.status,
});

async function technicianViaGot(id: string) {
  const response = await http.got.get(`technicians/${encodeURIComponent(id)}`, {
    headers: { authorization },
  });
  if (response.statusCode !== 200) throw new Error(`upstream status ${response.statusCode}`);
  return technicianShape(JSON.parse(Buffer.from(response.body).toString('utf8')) as ZohoTechnician);
}

async function technicianViaUndici(id: string) {
  const response = await undiciRequest(`${apiUrl}/technicians/${encodeURIComponent(id)}`, {
    dispatcher: undici,
    headers: { authorization, accept: 'application/json' },
  });
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new Error(`upstream status ${response.statusCode}`);
  }
  return technicianShape((await response.body.json()) as ZohoTechnician);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(text);
}

async function route(request: IncomingMessage): Promise<unknown> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, id] = parts;
  if (request.method === 'GET' && head === 'dashboard') {
    return dashboard(
      Number(url.searchParams.get('first') ?? 50),
      Number(url.searchParams.get('offset') ?? 0),
    );
  }
  if (request.method === 'GET' && head === 'sessions' && id) return sessionDetail(id);
  if (request.method === 'POST' && head === 'entities') {
    return entities(((await readJson(request)) as { ids: string[] }).ids);
  }
  if (request.method === 'POST' && head === 'sessions') {
    return createSession((await readJson(request)) as Parameters<typeof createSession>[0]);
  }
  if (request.method === 'GET' && head === 'technicians' && id)
    return technicianShape(await zoho.getTechnician(id));
  if (request.method === 'GET' && head === 'technicians-got' && id) return technicianViaGot(id);
  if (request.method === 'GET' && head === 'technicians-undici' && id) return technicianViaUndici(id);
  throw new NotFoundError('no such route');
}

const server = createServer((request, response) => {
  route(request).then(
    (body) => send(response, 200, body),
    (error: unknown) =>
      send(response, error instanceof NotFoundError ? 404 : 502, {
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`limit ready at http://127.0.0.1:${port}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  http.close();
  void undici.close();
});
