/**
 * src/graph/dialect.ts on small documents: each build-time directive does one thing to one kind of element,
 * pruning takes only what removed elements alone named, and a live element with a seed scope is refused.
 */
import { describe, expect, it } from '@jest/globals';
import { parse, print } from 'graphql';
import { forDialect } from '../../src/graph/dialect.js';

const DIRECTIVES = /* GraphQL */ `
  enum Dialect {
    SEED
    LIVE
  }
  directive @dialect(
    only: Dialect
    required: Dialect
  ) on OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_OBJECT | INPUT_FIELD_DEFINITION | ENUM | ENUM_VALUE
  directive @liveScopes(scopes: [[String!]!]!) on OBJECT | FIELD_DEFINITION
  directive @requiresScopes(scopes: [[String!]!]!) on OBJECT | FIELD_DEFINITION
`;

const cut = (sdl: string, dialect: 'seed' | 'live') => print(forDialect(parse(DIRECTIVES + sdl), dialect));

describe('forDialect', () => {
  const sdl = /* GraphQL */ `
    enum Kind {
      A
      B @dialect(only: SEED)
      C @dialect(only: LIVE)
    }
    enum Unused {
      X
    }
    type Query {
      shared(kind: Kind, page: Int @dialect(only: SEED)): Thing
      seedOnly: SeedThing @dialect(only: SEED)
    }
    type Thing {
      url: String @dialect(required: SEED)
      extra: String
    }
    extend type Thing {
      liveOnly: String @dialect(only: LIVE)
    }
    type SeedThing {
      owner: Owner
    }
    type Owner {
      name: String
    }
    input Filter @dialect(only: LIVE) {
      name: String
    }
  `;

  it('keeps what a dialect has, removes the rest, and folds extensions into their type', () => {
    const seed = cut(sdl, 'seed');
    const live = cut(sdl, 'live');

    expect(seed).toContain('shared(kind: Kind, page: Int): Thing');
    expect(live).toContain('shared(kind: Kind): Thing');
    expect(seed).toMatch(/enum Kind {\s+A\s+B\s+}/);
    expect(live).toMatch(/enum Kind {\s+A\s+C\s+}/);
    expect(seed).toMatch(/type Thing {\s+url: String!\s+extra: String\s+}/);
    expect(live).toMatch(/type Thing {\s+url: String\s+extra: String\s+liveOnly: String\s+}/);
    expect(live).not.toContain('extend type');
  });

  it('prunes a type only removed elements named, keeps one nothing ever named, and drops the build-time directives', () => {
    const seed = cut(sdl, 'seed');
    const live = cut(sdl, 'live');

    expect(live).not.toMatch(/SeedThing|Owner|seedOnly/);
    expect(seed).toMatch(/type SeedThing/);
    expect(seed).toMatch(/type Owner/);
    expect(seed).not.toContain('input Filter');
    // Nothing names Unused in either graph: it was never reachable, so it is not the cut's to remove.
    expect(seed).toContain('enum Unused');
    expect(live).toContain('enum Unused');
    for (const graph of [seed, live]) expect(graph).not.toMatch(/@dialect|@liveScopes|enum Dialect/);
  });

  it("publishes the live scopes in the live graph and the seed's in the seed graph", () => {
    const scoped = /* GraphQL */ `
      type Query {
        a: Int @requiresScopes(scopes: [["Seed.READ"]]) @liveScopes(scopes: [["Live.READ"]])
        b: Int @liveScopes(scopes: [["Live.ONLY"]]) @dialect(only: LIVE)
      }
    `;

    expect(cut(scoped, 'seed')).toContain('a: Int @requiresScopes(scopes: [["Seed.READ"]])');
    expect(cut(scoped, 'seed')).not.toContain('b: Int');
    expect(cut(scoped, 'live')).toContain('a: Int @requiresScopes(scopes: [["Live.READ"]])');
    expect(cut(scoped, 'live')).toContain('b: Int @requiresScopes(scopes: [["Live.ONLY"]])');
  });

  it('refuses a live element that would publish a seed scope', () => {
    const leaking = /* GraphQL */ `
      type Query {
        a: Int @requiresScopes(scopes: [["Seed.READ"]])
      }
    `;

    expect(() => cut(leaking, 'live')).toThrow(
      'Query.a: @requiresScopes without @liveScopes in the live graph',
    );
    expect(() => cut(leaking, 'seed')).not.toThrow();
  });
});
