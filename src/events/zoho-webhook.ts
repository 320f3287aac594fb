/**
 * Zoho Assist's webhooks (Enterprise edition), read as hints: which session or device changed, never its state.
 * Zoho signs nothing, so nothing in a payload is trusted: it only names what to re-read, within the budget.
 *
 * The payload, per ../shared/upstream/zoho-assist-live-api.md: `{"payload": {...}, "eventType": "SESSION_END_RS",
 * "eventTime": "1688928870551", "eventBy": "...", "orgId": "..."}`, camelCase, the session's `sessionId` a JSON
 * number. Zoho documents event ids 0–17 by title only and shows two `eventType` values (`SESSION_END_RS`,
 * `SESSION_START_URS`); the other names below follow their pattern and are assumed (docs/events.md). The device
 * events' payload is not shown anywhere: its id is assumed to be `resourceId`, the REST API's name for a device,
 * with `deviceId` and `computerId` also read.
 */
import type { ChangeEvent, ResourceKind } from './types.js';

/** The event types we act on, by the kind of thing they change. */
const EVENT_KINDS: Readonly<Record<string, ResourceKind>> = Object.freeze({
  OUTBOUND_SESSION_START: 'session',
  SESSION_START: 'session',
  SESSION_START_RS: 'session',
  SESSION_START_URS: 'session',
  SESSION_END: 'session',
  SESSION_END_RS: 'session',
  SESSION_END_URS: 'session',
  CUSTOMER_JOIN_RS: 'session',
  INBOUND_REQUEST_TRANSFER: 'session',
  DEVICE_ADD: 'computer',
  DEVICE_ONLINE: 'computer',
  DEVICE_OFFLINE: 'computer',
  DEVICE_DELETE: 'computer',
});

export type WebhookReading =
  | { result: 'event'; event: ChangeEvent; key: string }
  | { result: 'unknown'; eventType: string }
  | { result: 'malformed'; reason: string };

const ID_FIELDS: Readonly<Record<ResourceKind, readonly string[]>> = {
  session: ['sessionId'],
  computer: ['resourceId', 'deviceId', 'computerId'],
};

/** An id as Zoho may send it: digits as a number or a string, or our own ids (`comp_7`); short and printable. */
function idOf(value: unknown): string | undefined {
  const id = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
}

/** What a parsed webhook body says changed. */
export function readWebhook(body: unknown, now: number): WebhookReading {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { result: 'malformed', reason: 'the body is not a JSON object' };
  const { eventType, eventTime, payload } = body as Record<string, unknown>;
  if (typeof eventType !== 'string' || eventType === '' || eventType.length > 64)
    return { result: 'malformed', reason: 'eventType is missing' };
  const kind = EVENT_KINDS[eventType];
  if (!kind) return { result: 'unknown', eventType };
  if (typeof payload !== 'object' || payload === null)
    return { result: 'malformed', reason: 'payload is missing' };
  const fields = payload as Record<string, unknown>;
  const id = ID_FIELDS[kind].map((name) => idOf(fields[name])).find((found) => found !== undefined);
  if (id === undefined) return { result: 'malformed', reason: `${eventType} names no ${kind} id` };
  const time = typeof eventTime === 'string' || typeof eventTime === 'number' ? String(eventTime) : '';
  return {
    result: 'event',
    event: { kind, id, type: eventType, at: now },
    // Zoho's retry of one delivery repeats all three.
    key: `${eventType}:${id}:${time.slice(0, 20)}`,
  };
}
