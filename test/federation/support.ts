/**
 * Federation test helpers: our SDL as a gateway or rover reads it (`_service { sdl }` over HTTP), composition
 * beside the sibling fixtures, and the hints composition may give that we accept, each with its reason.
 */
import { composeServices, type CompositionResult } from '@apollo/composition';
import { parse } from 'graphql';
import type { DeskTicket } from '../fixtures/desk-subgraph.js';
import type { RunningSubgraph } from '../fixtures/sibling.js';
import type { Stack } from '../support/stack.js';

export const SUBGRAPH_NAME = 'zoho-assist';

export async function servedSdl(stack: Stack): Promise<string> {
  const response = await stack.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }');
  const sdl = response.data?._service.sdl;
  if (!sdl) throw new Error(`_service { sdl } failed: ${JSON.stringify(response.errors)}`);
  return sdl;
}

export function composeWithSiblings(
  stack: Stack,
  sdl: string,
  siblings: readonly RunningSubgraph[],
): CompositionResult {
  return composeServices([
    { name: SUBGRAPH_NAME, url: stack.app.url, typeDefs: parse(sdl) },
    ...siblings.map((sibling) => ({ name: sibling.name, url: sibling.url, typeDefs: sibling.typeDefs })),
  ]);
}

export function supergraphSdlOf(result: CompositionResult): string {
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

/**
 * Hints composition gives for this supergraph that do not point at a design mistake of ours. Any other hint
 * fails the composition test: fix the schema, or add it here with the reason a gateway team would accept.
 */
const ACCEPTED_HINTS: ReadonlyArray<{ code: string; about: RegExp; why: string }> = [
  {
    code: 'UNUSED_ENUM_TYPE',
    about: /"CacheControlScope"/,
    why:
      'the argument type of our own @cacheControl directive: Apollo Server needs it in the subgraph, no ' +
      'field uses it, and it is @inaccessible, so clients never see it',
  },
  {
    code: 'UNUSED_ENUM_TYPE',
    about: /"ZohoErrorCode"/,
    why:
      'the vocabulary of extensions.code: no field returns it, it is declared so that client codegen gives the ' +
      'codes as a union, and composition keeps it in the supergraph with all its values, as intended',
  },
];

export function unacceptedHints(result: CompositionResult): string[] {
  return (result.hints ?? [])
    .filter(
      (hint) =>
        !ACCEPTED_HINTS.some(
          (accepted) => accepted.code === hint.definition.code && accepted.about.test(hint.message),
        ),
    )
    .map((hint) => `${hint.definition.code}: ${hint.message}`);
}

/** The query that starts in the help desk and crosses into our subgraph twice (session, requester). */
export const TICKETS_QUERY = /* GraphQL */ `
  query Tickets {
    tickets {
      id
      assistSession {
        status
        technician {
          name
        }
      }
      requester {
        name
        company
      }
    }
  }
`;

export interface TicketRow {
  id: string;
  assistSession: { status: string; technician: { name: string } | null } | null;
  requester: { name: string; company: string | null } | null;
}

export interface TicketScenario {
  tickets: DeskTicket[];
  expected: TicketRow[];
}

/**
 * Tickets over the newest sessions, their requesters the sessions' customers, plus one ticket with no session;
 * the expected rows come from asking our subgraph directly, so the gateway must give the same answer.
 */
export async function ticketScenario(stack: Stack, count: number): Promise<TicketScenario> {
  const response = await stack.graphql<{
    sessions: {
      nodes: Array<{
        id: string;
        status: string;
        technician: { name: string } | null;
        customer: { email: string; record: { name: string; company: string | null } | null };
      }>;
    };
  }>(
    `query ($first: Int) { sessions(first: $first) { nodes { id status technician { name }
       customer { email record { name company } } } } }`,
    { first: count },
  );
  const sessions = response.data?.sessions.nodes;
  if (!sessions || sessions.length < count) throw new Error(`sessions: ${JSON.stringify(response.errors)}`);
  const [first] = sessions;
  if (!first) throw new Error('no sessions seeded');
  const tickets: DeskTicket[] = sessions.map((session, i) => ({
    id: `T-${i + 1}`,
    subject: `Ticket ${i + 1}`,
    sessionId: session.id,
    requesterEmail: session.customer.email,
  }));
  tickets.push({
    id: 'T-phone',
    subject: 'Phoned in',
    sessionId: null,
    requesterEmail: first.customer.email,
  });
  const expected: TicketRow[] = sessions.map((session, i) => ({
    id: `T-${i + 1}`,
    assistSession: { status: session.status, technician: session.technician },
    // The requester is the Customer entity: the record's fields, not the session's snapshot of them.
    requester: session.customer.record && {
      name: session.customer.record.name,
      company: session.customer.record.company,
    },
  }));
  expected.push({
    id: 'T-phone',
    assistSession: null,
    requester: first.customer.record && {
      name: first.customer.record.name,
      company: first.customer.record.company,
    },
  });
  return { tickets, expected };
}

export interface PlannedFetch {
  serviceName: string;
  /** Whether the fetch resolves entities (`_entities`) rather than starting at a root field. */
  entities: boolean;
}

/** Every fetch of a query plan, walked without depending on the planner's internal types. */
export function fetchesOf(plan: unknown): PlannedFetch[] {
  const found: PlannedFetch[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.kind === 'Fetch' && typeof record.serviceName === 'string') {
      found.push({ serviceName: record.serviceName, entities: Array.isArray(record.requires) });
      return;
    }
    for (const key of ['node', 'nodes', 'primary', 'deferred', 'ifClause', 'elseClause']) {
      const child = record[key];
      if (Array.isArray(child)) child.forEach(visit);
      else visit(child);
    }
  };
  visit(plan);
  return found;
}
