/**
 * The examples in docs/examples/ are documentation a frontend developer pastes: every document must validate
 * against the subgraph schema, run against the emulator with the variables its header names, and stay within the
 * upstream calls its header promises; the Deluge function must send exactly its companion document. Examples
 * spread the client kit's fragments (kit/fragments/), resolved here as codegen resolves them for an app.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kind, parse, print, validate, type DocumentNode } from 'graphql';
import { withKitFragments } from '../../kit/src/fragments.js';
import { buildSchema } from '../../src/graph/schema.js';
import { startStack, type Stack } from '../support/stack.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'docs', 'examples');

function filesUnder(directory: string, extension: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

interface Example {
  name: string;
  source: string;
  /** The document with the kit fragments it spreads. */
  document: DocumentNode;
  variables: Record<string, unknown>;
  maxUpstreamCalls: number;
}

/** Reads the `# Variables: {…}` and `# Upstream calls: at most N` header lines every example carries. */
function readExample(path: string): Example {
  const source = readFileSync(path, 'utf8');
  const variables = /^# Variables: (.+)$/m.exec(source)?.[1];
  const calls = /^# Upstream calls: at most (\d+)$/m.exec(source)?.[1];
  if (variables === undefined || calls === undefined)
    throw new Error(`${path}: the header must name its variables and its upstream calls`);
  return {
    name: relative(EXAMPLES, path),
    source,
    document: withKitFragments(parse(source)),
    variables: JSON.parse(variables) as Record<string, unknown>,
    maxUpstreamCalls: Number(calls),
  };
}

/** Every `userErrors` list anywhere in a response's data. */
function userErrorsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(userErrorsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    key === 'userErrors' && Array.isArray(inner) ? (inner as unknown[]) : userErrorsIn(inner),
  );
}

// Sorted by path, which is also run order: the variables name ids of the emulator's default seed (the one
// `npm start` embeds), and no example's mutation undoes what a later example needs.
const examples = filesUnder(EXAMPLES, '.graphql').map(readExample);

describe('docs/examples', () => {
  const schema = buildSchema();

  it('has the operations a support dashboard needs', () => {
    const operations = examples.flatMap((example) =>
      parse(example.source).definitions.flatMap((d) =>
        d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
      ),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'SessionsDashboard',
        'SessionDetail',
        'CreateSession',
        'InviteToSession',
        'TransferSession',
        'SupportReports',
        'CreateSupportSession',
      ]),
    );
  });

  it("selects sessions, technicians, pages and user errors through the client kit's fragments", () => {
    const users = (fragment: string) =>
      examples
        .filter((example) => [...example.source.matchAll(/\.\.\.(\w+)/g)].some((m) => m[1] === fragment))
        .map((example) => example.name);

    expect(users('SessionRow')).toEqual([
      'create-session.graphql',
      'session-detail.graphql',
      'sessions-dashboard.graphql',
      'transfer-session.graphql',
    ]);
    expect(users('UserErrorFields')).toEqual([
      'create-session.graphql',
      'invite-to-session.graphql',
      'transfer-session.graphql',
    ]);
    expect(users('PageInfoFields')).toEqual(['sessions-dashboard.graphql']);
    expect(users('TechnicianSummary')).toEqual(['available-technicians.graphql']);
  });

  it.each(examples.map((example) => [example.name, example] as const))(
    '%s validates against the schema',
    (_name, example) => {
      expect(validate(schema, example.document).map((error) => error.message)).toEqual([]);
    },
  );

  it('the Deluge function sends exactly its companion document', () => {
    const deluge = readFileSync(join(EXAMPLES, 'deluge', 'create-support-session.deluge'), 'utf8');
    const sent = /^\s*query = "(.+)";$/m.exec(deluge)?.[1];
    const companion = readFileSync(join(EXAMPLES, 'deluge', 'create-support-session.graphql'), 'utf8');
    expect(sent).toBeDefined();
    expect(print(parse(sent ?? ''))).toBe(print(parse(companion)));
    expect(deluge).toContain('body.put("operationName","CreateSupportSession");');
  });
});

describe('docs/examples against the emulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it.each(examples.map((example) => [example.name, example] as const))(
    '%s answers without errors within its upstream calls',
    async (_name, example) => {
      await stack.control.resetCalls();
      const result = await stack.graphql(print(example.document), example.variables);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual(expect.any(Object));
      expect(userErrorsIn(result.data)).toEqual([]);
      const { total } = await stack.control.calls();
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(example.maxUpstreamCalls);
    },
  );
});
