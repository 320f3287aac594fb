/**
 * The schemas clients generate from: docs/api.graphql (the whole API) and docs/api.public.graphql (the `public`
 * contract), printed by `npm run schema:print`. They are what a gateway serves, with none of federation's
 * machinery, so generated code cannot type-check an operation a gateway refuses and `strictScalars` needs only
 * our scalars; and a public client can read back everything it can write.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  buildSchema as buildSdl,
  getNamedType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  parse,
  specifiedDirectives,
  validate,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { apiSchemaSdl, PRINTED_API, PRINTED_PUBLIC_API } from '../../scripts/api-schema.js';
import { buildSchema } from '../../src/graph/schema.js';
import { servedSubgraphSdl } from '../../src/graph/sdl.js';

const ACCEPT = 'If intentional: `npm run schema:print`, then commit docs/api*.graphql.';

const served = await servedSubgraphSdl();
const api = buildSdl(readFileSync(PRINTED_API, 'utf8'));
const publicApi = buildSdl(readFileSync(PRINTED_PUBLIC_API, 'utf8'));

/** Federation's names (`_Any`, `_Entity`, `_Service`, `link__*`, `federation__*`, `join__*`), not introspection's `__*`. */
const FEDERATION_NAME = /^(_(?!_)|link__|federation__|join__)/;

describe('docs/api.graphql and docs/api.public.graphql', () => {
  it('are what the subgraph serves now, as a gateway exposes it', () => {
    const stale = {
      api: readFileSync(PRINTED_API, 'utf8') !== apiSchemaSdl(served),
      publicApi: readFileSync(PRINTED_PUBLIC_API, 'utf8') !== apiSchemaSdl(served, { contract: 'public' }),
    };
    expect({ stale, hint: ACCEPT }).toEqual({ stale: { api: false, publicApi: false }, hint: ACCEPT });
  });

  it.each([
    ['api', api],
    ['public', publicApi],
  ])('%s: carries no federation type, field or directive', (_name, schema) => {
    const names = Object.keys(schema.getTypeMap()).filter((name) => FEDERATION_NAME.test(name));
    const rootFields = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}).filter((name) => name.startsWith('_')),
    );
    const directives = schema
      .getDirectives()
      .map((directive) => directive.name)
      .filter((name) => !specifiedDirectives.some((specified) => specified.name === name));

    expect({ names, rootFields, directives }).toEqual({ names: [], rootFields: [], directives: [] });
  });

  it.each([
    ['api', api],
    ['public', publicApi],
  ])('%s: refuses the operations a gateway refuses', (_name, schema) => {
    for (const operation of ['{ _service { sdl } }', '{ _entities(representations: []) { __typename } }'])
      expect(validate(schema, parse(operation)).length).toBeGreaterThan(0);
  });

  it("declares only the subgraph's own scalars, so strictScalars maps nothing else", () => {
    const custom = (schema: GraphQLSchema) =>
      Object.values(schema.getTypeMap())
        .filter((type) => isScalarType(type) && !isSpecifiedScalarType(type) && !type.name.startsWith('__'))
        .map((type) => type.name)
        .filter((name) => !FEDERATION_NAME.test(name))
        .sort();
    const ours = custom(buildSchema());

    expect(custom(api)).toEqual(ours);
    expect(custom(publicApi)).toEqual(ours);
  });

  it('leaves internal fields and operations out of the public contract, and keeps the error vocabulary', () => {
    const mutations = Object.keys(publicApi.getMutationType()?.getFields() ?? {});
    const queries = Object.keys(publicApi.getQueryType()?.getFields() ?? {});
    const customer = publicApi.getType('Customer');

    expect(queries).not.toContain('sessionReport');
    expect(mutations).not.toContain('removeCustomer');
    expect(isObjectType(customer) && Object.keys(customer.getFields())).not.toContain('notes');
    expect(publicApi.getType('ZohoErrorCode')).toBeDefined();
    // The whole API has them.
    expect(Object.keys(api.getQueryType()?.getFields() ?? {})).toContain('sessionReport');
  });
});

