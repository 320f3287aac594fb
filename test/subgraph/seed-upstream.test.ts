/**
 * The graph over an upstream that answers exactly as the seed shows (issue 19.4): lists without `total_count`,
 * a session without its technician or customer. The upstream is a loopback stand-in serving the seed's examples
 * verbatim (test/fixtures/seed-examples.json); the subgraph is the real app over HTTP.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';

interface SeedExample {
  operationId: string;
  body: unknown;
}

const examples = new Map(
  (
    JSON.parse(readFileSync('test/fixtures/seed-examples.json', 'utf8')) as { examples: SeedExample[] }
  ).examples.map((e) => [e.operationId, e.body]),
);
const seed = (operationId: string): unknown => examples.get(operationId)!;
/** The seed's one session object: its create-session answer. */
const seedSession = seed('createSession') as { sessionId: string };

/**
 * What a seed-faithful Zoho answers, by route. GET /sessions is not in the seed: it is the seed's list envelope
 * (the items under the resource's name, no count, as its technicians list) around the seed's session.
 */
const ROUTES: Array<[string, RegExp, unknown]> = [
  ['GET /technicians', /^\/technicians$/, seed('listTechnicians')],
  ['GET /sessions', /^\/sessions$/, { sessions: [seedSession] }],
  ['GET /sessions/{sessionId}', new RegExp(`^/sessions/${seedSession.sessionId}$`), seedSession],
  [
    'GET /sessions/{sessionId}/chat',
    new RegExp(`^/sessions/${seedSession.sessionId}/chat$`),
    seed('getChatHistory'),
  ],
  ['GET /reports/sessions', /^\/reports\/sessions$/, seed('getSessionReport')],
  // Not the seed's: a session naming its customer's e-mail but not the name, and that customer's record.
  [
    'GET /sessions/{sessionId}',
    /^\/sessions\/by-email-only$/,
    { ...seedSession, sessionId: 'by-email-only', customerEmail: 'john@example.com' },
  ],
  [
    'GET /customers',
    /^\/customers$/,
    { customers: [{ customerId: 'cust_1', name: 'John Doe', email: 'john@example.com' }] },
  ],
];

let app: App;
let closeUpstream: () => Promise<void>;
let calls: Record<string, number> = {};

beforeAll(async () => {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://upstream').pathname.replace(/^\/api\/v2/, '');
    const route = ROUTES.find(([name, pattern]) => name.startsWith(`${req.method} `) && pattern.test(path));
    const name = route?.[0] ?? `unexpected ${req.method} ${path}`;
    calls[name] = (calls[name] ?? 0) + 1;
    res.writeHead(route ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(route ? route[2] : { error: { code: 404, message: 'Not Found' } }));
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
      ZOHO_ACCESS_TOKEN: 'seed-upstream-token',
      READ_CACHE: 'false',
    }),
  );
});

afterAll(async () => {
  await app?.close();
  await closeUpstream?.();
});

beforeEach(() => {
  calls = {};
});

async function graphql(query: string) {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
}

