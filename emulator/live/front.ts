/**
 * The emulator's live front: Zoho's published Assist API v2 (contract/live.openapi.yaml) over the same store as
 * the seed front, so a computer renamed here is renamed there and a session started here is in the seed's
 * lists. Faithful to the documented shapes: `{resource_type, representation}` envelopes, snake_case, epoch
 * milliseconds, durations as millisecond strings, 200 on creates, the department required where Zoho requires
 * it (a 400 in the error envelope without it), big ids as bare JSON numbers where Zoho sends them so, `statue`
 * spelt as Zoho spells it. server.ts routes, authenticates, limits, counts and injects faults as for the seed
 * front; this module judges and answers.
 *
 * The live API has no ids of the store's kind (`comp_7`): a device's resource id is an 18-digit number derived
 * from the store's, and back. The account has two departments; the store's data lives in the preferred one.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createHash } from 'node:crypto';
import { liveContract } from '../../contract/live-contract.js';
import { bareNumber } from '../../contract/live-json.js';
import {
  DEPARTMENT_HEADER,
  LIVE_OPERATIONS,
  type LiveContractBodyOf,
  type LiveContractQueryOf,
  type LiveOperationName,
  type LivePathParamsOf,
} from '../../contract/live-operations.js';
import type { ContractOperation } from '../../contract/validate.js';
import type * as Z from '../../contract/types.js';
import { ApiError, type SessionRecord, type Store } from '../store.js';

/** Zoho's real scope names, which the live front's operations require (x-scopes of the live contract). */
export const LIVE_SCOPES: readonly string[] = [
  ...new Set([...liveContract.operations.values()].flatMap((op) => op.scopes)),
].sort();

/** A failure in the live error envelope: `{"error":{"code","message","parameter_name"?}}`. */
class LiveApiError extends ApiError {
  constructor(
    status: number,
    readonly code: number,
    message: string,
    readonly parameterName?: string,
  ) {
    super(status, message);
  }
}

/** The live envelope of any failure: Zoho's documented codes where it has one (2000 for a bad token). */
export function liveErrorBody(error: ApiError): {
  error: { code: number; message: string; parameter_name?: string };
} {
  if (error instanceof LiveApiError) {
    return {
      error: {
        code: error.code,
        message: error.message,
        ...(error.parameterName === undefined ? {} : { parameter_name: error.parameterName }),
      },
    };
  }
  if (error.status === 401) return { error: { code: 2000, message: 'INVALID_OAUTHTOKEN' } };
  return { error: { code: error.status >= 500 ? 5000 : error.status, message: error.message } };
}

interface LiveReply {
  status: number;
  body?: unknown;
}

const ORIGIN = 'https://assist.zoho.com';
const DEVICE_BASE = 275_000_000_000_000_000n;
const SCHEDULE_BASE = 215_700_000_000_100_000n;
const GROUP_BASE = 215_700_000_000_010_000n;
const ZUID = 74_000_000_001;
const ZSOID = 77_000_000_001;
const UNGROUPED = 'UNGROUPED';

const DEPARTMENTS = [
  { department_id: '215700000000004111', department_name: 'My Department', is_system_generated: true },
  { department_id: '215700000000004113', department_name: 'Department 1', is_system_generated: false },
] as const;
const PREFERRED_DEPARTMENT = DEPARTMENTS[0].department_id;

interface GroupRecord {
  id: string;
  name: string;
  description: string;
  createdMs: number;
}

/** What the live front keeps beside the store: computer groups, which the seed has only as names. */
class LiveAccount {
  readonly groups = new Map<string, GroupRecord>();
  #next = 1n;

  constructor(store: Store) {
    const names = new Set<string>();
    for (const c of allComputers(store)) if (c.groupName !== undefined) names.add(c.groupName);
    for (const name of [...names].sort()) this.add(name, '', Date.UTC(2025, 0, 1));
  }

