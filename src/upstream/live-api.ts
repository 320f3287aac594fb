/**
 * The live dialect as the graph sees it. Where Zoho's published API has the seed's operation with the same
 * meaning (a page of computers, one computer, removing one), it implements the shared interface's method
 * (src/upstream/api.ts) and answers the seed's type, so the Computer loaders and resolvers stay dialect-blind.
 * What the live API does differently, or only it does, has a method of its own, answering the normalised
 * types of contract/live-types.ts. What the live API lacks (session lists, end, invite, transfer, files, chat,
 * technicians, customers, the seed's report shapes) is not here: no method fails at run time for want of an
 * endpoint; the live graph does not expose what this interface lacks.
 *
 * Conversions happen here and only here: ids to exact strings, epoch milliseconds to ISO-8601 and back,
 * millisecond durations to seconds, a time zone to the UTC offset Zoho also wants.
 */
import type { LiveDepartmentOf, LiveRestApi } from './live-client.js';
import type { ZohoAssistApi } from './api.js';
import { BadRequestError, ContractError } from './errors.js';
import type { ZohoComputer, ZohoComputerList } from '../../contract/types.js';
import type { QueryOf } from '../../contract/operations.js';
import type {
  CreateComputerGroupInput,
  CreateSupportSessionInput,
  LiveComputerGroup,
  LiveCreatedSession,
  LiveMe,
  LiveRawDevice,
  LiveRawGroup,
  LiveReportEntry,
  LiveReportFilter,
  LiveScheduledSession,
  LiveUnattendedSession,
  ScheduleSupportSessionInput,
  UpdateComputerGroupInput,
} from '../../contract/live-types.js';

/** The seed's operations the live API serves with the same meaning. */
export type SharedOperationName = 'listComputers' | 'getComputer' | 'removeComputer';

/** A page of devices: the seed's `index` and `count`, and the filters Zoho has (it has none by status). */
export interface LiveComputerQuery {
  index?: number;
  count?: number;
  /** Names containing this text (`display_name`). */
  name?: string;
  /** Members of this group (`group_ids`). */
  groupId?: string;
}

export interface LiveZohoApi extends Pick<ZohoAssistApi, Exclude<SharedOperationName, 'listComputers'>> {
  /** The seed's `listComputers` with Zoho's filters; a `status` filter is refused (Zoho has none). */
  listComputers(
    query?: LiveComputerQuery & Pick<QueryOf<'listComputers'>, 'status'>,
  ): Promise<ZohoComputerList>;
  /** The token's own user: role, organisation, departments. */
  me(): Promise<LiveMe>;
  /** The department this credential's calls name (ZOHO_DEPARTMENT_ID, else the preferred one). */
  department(): Promise<string>;
  renameComputer(computerId: string, name: string): Promise<void>;
  removeComputers(computerIds: readonly string[]): Promise<void>;
  startUnattendedSession(computerId: string): Promise<LiveUnattendedSession>;
  createSupportSession(input?: CreateSupportSessionInput): Promise<LiveCreatedSession>;
  scheduleSupportSession(input: ScheduleSupportSessionInput): Promise<LiveScheduledSession>;
  /** Every row in the window, all pages read. */
  sessionReport(filter: LiveReportFilter): Promise<LiveReportEntry[]>;
  listComputerGroups(filter?: { name?: string }): Promise<LiveComputerGroup[]>;
  createComputerGroup(input: CreateComputerGroupInput): Promise<LiveComputerGroup>;
  updateComputerGroup(input: UpdateComputerGroupInput): Promise<void>;
  deleteComputerGroups(groupIds: readonly string[]): Promise<void>;
}

/** Zoho's largest device page (getunattendedcomputer.html: count 1–50). */
const LIVE_DEVICE_PAGE = 50;
/** Report rows per call: the largest the third-party clients use; Zoho documents no maximum. */
const REPORT_PAGE = 50;

const id = (value: string | number): string => String(value);

function iso(value: string | number | undefined): string | null {
  const ms = Number(value);
  return value === undefined || value === '' || !Number.isFinite(ms) || ms < 0
    ? null
    : new Date(ms).toISOString();
}

function seconds(ms: string | number | undefined): number | null {
  const value = Number(ms);
  return ms === undefined || ms === '' || !Number.isFinite(value) ? null : Math.round(value / 1000);
}

