/**
 * What a change makes stale, from what we know of it: a webhook or bus event (a session or a computer), or a
 * write we sent Zoho (its operation, arguments and answer).
 *
 * Cache tags, the same for Apollo Router's response cache, our response cache and docs/events.md: an entity's
 * is its type and id, lower case (`session-123`, `computer-comp_7`, `customer-42`, `technician-7`); a list's is
 * the plural (`sessions`, `computers`, `customers`, `technicians`), tagging every answer that lists them. Ids are
 * the graph's: a live Computer's is its device id, the id the live graph shows.
 */
import type { WriteReport } from '../cache/cached-api.js';
import type { ChangeEvent, Invalidation, ResourceKind } from './types.js';

export interface Change {
  invalidation: Invalidation;
  events: ChangeEvent[];
}

type Entity = 'session' | 'computer' | 'customer' | 'technician';

/** What a session or computer event makes stale, in both dialects' read caches. */
const EVENT_RESOURCES: Readonly<Record<ResourceKind, readonly string[]>> = {
  // A session carries its technician (and their open sessions); reports are computed from sessions.
  session: ['sessions', 'technicians', 'reports', 'live:reports'],
  computer: ['computers', 'sessions', 'reports', 'live:devices', 'live:groups'],
};

const LIST_TAGS: Readonly<Record<string, string>> = {
  sessions: 'sessions',
  technicians: 'technicians',
  customers: 'customers',
  computers: 'computers',
  'live:devices': 'computers',
  'live:groups': 'computers',
};

export const tagOf = (entity: Entity, id: string): string => `${entity}-${id}`;

export function changeOfEvent(event: ChangeEvent): Invalidation {
  return {
    resources: EVENT_RESOURCES[event.kind],
    tags: [tagOf(event.kind, event.id), `${event.kind}s`],
  };
}

/** The entity a seed write names by its first argument, or (a creation) by a field of its answer. */
const SEED_WRITES: Readonly<Record<string, { entity: Entity; answerId?: string; event?: boolean }>> = {
  createSession: { entity: 'session', answerId: 'sessionId', event: true },
  scheduleSession: { entity: 'session', answerId: 'sessionId', event: true },
  endSession: { entity: 'session', event: true },
  inviteToSession: { entity: 'session', event: true },
  transferSession: { entity: 'session', event: true },
  initiateFileTransfer: { entity: 'session' },
  addTechnician: { entity: 'technician', answerId: 'technicianId' },
  updateTechnician: { entity: 'technician' },
  removeTechnician: { entity: 'technician' },
  addCustomer: { entity: 'customer', answerId: 'customerId' },
  updateCustomer: { entity: 'customer' },
  removeCustomer: { entity: 'customer' },
  removeComputer: { entity: 'computer', event: true },
  connectComputer: { entity: 'computer', event: true },
};

const LIVE_DEVICE_WRITES = new Set(['updateDevice', 'deleteDevice', 'connectUnattended']);

function field(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[name];
  return typeof found === 'string' || typeof found === 'number' ? String(found) : undefined;
}

/** The entities a write changed: (entity, id, whether subscribers hear of it). */
function entitiesOf(write: WriteReport): Array<{ entity: Entity; id: string; event: boolean }> {
  if (write.dialect === 'live') {
    if (LIVE_DEVICE_WRITES.has(write.operation) && typeof write.args[0] === 'string')
      return [{ entity: 'computer', id: write.args[0], event: true }];
    if (write.operation === 'bulkDeleteDevices') {
      const ids = (write.args[0] as { managed_computer_ids?: unknown } | undefined)?.managed_computer_ids;
      return Array.isArray(ids)
        ? ids.map((id) => ({ entity: 'computer' as const, id: String(id), event: true }))
        : [];
    }
    return [];
  }
  const row = SEED_WRITES[write.operation];
  if (!row) return [];
  const id = row.answerId ? field(write.answer, row.answerId) : write.args[0];
  const found = typeof id === 'string' ? [{ entity: row.entity, id, event: row.event === true }] : [];
  // Connecting a computer starts a session on it.
  const session = write.operation === 'connectComputer' ? field(write.answer, 'sessionId') : undefined;
  if (session !== undefined) found.push({ entity: 'session', id: session, event: true });
  return found;
}

export function changeOfWrite(write: WriteReport, at: number): Change {
  const entities = entitiesOf(write);
  const tags = new Set<string>();
  for (const { entity, id } of entities) tags.add(tagOf(entity, id));
  for (const resource of write.resources) {
    const tag = LIST_TAGS[resource];
    if (tag) tags.add(tag);
  }
  return {
    invalidation: { resources: write.resources, tags: [...tags] },
    events: entities
      .filter((found) => found.event)
      .map(({ entity, id }) => ({ kind: entity as ResourceKind, id, type: 'mutation', at })),
  };
}