  add(name: string, description: string, createdMs: number): GroupRecord {
    const group = { id: String(GROUP_BASE + this.#next++), name, description, createdMs };
    this.groups.set(group.id, group);
    return group;
  }

  byName(name: string): GroupRecord | undefined {
    for (const group of this.groups.values())
      if (group.name.toLowerCase() === name.toLowerCase()) return group;
    return undefined;
  }
}

// A reset replaces the stores, and with them the live state.
const accounts = new WeakMap<Store, LiveAccount>();
function accountOf(store: Store): LiveAccount {
  let account = accounts.get(store);
  if (!account) {
    account = new LiveAccount(store);
    accounts.set(store, account);
  }
  return account;
}

function allComputers(store: Store): Z.ZohoComputer[] {
  return store.listComputers({ index: 1, count: Number.MAX_SAFE_INTEGER }).computers;
}

// ------------------------------------------------------------------------------------------------- ids

/** A computer's id in the live dialect: its device id (also what the emulator's webhooks name). */
export function deviceId(computerId: string): string {
  const n = /^comp_(\d+)$/.exec(computerId)?.[1];
  if (n === undefined) throw new Error(`emulator: computer id ${computerId} has no live form`);
  return String(DEVICE_BASE + BigInt(n));
}

function computerIdOf(resourceId: string): string {
  const n = /^\d{1,19}$/.test(resourceId) ? BigInt(resourceId) - DEVICE_BASE : 0n;
  if (n <= 0n || n > 1_000_000_000n) throw new LiveApiError(404, 404, `Device ${resourceId} not found`);
  return `comp_${n}`;
}

/** A Long from a body: its digits, whether it came as a string or (lossless-parsed) a number. */
function digits(value: string | number): string {
  return String(value);
}

// --------------------------------------------------------------------------------------------- render

const envelope = (resourceType: string, representation: unknown, extra: object = {}) => ({
  resource_type: resourceType,
  representation,
  ...extra,
});

function platformOf(os: string): string {
  const lower = os.toLowerCase();
  if (lower.includes('windows')) return 'windows';
  if (lower.includes('mac')) return 'mac';
  return 'linux';
}

function renderDevice(c: Z.ZohoComputer, withResourceId: boolean): Record<string, unknown> {
  const id = deviceId(c.computerId);
  const device: Record<string, unknown> = {
    urs_key: createHash('sha256').update(id).digest('hex').slice(0, 14).toUpperCase(),
    display_name: c.name,
    favourite: false,
    device_info: {
      computer_id: id,
      name: c.name,
      device_name: c.name,
      installation_status: 1,
      device_status: c.status === 'online' ? 1 : 2,
      status: c.status,
      ...(c.ipAddress === undefined ? {} : { public_ip_address: c.ipAddress }),
    },
    platform_details: { os_platform: platformOf(c.os), os_name: c.os },
  };
  // The details page's sample names no resource id (the path does); lists carry it as a bare number.
  if (withResourceId) device.resource_id = bareNumber(id);
  if (c.groupName !== undefined) device.group_name = c.groupName;
  if (c.lastSeenTime !== undefined) device.last_accessed_time = Date.parse(c.lastSeenTime);
  return device;
}

const REPORT_TYPES: Record<string, string> = {
  remote_support: 'rs',
  scheduled_session: 'rs',
  unattended_access: 'URS',
  screen_sharing: 'DM',
};

function renderReportRow(store: Store, s: SessionRecord): Record<string, unknown> {
  const technician = store.technicianEmail(s.technicianId);
  const start = s.startMs ?? s.scheduledMs ?? s.createdMs;
  return {
    session_id: Number(s.sessionId),
    session_type: REPORT_TYPES[s.sessionType] ?? 'rs',
    start_time: start,
    end_time: s.endMs,
    duration: String(s.startMs === undefined ? 0 : s.endMs! - s.startMs),
    ...(technician === undefined ? {} : { viewer_email: technician, session_owner_email: technician }),
    agent_email: s.customerEmail,
    display_name: s.customerName,
  };
}

function customerNameFor(store: Store, email: string | undefined): string {
  if (email === undefined) return 'Customer';
  return store.listCustomers({ index: 1, count: 1, email }).customers[0]?.name ?? email.split('@')[0]!;
}

// ------------------------------------------------------------------------------------------- handlers

interface LiveHandlerContext<K extends LiveOperationName> {
  store: Store;
  account: LiveAccount;
  path: LivePathParamsOf<K>;
  /** Coerced, with the contract's defaults applied. */
  query: LiveContractQueryOf<K>;
  body: LiveContractBodyOf<K>;
  /** The department the request named (checked against the account), where the operation takes one. */
  department: string;
  now: number;
}

type LiveHandler<K extends LiveOperationName> = (ctx: LiveHandlerContext<K>) => LiveReply;

const ok = (body: unknown): LiveReply => ({ status: 200, body });

/** The contract gives `index` and `count` defaults, which validateRequest applied. */
function page(q: { index?: number; count?: number }): { first: number; count: number } {
  return { first: q.index! - 1, count: q.count! };
}
const empty: LiveReply = { status: 200 };

/** Only the preferred department holds devices; the other is empty. */
const holdsDevices = (department: string) => department === PREFERRED_DEPARTMENT;

function groupOf(account: LiveAccount, id: string): GroupRecord {
  const group = account.groups.get(id);
  if (!group) throw new LiveApiError(404, 404, `Group ${id} not found`);
  return group;
}

const handlers: { readonly [K in LiveOperationName]: LiveHandler<K> } = {
  getUser: () =>
    ok(
      envelope('user', {
        zuid: String(ZUID),
        user_role: 2,
        role: {
          role_id: '215700000000000021',
          is_editable: false,
          non_editable_role_key: 'SUPER_ADMIN',
          is_remote_support_allowed: true,
          is_remote_access_allowed: true,
        },
        org_details: { zsoid: ZSOID, org_name: 'Zylker' },
        license: { license_type: 'LICENSED' },
        multi_org_enabled: false,
        departments: DEPARTMENTS.map((d) => ({ ...d, display_name: d.department_name })),
        preferred_department: PREFERRED_DEPARTMENT,
      }),
    ),

  createSession: ({ store, query, now }) => {
    const technician = store.accountTechnician();
    const email = query.customer_email;
    const screenShare = query.type === 'dm';
    const created = store.createSession(
      {
        technicianId: technician.technicianId,
        customerName: customerNameFor(store, email),
        customerEmail: email ?? 'customer@example.invalid',
        // The seed has no screen-sharing type; its answers take any string.
        sessionType: (screenShare ? 'screen_sharing' : 'remote_support') as Z.ZohoSessionType,
      },
      now,
    );
    const key = created.sessionId;
    const customer = encodeURIComponent(email ?? '');
    return ok(
      envelope('session', {
        customer_url: screenShare
          ? `${ORIGIN}/demo-viewer.do?key=${key}&d=${ZSOID}`
          : `${ORIGIN}/join?role=A&key=${key}&email=${customer}`,
        authkey: createHash('sha256').update(`auth:${key}`).digest('hex').slice(0, 12),
        technician_url: screenShare
          ? `${ORIGIN}/presenter?key=${key}`
          : `${ORIGIN}/assist-start?key=${key}&viewer=html&customer=${customer}&x-com-zoho-assist-orgid=${ZSOID}`,
        session_id: key,
        authtype: '0',
      }),
    );
  },

  scheduleSession: ({ store, body, now }) => {
    if (body.schedule_upto <= body.schedule_time)
      throw new LiveApiError(400, 4000, 'INVALID_DATATYPE', 'schedule_upto');
    const technician = store.accountTechnician();
    const session = store.scheduleSession(
      {
        technicianId: technician.technicianId,
        customerName: customerNameFor(store, body.customer_email),
        customerEmail: body.customer_email,
        scheduledTime: new Date(body.schedule_time).toISOString(),
        duration: Math.max(1, Math.round((body.schedule_upto - body.schedule_time) / 60_000)),
        sessionName: body.title,
      },
      now,
    );
    const scheduleId = String(SCHEDULE_BASE + BigInt(session.sessionId));
    const link = (role: string) =>
      `${ORIGIN}/assist-schedule?digest=${session.sessionKey}&og=${ZSOID}&role=${role}&schedule_id=${scheduleId}&x-com-zoho-assist-orgid=${ZSOID}`;
    return ok({
      representation: {
        statue: 'ok',
        schedule_id: scheduleId,
        technician_url: link('V'),
        customer_url: link('A'),
      },
      resource_type: '/api/v2/session/schedule',
    });
  },

  listDevices: ({ store, account, query, department }) => {
    let computers = holdsDevices(department) ? allComputers(store) : [];
    const name = query.display_name?.toLowerCase();
    if (name !== undefined) computers = computers.filter((c) => c.name.toLowerCase().includes(name));
    if (query.group_ids !== undefined) {
      const groups = query.group_ids.split(',').map((id) => account.groups.get(id)?.name);
      computers = computers.filter((c) => groups.includes(c.groupName));
    }
    const { first, count } = page(query);
    const rows = computers.slice(first, first + count);
    const next = first + count < computers.length;
    return ok(
      envelope(
        'device',
        { computers: rows.map((c) => renderDevice(c, true)) },
        {
          total_count: computers.length,
          ...(next ? { page: { next: `/api/v2/devices?index=${first + count + 1}&count=${count}` } } : {}),
        },
      ),
    );
  },

  getDevice: ({ store, path, department }) => {
    if (!holdsDevices(department)) throw new LiveApiError(404, 404, `Device ${path.resource_id} not found`);
    return ok(envelope('device', renderDevice(store.getComputer(computerIdOf(path.resource_id)), false)));
  },

  updateDevice: ({ store, path, body, department }) => {
    if (!holdsDevices(department)) throw new LiveApiError(404, 404, `Device ${path.resource_id} not found`);
    store.renameComputer(computerIdOf(path.resource_id), body.display_name);
    return empty;
  },

  deleteDevice: ({ store, path, department }) => {
    if (!holdsDevices(department)) throw new LiveApiError(404, 404, `Device ${path.resource_id} not found`);
    store.removeComputer(computerIdOf(path.resource_id));
    return empty;
  },

  bulkDeleteDevices: ({ store, body, department }) => {
    if (!holdsDevices(department)) throw new LiveApiError(404, 404, 'Device not found');
    const ids = body.managed_computer_ids.map(computerIdOf);
    // All or none: check each exists before removing any.
    for (const id of ids) store.getComputer(id);
    for (const id of ids) store.removeComputer(id);
    return empty;
  },

  connectUnattended: ({ store, path, now, department }) => {
    if (!holdsDevices(department)) throw new LiveApiError(404, 404, `Device ${path.resource_id} not found`);
    const session = store.connectComputer(computerIdOf(path.resource_id), undefined, now);
    const key = session.sessionId;
    return ok({
      representation: {
        session_key: key,
        authkey: createHash('sha256').update(`auth:${key}`).digest('base64url').slice(0, 16),
        authtype: '0',
        viewerid: '-1',
        is_user_present: true,
        technician_uri: `${ORIGIN}/assist-start?key=${key}&department_id=${department}&x-com-zoho-assist-orgid=${ZSOID}&isCanvasSupported=true&viewer=html`,
      },
      resource_type: `/api/v2/unattended/${path.resource_id}/connect`,
    });
  },

  getSessionReports: ({ store, query }) => {
    if (query.todate < query.fromdate) throw new LiveApiError(400, 4000, 'INVALID_DATATYPE', 'todate');
    const email = query.email?.toLowerCase();
    const rows = store
      .finishedSessionsBetween(query.fromdate, query.todate)
      .filter(
        (s) =>
          (query.type === 'all' || REPORT_TYPES[s.sessionType] === query.type) &&
          (email === undefined || store.technicianEmail(s.technicianId)?.toLowerCase() === email),
      );
    const { first, count } = page(query);
    return ok({
      total_count: rows.length,
      resource_type: 'report',
      representation: rows.slice(first, first + count).map((s) => renderReportRow(store, s)),
    });
  },

  listGroups: ({ store, account, query, department }) => {
    const computers = holdsDevices(department) ? allComputers(store) : [];
    const creator = store.accountTechnician().email;
    const count = (name: string | undefined) => computers.filter((c) => c.groupName === name).length;
    const groups = holdsDevices(department) ? [...account.groups.values()] : [];
    const q = query.q?.toLowerCase();
    const rows = [
      ...groups.map((g) => ({
        group_id: g.id,
        group_name: g.name,
        description: g.description,
        created_by: creator,
        created_time: String(g.createdMs),
        computer_count: count(g.name),
        is_preferred_group: false,
      })),
      {
        group_id: UNGROUPED,
        group_name: 'Ungrouped',
        description: '',
        created_by: creator,
        created_time: '0',
        computer_count: count(undefined),
        is_preferred_group: true,
      },
    ].filter((g) => q === undefined || g.group_name.toLowerCase().includes(q));
    return ok(envelope('group', rows));
  },

  createGroup: ({ store, account, body, now, department }) => {
    if (!holdsDevices(department)) throw new LiveApiError(400, 1000, 'Internal server error');
    if (account.byName(body.group_name))
      throw new LiveApiError(400, 4000, `A group named ${body.group_name} exists`, 'group_name');
    const members = (body.computer_list ?? []).map((id) => computerIdOf(digits(id)));
    for (const id of members) store.getComputer(id);
    const group = account.add(body.group_name, body.description, now);
    for (const id of members) store.setComputerGroup(id, group.name);
    return ok({
      representation: {
        created_time: group.createdMs,
        group_name: group.name,
        group_id: group.id,
        department_id: bareNumber(department),
        description: group.description,
        created_by: bareNumber(String(ZUID)),
      },
      resource_type: 'group',
    });
  },

  updateGroup: ({ store, account, body }) => {
    const group = groupOf(account, digits(body.id));
    const other = account.byName(body.name);
    if (other && other !== group)
      throw new LiveApiError(400, 4000, `A group named ${body.name} exists`, 'name');
    const added = (body.addedlist ?? []).map((id) => computerIdOf(digits(id)));
    const removed = (body.removedlist ?? []).map((id) => computerIdOf(digits(id)));
    for (const id of [...added, ...removed]) store.getComputer(id);
    for (const c of allComputers(store))
      if (c.groupName === group.name) store.setComputerGroup(c.computerId, body.name);
    group.name = body.name;
    if (body.description !== undefined) group.description = body.description;
    for (const id of added) store.setComputerGroup(id, group.name);
    for (const id of removed) store.setComputerGroup(id, undefined);
    return empty;
  },

  deleteGroups: ({ store, account, body }) => {
    const groups = body.group_list.map((id) => groupOf(account, digits(id)));
    for (const group of groups) {
      for (const c of allComputers(store))
        if (c.groupName === group.name) store.setComputerGroup(c.computerId, undefined);
      account.groups.delete(group.id);
    }
    return { status: 204 };
  },
};

// -------------------------------------------------------------------------------------------- routing

interface LiveRoute {
  op: ContractOperation;
  pattern: RegExp;
  names: string[];
}

const routes: LiveRoute[] = [...liveContract.operations.values()]
  .filter((op) => op.operationId !== 'mintAccessToken')
  .map((op) => {
    const names: string[] = [];
    const source = op.path
      .split('/')
      .map((segment) => {
        const param = /^\{(.+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(param[1]!);
        return '([^/]+)';
      })
      .join('/');
    return { op, pattern: new RegExp(`^${source}/?$`), names };
  });

/** The live operation `METHOD path` (below /api/v2) names, with its path parameters. */
export function matchLiveRoute(
  method: string,
  path: string,
): { op: ContractOperation; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.op.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1]!);
    });
    return { op: route.op, params };
  }
  return undefined;
}

