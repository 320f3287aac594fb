/**
 * Apollo Gateway as its users start it against running subgraphs: `IntrospectAndCompose` reads each subgraph's
 * `_service { sdl }` over HTTP and composes in process. Apollo Gateway (JavaScript) refuses a supergraph with
 * `@authenticated`/`@requiresScopes`, so our subgraph started with FEDERATION_SECURITY_DIRECTIVES=false serves an
 * SDL without them, and the gateway composes it beside an outsider's help desk and answers across both.
 */
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { parse, visit } from 'graphql';
import { startHelpdeskSubgraph, type HelpdeskTicket } from '../fixtures/helpdesk-subgraph.js';
import type { RunningSubgraph } from '../fixtures/sibling.js';
import { startStack, type Stack } from '../support/stack.js';
import { servedSdl, SUBGRAPH_NAME } from './support.js';

const OPEN_TICKETS = /* GraphQL */ `
  query OpenTickets {
    openTickets {
      title
      requester {
        email
        name
      }
      assignee {
        id
        name
      }
    }
  }
`;

interface TicketRow {
  title: string;
  requester: { email: string; name: string };
  assignee: { id: string; name: string } | null;
}

function gatewayOver(subgraphs: ReadonlyArray<{ name: string; url: string }>): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({ subgraphs: [...subgraphs] }),
    // The gateway's own `__ApolloServiceHealthCheck__` query to each subgraph before it serves.
    serviceHealthCheck: true,
    // Node's fetch retires a pooled connection before the server's advertised keep-alive timeout; the default
    // fetcher can reuse one the server is closing, an ECONNRESET on a loaded machine.
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({ url, fetcher: (to, init) => fetch(to, init as RequestInit) }),
  });
}

// Without these, starting a gateway inside Jest's module sandbox overflows the stack in jest-util's
// deepCyclicCopy; a test gateway needs no landing page nor Studio reporting anyway.
const quietPlugins = () => [
  ApolloServerPluginLandingPageDisabled(),
  ApolloServerPluginUsageReportingDisabled(),
  ApolloServerPluginSchemaReportingDisabled(),
];

describe('Apollo Gateway with IntrospectAndCompose against the running subgraph', () => {
  let stack: Stack;
  let helpdesk: RunningSubgraph;
  let server: ApolloServer;
  let expected: TicketRow[];

  beforeAll(async () => {
    stack = await startStack({ env: { FEDERATION_SECURITY_DIRECTIVES: 'false' } });
    const seed = await stack.graphql<{
      technicians: { nodes: Array<{ id: string; name: string }> };
      customers: { nodes: Array<{ email: string; name: string }> };
    }>('{ technicians(first: 2) { nodes { id name } } customers(first: 2) { nodes { email name } } }');
    const technicians = seed.data?.technicians.nodes ?? [];
    const customers = seed.data?.customers.nodes ?? [];
    if (technicians.length < 2 || customers.length < 2) throw new Error(JSON.stringify(seed.errors));
    const tickets: HelpdeskTicket[] = [
      { id: 'H-1', title: 'VPN down', requesterEmail: customers[0]!.email, assigneeId: technicians[0]!.id },
      { id: 'H-2', title: 'Printer', requesterEmail: customers[1]!.email, assigneeId: technicians[1]!.id },
      { id: 'H-3', title: 'Unassigned', requesterEmail: customers[0]!.email, assigneeId: null },
    ];
    expected = tickets.map((ticket) => ({
      title: ticket.title,
      requester: customers.find((customer) => customer.email === ticket.requesterEmail)!,
      assignee: technicians.find((technician) => technician.id === ticket.assigneeId) ?? null,
    }));
    helpdesk = await startHelpdeskSubgraph(tickets);
    server = new ApolloServer({
      gateway: gatewayOver([
        { name: SUBGRAPH_NAME, url: stack.app.url },
        { name: helpdesk.name, url: helpdesk.url },
      ]),
      plugins: quietPlugins(),
    });
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
    await helpdesk?.close();
    await stack?.close();
  });

  it('serves _service { sdl } without @authenticated, @requiresScopes or their imports', async () => {
    const sdl = await servedSdl(stack);

    const used = new Set<string>();
    visit(parse(sdl), {
      Directive(node) {
        used.add(node.name.value);
      },
    });

    // @apollo/subgraph still defines the unimported directives under federation__ names; nothing uses them.
    expect([...used].filter((name) => /authenticated|requiresScopes/i.test(name))).toEqual([]);
    expect(used).toContain('cacheControl');
    expect(sdl).toMatch(/import: \["@key", "@shareable", "@tag", "@inaccessible", "@cost", "@listSize"\]/);
    expect(sdl).toContain('type Session @key(fields: "id") @cacheControl(maxAge: 5, scope: PRIVATE)');
  });

  it('composes beside the help desk and answers a query crossing into our subgraph', async () => {
    const response = await server.executeOperation({ query: OPEN_TICKETS });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = response.body.singleResult;

    expect(errors).toBeUndefined();
    expect((data as { openTickets?: TicketRow[] } | null | undefined)?.openTickets).toEqual(expected);
  });
});

describe('Apollo Gateway with IntrospectAndCompose, security directives left in (the default)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(() => stack.close());

  it('refuses to load the supergraph, which is why the setting exists', async () => {
    const gateway = gatewayOver([{ name: SUBGRAPH_NAME, url: stack.app.url }]);
    try {
      await expect(gateway.load()).rejects.toThrow(/is for: SECURITY but is unsupported/);
    } finally {
      await gateway.stop().catch(() => undefined);
    }
  });
});
