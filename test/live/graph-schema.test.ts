/**
 * The live graph's SDL (issue 21.4–5): cut from the same schema/*.graphql as the seed's (src/graph/dialect.ts),
 * it publishes exactly what Zoho's published API serves, under the fixed names other teams use, with Zoho's real
 * scopes, the shared entities keyed as in the seed graph, and no trace of the build-time directives in either
 * graph.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema as buildGraphQLSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  Kind,
  parse,
  visit,
  type GraphQLSchema,
} from 'graphql';
import { LIVE_SCOPES } from '../../emulator/index.js';
import { PRINTED_LIVE_SDL, servedSubgraphSdl } from '../../src/graph/sdl.js';

let live: string;
let seed: string;
let liveSchema: GraphQLSchema;

beforeAll(async () => {
  live = await servedSubgraphSdl({ dialect: 'live' });
  seed = await servedSubgraphSdl();
  liveSchema = buildGraphQLSchema(live, { assumeValidSDL: true });
});

const fieldsOf = (schema: GraphQLSchema, type: string) => {
  const named = schema.getType(type);
  if (!isObjectType(named) && !isInputObjectType(named)) throw new Error(`${type} is not in the schema`);
  return Object.keys(named.getFields()).sort();
};

const valuesOf = (schema: GraphQLSchema, type: string) => {
  const named = schema.getType(type);
  if (!isEnumType(named)) throw new Error(`${type} is not an enum of the schema`);
  return named.getValues().map((value) => value.name);
};

/** Every scope named by a `@requiresScopes` of the SDL. */
function scopesOf(sdl: string): Set<string> {
  const scopes = new Set<string>();
  visit(parse(sdl), {
    Directive(node) {
      if (node.name.value !== 'requiresScopes') return;
      visit(node, {
        StringValue(value) {
          scopes.add(value.value);
        },
      });
    },
  });
  return scopes;
}

