/**
 * One Zoho Assist account's data, in memory, with the indexes the API's lookups need (by id, by technician,
 * by customer email, by computer) so that lists and limits stay cheap with tens of thousands of sessions.
 * Business rules live here; HTTP lives in server.ts.
 */
import type * as Z from '../contract/types.js';
import { Random, generatedBytes, hash32 } from './random.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface SeedSize {
  technicians?: number;
  customers?: number;
  computers?: number;
  sessions?: number;
  seed?: number;
}

const DEFAULT_SEED_SIZE: Required<SeedSize> = {
  technicians: 10,
  customers: 50,
  computers: 10,
  sessions: 200,
  seed: 1,
};

const DEFAULT_MAX_CONCURRENT_SESSIONS = 3;
/** Seconds a join link stays valid (the seed's `expiresIn`). */
const JOIN_LINK_LIFETIME = 3600;
/** Join links point at Zoho's real host, as the seed's do: customers never talk to the emulator. */
const JOIN_ORIGIN = 'https://assist.zoho.com';
/** Seeded history ends here, so the same seed gives the same data on any day. */
const SEED_EPOCH = Date.UTC(2026, 0, 1);
const SEED_SPAN_MS = 365 * 24 * 3600 * 1000;

type SessionStatus = Z.ZohoSessionStatus;
type SessionType = Z.ZohoSessionType;

interface TechnicianRecord {
  technicianId: string;
  name: string;
  email: string;
  role: Z.ZohoTechnicianRole;
  status: Z.ZohoTechnicianStatus;
  maxConcurrentSessions: number;
}

type CustomerRecord = Z.ZohoCustomer;

interface ComputerRecord extends Z.ZohoComputer {
  /** Whose machine it is: the customer an unattended session on it is with. */
  ownerName: string;
  ownerEmail: string;
}

interface FileRecord {
  fileId: string;
  sessionId: string;
  fileName: string;
  size: number;
  contentType: string;
  direction: string;
  status: string;
  transferredMs: number;
  content?: Buffer;
  seed: number;
}

export interface SessionRecord {
  sessionId: string;
  sessionKey: string;
  sessionType: SessionType;
  sessionName?: string;
  status: SessionStatus;
  createdMs: number;
  technicianId: string;
  /** Kept so reports still name a technician who has since been removed. */
  technicianName: string;
  customerName: string;
  customerEmail: string;
  computerId?: string;
  scheduledMs?: number;
  /** Planned minutes (scheduled sessions). */
  duration?: number;
  startMs?: number;
  endMs?: number;
  chatCount: number;
  chat?: Z.ZohoChatMessage[];
  files: FileRecord[];
}

/** What Zoho sends a webhook for (emulator/webhooks.ts): a session's lifecycle, a device's presence. */
export type StoreChange =
  | { kind: 'session'; change: 'start' | 'join' | 'end' | 'transfer'; session: SessionRecord; now: number }
  | {
      kind: 'computer';
      change: 'added' | 'online' | 'offline' | 'removed';
      computer: Z.ZohoComputer;
      now: number;
    };

export interface Invitation extends Z.ZohoInvitation {
  customerName: string;
}

export interface Page {
  index: number;
  count: number;
}

const FIRST_NAMES = [
  'Jane',
  'John',
  'Priya',
  'Wei',
  'Carlos',
  'Amara',
  'Lars',
  'Yuki',
  'Fatima',
  'Noah',
  'Elena',
  'Omar',
  'Sofia',
  'Ravi',
  'Mia',
  'Diego',
  'Hannah',
  'Kenji',
  'Aisha',
  'Lucas',
];
const LAST_NAMES = [
  'Smith',
  'Doe',
  'Patel',
  'Zhang',
  'Garcia',
  'Okafor',
  'Nilsen',
  'Tanaka',
  'Haddad',
  'Brown',
  'Rossi',
  'Khan',
  'Muller',
  'Iyer',
  'Silva',
  'Lopez',
  'Weber',
  'Sato',
  'Bello',
  'Martin',
];
const COMPANIES = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Industries',
  'Wayne Logistics',
  'Hooli',
  'Vandelay Imports',
  'Soylent Foods',
  'Tyrell Systems',
];
const OSES = [
  'Windows 11 Pro',
  'Windows 10 Pro',
  'macOS 14 Sonoma',
  'macOS 15 Sequoia',
  'Ubuntu 24.04 LTS',
  'Windows Server 2022',
];
const GROUPS = ['Front Office', 'Warehouse', 'Finance', 'Engineering', 'Servers'];
const SESSION_TOPICS = [
  'Software Installation Support',
  'Printer setup',
  'VPN connection issue',
  'Email sync problem',
  'Password reset',
  'Slow computer',
  'License activation',
  'Backup restore',
];
const FILES: ReadonlyArray<[string, string]> = [
  ['install.log', 'text/plain'],
  ['screenshot.png', 'image/png'],
  ['setup.exe', 'application/vnd.microsoft.portable-executable'],
  ['report.pdf', 'application/pdf'],
  ['config.json', 'application/json'],
  ['drivers.zip', 'application/zip'],
];
const TECH_LINES = [
  'Hello! How can I help you today?',
  'I am connecting to your machine now.',
  'Could you restart the application, please?',
  'I have applied the fix; please try again.',
  'Is there anything else I can help with?',
  'I am sending you a file, please accept it.',
];
const CUSTOMER_LINES = [
  "I'm having trouble installing the software.",
  'It shows an error when I open it.',
  'Sure, go ahead.',
  'It works now, thank you!',
  'The printer is not responding.',
  'I accepted the file.',
];

