/**
 * The live dialect's upstream types. The raw ones are generated from contract/live.openapi.yaml; the `Live…`
 * interfaces below are what the live client (src/upstream/live-api.ts) makes of them for the graph, in the
 * graph's units: ids as exact strings (never a rounded number), times as ISO-8601, durations in seconds, and
 * null where Zoho's answer did not say.
 */
import type { components } from './__generated__/live-api.js';

type Schemas = components['schemas'];

export type LiveRawDevice = Schemas['Device'];
export type LiveRawGroup = Schemas['Group'];

/** The token's own user (`GET /user`). */
export interface LiveMe {
  userId: string | null;
  /** `SUPER_ADMIN`, `TECHNICIAN`… */
  role: string | null;
  organisation: { id: string | null; name: string | null };
  departments: Array<{ id: string; name: string | null; systemGenerated: boolean | null }>;
  preferredDepartmentId: string | null;
}

export type LiveSessionType = 'rs' | 'dm';

export interface CreateSupportSessionInput {
  customerEmail?: string;
  /** `rs` remote support (Zoho's default), `dm` screen sharing. */
  type?: LiveSessionType;
}

/** `POST /session`: the session and its two links. */
export interface LiveCreatedSession {
  sessionId: string;
  /** The join key: the `key` of the links (the same digits as the id in every documented answer). */
  sessionKey: string;
  /** The customer's join link. */
  url: string;
  technicianUrl: string;
}

export interface ScheduleSupportSessionInput {
  customerEmail: string;
  name: string;
  /** ISO-8601 with an offset. */
  scheduledAt: string;
  durationMinutes: number;
  /** IANA zone, e.g. `Europe/London`; Zoho also wants the offset, computed from it at `scheduledAt`. */
  timeZone: string;
  notes?: string;
  /** One of 0, 5, 10, 15, 30, 45, 60, 1440. */
  reminderMinutes: 0 | 5 | 10 | 15 | 30 | 45 | 60 | 1440;
}

/** `POST /session/schedule`: the booked schedule (its own id space, not a session id). */
export interface LiveScheduledSession {
  scheduleId: string;
  url: string | null;
  technicianUrl: string | null;
}

/** `POST /unattended/{id}/connect`. */
export interface LiveUnattendedSession {
  sessionKey: string;
  technicianUrl: string;
}

export interface LiveReportFilter {
  /** ISO-8601 instants; `to` is exclusive. */
  from: string;
  to: string;
  technicianEmail?: string;
  /** `rs`, `URS` (unattended), `DM` (screen sharing), `all` (default). */
  type?: 'rs' | 'URS' | 'DM' | 'all';
}

/** One row of `GET /reports`: a past session. */
export interface LiveReportEntry {
  sessionId: string;
  sessionType: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  /** The technician (`viewer_email`, else `session_owner_email`). */
  technicianEmail: string | null;
  /** The customer (`agent_email`). */
  customerEmail: string | null;
  customerName: string | null;
}

export interface LiveComputerGroup {
  /** `UNGROUPED` for the built-in group. */
  id: string;
  name: string;
  description: string | null;
  computerCount: number | null;
  createdAt: string | null;
}

export interface CreateComputerGroupInput {
  name: string;
  description?: string;
  computerIds?: readonly string[];
}

export interface UpdateComputerGroupInput {
  id: string;
  name: string;
  description?: string;
  addComputerIds?: readonly string[];
  removeComputerIds?: readonly string[];
}