function computerOf(device: LiveRawDevice, fallbackId?: string): ZohoComputer {
  const info = device.device_info;
  const computerId = device.resource_id ?? fallbackId;
  if (computerId === undefined)
    throw new ContractError('listDevices: a device without a resource_id cannot be named', {
      call: { method: 'GET', route: 'GET /devices' },
    });
  const computer: ZohoComputer = {
    computerId: id(computerId),
    name: device.display_name ?? info?.device_name ?? info?.name ?? '',
    status: info?.status ?? 'unknown',
    os: device.platform_details?.os_name ?? '',
  };
  const ip = info?.public_ip_address ?? info?.private_ip_address;
  if (ip !== undefined) computer.ipAddress = ip;
  if (device.group_name !== undefined) computer.groupName = device.group_name;
  const seen = iso(device.last_accessed_time);
  if (seen !== null) computer.lastSeenTime = seen;
  return computer;
}

function groupOf(group: LiveRawGroup): LiveComputerGroup {
  const count = Number(group.computer_count);
  return {
    id: id(group.group_id),
    name: group.group_name ?? '',
    description: group.description ?? null,
    computerCount: group.computer_count === undefined || !Number.isFinite(count) ? null : count,
    createdAt: iso(group.created_time),
  };
}

/** The `key` of a session link, which Zoho's answers carry only inside their URLs. */
function keyOf(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('key') ?? undefined;
  } catch {
    return undefined;
  }
}

/** `+05:30` for `Asia/Kolkata` at `at`: Zoho wants both the zone and the offset. */
export function utcOffset(timeZone: string, at: number): string {
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    throw new BadRequestError(`Unknown time zone ${JSON.stringify(timeZone)}`, { parameter: 'timeZone' });
  }
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name ?? '');
  return match ? `${match[1]}${match[2]}:${match[3]}` : '+00:00';
}

function instant(value: string, parameter: string): number {
  const ms = Date.parse(value);
  // An instant names its zone; a bare local time would be read in this process's zone.
  if (!Number.isFinite(ms) || !/(Z|[+-]\d{2}:?\d{2})$/i.test(value))
    throw new BadRequestError(`${parameter} must be an ISO-8601 time with an offset`, { parameter });
  return ms;
}

class LiveApi implements LiveZohoApi {
  readonly #rest: LiveRestApi & LiveDepartmentOf;

  constructor(rest: LiveRestApi & LiveDepartmentOf) {
    this.#rest = rest;
  }

  department(): Promise<string> {
    return this.#rest.department();
  }

