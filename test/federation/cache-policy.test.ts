/**
 * src/graph/cache-control.ts works out `Cache-Control` from the operation's document. Where every selected field resolves,
 * it must say exactly what Apollo's own per-field plugin says; where a branch never resolves, it may only be
 * stricter. Both run here over the same schema and resolvers, through Apollo Server's executeOperation.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { cachePolicyPlugin } from '../../src/graph/cache-control.js';

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  enum CacheControlScope {
    PUBLIC
    PRIVATE
  }
  directive @cacheControl(
    maxAge: Int
    scope: CacheControlScope
    inheritMaxAge: Boolean
  ) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION

  interface Node {
    id: ID!
  }

  type Session implements Node @key(fields: "id") @cacheControl(maxAge: 5, scope: PRIVATE) {
    id: ID!
    name: String
    technician: Technician
    notes: [Note!]!
  }

  type Technician implements Node @key(fields: "id") @cacheControl(maxAge: 60) {
    id: ID!
    name: String
    secret: String @cacheControl(scope: PRIVATE)
    lastSeen: String @cacheControl(maxAge: 2)
  }

  type Note {
    text: String
  }

  type Page @cacheControl(inheritMaxAge: true) {
    nodes: [Session!]!
    total: Int
  }

  union Hit = Session | Technician

  type Query {
    sessions: Page @cacheControl(maxAge: 30)
    technician: Technician
    version: String
    inherited: Technician @cacheControl(inheritMaxAge: true)
    node: Node
    hits: [Hit!]!
    nobody: Technician @cacheControl(maxAge: 30)
  }

  type Mutation {
    rename(name: String!): Session
  }
`);

const technician = { __typename: 'Technician', id: 't1', name: 'Ana', secret: 's', lastSeen: 'now' };
const session = { __typename: 'Session', id: 's1', name: 'S', technician, notes: [{ text: 'n' }] };
const resolvers = {
  Query: {
    sessions: () => ({ nodes: [session], total: 1 }),
    nobody: () => null,
    technician: () => technician,
    version: () => '1',
    inherited: () => technician,
    node: () => session,
    hits: () => [session, technician],
  },
  Mutation: { rename: () => session },
  Node: { __resolveType: (value: { __typename: string }) => value.__typename },
  Hit: { __resolveType: (value: { __typename: string }) => value.__typename },
  Session: { __resolveReference: () => session },
  Technician: { __resolveReference: () => technician },
};

const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
const apollos = new ApolloServer({ schema });
const ours = new ApolloServer({
  schema,
  plugins: [ApolloServerPluginCacheControlDisabled(), cachePolicyPlugin(schema)],
});
/** As src/app.ts starts it in service and static modes (one credential) and in forwarded mode. */
const shared = new ApolloServer({
  schema,
  plugins: [ApolloServerPluginCacheControlDisabled(), cachePolicyPlugin(schema, { scope: 'PUBLIC' })],
});
const perCaller = new ApolloServer({
  schema,
  plugins: [ApolloServerPluginCacheControlDisabled(), cachePolicyPlugin(schema, { scope: 'PRIVATE' })],
});
const servers = [apollos, ours, shared, perCaller];

beforeAll(async () => {
  await Promise.all(servers.map((server) => server.start()));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

async function header(server: ApolloServer, query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
  return response.http.headers.get('cache-control');
}

const AGREED: Array<[string, string, Record<string, unknown>?]> = [
  ['a type hint on the returned type', '{ technician { name } }'],
  ['a private field narrowing the scope', '{ technician { name secret } }'],
  ['a field hint shorter than its type', '{ technician { lastSeen } }'],
  ['a root scalar field, uncacheable by default', '{ version technician { name } }'],
  ['a page inheriting its field hint, capped by its items', '{ sessions { total nodes { name } } }'],
  ['nested types, shortest wins', '{ sessions { nodes { technician { name } } } }'],
  ['a composite child without hint', '{ sessions { nodes { notes { text } } } }'],
  ['an inheriting root field', '{ inherited { name } }'],
  ['a field selected on an interface', '{ node { id } }'],
  ['inline fragments on an interface', '{ node { ... on Session { name } ... on Technician { name } } }'],
  ['named fragments', 'query { technician { ...T } } fragment T on Technician { name secret }'],
  ['a union list', '{ hits { ... on Session { name } ... on Technician { name } } }'],
  ['a mutation', 'mutation { rename(name: "x") { name } }'],
  [
    '_entities of one type',
    'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Technician { name } } }',
    { r: [{ __typename: 'Technician', id: 't1' }] },
  ],
  [
    '_entities of two types',
    'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Technician { name } ... on Session { name } } }',
    {
      r: [
        { __typename: 'Technician', id: 't1' },
        { __typename: 'Session', id: 's1' },
      ],
    },
  ],
  ['_entities without representations', 'query { _entities(representations: []) { __typename } }'],
  ['_service', '{ _service { sdl } }'],
  ['a field that does not exist (an error)', '{ technician { nope } }'],
];

describe('cache policy from the document', () => {
  // Rows as objects: a test function with more parameters than its row has cells is taken as a `done` callback.
  it.each(AGREED.map(([name, query, variables]) => ({ name, query, variables })))(
    'says what Apollo says for $name',
    async ({ query, variables }) => {
      const expected = await header(apollos, query, variables);
      expect(expected).toBeDefined();
      expect(await header(ours, query, variables)).toBe(expected);
    },
  );

  it('gives the expected headers for a few of them', async () => {
    expect(await header(ours, '{ technician { name } }')).toBe('max-age=60, public');
    expect(await header(ours, '{ technician { name secret } }')).toBe('max-age=60, private');
    expect(await header(ours, '{ sessions { nodes { technician { name } } } }')).toBe('max-age=5, private');
    expect(await header(ours, '{ version technician { name } }')).toBe('no-store');
  });

  it('is stricter than Apollo, never looser, when a branch has nothing to resolve', async () => {
    const query = '{ nobody { lastSeen secret } }';

    expect(await header(apollos, query)).toBe('max-age=30, public');
    expect(await header(ours, query)).toBe('max-age=2, private');
  });

  it('uses the representations each request sends, not the first request of the same document', async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Node { id } } }';

    expect(await header(ours, query, { r: [{ __typename: 'Technician', id: 't1' }] })).toBe(
      'max-age=60, public',
    );
    expect(await header(ours, query, { r: [{ __typename: 'Session', id: 's1' }] })).toBe(
      'max-age=5, private',
    );
  });

  it('takes the scope from the auth mode when given one, and the maxAge from the hints', async () => {
    // A PRIVATE hint (Technician.secret, Session) is public with one shared credential...
    expect(await header(shared, '{ technician { name secret } }')).toBe('max-age=60, public');
    expect(await header(shared, '{ sessions { nodes { technician { name } } } }')).toBe('max-age=5, public');
    // ...and a PUBLIC one (Technician) private when each caller's token decides the answer.
    expect(await header(perCaller, '{ technician { name } }')).toBe('max-age=60, private');
    // Uncacheable stays uncacheable in either mode.
    expect(await header(shared, '{ version technician { name } }')).toBe('no-store');
    expect(await header(perCaller, '{ version technician { name } }')).toBe('no-store');
  });
});