describe('a subgraph whose upstream answers as the seed shows', () => {
  it('answers technicians from the seed’s list (no total_count), counting the total from the short page', async () => {
    const result = await graphql(`
      {
        technicians(first: 20) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            name
            email
            role
            status
            activeSessionCount
            totalSessionCount
          }
        }
      }
    `);
    expect(result).toEqual({
      data: {
        technicians: {
          totalCount: 1,
          pageInfo: {
            hasNextPage: false,
            // The cursor names the seed's technician at position 0 (src/graph/pagination.ts).
            endCursor: Buffer.from('c[0,["tech_123"]]').toString('base64url'),
          },
          nodes: [
            {
              id: 'tech_123',
              name: 'Jane Smith',
              email: 'jane@company.com',
              role: 'ADMIN',
              status: 'ONLINE',
              activeSessionCount: 2,
              totalSessionCount: 150,
            },
          ],
        },
      },
    });
    expect(calls).toEqual({ 'GET /technicians': 1 });
  });

  it('answers totalCount null and hasNextPage true for a full page when Zoho sent no count', async () => {
    const result = await graphql(`
      {
        technicians(first: 1) {
          totalCount
          pageInfo {
            hasNextPage
          }
          nodes {
            id
          }
        }
      }
    `);
    expect(result).toEqual({
      data: {
        technicians: { totalCount: null, pageInfo: { hasNextPage: true }, nodes: [{ id: 'tech_123' }] },
      },
    });
    expect(calls).toEqual({ 'GET /technicians': 1 });
  });

  it('answers sessions whose items are the seed’s session, with no technician or customer to show', async () => {
    const result = await graphql(`
      {
        sessions(first: 10) {
          totalCount
          pageInfo {
            hasNextPage
          }
          nodes {
            id
            key
            url
            type
            status
            createdAt
            expiresIn
            technician {
              id
            }
            customer {
              name
              email
            }
          }
        }
      }
    `);
    expect(result).toEqual({
      data: {
        sessions: {
          totalCount: 1,
          pageInfo: { hasNextPage: false },
          nodes: [
            {
              id: '1234567890',
              key: '123-456-789',
              url: 'https://assist.zoho.com/join/123-456-789',
              type: 'REMOTE_SUPPORT',
              status: 'WAITING',
              createdAt: '2025-01-15T10:30:00Z',
              expiresIn: 3600,
              technician: null,
              customer: null,
            },
          ],
        },
      },
    });
    expect(calls).toEqual({ 'GET /sessions': 1 });
  });

  it('answers a session by id with the seed’s chat', async () => {
    const result = await graphql(`
      {
        session(id: "1234567890") {
          id
          status
          technician {
            id
          }
          chatMessages {
            id
            sender
            senderName
            text
            sentAt
          }
        }
      }
    `);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      session: {
        id: '1234567890',
        status: 'WAITING',
        technician: null,
        chatMessages: [
          {
            id: 'msg_1',
            sender: 'TECHNICIAN',
            senderName: 'Jane Smith',
            text: 'Hello! How can I help you today?',
            sentAt: '2025-01-15T10:30:15Z',
          },
          {
            id: 'msg_2',
            sender: 'CUSTOMER',
            senderName: 'John Doe',
            text: "I'm having trouble installing the software.",
            sentAt: '2025-01-15T10:30:45Z',
          },
        ],
      },
    });
    expect(calls).toEqual({ 'GET /sessions/{sessionId}': 1, 'GET /sessions/{sessionId}/chat': 1 });
  });

  it('looks the customer record up by e-mail when a session names only the e-mail', async () => {
    const result = await graphql(`
      {
        session(id: "by-email-only") {
          id
          customer {
            name
            email
            record {
              id
              name
              email
            }
          }
        }
      }
    `);
    expect(result).toEqual({
      data: {
        session: {
          id: 'by-email-only',
          customer: {
            name: null,
            email: 'john@example.com',
            record: { id: 'cust_1', name: 'John Doe', email: 'john@example.com' },
          },
        },
      },
    });
    expect(calls).toEqual({ 'GET /sessions/{sessionId}': 1, 'GET /customers': 1 });
  });

  it('answers the seed’s session report with its sessions resolved to the seed’s session', async () => {
    const result = await graphql(`
      {
        sessionReport(filter: { from: "2025-01-01", to: "2025-01-31" }) {
          sessions {
            customerName
            technicianName
            durationSeconds
            status
            session {
              id
              key
              customer {
                name
              }
            }
          }
          summary {
            totalSessions
            completedSessions
            averageDurationSeconds
            totalDurationSeconds
          }
        }
      }
    `);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      sessionReport: {
        sessions: [
          {
            customerName: 'John Doe',
            technicianName: 'Jane Smith',
            durationSeconds: 2700,
            status: 'COMPLETED',
            session: { id: '1234567890', key: '123-456-789', customer: null },
          },
        ],
        summary: {
          totalSessions: 150,
          completedSessions: 145,
          averageDurationSeconds: 1800,
          totalDurationSeconds: 270000,
        },
      },
    });
    expect(calls).toEqual({ 'GET /reports/sessions': 1, 'GET /sessions/{sessionId}': 1 });
  });
});