const CONTENT_TYPES: Record<string, string> = {
  txt: 'text/plain',
  log: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  pdf: 'application/pdf',
  json: 'application/json',
  zip: 'application/zip',
  csv: 'text/csv',
};

const OPEN_STATUSES: ReadonlySet<string> = new Set(['waiting', 'active']);
const FINISHED_STATUSES: ReadonlySet<string> = new Set(['completed', 'ended']);

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function lower(email: string): string {
  return email.toLowerCase();
}

function pushIndexed<K>(index: Map<K, SessionRecord[]>, key: K, session: SessionRecord): void {
  const list = index.get(key);
  if (list) list.push(session);
  else index.set(key, [session]);
}

/** Inserts keeping creation order (a transferred session joins its new technician's list in place). */
function insertSorted(list: SessionRecord[], session: SessionRecord): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareCreation(list[mid]!, session) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, session);
}

function compareCreation(a: SessionRecord, b: SessionRecord): number {
  return a.createdMs - b.createdMs || Number(a.sessionId) - Number(b.sessionId);
}

function removeFrom(list: SessionRecord[] | undefined, session: SessionRecord): void {
  if (!list) return;
  const at = list.indexOf(session);
  if (at >= 0) list.splice(at, 1);
}

/** Newest first, 1-based `index`: walks a creation-ordered list backwards. */
function pageNewestFirst<T, R>(
  items: readonly T[],
  page: Page,
  keep: (item: T) => boolean,
  render: (item: T) => R,
): { items: R[]; total: number } {
  const out: R[] = [];
  const first = page.index - 1;
  let total = 0;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (!keep(item)) continue;
    if (total >= first && out.length < page.count) out.push(render(item));
    total++;
  }
  return { items: out, total };
}

export interface ReportQuery {
  from_date: string;
  to_date: string;
  technicianId?: string;
  status?: string;
}

export class Store {
  readonly size: Required<SeedSize>;
  readonly #random: Random;
  readonly #technicians = new Map<string, TechnicianRecord>();
  readonly #techniciansByEmail = new Map<string, TechnicianRecord>();
  readonly #customers = new Map<string, CustomerRecord>();
  readonly #customersByEmail = new Map<string, CustomerRecord>();
  readonly #computers = new Map<string, ComputerRecord>();
  readonly #sessions: SessionRecord[] = [];
  readonly #sessionsById = new Map<string, SessionRecord>();
  readonly #sessionsByTechnician = new Map<string, SessionRecord[]>();
  readonly #sessionsByEmail = new Map<string, SessionRecord[]>();
  readonly #sessionsByComputer = new Map<string, SessionRecord[]>();
  /** waiting + active sessions per technician: the concurrent-session limit and `activeSessions`. */
  readonly #openCount = new Map<string, number>();
  readonly #filesById = new Map<string, FileRecord>();
  readonly invitations: Invitation[] = [];
  #nextTechnician = 1;
  #nextCustomer = 1;
  #nextComputer = 1;
  #nextSession = 1000000001;
  #nextFile = 1;
  #nextInvitation = 1;
  /** Hears each change Zoho would send a webhook for; set after seeding, so the seed itself sends none. */
  onChange: ((change: StoreChange) => void) | undefined;

  constructor(size: SeedSize = {}) {
    this.size = { ...DEFAULT_SEED_SIZE, ...size };
    this.#random = new Random(this.size.seed);
    this.#seed();
  }

  // ------------------------------------------------------------------------------------------------ seed

