/**
 * Zoho Assist's webhooks, sent by the emulator: each target registered on the control plane
 * (`POST /__emulator/webhooks {url, dialect?, tenant?}`) is POSTed Zoho's payload for every change of its tenant's
 * store (emulator/store.ts `StoreChange`), whichever front made it (seed API, live API, control plane).
 *
 * The payload is Zoho's, as ../shared/upstream/zoho-assist-live-api.md quotes it: camelCase, `{"payload":
 * {"sessionId": 937974381, "title", "startTime", "endTime", "duration", "participants": [...]}, "eventType":
 * "SESSION_END_RS", "eventTime": "<ms>", "eventBy", "orgId"}`. Ids are the target's dialect's: a session's is
 * the same number in both, a computer's is `comp_7` for the seed and its 18-digit device id for the live API.
 * Zoho shows no device payload; the emulator sends `resourceId`, the REST API's name for a device.
 *
 * Delivery is in the background, once, with a 5 s timeout, like a webhook that nobody retries; each attempt is
 * logged (`GET /__emulator/webhooks`) so tests can wait for it.
 */
import type { ZohoComputer } from '../contract/types.js';
import type { SessionRecord, StoreChange } from './store.js';

export type WebhookDialect = 'seed' | 'live';

export interface WebhookTarget {
  url: string;
  dialect: WebhookDialect;
  /** The account whose changes it hears (`''`, the default account). */
  tenant: string;
}

export interface WebhookDelivery {
  url: string;
  eventType: string;
  /** The id the payload named. */
  id: string;
  /** The target's HTTP status, or 0 when it did not answer. */
  status: number;
  time: string;
}

const ORG_ID = '77000000001';
const TIMEOUT_MS = 5000;
const MAX_DELIVERIES = 1000;

const SESSION_EVENTS = {
  start: ['SESSION_START_RS', 'SESSION_START_URS'],
  join: ['CUSTOMER_JOIN_RS', 'CUSTOMER_JOIN_RS'],
  end: ['SESSION_END_RS', 'SESSION_END_URS'],
  transfer: ['INBOUND_REQUEST_TRANSFER', 'INBOUND_REQUEST_TRANSFER'],
} as const;

const COMPUTER_EVENTS = {
  added: 'DEVICE_ADD',
  online: 'DEVICE_ONLINE',
  offline: 'DEVICE_OFFLINE',
  removed: 'DEVICE_DELETE',
} as const;

/** A session id as Zoho writes it: a JSON number. */
function sessionNumber(id: string): number | string {
  const n = Number(id);
  return /^\d+$/.test(id) && Number.isSafeInteger(n) ? n : id;
}

function sessionPayload(
  session: SessionRecord,
  technicianEmail: string | undefined,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    sessionId: sessionNumber(session.sessionId),
    title: session.sessionName ?? `On Demand Remote Support ${session.sessionId}`,
    startTime: session.startMs ?? session.createdMs,
    participants: [
      ...(technicianEmail ? [{ email: technicianEmail, role: 'Primary Technician' }] : []),
      { email: session.customerEmail, role: 'Customer' },
    ],
  };
  if (session.endMs !== undefined) {
    payload.endTime = session.endMs;
    payload.duration = session.endMs - (session.startMs ?? session.createdMs);
  }
  return payload;
}

function computerPayload(computer: ZohoComputer, resourceId: string): Record<string, unknown> {
  return { resourceId, deviceName: computer.name, status: computer.status };
}

export class WebhookSender {
  #targets: WebhookTarget[] = [];
  #deliveries: WebhookDelivery[] = [];
  readonly #pending = new Set<Promise<void>>();
  readonly #deviceId: (computerId: string) => string;

  /** `deviceId`: a computer's id in the live dialect (emulator/live/front.ts). */
  constructor(deviceId: (computerId: string) => string) {
    this.#deviceId = deviceId;
  }

  register(target: WebhookTarget): readonly WebhookTarget[] {
    this.#targets.push(target);
    return this.#targets;
  }

  get targets(): readonly WebhookTarget[] {
    return this.#targets;
  }

  get deliveries(): readonly WebhookDelivery[] {
    return this.#deliveries;
  }

  clear(): void {
    this.#targets = [];
    this.#deliveries = [];
  }

  /** Sends `change` of `tenant`'s store to each of its targets. */
  send(
    tenant: string,
    change: StoreChange,
    technicianEmail: (technicianId: string) => string | undefined,
  ): void {
    for (const target of this.#targets) {
      if (target.tenant !== tenant) continue;
      let eventType: string;
      let payload: Record<string, unknown>;
      let id: string;
      let by: string | undefined;
      if (change.kind === 'session') {
        const unattended = change.session.sessionType === 'unattended_access' ? 1 : 0;
        eventType = SESSION_EVENTS[change.change][unattended];
        by = technicianEmail(change.session.technicianId);
        payload = sessionPayload(change.session, by);
        id = change.session.sessionId;
      } else {
        eventType = COMPUTER_EVENTS[change.change];
        id =
          target.dialect === 'live' ? this.#deviceId(change.computer.computerId) : change.computer.computerId;
        payload = computerPayload(change.computer, id);
      }
      const body = { payload, eventType, eventTime: String(change.now), eventBy: by ?? '', orgId: ORG_ID };
      const sent = this.#post(target.url, body, { url: target.url, eventType, id });
      this.#pending.add(sent);
      void sent.finally(() => this.#pending.delete(sent));
    }
  }

  async #post(url: string, body: unknown, delivery: Omit<WebhookDelivery, 'status' | 'time'>): Promise<void> {
    let status = 0;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch {
      // Not answered: logged with status 0.
    }
    this.#deliveries.push({ ...delivery, status, time: new Date().toISOString() });
    if (this.#deliveries.length > MAX_DELIVERIES)
      this.#deliveries.splice(0, this.#deliveries.length - MAX_DELIVERIES);
  }

  /** Waits for the deliveries under way. */
  async settle(): Promise<void> {
    await Promise.all([...this.#pending]);
  }
}
