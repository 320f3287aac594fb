/**
 * The workloads every system answers, each with the same data: one request shape per system (our GraphQL, the
 * Mesh schema's GraphQL, the hand-written limit's REST route). The Mesh queries select the same fields under
 * the names Mesh generates from the OpenAPI contract (open enums become `{ String }` wrappers there).
 */

export type SystemKind = 'ours' | 'mesh' | 'limit' | 'ceiling';

export interface Fixture {
  /** A session with chat messages, files and a report. */
  detailSessionId: string;
  /** The 100 newest session ids: what a gateway sends when another subgraph lists recent sessions. */
  entityIds: string[];
  technicianId: string;
  /** Technicians added for createSession, each allowed 100 open sessions, rotated per request. */
  createTechnicians: string[];
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export type WorkloadName = 'dashboard' | 'sessionDetail' | 'entities' | 'createSession' | 'technician';

export interface Workload {
  name: WorkloadName;
  title: string;
  /** The request one system sends; undefined when the system cannot answer this workload. */
  request(kind: SystemKind, fixture: Fixture): HttpRequest | undefined;
  /** Per-request variation (createSession rotates its technician so no one hits the open-session limit). */
  vary?(kind: SystemKind, fixture: Fixture, n: number): HttpRequest | undefined;
}

const graphql = (query: string, variables: Record<string, unknown> = {}): HttpRequest => ({
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});

const DASHBOARD_QUERY = `query Dashboard($first: Int!, $after: String) {
  sessions(first: $first, after: $after) {
    totalCount
    nodes { id name status createdAt technician { name } customer { name email } }
    pageInfo { hasNextPage endCursor }
  }
}`;

// Mesh pages by Zoho's 1-based item index; `technician` is the @resolveTo link of bench/mesh.ts.
const MESH_DASHBOARD_QUERY = `query Dashboard($count: PositiveInt!, $index: PositiveInt!) {
  listSessions(count: $count, index: $index) {
    ... on SessionList {
      total_count
      sessions {
        sessionId sessionName status { String } createdTime customerName customerEmail
        technician { ... on Technician { name } }
      }
    }
  }
}`;

/** One dashboard page of `size` sessions starting after `offset` items (0 for the first page). */
export function dashboardRequest(kind: SystemKind, size: number, offset = 0): HttpRequest {
  switch (kind) {
    case 'ours':
    case 'ceiling':
      return graphql(DASHBOARD_QUERY, {
        first: size,
        // The cursor of the item before the page (src/graph/pagination.ts: `o:<0-based position>`).
        after: offset === 0 ? null : Buffer.from(`o:${offset - 1}`).toString('base64url'),
      });
    case 'mesh':
      return graphql(MESH_DASHBOARD_QUERY, { count: size, index: offset + 1 });
    case 'limit':
      return { method: 'GET', path: `/dashboard?first=${size}&offset=${offset}` };
  }
}

const SESSION_DETAIL_QUERY = `query SessionDetail($id: ID!) {
  session(id: $id) {
    id name status createdAt startedAt endedAt customer { name email }
    chatMessages { id sender senderName text sentAt }
    files { id name size contentType direction status transferredAt }
    details { technicianName customerName startedAt endedAt durationSeconds chatMessageCount filesTransferredCount }
  }
}`;

const MESH_SESSION_DETAIL_QUERY = `query SessionDetail($id: NonEmptyString!) {
  getSession(sessionId: $id) {
    ... on Session {
      sessionId sessionName status { String } createdTime startTime endTime customerName customerEmail
      chat { ... on ChatHistory { messages { messageId sender { String } senderName message timestamp } } }
      files { ... on FileList { files { fileId fileName size contentType direction { String } status { String } transferredTime } } }
      details { ... on SessionReportEntry { technicianName customerName startTime endTime duration chatMessages filesTransferred } }
    }
  }
}`;

const ENTITIES_QUERY = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Session { id name status createdAt customer { name email } }
  }
}`;

const CREATE_SESSION_MUTATION = `mutation Create($input: CreateSessionInput!) {
  createSession(input: $input) { session { id key url status createdAt } userErrors { code message } }
}`;

const MESH_CREATE_SESSION_MUTATION = `mutation Create($input: CreateSessionRequest_Input!) {
  createSession(input: $input) {
    ... on CreatedSession { sessionId sessionKey sessionUrl status { String } createdTime }
    ... on Error { error { code message } }
  }
}`;

const TECHNICIAN_QUERY = `query Technician($id: ID!) {
  technician(id: $id) { id name email role status }
}`;

const MESH_TECHNICIAN_QUERY = `query Technician($id: NonEmptyString!) {
  getTechnician(technicianId: $id) { ... on Technician { technicianId name email role { String } status { String } } }
}`;

function createSessionRequest(kind: SystemKind, technicianId: string, n: number): HttpRequest {
  const customer = { customerName: `Bench Customer ${n}`, customerEmail: `bench.${n}@example.com` };
  switch (kind) {
    case 'ours':
    case 'ceiling':
      return graphql(CREATE_SESSION_MUTATION, { input: { ...customer, technicianId, name: 'Benchmark' } });
    case 'mesh':
      return graphql(MESH_CREATE_SESSION_MUTATION, {
        input: { ...customer, technicianId, sessionName: 'Benchmark', sessionType: 'remote_support' },
      });
    case 'limit':
      return {
        method: 'POST',
        path: '/sessions',
        body: JSON.stringify({ ...customer, technicianId, name: 'Benchmark' }),
      };
  }
}

export const WORKLOADS: readonly Workload[] = [
  {
    name: 'dashboard',
    title: 'Dashboard page: 50 sessions with technician and customer names',
    request: (kind) => dashboardRequest(kind, 50),
  },
  {
    name: 'sessionDetail',
    title: 'Session detail: a session with chat, files and details',
    request: (kind, f) => {
      switch (kind) {
        case 'ours':
        case 'ceiling':
          return graphql(SESSION_DETAIL_QUERY, { id: f.detailSessionId });
        case 'mesh':
          return graphql(MESH_SESSION_DETAIL_QUERY, { id: f.detailSessionId });
        case 'limit':
          return { method: 'GET', path: `/sessions/${encodeURIComponent(f.detailSessionId)}` };
      }
    },
  },
  {
    name: 'entities',
    title: '`_entities` with 100 Session representations',
    request: (kind, f) => {
      switch (kind) {
        case 'ours':
        case 'ceiling':
          return graphql(ENTITIES_QUERY, {
            representations: f.entityIds.map((id) => ({ __typename: 'Session', id })),
          });
        case 'mesh':
          // The composed Mesh supergraph is served by a gateway: it has no `_entities` for a router to call.
          return undefined;
        case 'limit':
          return { method: 'POST', path: '/entities', body: JSON.stringify({ ids: f.entityIds }) };
      }
    },
  },
  {
    name: 'createSession',
    title: '`createSession` (emulator reset between runs)',
    request: (kind, f) => createSessionRequest(kind, f.createTechnicians[0]!, 0),
    vary: (kind, f, n) => createSessionRequest(kind, f.createTechnicians[n % f.createTechnicians.length]!, n),
  },
  {
    name: 'technician',
    title: '`technician(id)`: a single upstream call',
    request: (kind, f) => {
      switch (kind) {
        case 'ours':
        case 'ceiling':
          return graphql(TECHNICIAN_QUERY, { id: f.technicianId });
        case 'mesh':
          return graphql(MESH_TECHNICIAN_QUERY, { id: f.technicianId });
        case 'limit':
          return { method: 'GET', path: `/technicians/${encodeURIComponent(f.technicianId)}` };
      }
    },
  },
];

/** The emulator as the harness reads and writes it: JSON in, JSON out (set-up only). */
export type ZohoFetch = (path: string, init?: RequestInit) => Promise<{ status: number; body: any }>;

/** Calls the emulator's REST API at `apiUrl` with `token`. */
export function emulatorFetch(apiUrl: string, token: string): ZohoFetch {
  return async (path, init = {}) => {
    const response = await fetch(`${apiUrl}${path}`, {
      ...init,
      headers: { authorization: `Zoho-oauthtoken ${token}`, 'content-type': 'application/json' },
    });
    // Emulator JSON, read field by field where used (fixture set-up only).
    const body: any = await response.json();
    return { status: response.status, body };
  };
}

/** createSession's technicians, each allowed 100 open sessions: 5,000 creates fit before a reset. */
export const CREATE_TECHNICIANS = 50;

export async function addCreateTechnicians(zoho: ZohoFetch): Promise<string[]> {
  const added = await Promise.all(
    Array.from({ length: CREATE_TECHNICIANS }, (_, i) =>
      zoho('/technicians', {
        method: 'POST',
        body: JSON.stringify({
          name: `Bench Technician ${i}`,
          email: `bench.tech.${i}@example.com`,
          maxConcurrentSessions: 100,
        }),
      }),
    ),
  );
  return added.map((a) => String(a.body.technicianId));
}

/** The fixture every system reads: found in the emulator's seed state (its newest 100 sessions). */
export async function prepareFixture(zoho: ZohoFetch): Promise<Fixture> {
  const page = await zoho('/sessions?index=1&count=100');
  const sessions = page.body.sessions as Array<{ sessionId: string; technicianId: string }>;
  let detailSessionId: string | undefined;
  for (const session of sessions) {
    const id = encodeURIComponent(session.sessionId);
    const [chat, files, details] = await Promise.all([
      zoho(`/sessions/${id}/chat`),
      zoho(`/sessions/${id}/files?count=100`),
      zoho(`/sessions/${id}/details`),
    ]);
    if (
      chat.status === 200 &&
      files.status === 200 &&
      details.status === 200 &&
      chat.body.messages.length > 0 &&
      files.body.files.length > 0
    ) {
      detailSessionId = session.sessionId;
      break;
    }
  }
  if (!detailSessionId) throw new Error('No session among the newest 100 has chat, files and details');
  return {
    detailSessionId,
    entityIds: sessions.map((s) => s.sessionId),
    technicianId: sessions[0]!.technicianId,
    createTechnicians: [],
  };
}