  #personName(): string {
    return `${this.#random.pick(FIRST_NAMES)} ${this.#random.pick(LAST_NAMES)}`;
  }

  #seed(): void {
    const r = this.#random;
    const { technicians, customers, computers, sessions } = this.size;
    for (let i = 0; i < technicians; i++) {
      const name = this.#personName();
      const id = this.#nextTechnician++;
      this.#insertTechnician({
        technicianId: `tech_${id}`,
        name,
        email: `${name.toLowerCase().replace(' ', '.')}.${id}@company.com`,
        role: id === 1 || r.chance(0.15) ? 'admin' : 'technician',
        status: r.pick(['online', 'online', 'busy', 'offline'] as const),
        maxConcurrentSessions: r.chance(0.2) ? 5 : DEFAULT_MAX_CONCURRENT_SESSIONS,
      });
    }
    for (let i = 0; i < customers; i++) {
      const name = this.#personName();
      const id = this.#nextCustomer++;
      const customer: CustomerRecord = {
        customerId: `cust_${id}`,
        name,
        email: `${name.toLowerCase().replace(' ', '.')}.${id}@example.com`,
        phone: `+1-555-${String(r.int(0, 9999)).padStart(4, '0')}`,
        company: r.pick(COMPANIES),
        createdTime: iso(SEED_EPOCH - SEED_SPAN_MS - (customers - i) * 3600_000),
      };
      if (r.chance(0.3)) customer.notes = 'Prefers email contact.';
      this.#insertCustomer(customer);
    }
    const customerList = [...this.#customers.values()];
    for (let i = 0; i < computers; i++) {
      const id = this.#nextComputer++;
      const owner = customerList.length ? r.pick(customerList) : undefined;
      this.#computers.set(`comp_${id}`, {
        computerId: `comp_${id}`,
        name: `${(owner?.company ?? 'HOST').split(' ')[0]!.toUpperCase()}-PC-${String(id).padStart(3, '0')}`,
        status: r.chance(0.6) ? 'online' : 'offline',
        os: r.pick(OSES),
        ipAddress: `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
        groupName: r.pick(GROUPS),
        lastSeenTime: iso(SEED_EPOCH - r.int(0, 7 * 24 * 3600) * 1000),
        ownerName: owner?.name ?? 'Unattended host',
        ownerEmail: owner?.email ?? 'it@company.com',
      });
    }
    const techList = [...this.#technicians.values()];
    const computerList = [...this.#computers.values()];
    if (!techList.length || !customerList.length) return;
    // A few of the newest sessions stay open, never filling a technician's limit.
    const openTail = Math.max(1, Math.round(sessions * 0.01));
    const step = SEED_SPAN_MS / Math.max(1, sessions);
    for (let i = 0; i < sessions; i++) {
      const createdMs = SEED_EPOCH - SEED_SPAN_MS + Math.floor(i * step + r.next() * step * 0.9);
      const tech = r.pick(techList);
      const kind = r.next();
      let sessionType: SessionType;
      let customerName: string;
      let customerEmail: string;
      let computerId: string | undefined;
      if (kind < 0.2 && computerList.length) {
        const computer = r.pick(computerList);
        sessionType = 'unattended_access';
        computerId = computer.computerId;
        customerName = computer.ownerName;
        customerEmail = computer.ownerEmail;
      } else {
        const customer = r.pick(customerList);
        sessionType = kind > 0.9 ? 'scheduled_session' : 'remote_support';
        customerName = customer.name;
        customerEmail = customer.email;
      }
      const session = this.#newSession({
        sessionType,
        technician: tech,
        customerName,
        customerEmail,
        createdMs,
        status: 'completed',
      });
      if (computerId) session.computerId = computerId;
      if (r.chance(0.7)) session.sessionName = r.pick(SESSION_TOPICS);
      if (sessionType === 'scheduled_session') {
        session.scheduledMs = createdMs + r.int(1, 72) * 3600_000;
        session.duration = r.pick([15, 30, 45, 60]);
      }
      const startBase = session.scheduledMs ?? createdMs;
      const open =
        i >= sessions - openTail &&
        (this.#openCount.get(tech.technicianId) ?? 0) < tech.maxConcurrentSessions - 1;
      if (open && sessionType !== 'scheduled_session') {
        session.status = sessionType === 'unattended_access' || r.chance(0.5) ? 'active' : 'waiting';
        if (session.status === 'active') session.startMs = startBase + r.int(5, 120) * 1000;
      } else if (open) {
        session.status = 'scheduled';
      } else if (r.chance(0.12)) {
        // Ended by the technician; some before the customer ever joined.
        session.status = 'ended';
        if (r.chance(0.5)) session.startMs = startBase + r.int(5, 120) * 1000;
        session.endMs = (session.startMs ?? startBase) + r.int(1, 30) * 60_000;
      } else {
        session.status = 'completed';
        session.startMs = startBase + r.int(5, 120) * 1000;
        session.endMs = session.startMs + r.int(5 * 60, 90 * 60) * 1000;
      }
      session.chatCount = r.int(2, 8);
      if (r.chance(0.25)) {
        const count = r.int(1, 3);
        for (let f = 0; f < count; f++) {
          const [fileName, contentType] = r.pick(FILES);
          const id = this.#nextFile++;
          const file: FileRecord = {
            fileId: `file_${id}`,
            sessionId: session.sessionId,
            fileName,
            size: r.int(128, 64 * 1024),
            contentType,
            direction: r.chance(0.6) ? 'technician_to_customer' : 'customer_to_technician',
            status: r.chance(0.95) ? 'completed' : 'failed',
            transferredMs: (session.startMs ?? createdMs) + r.int(1, 300) * 1000,
            seed: hash32(`${this.size.seed}:file_${id}`),
          };
          session.files.push(file);
          this.#filesById.set(file.fileId, file);
        }
      }
      this.#indexSession(session);
    }
  }

  #insertTechnician(tech: TechnicianRecord): void {
    this.#technicians.set(tech.technicianId, tech);
    this.#techniciansByEmail.set(lower(tech.email), tech);
  }

  #insertCustomer(customer: CustomerRecord): void {
    this.#customers.set(customer.customerId, customer);
    this.#customersByEmail.set(lower(customer.email), customer);
  }

  #sessionKey(): string {
    const part = (): string => String(this.#random.int(100, 999));
    return `${part()}-${part()}-${part()}`;
  }

  #newSession(init: {
    sessionType: SessionType;
    technician: TechnicianRecord;
    customerName: string;
    customerEmail: string;
    createdMs: number;
    status: SessionStatus;
  }): SessionRecord {
    return {
      sessionId: String(this.#nextSession++),
      sessionKey: this.#sessionKey(),
      sessionType: init.sessionType,
      status: init.status,
      createdMs: init.createdMs,
      technicianId: init.technician.technicianId,
      technicianName: init.technician.name,
      customerName: init.customerName,
      customerEmail: init.customerEmail,
      chatCount: 0,
      files: [],
    };
  }

  #indexSession(session: SessionRecord): void {
    this.#sessions.push(session);
    this.#sessionsById.set(session.sessionId, session);
    pushIndexed(this.#sessionsByTechnician, session.technicianId, session);
    pushIndexed(this.#sessionsByEmail, lower(session.customerEmail), session);
    if (session.computerId) pushIndexed(this.#sessionsByComputer, session.computerId, session);
    if (OPEN_STATUSES.has(session.status)) this.#bumpOpen(session.technicianId, 1);
  }

  #bumpOpen(technicianId: string, delta: number): void {
    this.#openCount.set(technicianId, (this.#openCount.get(technicianId) ?? 0) + delta);
  }

  /** Moves a session through its lifecycle, keeping the open-session counts right. */
  setStatus(session: SessionRecord, status: SessionStatus, now = Date.now()): void {
    const wasOpen = OPEN_STATUSES.has(session.status);
    const isOpen = OPEN_STATUSES.has(status);
    if (wasOpen !== isOpen) this.#bumpOpen(session.technicianId, isOpen ? 1 : -1);
    const was = session.status;
    session.status = status;
    if (status === 'active' && session.startMs === undefined) session.startMs = now;
    if (FINISHED_STATUSES.has(status) && session.endMs === undefined) session.endMs = now;
    if (was === status) return;
    if (FINISHED_STATUSES.has(status) && !FINISHED_STATUSES.has(was))
      this.#changed('session', 'end', session, now);
    else if (status === 'active' && was === 'waiting') this.#changed('session', 'join', session, now);
  }

  #changed(
    kind: 'session',
    change: 'start' | 'join' | 'end' | 'transfer',
    session: SessionRecord,
    now: number,
  ): void;
  #changed(
    kind: 'computer',
    change: 'added' | 'online' | 'offline' | 'removed',
    computer: Z.ZohoComputer,
    now: number,
  ): void;
  #changed(kind: 'session' | 'computer', change: string, subject: unknown, now: number): void {
    const onChange = this.onChange;
    if (!onChange) return;
    onChange(
      (kind === 'session'
        ? { kind, change, session: subject, now }
        : { kind, change, computer: subject, now }) as StoreChange,
    );
  }

  // ------------------------------------------------------------------------------------------- rendering

  renderSession(s: SessionRecord): Z.ZohoSession {
    const out: Z.ZohoSession = {
      sessionId: s.sessionId,
      sessionKey: s.sessionKey,
      sessionUrl: `${JOIN_ORIGIN}/join/${s.sessionKey}`,
      sessionType: s.sessionType,
      status: s.status,
      createdTime: iso(s.createdMs),
      expiresIn: JOIN_LINK_LIFETIME,
      technicianId: s.technicianId,
      customerName: s.customerName,
      customerEmail: s.customerEmail,
    };
    if (s.sessionName !== undefined) out.sessionName = s.sessionName;
    if (s.computerId !== undefined) out.computerId = s.computerId;
    if (s.scheduledMs !== undefined) out.scheduledTime = iso(s.scheduledMs);
    if (s.duration !== undefined) out.duration = s.duration;
    if (s.startMs !== undefined) out.startTime = iso(s.startMs);
    if (s.endMs !== undefined) out.endTime = iso(s.endMs);
    return out;
  }

  /** Seconds the session actually ran: only a finished session that had started has a duration. */
  sessionDuration(s: SessionRecord): number {
    if (!FINISHED_STATUSES.has(s.status) || s.startMs === undefined || s.endMs === undefined) return 0;
    return Math.round((s.endMs - s.startMs) / 1000);
  }

  #reportStartMs(s: SessionRecord): number {
    return s.startMs ?? s.scheduledMs ?? s.createdMs;
  }

  renderReportEntry(s: SessionRecord): Z.ZohoSessionReportEntry {
    const out: Z.ZohoSessionReportEntry = {
      sessionId: s.sessionId,
      customerName: s.customerName,
      technicianName: this.#technicians.get(s.technicianId)?.name ?? s.technicianName,
      startTime: iso(this.#reportStartMs(s)),
      duration: this.sessionDuration(s),
      sessionType: s.sessionType,
      status: s.status,
      chatMessages: this.#chatOf(s).length,
      filesTransferred: s.files.length,
    };
    if (s.endMs !== undefined) out.endTime = iso(s.endMs);
    return out;
  }

  /** The raw record as the control plane shows it (for assertions), with the report's derived figures. */
  renderState(s: SessionRecord): Record<string, unknown> {
    return {
      ...this.renderSession(s),
      technicianName: s.technicianName,
      reportStartTime: iso(this.#reportStartMs(s)),
      durationSeconds: this.sessionDuration(s),
      chatMessages: s.chatCount,
      filesTransferred: s.files.length,
    };
  }

  #renderTechnician(t: TechnicianRecord): Z.ZohoTechnician {
    return {
      technicianId: t.technicianId,
      name: t.name,
      email: t.email,
      role: t.role,
      status: t.status,
      activeSessions: this.#openCount.get(t.technicianId) ?? 0,
      totalSessions: this.#sessionsByTechnician.get(t.technicianId)?.length ?? 0,
      maxConcurrentSessions: t.maxConcurrentSessions,
    };
  }

  #renderComputer(c: ComputerRecord): Z.ZohoComputer {
    const { ownerName: _n, ownerEmail: _e, ...computer } = c;
    return computer;
  }

  #renderFile(f: FileRecord): Z.ZohoFile {
    return {
      fileId: f.fileId,
      sessionId: f.sessionId,
      fileName: f.fileName,
      size: f.size,
      contentType: f.contentType,
      direction: f.direction,
      status: f.status,
      transferredTime: iso(f.transferredMs),
    };
  }

  /** Chat is generated on first read (deterministically) so seeding 20,000 sessions stays fast. */
  #chatOf(s: SessionRecord): Z.ZohoChatMessage[] {
    if (s.chat) return s.chat;
    const r = new Random(hash32(`${this.size.seed}:chat:${s.sessionId}`));
    let at = s.startMs ?? s.createdMs;
    const messages: Z.ZohoChatMessage[] = [];
    for (let i = 0; i < s.chatCount; i++) {
      at += r.int(10, 60) * 1000;
      const fromTechnician = i % 2 === 0;
      messages.push({
        messageId: `msg_${s.sessionId}_${i + 1}`,
        sender: fromTechnician ? 'technician' : 'customer',
        senderName: fromTechnician ? s.technicianName : s.customerName,
        message: fromTechnician ? r.pick(TECH_LINES) : r.pick(CUSTOMER_LINES),
        timestamp: iso(at),
      });
    }
    s.chat = messages;
    return messages;
  }

  // --------------------------------------------------------------------------------------------- lookups

  #session(sessionId: string): SessionRecord {
    const s = this.#sessionsById.get(sessionId);
    if (!s) throw new ApiError(404, `Session ${sessionId} not found`);
    return s;
  }

  #technician(technicianId: string): TechnicianRecord {
    const t = this.#technicians.get(technicianId);
    if (!t) throw new ApiError(404, `Technician ${technicianId} not found`);
    return t;
  }

  #customer(customerId: string): CustomerRecord {
    const c = this.#customers.get(customerId);
    if (!c) throw new ApiError(404, `Customer ${customerId} not found`);
    return c;
  }

  #computer(computerId: string): ComputerRecord {
    const c = this.#computers.get(computerId);
    if (!c) throw new ApiError(404, `Computer ${computerId} not found`);
    return c;
  }

  #assertCapacity(t: TechnicianRecord): void {
    if ((this.#openCount.get(t.technicianId) ?? 0) >= t.maxConcurrentSessions) {
      throw new ApiError(
        409,
        `Session limit reached: technician ${t.technicianId} already has ${t.maxConcurrentSessions} open sessions`,
      );
    }
  }

  #assertNotFinished(s: SessionRecord): void {
    if (FINISHED_STATUSES.has(s.status))
      throw new ApiError(
        409,
        `Session ${s.sessionId} has already ${s.status === 'completed' ? 'completed' : 'ended'}`,
      );
  }

  /** The technician a token acts as when an operation does not name one: the first admin. */
  #defaultTechnician(): TechnicianRecord {
    for (const t of this.#technicians.values()) if (t.role === 'admin') return t;
    const first = this.#technicians.values().next();
    if (first.done) throw new ApiError(404, 'No technician to connect as');
    return first.value;
  }

  // -------------------------------------------------------------------------------------------- sessions

  listSessions(
    q: Page & {
      status?: string;
      sessionType?: string;
      technicianId?: string;
      customerEmail?: string;
      computerId?: string;
    },
  ): Z.ZohoSessionList {
    let source: readonly SessionRecord[] = this.#sessions;
    if (q.technicianId !== undefined) source = this.#sessionsByTechnician.get(q.technicianId) ?? [];
    else if (q.customerEmail !== undefined) source = this.#sessionsByEmail.get(lower(q.customerEmail)) ?? [];
    else if (q.computerId !== undefined) source = this.#sessionsByComputer.get(q.computerId) ?? [];
    const email = q.customerEmail === undefined ? undefined : lower(q.customerEmail);
    const { items, total } = pageNewestFirst(
      source,
      q,
      (s) =>
        (q.status === undefined || s.status === q.status) &&
        (q.sessionType === undefined || s.sessionType === q.sessionType) &&
        (q.technicianId === undefined || s.technicianId === q.technicianId) &&
        (email === undefined || lower(s.customerEmail) === email) &&
        (q.computerId === undefined || s.computerId === q.computerId),
      (s) => this.renderSession(s),
    );
    return { sessions: items, total_count: total };
  }

  getSession(sessionId: string): Z.ZohoSession {
    return this.renderSession(this.#session(sessionId));
  }

  createSession(body: Z.CreateSessionRequest, now = Date.now()): Z.ZohoCreatedSession {
    const tech = this.#technician(body.technicianId);
    this.#assertCapacity(tech);
    const session = this.#newSession({
      sessionType: body.sessionType,
      technician: tech,
      customerName: body.customerName,
      customerEmail: body.customerEmail,
      createdMs: now,
      status: 'waiting',
    });
    if (body.sessionName !== undefined) session.sessionName = body.sessionName;
    this.#indexSession(session);
    this.#changed('session', 'start', session, now);
    const { sessionId, sessionKey, sessionUrl, sessionType, status, createdTime, expiresIn } =
      this.renderSession(session);
    return { sessionId, sessionKey, sessionUrl, sessionType, status, createdTime, expiresIn };
  }

  scheduleSession(body: Z.ScheduleSessionRequest, now = Date.now()): Z.ZohoSession {
    const tech = this.#technician(body.technicianId);
    const scheduledMs = Date.parse(body.scheduledTime);
    if (!(scheduledMs > now)) throw new ApiError(400, 'scheduledTime must be in the future');
    const session = this.#newSession({
      sessionType: 'scheduled_session',
      technician: tech,
      customerName: body.customerName,
      customerEmail: body.customerEmail,
      createdMs: now,
      status: 'scheduled',
    });
    session.scheduledMs = scheduledMs;
    session.duration = body.duration ?? 30;
    if (body.sessionName !== undefined) session.sessionName = body.sessionName;
    this.#indexSession(session);
    return this.renderSession(session);
  }

  endSession(sessionId: string, now = Date.now()): Z.ZohoSession {
    const session = this.#session(sessionId);
    this.#assertNotFinished(session);
    this.setStatus(session, 'ended', now);
    return this.renderSession(session);
  }

  getSessionDetails(sessionId: string): Z.ZohoSessionReportEntry {
    return this.renderReportEntry(this.#session(sessionId));
  }

  inviteToSession(sessionId: string, body: Z.InviteRequest, now = Date.now()): Invitation {
    const session = this.#session(sessionId);
    this.#assertNotFinished(session);
    const invitation: Invitation = {
      invitationId: `inv_${this.#nextInvitation++}`,
      sessionId,
      email: body.email,
      sendEmail: body.sendEmail ?? true,
      invitedTime: iso(now),
      joinUrl: this.renderSession(session).sessionUrl,
      customerName: session.customerName,
    };
    this.invitations.push(invitation);
    return invitation;
  }

  transferSession(sessionId: string, body: Z.TransferRequest): Z.ZohoSession {
    const session = this.#session(sessionId);
    const target = this.#technician(body.technicianId);
    this.#assertNotFinished(session);
    if (session.technicianId === target.technicianId) return this.renderSession(session);
    const open = OPEN_STATUSES.has(session.status);
    if (open) this.#assertCapacity(target);
    if (open) this.#bumpOpen(session.technicianId, -1);
    removeFrom(this.#sessionsByTechnician.get(session.technicianId), session);
    session.technicianId = target.technicianId;
    session.technicianName = target.name;
    const list = this.#sessionsByTechnician.get(target.technicianId);
    if (list) insertSorted(list, session);
    else this.#sessionsByTechnician.set(target.technicianId, [session]);
    if (open) this.#bumpOpen(target.technicianId, 1);
    this.#changed('session', 'transfer', session, Date.now());
    return this.renderSession(session);
  }

  // ------------------------------------------------------------------------------------------ files, chat

  listSessionFiles(sessionId: string, page: Page): Z.ZohoFileList {
    const session = this.#session(sessionId);
    const { items, total } = pageNewestFirst(
      session.files,
      page,
      () => true,
      (f) => this.#renderFile(f),
    );
    return { files: items, total_count: total };
  }

  initiateFileTransfer(sessionId: string, body: Z.InitiateFileTransferRequest, now = Date.now()): Z.ZohoFile {
    const session = this.#session(sessionId);
    this.#assertNotFinished(session);
    if (session.status === 'scheduled') throw new ApiError(409, `Session ${sessionId} has not started`);
    const content = body.content === undefined ? undefined : Buffer.from(body.content, 'base64');
    const extension = body.fileName.split('.').pop()?.toLowerCase() ?? '';
    const id = this.#nextFile++;
    const file: FileRecord = {
      fileId: `file_${id}`,
      sessionId,
      fileName: body.fileName,
      size: content?.length ?? 0,
      contentType: body.contentType ?? CONTENT_TYPES[extension] ?? 'application/octet-stream',
      direction: body.direction ?? 'technician_to_customer',
      // Without bytes the transfer waits for the other side to send them.
      status: content ? 'completed' : 'pending',
      transferredMs: now,
      seed: hash32(`${this.size.seed}:file_${id}`),
    };
    if (content) file.content = content;
    session.files.push(file);
    this.#filesById.set(file.fileId, file);
    return this.#renderFile(file);
  }

  downloadSessionFile(
    sessionId: string,
    fileId: string,
  ): { fileName: string; contentType: string; content: Buffer } {
    this.#session(sessionId);
    const file = this.#filesById.get(fileId);
    if (!file || file.sessionId !== sessionId)
      throw new ApiError(404, `File ${fileId} not found in session ${sessionId}`);
    return {
      fileName: file.fileName,
      contentType: file.contentType,
      content: file.content ?? generatedBytes(file.seed, file.size),
    };
  }

  getChatHistory(sessionId: string): Z.ZohoChatHistory {
    return { messages: this.#chatOf(this.#session(sessionId)) };
  }

  // ----------------------------------------------------------------------------------------- technicians

  listTechnicians(q: Page & { email?: string; status?: string; role?: string }): Z.ZohoTechnicianList {
    const email = q.email === undefined ? undefined : lower(q.email);
    const { items, total } = pageNewestFirst(
      [...this.#technicians.values()],
      q,
      (t) =>
        (email === undefined || lower(t.email) === email) &&
        (q.status === undefined || t.status === q.status) &&
        (q.role === undefined || t.role === q.role),
      (t) => this.#renderTechnician(t),
    );
    return { technicians: items, total_count: total };
  }

  getTechnician(technicianId: string): Z.ZohoTechnician {
    return this.#renderTechnician(this.#technician(technicianId));
  }

  addTechnician(body: Z.AddTechnicianRequest): Z.ZohoTechnician {
    if (this.#techniciansByEmail.has(lower(body.email)))
      throw new ApiError(409, `A technician with email ${body.email} already exists`);
    const tech: TechnicianRecord = {
      technicianId: `tech_${this.#nextTechnician++}`,
      name: body.name,
      email: body.email,
      role: body.role ?? 'technician',
      status: 'offline',
      maxConcurrentSessions: body.maxConcurrentSessions ?? DEFAULT_MAX_CONCURRENT_SESSIONS,
    };
    this.#insertTechnician(tech);
    return this.#renderTechnician(tech);
  }

  updateTechnician(technicianId: string, body: Z.UpdateTechnicianRequest): Z.ZohoTechnician {
    const tech = this.#technician(technicianId);
    if (body.email !== undefined && lower(body.email) !== lower(tech.email)) {
      if (this.#techniciansByEmail.has(lower(body.email)))
        throw new ApiError(409, `A technician with email ${body.email} already exists`);
      this.#techniciansByEmail.delete(lower(tech.email));
      tech.email = body.email;
      this.#techniciansByEmail.set(lower(tech.email), tech);
    }
    if (body.name !== undefined) tech.name = body.name;
    if (body.role !== undefined) tech.role = body.role;
    if (body.status !== undefined) tech.status = body.status;
    if (body.maxConcurrentSessions !== undefined) tech.maxConcurrentSessions = body.maxConcurrentSessions;
    return this.#renderTechnician(tech);
  }

  removeTechnician(technicianId: string): void {
    const tech = this.#technician(technicianId);
    const open = this.#openCount.get(technicianId) ?? 0;
    const scheduled = (this.#sessionsByTechnician.get(technicianId) ?? []).some(
      (s) => s.status === 'scheduled',
    );
    if (open > 0 || scheduled)
      throw new ApiError(
        409,
        `Technician ${technicianId} has open or scheduled sessions; end or transfer them first`,
      );
    this.#technicians.delete(technicianId);
    this.#techniciansByEmail.delete(lower(tech.email));
  }

  // ------------------------------------------------------------------------------------------- customers

  listCustomers(q: Page & { email?: string; company?: string }): Z.ZohoCustomerList {
    let source: CustomerRecord[];
    if (q.email !== undefined) {
      const found = this.#customersByEmail.get(lower(q.email));
      source = found ? [found] : [];
    } else source = [...this.#customers.values()];
    const company = q.company?.toLowerCase();
    const { items, total } = pageNewestFirst(
      source,
      q,
      (c) => company === undefined || c.company?.toLowerCase() === company,
      (c) => ({ ...c }),
    );
    return { customers: items, total_count: total };
  }

  getCustomer(customerId: string): Z.ZohoCustomer {
    return { ...this.#customer(customerId) };
  }

  addCustomer(body: Z.AddCustomerRequest, now = Date.now()): Z.ZohoCustomer {
    if (this.#customersByEmail.has(lower(body.email)))
      throw new ApiError(409, `A customer with email ${body.email} already exists`);
    const customer: CustomerRecord = {
      customerId: `cust_${this.#nextCustomer++}`,
      ...body,
      createdTime: iso(now),
    };
    this.#insertCustomer(customer);
    return { ...customer };
  }

  updateCustomer(customerId: string, body: Z.UpdateCustomerRequest): Z.ZohoCustomer {
    const customer = this.#customer(customerId);
    if (body.email !== undefined && lower(body.email) !== lower(customer.email)) {
      if (this.#customersByEmail.has(lower(body.email)))
        throw new ApiError(409, `A customer with email ${body.email} already exists`);
      this.#customersByEmail.delete(lower(customer.email));
      this.#customersByEmail.set(lower(body.email), customer);
    }
    Object.assign(customer, body);
    return { ...customer };
  }

  removeCustomer(customerId: string): void {
    const customer = this.#customer(customerId);
    this.#customers.delete(customerId);
    this.#customersByEmail.delete(lower(customer.email));
  }

  // ------------------------------------------------------------------------------------------- computers

  listComputers(q: Page & { status?: string }): Z.ZohoComputerList {
    const { items, total } = pageNewestFirst(
      [...this.#computers.values()],
      q,
      (c) => q.status === undefined || c.status === q.status,
      (c) => this.#renderComputer(c),
    );
    return { computers: items, total_count: total };
  }

  getComputer(computerId: string): Z.ZohoComputer {
    return this.#renderComputer(this.#computer(computerId));
  }

  removeComputer(computerId: string): void {
    const computer = this.#renderComputer(this.#computer(computerId));
    this.#computers.delete(computerId);
    this.#changed('computer', 'removed', computer, Date.now());
  }

  connectComputer(
    computerId: string,
    body: Z.ConnectComputerRequest | undefined,
    now = Date.now(),
  ): Z.ZohoSession {
    const computer = this.#computer(computerId);
    if (computer.status !== 'online') throw new ApiError(409, `Computer ${computerId} is offline`);
    const tech =
      body?.technicianId !== undefined ? this.#technician(body.technicianId) : this.#defaultTechnician();
    this.#assertCapacity(tech);
    const session = this.#newSession({
      sessionType: 'unattended_access',
      technician: tech,
      customerName: computer.ownerName,
      customerEmail: computer.ownerEmail,
      createdMs: now,
      status: 'active',
    });
    session.computerId = computerId;
    session.startMs = now;
    computer.lastSeenTime = iso(now);
    this.#indexSession(session);
    this.#changed('session', 'start', session, now);
    return this.renderSession(session);
  }

  // --------------------------------------------------------------------------------------------- reports

  #reportSessions(q: ReportQuery): SessionRecord[] {
    const from = Date.parse(`${q.from_date}T00:00:00Z`);
    const to = Date.parse(`${q.to_date}T00:00:00Z`) + 24 * 3600_000;
    if (from >= to) throw new ApiError(400, 'from_date must not be after to_date');
    const source =
      q.technicianId !== undefined ? (this.#sessionsByTechnician.get(q.technicianId) ?? []) : this.#sessions;
    const out: SessionRecord[] = [];
    for (let i = source.length - 1; i >= 0; i--) {
      const s = source[i]!;
      const at = this.#reportStartMs(s);
      if (at >= from && at < to && (q.status === undefined || s.status === q.status)) out.push(s);
    }
    return out;
  }

  #summarize(sessions: readonly SessionRecord[]): Z.ZohoReportSummary {
    let completed = 0;
    let total = 0;
    for (const s of sessions) {
      if (s.status === 'completed') completed++;
      total += this.sessionDuration(s);
    }
    return {
      totalSessions: sessions.length,
      completedSessions: completed,
      averageDuration: sessions.length ? Math.round(total / sessions.length) : 0,
      totalDuration: total,
    };
  }

  sessionReport(q: ReportQuery): Z.ZohoSessionReport {
    const sessions = this.#reportSessions(q);
    return { sessions: sessions.map((s) => this.renderReportEntry(s)), summary: this.#summarize(sessions) };
  }

  technicianReport(q: ReportQuery): Z.ZohoTechnicianReport {
    const sessions = this.#reportSessions(q);
    const groups = new Map<string, SessionRecord[]>();
    for (const t of this.#technicians.values())
      if (q.technicianId === undefined || t.technicianId === q.technicianId) groups.set(t.technicianId, []);
    for (const s of sessions) pushIndexed(groups, s.technicianId, s);
    const technicians = [...groups].map(([technicianId, list]) => ({
      technicianId,
      technicianName: this.#technicians.get(technicianId)?.name ?? list[0]?.technicianName ?? technicianId,
      ...this.#summarize(list),
    }));
    return { technicians, summary: this.#summarize(sessions) };
  }

  customerReport(q: ReportQuery): Z.ZohoCustomerReport {
    const sessions = this.#reportSessions(q);
    const groups = new Map<string, SessionRecord[]>();
    for (const s of sessions) pushIndexed(groups, lower(s.customerEmail), s);
    const customers = [...groups.values()].map((list) => {
      const latest = list[0]!; // sessions are newest first
      return {
        customerName: latest.customerName,
        customerEmail: latest.customerEmail,
        ...this.#summarize(list),
        lastSessionTime: iso(this.#reportStartMs(latest)),
      };
    });
    return { customers, summary: this.#summarize(sessions) };
  }

  // ------------------------------------------------------------------------------- for the live front

  /** The account's own technician: who a token acts as when the API names nobody (the live API never does). */
  accountTechnician(): Z.ZohoTechnician {
    return this.#renderTechnician(this.#defaultTechnician());
  }

  renameComputer(computerId: string, name: string): Z.ZohoComputer {
    const computer = this.#computer(computerId);
    computer.name = name;
    return this.#renderComputer(computer);
  }

  /** Moves a computer into a group, or out of every group (`undefined`). */
  setComputerGroup(computerId: string, groupName: string | undefined): void {
    const computer = this.#computer(computerId);
    if (groupName === undefined) delete computer.groupName;
    else computer.groupName = groupName;
  }

  /** Sessions that started in [fromMs, toMs) and have ended, oldest first: what a report lists. */
  finishedSessionsBetween(fromMs: number, toMs: number): SessionRecord[] {
    const out: SessionRecord[] = [];
    for (const s of this.#sessions) {
      const at = this.#reportStartMs(s);
      if (at >= fromMs && at < toMs && FINISHED_STATUSES.has(s.status) && s.endMs !== undefined) out.push(s);
    }
    return out.sort((a, b) => this.#reportStartMs(a) - this.#reportStartMs(b));
  }

  /** The e-mail of a session's technician, while the technician exists. */
  technicianEmail(technicianId: string): string | undefined {
    return this.#technicians.get(technicianId)?.email;
  }

  // ------------------------------------------------------------------------------------------ test hooks

  stateSessions(customerEmail?: string): Record<string, unknown>[] {
    const source =
      customerEmail === undefined ? this.#sessions : (this.#sessionsByEmail.get(lower(customerEmail)) ?? []);
    const out: Record<string, unknown>[] = [];
    for (let i = source.length - 1; i >= 0; i--) out.push(this.renderState(source[i]!));
    return out;
  }

  /** Control-plane lifecycle move (a customer joining, a session completing), which the API cannot do. */
  forceStatus(sessionId: string, status: SessionStatus): Z.ZohoSession {
    const session = this.#session(sessionId);
    this.setStatus(session, status);
    return this.renderSession(session);
  }

  /** Control-plane enrolment of a machine (Zoho's agent install), which the API cannot do. */
  addComputer(init: { name: string; status: 'online' | 'offline'; os: string }): Z.ZohoComputer {
    const id = `comp_${this.#nextComputer++}`;
    const now = Date.now();
    this.#computers.set(id, {
      computerId: id,
      name: init.name,
      status: init.status,
      os: init.os,
      lastSeenTime: iso(now),
      ownerName: 'Unattended host',
      ownerEmail: 'it@company.com',
    });
    const computer = this.#renderComputer(this.#computer(id));
    this.#changed('computer', 'added', computer, now);
    return computer;
  }

  setComputerStatus(computerId: string, status: 'online' | 'offline'): Z.ZohoComputer {
    const computer = this.#computer(computerId);
    const was = computer.status;
    computer.status = status;
    if (was !== status) this.#changed('computer', status, this.#renderComputer(computer), Date.now());
    return this.#renderComputer(computer);
  }
}
