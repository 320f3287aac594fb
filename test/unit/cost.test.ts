/**
 * The cost estimator over a small schema written for it: each rule of the model (schema/base.graphql) priced
 * on its own, so a change to one rule fails one test that names it.
 */
import { describe, expect, it } from '@jest/globals';
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { estimateDocumentCalls } from '../../src/budget/cost.js';

const schema = buildSchema(/* GraphQL */ `
  directive @cost(weight: Int!) on FIELD_DEFINITION | OBJECT | INPUT_FIELD_DEFINITION | ARGUMENT_DEFINITION
  directive @listSize(
    assumedSize: Int
    slicingArguments: [String!]
    sizedFields: [String!]
  ) on FIELD_DEFINITION

  scalar _Any
  union _Entity = Session | Technician

  type Query {
    session(id: ID!): Session @cost(weight: 1)
    sessions(first: Int = 20, filter: Filter, deep: Boolean @cost(weight: 4)): SessionConnection!
      @cost(weight: 1)
      @listSize(slicingArguments: ["first"], sizedFields: ["nodes", "edges"])
    technicians(first: Int = 20, last: Int): [Technician!]!
      @cost(weight: 1)
      @listSize(slicingArguments: ["first", "last"])
    recent: [Session!]! @cost(weight: 1) @listSize(assumedSize: 7)
    _entities(representations: [_Any!]!): [_Entity]!
  }

  type Mutation {
    endSession(id: ID!): EndSessionPayload @cost(weight: 1)
  }

  type SessionConnection {
    nodes: [Session!]!
    edges: [SessionEdge!]!
    totalCount: Int @cost(weight: 1)
  }

  input Filter {
    status: String
    statuses: [String!] @cost(weight: 2)
    namePrefix: String @cost(weight: 2)
  }

  type SessionEdge {
    node: Session!
  }

  type Session {
    id: ID!
    chat: [Chat!]! @cost(weight: 1)
    technician: Technician @cost(weight: 1)
  }

  type Technician {
    id: ID!
    name: String
    report: Report
  }

  type Report @cost(weight: 3) {
    total: Int
  }

  type Chat {
    text: String
  }

  type EndSessionPayload {
    userErrors: [UserError!]!
    session: Session
  }

  type UserError {
    message: String
  }
`);

function estimate(source: string, variables: Record<string, unknown> = {}): number {
  const document = parse(source);
  expect(validate(schema, document)).toEqual([]);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('the document has no operation');
  return estimateDocumentCalls(schema, document, operation, variables);
}

