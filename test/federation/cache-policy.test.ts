/**
 * `Cache-Control` is Apollo's own (its cache-control plugin, per resolved field, and @apollo/subgraph's
 * `_entities` hints); src/graph/cache-control.ts only sets the scope the auth mode decides. Run here over a small
 * schema through Apollo Server's executeOperation: the hints' rules as Apollo applies them, and the scope on top.
 */
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { cacheScopePlugin } from '../../src/graph/cache-control.js';

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
  Node: { __resolveType: (value: { __typename: string }) => value.__typename },
  Hit: { __resolveType: (value: { __typename: string }) => value.__typename },
  Session: { __resolveReference: () => session },
  Technician: { __resolveReference: () => technician },
};

const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
/** The hints alone, as Apollo applies them. */
const hinted = new ApolloServer({ schema });
/** As src/server/apollo.ts starts it in service and static modes (one credential) and in forwarded mode. */
const shared = new ApolloServer({ schema, plugins: [cacheScopePlugin('PUBLIC')] });
const perCaller = new ApolloServer({ schema, plugins: [cacheScopePlugin('PRIVATE')] });
const servers = [hinted, shared, perCaller];

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

describe('cache policy', () => {
  it('follows the hints: type, field, inherited, nested, shortest maxAge and narrowest scope', async () => {
    expect(await header(hinted, '{ technician { name } }')).toBe('max-age=60, public');
    expect(await header(hinted, '{ technician { name secret } }')).toBe('max-age=60, private');
    expect(await header(hinted, '{ technician { lastSeen } }')).toBe('max-age=2, public');
    expect(await header(hinted, '{ sessions { total nodes { name } } }')).toBe('max-age=5, private');
    expect(await header(hinted, '{ sessions { nodes { technician { name } } } }')).toBe('max-age=5, private');
    expect(await header(hinted, '{ inherited { name } }')).toBe('max-age=60, public');
    expect(
      await header(hinted, 'query { technician { ...T } } fragment T on Technician { name secret }'),
    ).toBe('max-age=60, private');
  });

  it('marks uncacheable a root scalar without a hint, a composite child without one and an error', async () => {
    for (const server of servers) {
      expect(await header(server, '{ version technician { name } }')).toBe('no-store');
      expect(await header(server, '{ sessions { nodes { notes { text } } } }')).toBe('no-store');
      expect(await header(server, '{ technician { nope } }')).toBe('no-store');
    }
  });

  it('counts only the fields that resolved: a null branch adds none of its hints', async () => {
    // `lastSeen` (2 s) and `secret` (PRIVATE) are below `nobody`, which resolves to null: Apollo's plugin never
    // sees them, so the answer keeps `nobody`'s 30 s, public. Looser than counting every selected field, and
    // what the answer holds (no technician's data) is safe to keep that long.
    expect(await header(hinted, '{ nobody { lastSeen secret } }')).toBe('max-age=30, public');
    expect(await header(perCaller, '{ nobody { lastSeen secret } }')).toBe('max-age=30, private');
  });

  it('restricts _entities by the representations each request sends, not the first request of the document', async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Node { id } } }';
    const technician = { r: [{ __typename: 'Technician', id: 't1' }] };
    const both = {
      r: [
        { __typename: 'Technician', id: 't1' },
        { __typename: 'Session', id: 's1' },
      ],
    };

    expect(await header(hinted, query, technician)).toBe('max-age=60, public');
    expect(await header(hinted, query, { r: [{ __typename: 'Session', id: 's1' }] })).toBe(
      'max-age=5, private',
    );
    expect(await header(hinted, query, both)).toBe('max-age=5, private');
    expect(await header(shared, query, both)).toBe('max-age=5, public');
  });

  it('takes the scope from the auth mode, and the maxAge from the hints', async () => {
    // A PRIVATE hint (Technician.secret, Session) is public with one shared credential...
    expect(await header(shared, '{ technician { name secret } }')).toBe('max-age=60, public');
    expect(await header(shared, '{ sessions { nodes { technician { name } } } }')).toBe('max-age=5, public');
    // ...and a PUBLIC one (Technician) private when each caller's token decides the answer.
    expect(await header(perCaller, '{ technician { name } }')).toBe('max-age=60, private');
    expect(await header(perCaller, '{ technician { lastSeen } }')).toBe('max-age=2, private');
  });
});
