/**
 * End to end through Hive Gateway (`createGatewayRuntime` over the composed supergraph, security directives
 * included), the subgraphs real HTTP servers on loopback: the same tickets query as through Apollo Gateway,
 * the same answer, one request into our subgraph for all tickets, and the same upstream calls.
 */
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway';
import { startDeskSubgraph } from '../fixtures/desk-subgraph.js';
import type { RunningSubgraph } from '../fixtures/sibling.js';
import { startStack, type Stack } from '../support/stack.js';
import {
  composeWithSiblings,
  servedSdl,
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
let gateway: GatewayRuntime;
const requestsTo = new Map<string, number>();

beforeAll(async () => {
  stack = await startStack();
  scenario = await ticketScenario(stack, TICKETS);
  desk = await startDeskSubgraph(scenario.tickets);
  const subgraphNames = new Map([
    [new URL(stack.app.url).origin, 'zoho-assist'],
    [new URL(desk.url).origin, 'desk'],
  ]);
  gateway = createGatewayRuntime({
    supergraph: supergraphSdlOf(composeWithSiblings(stack, await servedSdl(stack), [desk])),
    logging: false,
    plugins: () => [
      {
        onFetch({ url }: { url: string }) {
          const name = subgraphNames.get(new URL(url).origin) ?? url;
          requestsTo.set(name, (requestsTo.get(name) ?? 0) + 1);
        },
      },
    ],
  });
});

afterAll(async () => {
  await gateway[Symbol.asyncDispose]();
  await desk.close();
  await stack.close();
});

async function runTickets(): Promise<{ tickets?: TicketRow[]; errors?: unknown }> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: TICKETS_QUERY }),
  });
  const body = (await response.json()) as { data?: { tickets?: TicketRow[] }; errors?: unknown };
  return { tickets: body.data?.tickets, errors: body.errors };
}

describe('Hive Gateway in front of the desk and Zoho Assist subgraphs', () => {
  it('answers tickets with their sessions, technicians and requesters as our subgraph does', async () => {
    const result = await runTickets();

    expect(result.errors).toBeUndefined();
    expect(result.tickets).toEqual(scenario.expected);
  });

  it('sends one batched request into our subgraph, not one per ticket, for three upstream calls', async () => {
    requestsTo.clear();
    await stack.control.resetCalls();

    await runTickets();

    // Hive Gateway batches both boundaries (ticket -> session, ticket -> requester) into one request.
    expect(Object.fromEntries(requestsTo)).toEqual({ desk: 1, 'zoho-assist': 1 });
    expect(await stack.control.calls()).toEqual({
      total: 3,
      byRoute: { 'GET /sessions': 1, 'GET /technicians': 1, 'GET /customers': 1 },
    });
  });
});