describe('estimateDocumentCalls', () => {
  it('prices a field at its @cost weight, and a field without one at 0', () => {
    expect(estimate(`{ session(id: "1") { id } }`)).toBe(1);
    expect(estimate(`{ session(id: "1") { id chat { text } } }`)).toBe(2);
  });

  it('multiplies what a list holds by its slicing argument', () => {
    expect(estimate(`{ technicians(first: 5) { report { total } } }`)).toBe(1 + 5 * 3);
  });

  it('takes the largest of several slicing arguments', () => {
    expect(estimate(`{ technicians(first: 2, last: 9) { report { total } } }`)).toBe(1 + 9 * 3);
  });

  it("uses the argument's schema default when the operation leaves it out", () => {
    expect(estimate(`{ technicians { report { total } } }`)).toBe(1 + 20 * 3);
  });

  it('uses the value a variable carries, and the schema default for a variable left unset', () => {
    const query = `query ($n: Int) { technicians(first: $n) { report { total } } }`;
    expect(estimate(query, { n: 50 })).toBe(1 + 50 * 3);
    expect(estimate(query, {})).toBe(1 + 20 * 3);
  });

  it("uses a list's assumedSize when it has no slicing argument", () => {
    expect(estimate(`{ recent { chat { text } } }`)).toBe(1 + 7);
  });

  it("applies a connection's size to its sized fields only, not to totalCount", () => {
    expect(estimate(`{ sessions(first: 10) { totalCount edges { node { chat { text } } } } }`)).toBe(
      1 + 1 + 10,
    );
    expect(estimate(`{ sessions(first: 10) { nodes { chat { text } } } }`)).toBe(1 + 10);
  });

  it('prices a to-one entity once per place it is selected (the loader batches it), and its sub-fields per item', () => {
    expect(estimate(`{ sessions(first: 10) { nodes { technician { name } } } }`)).toBe(1 + 1);
    expect(estimate(`{ sessions(first: 10) { nodes { technician { report { total } } } } }`)).toBe(
      1 + 1 + 10 * 3,
    );
  });

  it("counts a list without @listSize once (a payload's userErrors call nothing)", () => {
    expect(
      estimate(`mutation { endSession(id: "1") { userErrors { message } session { chat { text } } } }`),
    ).toBe(1 + 1);
  });

  it('leaves out what @skip and @include leave out, from literals and from variables', () => {
    const query = `query ($skip: Boolean!) { session(id: "1") { chat @skip(if: $skip) { text } } }`;
    expect(estimate(query, { skip: true })).toBe(1);
    expect(estimate(query, { skip: false })).toBe(2);
    expect(estimate(`{ session(id: "1") { chat @include(if: false) { text } } }`)).toBe(1);
  });

  it('prices a fragment spread as its selection inline, in every place it is spread', () => {
    const inline = estimate(
      `{ a: session(id: "1") { chat { text } } b: session(id: "2") { chat { text } } }`,
    );
    const spread = estimate(
      `{ a: session(id: "1") { ...Chat } b: session(id: "2") { ...Chat } } fragment Chat on Session { chat { text } }`,
    );
    expect(spread).toBe(inline);
    expect(spread).toBe(4);
  });

  it('prices a fragment inside a connection at the size of the sized field it is spread in', () => {
    expect(
      estimate(
        `{ sessions(first: 10) { ...Page } } fragment Page on SessionConnection { totalCount nodes { chat { text } } }`,
      ),
    ).toBe(1 + 1 + 10);
  });

  describe('_entities', () => {
    const query = `query ($r: [_Any!]!) {
      _entities(representations: $r) { ... on Session { chat { text } } ... on Technician { name } }
    }`;

    it('costs one batched lookup per type asked for, and sub-fields per representation of that type', () => {
      const representations = [
        { __typename: 'Session', id: '1' },
        { __typename: 'Session', id: '2' },
        { __typename: 'Session', id: '3' },
        { __typename: 'Technician', id: 't1' },
        { __typename: 'Technician', id: 't2' },
      ];
      expect(estimate(query, { r: representations })).toBe(1 + 3 * 1 + 1);
    });

    it('reads representations written inline in the document too', () => {
      expect(
        estimate(
          `{ _entities(representations: [{ __typename: "Session", id: "1" }]) { ... on Session { chat { text } } } }`,
        ),
      ).toBe(1 + 1);
    });

    it('costs nothing for no representations, or ones without a __typename', () => {
      expect(estimate(query, { r: [] })).toBe(0);
      expect(estimate(query, { r: [{ id: '1' }] })).toBe(0);
    });
  });
});

describe('arguments and input fields with @cost', () => {
  it('adds a given input field’s weight to its field, and nothing for one not given', () => {
    expect(estimate(`{ sessions(filter: { status: "a" }) { nodes { id } } }`)).toBe(1);
    expect(estimate(`{ sessions(filter: { statuses: ["a", "b"] }) { nodes { id } } }`)).toBe(3);
    expect(
      estimate(`query ($f: Filter) { sessions(filter: $f) { nodes { id } } }`, { f: { namePrefix: 'x' } }),
    ).toBe(3);
    expect(
      estimate(`query ($f: Filter) { sessions(filter: $f) { nodes { id } } }`, { f: { namePrefix: null } }),
    ).toBe(1);
  });

  it('counts the largest weight given, not the sum: the reads they price are shared', () => {
    expect(
      estimate(`{ sessions(filter: { statuses: ["a"], namePrefix: "x" }, deep: true) { nodes { id } } }`),
    ).toBe(5);
    expect(estimate(`{ sessions(filter: { statuses: ["a"], namePrefix: "x" }) { nodes { id } } }`)).toBe(3);
  });
});
