/**
 * End to end through Apollo Gateway (in process, the composed supergraph as `supergraphSdl`), every subgraph a
 * real HTTP server on loopback: a query that starts in the help desk crosses into ours with one `_entities`
 * fetch per subgraph boundary, however many tickets there are, and costs a known number of upstream calls.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { PRINTED_GATEWAY_SDL } from '../../src/graph/sdl.js';
import { startDeskSubgraph } from '../fixtures/desk-subgraph.js';
import type { RunningSubgraph } from '../fixtures/sibling.js';
import { startStack, type Stack } from '../support/stack.js';
import {
  composeWithSiblings,
  fetchesOf,
  SUBGRAPH_NAME,
  supergraphSdlOf,
  TICKETS_QUERY,
  ticketScenario,
  type TicketRow,
  type TicketScenario,
} from './support.js';

const TICKETS = 8;

let stack: Stack;
let desk: RunningSubgraph;
let scenario: TicketScenario;
let server: ApolloServer;
const plans: unknown[] = [];
const requestsTo = new Map<string, number>();

beforeAll(async () => {
  stack = await startStack();
  scenario = await ticketScenario(stack, TICKETS);
  desk = await startDeskSubgraph(scenario.tickets);
  const gateway = new ApolloGateway({
    // Apollo Gateway refuses a supergraph linking `for: SECURITY` features (@authenticated, @requiresScopes)
    // it cannot enforce: its users compose the variant `npm run schema:print` writes without them.
    supergraphSdl: supergraphSdlOf(
      composeWithSiblings(stack, readFileSync(PRINTED_GATEWAY_SDL, 'utf8'), [desk]),
    ),
    experimental_didResolveQueryPlan: ({ queryPlan }) => {
      plans.push(queryPlan);
    },
    buildService: ({ name, url }) =>
      new (class extends RemoteGraphQLDataSource {
        override willSendRequest() {
          requestsTo.set(name, (requestsTo.get(name) ?? 0) + 1);
        }
      })({ url }),
  });
  server = new ApolloServer({
    gateway,
    // Without these, starting a gateway inside Jest's module sandbox overflows the stack in jest-util's
    // deepCyclicCopy; a test gateway needs no landing page nor Studio reporting anyway.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
    ],
  });
  await server.start();
});

afterAll(async () => {
  await server.stop();
  await desk.close();
  await stack.close();
});

async function runTickets(): Promise<{ tickets?: TicketRow[]; errors?: unknown }> {
  const response = await server.executeOperation({ query: TICKETS_QUERY });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  return { tickets: (data as { tickets?: TicketRow[] } | null | undefined)?.tickets, errors };
}

describe('Apollo Gateway in front of the desk and Zoho Assist subgraphs', () => {
  it('answers tickets with their sessions, technicians and requesters as our subgraph does', async () => {
    const result = await runTickets();

    expect(result.errors).toBeUndefined();
    expect(result.tickets).toEqual(scenario.expected);
  });

  it('plans one _entities fetch into our subgraph per boundary, not one per ticket', async () => {
    plans.length = 0;
    requestsTo.clear();

    await runTickets();

    const fetches = fetchesOf(plans[0]);
    // ticket -> session (with its technician) and ticket -> requester: two boundaries into our subgraph.
    expect(fetches).toEqual([
      { serviceName: 'desk', entities: false },
      { serviceName: SUBGRAPH_NAME, entities: true },
      { serviceName: SUBGRAPH_NAME, entities: true },
    ]);
    expect(Object.fromEntries(requestsTo)).toEqual({ desk: 1, [SUBGRAPH_NAME]: 2 });
  });

  it('costs three upstream calls for eight tickets: a sessions page, a technicians page, a customers page', async () => {
    await stack.control.resetCalls();

    await runTickets();

    // The two _entities requests are two operations with their own loaders: the sessions page comes with
    // the session fetch, the technicians page batches every session's technician, and the requesters'
    // e-mails are found on one customers page (the seed has 50 customers, fewer than one page of 100).
    expect(await stack.control.calls()).toEqual({
      total: 3,
      byRoute: { 'GET /sessions': 1, 'GET /technicians': 1, 'GET /customers': 1 },
    });
  });
});
