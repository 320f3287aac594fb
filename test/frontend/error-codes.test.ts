/**
 * The `extensions.code` vocabulary is declared in the schema (`enum ZohoErrorCode`), so a client's codegen gives it
 * as a union to branch on. These tests hold the server to it both ways: every code the server can emit (the
 * upstream error table, the pass-through list, and every literal code in src/: budget, auth, limits, the HTTP edge)
 * is in the enum, and every value of the enum is one the server emits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isEnumType } from 'graphql';
import { formatError, PASS_THROUGH_CODES } from '../../src/graph/errors.js';
import { buildSchema } from '../../src/graph/schema.js';
import {
  BadRequestError,
  ClientClosedError,
  ConflictError,
  ContractError,
  ForbiddenError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitedError,
  TimeoutError,
  TokenMintThrottledError,
  UnauthenticatedError,
  UnavailableError,
  type ZohoError,
  type ZohoErrorKind,
} from '../../src/upstream/errors.js';
import { errorCodes } from '../support/graphql.js';
import { startStack, type Stack } from '../support/stack.js';

const ROOT = join(import.meta.dirname, '..', '..');

function vocabulary(): Set<string> {
  const type = buildSchema().getType('ZohoErrorCode');
  if (!isEnumType(type)) throw new Error('the schema declares no enum ZohoErrorCode');
  return new Set(type.getValues().map((value) => value.name));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__generated__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every code written as a literal in src/ and resolvers/, with the file it is in. */
function literalCodes(): Array<{ code: string; file: string }> {
  const found: Array<{ code: string; file: string }> = [];
  for (const file of [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'resolvers'))]) {
    const text = readFileSync(file, 'utf8');
    // `code: 'X'` in extensions and error tables; graphQLError(message, 'X') at the HTTP edge.
    for (const pattern of [/\bcode: '([A-Z][A-Z_]+)'/g, /graphQLError\([^;]*?, '([A-Z][A-Z_]+)'\)/g])
      for (const match of text.matchAll(pattern)) found.push({ code: match[1]!, file: relative(ROOT, file) });
  }
  return found;
}

/** One upstream error of each kind, so the one mapping table is read through formatError itself. */
const upstreamErrors: Record<ZohoErrorKind, ZohoError> = {
  BAD_REQUEST: new BadRequestError('x'),
  UNAUTHENTICATED: new UnauthenticatedError('x'),
  FORBIDDEN: new ForbiddenError('x'),
  NOT_FOUND: new NotFoundError('x'),
  CONFLICT: new ConflictError('x'),
  RATE_LIMITED: new RateLimitedError('x', 3),
  UNAVAILABLE: new UnavailableError('x'),
  TIMEOUT: new TimeoutError('x'),
  OUTCOME_UNKNOWN: new OutcomeUnknownError('x'),
  CONTRACT: new ContractError('x'),
  TOKEN_MINT_THROTTLED: new TokenMintThrottledError('x', 3),
  CLIENT_CLOSED: new ClientClosedError('x'),
};

describe('the ZohoErrorCode enum', () => {
  const codes = vocabulary();

  it('holds the code of every upstream failure', () => {
    const mapped = Object.values(upstreamErrors).map(
      (error) => formatError({ message: error.message }, error).extensions?.code,
    );
    expect(mapped.filter((code) => typeof code !== 'string' || !codes.has(code))).toEqual([]);
  });

  it('holds every code passed through from GraphQL, Apollo Server and our plugins', () => {
    expect([...PASS_THROUGH_CODES].filter((code) => !codes.has(code))).toEqual([]);
  });

  it('holds every code written in the source (budget, auth, limits, the HTTP edge)', () => {
    const literals = literalCodes();
    // The scan must see the sites it exists for, or it proves nothing.
    expect(literals.map((site) => site.file)).toEqual(
      expect.arrayContaining([
        'src/budget/plugin.ts',
        'src/budget/guard.ts',
        'src/server/auth.ts',
        'src/server/http.ts',
        'src/graph/argument-limits.ts',
      ]),
    );
    expect(literals.filter((site) => !codes.has(site.code))).toEqual([]);
  });

  it('holds nothing the server never emits', () => {
    const emitted = new Set([...PASS_THROUGH_CODES, ...literalCodes().map((site) => site.code)]);
    expect([...codes].filter((code) => !emitted.has(code))).toEqual([]);
  });
});

describe('codes in answers', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('answers parse, validation, input and not-found failures with codes of the enum', async () => {
    const codes = vocabulary();
    const answers = await Promise.all([
      stack.graphql('{ session(id: '),
      stack.graphql('{ session(id: "1") { noSuchField } }'),
      stack.graphql('{ sessions(first: 1000) { totalCount } }'),
      stack.graphql('{ session(id: "no-such-session") { id } }'),
    ]);
    const seen = answers.flatMap((answer) => errorCodes(answer));
    expect(seen).toEqual([
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'BAD_USER_INPUT',
      'NOT_FOUND',
    ]);
    expect(seen.filter((code) => typeof code !== 'string' || !codes.has(code))).toEqual([]);
  });
});