export const isLiveOperation = (op: ContractOperation): boolean =>
  liveContract.operations.get(op.operationId) === op;

const isLiveOperationName = (id: string): id is LiveOperationName => Object.hasOwn(LIVE_OPERATIONS, id);

/** The department where the operation's page says Zoho looks for it; a 400 in the live envelope without it. */
function departmentOf(
  name: LiveOperationName,
  headers: IncomingHttpHeaders,
  query: Record<string, string | string[]>,
  body: unknown,
): string {
  const placement = LIVE_OPERATIONS[name].department;
  if (placement === 'none') return PREFERRED_DEPARTMENT;
  let value: unknown;
  let parameter = 'department_id';
  if (placement === 'header') {
    value = headers[DEPARTMENT_HEADER];
    parameter = DEPARTMENT_HEADER;
  } else if (placement === 'query') value = query.department_id;
  else value = (body as { department_id?: unknown } | undefined)?.department_id;
  if (value === undefined || value === '')
    throw new LiveApiError(400, 4000, 'LESS_THAN_MIN_OCCURANCE', parameter);
  const department = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  if (!/^\d{1,19}$/.test(department)) throw new LiveApiError(400, 4000, 'INVALID_DATATYPE', parameter);
  // A working client reports a wrong department as code 1000 "Internal server error".
  if (!DEPARTMENTS.some((d) => d.department_id === department))
    throw new LiveApiError(400, 1000, 'Internal server error');
  return department;
}