  async listComputers(
    query?: LiveComputerQuery & Pick<QueryOf<'listComputers'>, 'status'>,
  ): Promise<ZohoComputerList> {
    if (query?.status !== undefined)
      throw new BadRequestError("Zoho's live API cannot filter computers by status", { parameter: 'status' });
    const index = query?.index ?? 1;
    const wanted = query?.count ?? 20;
    const computers: ZohoComputer[] = [];
    let total: number | undefined;
    // A page larger than Zoho's 50 is read in pages of 50 (`index` is a record position), each call counted.
    while (computers.length < wanted) {
      const count = Math.min(LIVE_DEVICE_PAGE, wanted - computers.length);
      const answer = await this.#rest.listDevices({
        index: index + computers.length,
        count,
        ...(query?.name === undefined ? {} : { display_name: query.name }),
        ...(query?.groupId === undefined ? {} : { group_ids: query.groupId }),
      });
      const representation = answer.representation;
      const devices = Array.isArray(representation) ? representation : representation.computers;
      total ??= answer.total_count;
      computers.push(...devices.map((device) => computerOf(device)));
      if (devices.length < count) break;
    }
    return total === undefined ? { computers } : { computers, total_count: total };
  }

  async getComputer(computerId: string): Promise<ZohoComputer> {
    const answer = await this.#rest.getDevice(computerId);
    // The details page's answer carries no resource id: the path named it.
    return computerOf(answer.representation ?? {}, computerId);
  }

  removeComputer(computerId: string): Promise<void> {
    return this.#rest.deleteDevice(computerId);
  }

  removeComputers(computerIds: readonly string[]): Promise<void> {
    return this.#rest.bulkDeleteDevices({ managed_computer_ids: [...computerIds], operationId: 4 });
  }

  renameComputer(computerId: string, name: string): Promise<void> {
    return this.#rest.updateDevice(computerId, { display_name: name });
  }

  async me(): Promise<LiveMe> {
    const user = (await this.#rest.getUser()).representation ?? {};
    return {
      userId: user.zuid === undefined ? null : id(user.zuid),
      role: user.role?.non_editable_role_key ?? null,
      organisation: {
        id: user.org_details?.zsoid === undefined ? null : id(user.org_details.zsoid),
        name: user.org_details?.org_name ?? null,
      },
      departments: (user.departments ?? []).map((d) => ({
        id: id(d.department_id),
        name: d.display_name ?? d.department_name ?? null,
        systemGenerated: d.is_system_generated ?? null,
      })),
      preferredDepartmentId: user.preferred_department === undefined ? null : id(user.preferred_department),
    };
  }

  async startUnattendedSession(computerId: string): Promise<LiveUnattendedSession> {
    const session = (await this.#rest.connectUnattended(computerId)).representation;
    return { sessionKey: id(session.session_key), technicianUrl: session.technician_uri };
  }

  async createSupportSession(input: CreateSupportSessionInput = {}): Promise<LiveCreatedSession> {
    const query: { customer_email?: string; type?: 'rs' | 'dm' } = {};
    if (input.customerEmail !== undefined) query.customer_email = input.customerEmail;
    if (input.type !== undefined) query.type = input.type;
    const session = (await this.#rest.createSession(query)).representation;
    const sessionId = id(session.session_id);
    return {
      sessionId,
      sessionKey: keyOf(session.customer_url) ?? keyOf(session.technician_url) ?? sessionId,
      url: session.customer_url,
      technicianUrl: session.technician_url,
    };
  }

  async scheduleSupportSession(input: ScheduleSupportSessionInput): Promise<LiveScheduledSession> {
    const at = instant(input.scheduledAt, 'scheduledAt');
    if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1)
      throw new BadRequestError('durationMinutes must be a whole number of minutes, at least 1', {
        parameter: 'durationMinutes',
      });
    const body = {
      mode: 'SCHEDULE' as const,
      title: input.name,
      customer_email: input.customerEmail,
      schedule_time: at,
      schedule_upto: at + input.durationMinutes * 60_000,
      utc_offset: utcOffset(input.timeZone, at),
      time_zone: input.timeZone,
      reminder: input.reminderMinutes,
      ...(input.notes === undefined ? {} : { notes: input.notes }),
    };
    const schedule = (await this.#rest.scheduleSession(body)).representation;
    return {
      scheduleId: id(schedule.schedule_id),
      url: schedule.customer_url ?? null,
      technicianUrl: schedule.technician_url ?? null,
    };
  }

  async sessionReport(filter: LiveReportFilter): Promise<LiveReportEntry[]> {
    const fromdate = instant(filter.from, 'from');
    const todate = instant(filter.to, 'to');
    const entries: LiveReportEntry[] = [];
    for (;;) {
      const answer = await this.#rest.getSessionReports({
        type: filter.type ?? 'all',
        fromdate,
        todate,
        index: entries.length + 1,
        count: REPORT_PAGE,
        ...(filter.technicianEmail === undefined ? {} : { email: filter.technicianEmail }),
      });
      for (const row of answer.representation ?? []) {
        entries.push({
          sessionId: row.session_id === undefined ? '' : id(row.session_id),
          sessionType: row.session_type ?? null,
          startedAt: iso(row.start_time),
          endedAt: iso(row.end_time),
          durationSeconds: seconds(row.duration),
          technicianEmail: row.viewer_email ?? row.session_owner_email ?? null,
          customerEmail: row.agent_email ?? null,
          customerName: row.display_name ?? null,
        });
      }
      const rows = answer.representation?.length ?? 0;
      const done =
        rows < REPORT_PAGE || (answer.total_count !== undefined && entries.length >= answer.total_count);
      if (done || rows === 0) return entries;
    }
  }

  async listComputerGroups(filter: { name?: string } = {}): Promise<LiveComputerGroup[]> {
    const answer = await this.#rest.listGroups(filter.name === undefined ? {} : { q: filter.name });
    return (answer.representation ?? []).map(groupOf);
  }

  async createComputerGroup(input: CreateComputerGroupInput): Promise<LiveComputerGroup> {
    const answer = await this.#rest.createGroup({
      group_name: input.name,
      description: input.description ?? '',
      ...(input.computerIds === undefined ? {} : { computer_list: [...input.computerIds] }),
    });
    return groupOf(answer.representation ?? { group_id: '' });
  }

  updateComputerGroup(input: UpdateComputerGroupInput): Promise<void> {
    return this.#rest.updateGroup({
      id: input.id,
      name: input.name,
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.addComputerIds === undefined ? {} : { addedlist: [...input.addComputerIds] }),
      ...(input.removeComputerIds === undefined ? {} : { removedlist: [...input.removeComputerIds] }),
    });
  }

  deleteComputerGroups(groupIds: readonly string[]): Promise<void> {
    return this.#rest.deleteGroups({ group_list: [...groupIds] });
  }
}

export function createLiveZohoApi(rest: LiveRestApi & LiveDepartmentOf): LiveZohoApi {
  return new LiveApi(rest);
}
