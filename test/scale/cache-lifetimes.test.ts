/**
 * Cache lifetimes have one source, the table of operations (contract/operations.ts, and the live dialect's
 * contract/live-operations.ts): the read cache keeps each answer that long, and the schema's
 * `@cacheControl(maxAge:)` on the types and fields showing that answer must tell gateways and CDNs the same, in
 * each dialect's graph.
 */
import { describe, expect, it } from '@jest/globals';
import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { LIVE_OPERATIONS, type LiveOperationName } from '../../contract/live-operations.js';
import { OPERATIONS, type OperationName } from '../../contract/operations.js';
import { forDialect } from '../../src/graph/dialect.js';
import { loadTypeDefs } from '../../src/graph/schema.js';

/** Which operations' answers each hinted type or root field shows. */
const SHOWN_BY: Record<string, readonly OperationName[]> = {
  Session: ['getSession', 'listSessions'],
  'Query.sessions': ['listSessions'],
  SessionDetails: ['getSessionDetails'],
  File: ['listSessionFiles'],
  ChatMessage: ['getChatHistory'],
  Technician: ['getTechnician', 'listTechnicians'],
  'Query.technicians': ['listTechnicians'],
  Customer: ['getCustomer', 'listCustomers'],
  'Query.customers': ['listCustomers'],
  Computer: ['getComputer', 'listComputers'],
  'Query.computers': ['listComputers'],
  SessionReport: ['getSessionReport'],
  TechnicianReport: ['getTechnicianReport'],
  CustomerReport: ['getCustomerReport'],
};

function maxAgeOf(directives: readonly ConstDirectiveNode[] | undefined): number | undefined {
  const hint = directives?.find((directive) => directive.name.value === 'cacheControl');
  const maxAge = hint?.arguments?.find((argument) => argument.name.value === 'maxAge')?.value;
  return maxAge?.kind === Kind.INT ? Number(maxAge.value) : undefined;
}

/** Every explicit `maxAge` in a dialect's graph (schema/*.graphql cut by src/graph/dialect.ts), by type or `Type.field`. */
function schemaHints(document: DocumentNode): Map<string, number> {
  const hints = new Map<string, number>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION)
      continue;
    const type = definition.name.value;
    const own = maxAgeOf(definition.directives);
    if (own !== undefined) hints.set(type, own);
    for (const field of definition.fields ?? []) {
      const maxAge = maxAgeOf(field.directives);
      if (maxAge !== undefined) hints.set(`${type}.${field.name.value}`, maxAge);
    }
  }
  return hints;
}

function lifetimeOf(name: OperationName): number | undefined {
  const row = OPERATIONS[name];
  return 'cache' in row && typeof row.cache === 'object' ? row.cache.maxAgeSeconds : undefined;
}

describe('cache lifetimes', () => {
  const hints = schemaHints(forDialect(loadTypeDefs(), 'seed'));

  it.each(Object.entries(SHOWN_BY))(
    "%s's @cacheControl maxAge is the read cache's lifetime for the answers it shows",
    (shown, operations) => {
      expect({ shown, maxAge: hints.get(shown) }).toEqual({ shown, maxAge: expect.any(Number) });
      for (const name of operations)
        expect({ name, lifetime: lifetimeOf(name) }).toEqual({ name, lifetime: hints.get(shown) });
    },
  );

  it('every maxAge in the schema is one the table answers for', () => {
    expect([...hints.keys()].sort()).toEqual(Object.keys(SHOWN_BY).sort());
  });

  it('every answer the read cache keeps is shown by a hinted type', () => {
    const cached = (Object.keys(OPERATIONS) as OperationName[]).filter(
      (name) => lifetimeOf(name) !== undefined,
    );
    const shown = new Set(Object.values(SHOWN_BY).flat());
    expect(cached.filter((name) => !shown.has(name))).toEqual([]);
  });
});

/**
 * The live graph's hints and the live table's lifetimes (no live read cache exists yet: these are what one will
 * keep). Session answers no read there (Zoho lists none): its 5 s is the seed's, for what a write answered.
 */
const SHOWN_BY_LIVE: Record<string, readonly LiveOperationName[]> = {
  Session: [],
  Computer: ['getDevice', 'listDevices'],
  'Query.computers': ['listDevices'],
  SessionReport: ['getSessionReports'],
  Me: ['getUser'],
  ComputerGroup: ['listGroups'],
  'Query.computerGroups': ['listGroups'],
};

function liveLifetimeOf(name: LiveOperationName): number | undefined {
  const row = LIVE_OPERATIONS[name];
  return 'cache' in row && typeof row.cache === 'object' ? row.cache.maxAgeSeconds : undefined;
}

describe('cache lifetimes in the live graph', () => {
  const hints = schemaHints(forDialect(loadTypeDefs(), 'live'));

  it.each(Object.entries(SHOWN_BY_LIVE))(
    "%s's @cacheControl maxAge is the live table's lifetime for the answers it shows",
    (shown, operations) => {
      expect({ shown, maxAge: hints.get(shown) }).toEqual({ shown, maxAge: expect.any(Number) });
      for (const name of operations)
        expect({ name, lifetime: liveLifetimeOf(name) }).toEqual({ name, lifetime: hints.get(shown) });
    },
  );

  it('every maxAge in the live graph is one the live table answers for', () => {
    expect([...hints.keys()].sort()).toEqual(Object.keys(SHOWN_BY_LIVE).sort());
  });

  it('every answer the live table keeps is shown by a hinted type', () => {
    const cached = (Object.keys(LIVE_OPERATIONS) as LiveOperationName[]).filter(
      (name) => liveLifetimeOf(name) !== undefined,
    );
    const shown = new Set(Object.values(SHOWN_BY_LIVE).flat());
    expect(cached.filter((name) => !shown.has(name))).toEqual([]);
  });
});
