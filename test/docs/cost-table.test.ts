/**
 * The cost table in docs/examples/README.md: current with the examples and the schema (CI fails on drift), our
 * own estimator's figures untouched by the weights we give routers, and the IBM cost spec estimate computed the
 * way the routers compute it, rule by rule.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, visit, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { costRows, run } from '../../scripts/cost-table.js';
import { specStaticCost } from '../../scripts/spec-cost.js';
import { loadTypeDefs } from '../../src/graph/schema.js';

describe('the cost table in docs/examples/README.md', () => {
  it('is what npm run cost-table writes for the current examples and schema', async () => {
    const messages: string[] = [];

    const exitCode = await run(['--check'], { log: (line) => messages.push(line) });

    expect({ exitCode, messages }).toEqual({ exitCode: 0, messages: [] });
  });

  it('has a row for every example operation, each costing at least one upstream call', () => {
    const rows = costRows();

    expect(rows.map((row) => row.operation)).toEqual(
      expect.arrayContaining(['SessionsDashboard', 'SessionDetail', 'CreateSession', 'CreateSupportSession']),
    );
    for (const row of rows) expect(row.ourEstimate).toBeGreaterThan(0);
  });

  it("leaves our estimator's figures unchanged by the @cost(weight: 0) given to routers, and lowers theirs", () => {
    const withoutZeroWeights = buildSubgraphSchema([
      {
        typeDefs: visit(loadTypeDefs(), {
          Directive(node) {
            const weight = node.arguments?.find((argument) => argument.name.value === 'weight')?.value;
            return node.name.value === 'cost' && weight?.kind === Kind.INT && weight.value === '0'
              ? null
              : undefined;
          },
        }),
      },
    ]);

    const ours = costRows();
    const without = costRows(undefined, withoutZeroWeights);

    expect(ours.map((row) => row.ourEstimate)).toEqual(without.map((row) => row.ourEstimate));
    const total = (rows: typeof ours) => rows.reduce((sum, row) => sum + row.specEstimate, 0);
    expect(total(ours)).toBeLessThan(total(without));
  });
});

describe('the IBM cost spec static estimate, as routers compute it', () => {
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(/* GraphQL */ `
        extend schema
          @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])

        type Query {
          me: User
          top: [User!] @listSize(assumedSize: 3)
          plain: [User!]
          users(first: Int = 5): UserConnection
            @listSize(slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false)
        }

        type Mutation {
          rename(input: RenameInput!): User @cost(weight: 4)
        }

        type User {
          name: String!
          age: Int @cost(weight: 2)
          friends(max: Int): [User!] @listSize(slicingArguments: ["max"])
        }

        type UserConnection @cost(weight: 0) {
          nodes: [User!]!
          pageInfo: Info!
        }

        type Info @cost(weight: 0) {
          more: Boolean!
        }

        input RenameInput {
          name: String!
          nested: Inner
        }

        input Inner {
          x: Int
        }
      `),
    },
  ]);

  function cost(source: string, variables: Record<string, unknown> = {}): number {
    const document = parse(source);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (!operation) throw new Error('no operation');
    const fragments = Object.fromEntries(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return specStaticCost({ schema, operation, fragments, variables, defaultListSize: 7 });
  }

  it.each([
    ['an object 1, its scalars 0', '{ me { name } }', {}, 1],
    ["a field's @cost on top of its object", '{ me { age } }', {}, 3],
    ['a list by its assumedSize', '{ top { name } }', {}, 3],
    ["a list without @listSize by the router's list size", '{ plain { name } }', {}, 7],
    [
      "a sized field by the slicing argument's default, a type's @cost(weight: 0) as 0",
      '{ users { nodes { name } pageInfo { more } } }',
      {},
      5,
    ],
    [
      'a slicing argument from a variable',
      'query ($n: Int) { users(first: $n) { nodes { name } } }',
      { n: 9 },
      9,
    ],
    ['nested lists multiplied', '{ users(first: 2) { nodes { friends(max: 3) { age } } } }', {}, 20],
    ['a skipped field not at all', '{ me { age @skip(if: true) } }', {}, 1],
    ['fragments expanded', '{ me { ...F } } fragment F on User { age }', {}, 3],
    [
      "a mutation 10, the field's @cost instead of its type's, each input object 1",
      'mutation { rename(input: { name: "a", nested: { x: 1 } }) { name } }',
      {},
      16,
    ],
  ])('prices %s', (_rule, source, variables, expected) => {
    expect(cost(source, variables)).toBe(expected);
  });
});