/** Judges a live request (department, then the contract) and answers it from the tenant's store. */
export function handleLive(
  op: ContractOperation,
  request: {
    params: Record<string, string>;
    query: Record<string, string | string[]>;
    body: unknown;
    contentType: string | undefined;
    headers: IncomingHttpHeaders;
  },
  store: Store,
  now: number,
): LiveReply {
  const name = op.operationId;
  if (!isLiveOperationName(name)) throw new LiveApiError(404, 404, `No route for ${op.route}`);
  const department = departmentOf(name, request.headers, request.query, request.body);
  const checked = liveContract.validateRequest(name, {
    path: request.params,
    query: request.query,
    body: request.body,
    contentType: request.contentType,
  });
  if (checked.errors) {
    const parameter = /^(?:query|body|path)\/(\w+)/.exec(checked.errors)?.[1];
    throw new LiveApiError(400, 4000, checked.errors, parameter);
  }
  return run(name, {
    store,
    account: accountOf(store),
    path: request.params,
    query: checked.query,
    body: request.body,
    department,
    now,
  });
}

function run<K extends LiveOperationName>(
  name: K,
  ctx: Omit<LiveHandlerContext<K>, 'path' | 'query' | 'body'> & {
    path: Record<string, string>;
    query: Record<string, unknown>;
    body: unknown;
  },
): LiveReply {
  const handler: LiveHandler<K> = handlers[name];
  // Checked against the live contract's schemas for K just before: the types it generates for them.
  return handler({
    ...ctx,
    path: ctx.path as LivePathParamsOf<K>,
    query: ctx.query,
    body: ctx.body as LiveContractBodyOf<K>,
  });
}
