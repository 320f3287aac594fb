/**
 * Cache lifetimes have one source, the table of operations (contract/operations.ts): the read cache keeps each
 * answer that long, and the schema's `@cacheControl(maxAge:)` on the types and fields showing that answer must
 * tell gateways and CDNs the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import { OPERATIONS, type OperationName } from '../../contract/operations.js';

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

/** Every explicit `maxAge` in schema/*.graphql, by type name or `Type.field`. */
function schemaHints(): Map<string, number> {
  const hints = new Map<string, number>();
  const dir = join(process.cwd(), 'schema');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.graphql'))) {
    for (const definition of parse(readFileSync(join(dir, file), 'utf8')).definitions) {
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
  }
  return hints;
}

function lifetimeOf(name: OperationName): number | undefined {
  const row = OPERATIONS[name];
  return 'cache' in row && typeof row.cache === 'object' ? row.cache.maxAgeSeconds : undefined;
}

describe('cache lifetimes', () => {
  const hints = schemaHints();

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