describe('the live graph', () => {
  it("has exactly the issue's root fields: computers, computer, sessionReport, me, computerGroups and the writes", () => {
    expect(fieldsOf(liveSchema, 'Query')).toEqual(
      ['_entities', '_service', 'computer', 'computerGroups', 'computers', 'me', 'sessionReport'].sort(),
    );
    expect(fieldsOf(liveSchema, 'Mutation')).toEqual(
      [
        'connectComputer',
        'createComputerGroup',
        'createSession',
        'deleteComputerGroups',
        'removeComputer',
        'renameComputer',
        'scheduleSession',
        'updateComputerGroup',
      ].sort(),
    );
  });

  it('has none of what the live API lacks: session lists, technicians, customers, files, chat, invitations', () => {
    for (const missing of [
      'Technician',
      'Customer',
      'ChatMessage',
      'File',
      'Invitation',
      'SessionDetails',
      'SessionStatus',
      'SessionConnection',
      'TechnicianReport',
      'CustomerReport',
      'EndSessionPayload',
    ])
      expect({ missing, type: liveSchema.getType(missing)?.name }).toEqual({ missing, type: undefined });
    expect(fieldsOf(liveSchema, 'Session')).toEqual(
      ['id', 'joinKey', 'joinUrl', 'key', 'technicianUrl', 'type', 'url'].sort(),
    );
    expect(fieldsOf(liveSchema, 'Computer')).not.toContain('sessions');
    expect(fieldsOf(liveSchema, 'ComputerFilter')).toEqual(['groupId', 'name']);
    expect(valuesOf(liveSchema, 'SessionType')).toEqual([
      'REMOTE_SUPPORT',
      'UNATTENDED_ACCESS',
      'UNKNOWN',
      'SCREEN_SHARING',
    ]);
    // A filter names no UNKNOWN, and the live API has no scheduled sessions to report.
    expect(valuesOf(liveSchema, 'SessionTypeInput')).toEqual([
      'REMOTE_SUPPORT',
      'UNATTENDED_ACCESS',
      'SCREEN_SHARING',
    ]);
  });

  it('takes the fixed inputs: createSession (customerEmail, type), scheduleSession, the report filter', () => {
    expect(fieldsOf(liveSchema, 'CreateSessionInput')).toEqual(['customerEmail', 'type']);
    expect(fieldsOf(liveSchema, 'ScheduleSessionInput')).toEqual(
      [
        'customerEmail',
        'durationMinutes',
        'name',
        'notes',
        'reminderMinutes',
        'scheduledAt',
        'timeZone',
      ].sort(),
    );
    expect(fieldsOf(liveSchema, 'ReportFilter')).toEqual(['from', 'technicianEmail', 'to', 'type'].sort());
    expect(fieldsOf(liveSchema, 'ConnectComputerInput')).toEqual(['computerId']);
    expect(fieldsOf(liveSchema, 'RenameComputerInput')).toEqual(['computerId', 'name']);
    expect(fieldsOf(liveSchema, 'SessionReportEntry')).toEqual(
      [
        'customerEmail',
        'customerName',
        'durationSeconds',
        'endedAt',
        'sessionKey',
        'startedAt',
        'technicianEmail',
        'type',
      ].sort(),
    );
    // Required where Zoho requires it, optional where Zoho has it optional.
    expect(live).toMatch(/input CreateSessionInput[^}]*customerEmail: String\n/);
    expect(live).toMatch(/input ScheduleSessionInput[^}]*name: String!/);
    expect(live).toMatch(/input ScheduleSessionInput[^}]*durationMinutes: Int!/);
    expect(live).toMatch(/type Session [^}]*url: String @deprecated/);
  });

  it("names only Zoho's real scopes, and one on every root field", () => {
    const scopes = scopesOf(live);

    expect([...scopes].filter((scope) => !LIVE_SCOPES.includes(scope))).toEqual([]);
    expect(scopes).toEqual(
      new Set([
        'ZohoAssist.unattended.computer.READ',
        'ZohoAssist.unattended.computer.UPDATE',
        'ZohoAssist.unattended.computer.DELETE',
        'ZohoAssist.unattended.device.CREATE',
        'ZohoAssist.sessionapi.CREATE',
        'ZohoAssist.reportapi.READ',
        'ZohoAssist.userapi.READ',
        'ZohoAssist.unattended.group.READ',
        'ZohoAssist.unattended.group.CREATE',
        'ZohoAssist.unattended.group.UPDATE',
        'ZohoAssist.unattended.group.DELETE',
      ]),
    );
    for (const root of ['Query', 'Mutation']) {
      const type = parse(live).definitions.find(
        (node) => node.kind === Kind.OBJECT_TYPE_DEFINITION && node.name.value === root,
      );
      if (type?.kind !== Kind.OBJECT_TYPE_DEFINITION) throw new Error(`no ${root}`);
      const unscoped = (type.fields ?? [])
        .filter((field) => !field.directives?.some((d) => d.name.value === 'requiresScopes'))
        .map((field) => field.name.value);
      expect({ root, unscoped }).toEqual({ root, unscoped: [] });
    }
  });

  it('keys the shared entities as the seed graph does', () => {
    expect(live).toMatch(/type Session @key\(fields: "id"\)/);
    expect(live).toMatch(/type Computer @key\(fields: "id"\)/);
    expect(seed).toMatch(/type Session @key\(fields: "id"\)/);
    expect(seed).toMatch(/type Computer @key\(fields: "id"\)/);
  });

  it('is what docs/subgraph.live.graphql holds', () => {
    expect(readFileSync(PRINTED_LIVE_SDL, 'utf8')).toBe(live);
  });
});

describe('both graphs', () => {
  it('carry no build-time directive, nor the Dialect enum', () => {
    for (const sdl of [live, seed]) {
      expect(sdl).not.toMatch(/@dialect|@liveScopes|enum Dialect/);
    }
  });

  it('have Session.technicianUrl, nullable', () => {
    expect(seed).toMatch(/type Session [^}]*technicianUrl: String\n/);
    expect(live).toMatch(/type Session [^}]*technicianUrl: String\n/);
  });

  it("leave the seed graph the seed's: no live-only element, its scopes and its required fields", () => {
    const seedSchema = buildGraphQLSchema(seed, { assumeValidSDL: true });

    for (const liveOnly of ['Me', 'ComputerGroup', 'ScheduledSession', 'Department'])
      expect(seedSchema.getType(liveOnly)).toBeUndefined();
    expect(fieldsOf(seedSchema, 'Query')).not.toContain('me');
    expect(valuesOf(seedSchema, 'SessionType')).not.toContain('SCREEN_SHARING');
    expect(seed).toMatch(/type Session [^}]*joinUrl: String!/);
    expect(seed).toMatch(/input CreateSessionInput[^}]*customerEmail: String!/);
    expect([...scopesOf(seed)].some((scope) => LIVE_SCOPES.includes(scope))).toBe(false);
  });
});