/**
 * Where each input field of a public mutation shows in what the mutation answers, as a path from the payload's
 * result (`session`, `customer`, ...); fields not listed are read back under their own name.
 */
const READ_BACK: Readonly<Record<string, string>> = {
  'CreateSessionInput.customerName': 'customer.name',
  'CreateSessionInput.customerEmail': 'customer.email',
  'CreateSessionInput.technicianId': 'technician.id',
  'ScheduleSessionInput.customerName': 'customer.name',
  'ScheduleSessionInput.customerEmail': 'customer.email',
  'ScheduleSessionInput.technicianId': 'technician.id',
  'EndSessionInput.sessionId': 'id',
  'InviteToSessionInput.sessionId': 'session.id',
  'InviteToSessionInput.sendEmail': 'sentEmail',
  'TransferSessionInput.sessionId': 'id',
  'TransferSessionInput.technicianId': 'technician.id',
  'ConnectComputerInput.computerId': 'computer.id',
  'ConnectComputerInput.technicianId': 'technician.id',
  'UpdateCustomerInput.customerId': 'id',
  'StartFileTransferInput.sessionId': 'session.id',
  'StartFileTransferInput.fileName': 'name',
};

/** Input fields that write nothing a client could read back, with the reason. */
const EXEMPT: Readonly<Record<string, string>> = {
  'CreateSessionInput.clientMutationId': 'an idempotency key: it selects an earlier answer, it is not stored',
  'ScheduleSessionInput.clientMutationId':
    'an idempotency key: it selects an earlier answer, it is not stored',
  'InviteToSessionInput.clientMutationId':
    'an idempotency key: it selects an earlier answer, it is not stored',
};

/** Each public mutation's input fields that no public field reads back, as `Input.field`. */
function unreadableWrites(schema: GraphQLSchema): { unreadable: string[]; unused: string[] } {
  const unreadable: string[] = [];
  const used = new Set<string>();
  for (const mutation of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const payload = getNamedType(mutation.type);
    if (!isObjectType(payload)) continue;
    const [result] = Object.values(payload.getFields()).filter((field) => field.name !== 'userErrors');
    for (const argument of mutation.args) {
      const input = getNamedType(argument.type);
      if (!isInputObjectType(input)) continue;
      for (const field of Object.values(input.getFields())) {
        const coordinate = `${input.name}.${field.name}`;
        used.add(coordinate);
        if (EXEMPT[coordinate]) continue;
        const path = READ_BACK[coordinate] ?? field.name;
        if (!result || !readable(getNamedType(result.type), path.split('.'))) unreadable.push(coordinate);
      }
    }
  }
  const unused = [...Object.keys(READ_BACK), ...Object.keys(EXEMPT)].filter(
    (coordinate) => !used.has(coordinate),
  );
  return { unreadable, unused };
}

function readable(type: GraphQLNamedType, path: string[]): boolean {
  const [name, ...rest] = path;
  if (name === undefined) return true;
  if (!isObjectType(type)) return false;
  const field = type.getFields()[name];
  return field !== undefined && readable(getNamedType(field.type), rest);
}

describe('public writes', () => {
  it('target only what public reads can see: every input field of a public mutation is read back', () => {
    expect(unreadableWrites(publicApi)).toEqual({ unreadable: [], unused: [] });
  });

  it('would catch a public input writing an internal field (Customer.notes, before it was tagged)', () => {
    // The inputs' notes lose their tag; Customer.notes (tagged after its @requiresScopes) keeps it.
    const untagged = served.replaceAll('notes: String @tag(name: "internal")', 'notes: String');
    expect(untagged).toContain('@tag(name: "internal")');
    const before = buildSdl(apiSchemaSdl(untagged, { contract: 'public' }));

    expect(unreadableWrites(before).unreadable).toEqual([
      'AddCustomerInput.notes',
      'UpdateCustomerInput.notes',
    ]);
  });
});
