/**
 * The client kit's pieces on their own, where the running graph cannot reach every case: the form-errors map,
 * the error-code helpers, the rate-limit link's bounds (over a scripted terminating link that counts what it is
 * asked), and the cache policies and updates over an InMemoryCache with no network at all.
 */
import { describe, expect, it } from '@jest/globals';
import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  InMemoryCache,
  gql,
  type TypedDocumentNode,
} from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import type { FormattedExecutionResult } from 'graphql';
import { Observable, firstValueFrom } from 'rxjs';
import {
  createRateLimitRetryLink,
  createSessionUpdate,
  endSessionUpdate,
  findZohoError,
  isZohoError,
  typePolicies,
  userErrorsToFormErrors,
  userErrorsToNestedFormErrors,
} from '../../kit/src/index.js';

describe('userErrorsToFormErrors', () => {
  it("names each field by its path below the input argument, and puts errors without a field under 'root'", () => {
    expect(
      userErrorsToFormErrors([
        { code: 'VALIDATION', message: 'Not an e-mail address.', field: ['input', 'customerEmail'] },
        { code: 'VALIDATION', message: 'Give a name.', field: ['input', 'customers', '0', 'name'] },
        { code: 'SESSION_LIMIT_REACHED', message: 'At the limit.', field: ['input', 'technicianId'] },
        { code: 'CONFLICT', message: 'Try again.', field: null },
      ]),
    ).toEqual({
      customerEmail: 'Not an e-mail address.',
      'customers.0.name': 'Give a name.',
      technicianId: 'At the limit.',
      root: 'Try again.',
    });
  });

  it('keeps the first message of a field, and takes another argument name and form key when told', () => {
    expect(
      userErrorsToFormErrors(
        [
          { message: 'first', field: ['patch', 'email'] },
          { message: 'second', field: ['patch', 'email'] },
          { message: 'whole form', field: ['patch'] },
        ],
        { argument: ['patch'], formKey: 'FORM_ERROR' },
      ),
    ).toEqual({ email: 'first', FORM_ERROR: 'whole form' });
    expect(userErrorsToFormErrors(undefined)).toEqual({});
  });

  it('nests the same errors like the form values, for Formik and Final Form', () => {
    expect(
      userErrorsToNestedFormErrors([
        { message: 'Give a name.', field: ['input', 'customers', '0', 'name'] },
        { message: 'Not an e-mail address.', field: ['input', 'customers', '0', 'email'] },
        { message: 'Unknown technician.', field: ['input', 'technicianId'] },
        { message: 'Whole form.' },
      ]),
    ).toEqual({
      customers: { 0: { name: 'Give a name.', email: 'Not an e-mail address.' } },
      technicianId: 'Unknown technician.',
      root: 'Whole form.',
    });
  });
});

describe('isZohoError and findZohoError', () => {
  const limited = { message: 'Spent.', extensions: { code: 'RATE_LIMITED', retryAfter: 12 } };
  const missing = { message: 'No such session.', extensions: { code: 'NOT_FOUND' } };

  it("find a code in Apollo Client's CombinedGraphQLErrors, a response's errors, or one error", () => {
    const combined = new CombinedGraphQLErrors({ data: null, errors: [missing, limited] });

    expect(isZohoError(combined, 'RATE_LIMITED')).toBe(true);
    expect(findZohoError(combined, 'RATE_LIMITED')?.extensions.retryAfter).toBe(12);
    expect(isZohoError([missing], 'NOT_FOUND')).toBe(true);
    expect(isZohoError(missing, 'NOT_FOUND')).toBe(true);
  });

  it('answer false for other codes, other errors and non-errors', () => {
    expect(isZohoError([missing], 'RATE_LIMITED')).toBe(false);
    expect(isZohoError(new Error('network down'), 'NOT_FOUND')).toBe(false);
    expect(isZohoError({ message: 'x', extensions: { code: 'SOME_GATEWAY_CODE' } }, 'NOT_FOUND')).toBe(false);
    expect(isZohoError(null, 'NOT_FOUND')).toBe(false);
    expect(isZohoError('NOT_FOUND', 'NOT_FOUND')).toBe(false);
  });
});

/** A terminating link that answers each request with the next scripted result and counts the requests. */
function scripted(results: Array<FormattedExecutionResult>) {
  let requests = 0;
  const link = new ApolloLink(
    () =>
      new Observable((observer) => {
        const result = results[Math.min(requests, results.length - 1)]!;
        requests += 1;
        observer.next(result);
        observer.complete();
      }),
  );
  return { link, requests: () => requests };
}

const QUERY = gql`
  query Technician {
    technician(id: "tech_1") {
      id
    }
  }
`;
const MUTATION = gql`
  mutation TwoWrites {
    a: endSession(input: { sessionId: "1" }) {
      __typename
    }
    b: endSession(input: { sessionId: "2" }) {
      __typename
    }
  }
`;
const rateLimited = (retryAfter: number, data: Record<string, unknown> | null = null) => ({
  data,
  errors: [{ message: 'Spent.', path: ['technician'], extensions: { code: 'RATE_LIMITED', retryAfter } }],
});
const answered = { data: { technician: { __typename: 'Technician', id: 'tech_1' } } };

function execute(link: ApolloLink, query = QUERY) {
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return firstValueFrom(ApolloLink.execute(link, { query }, { client }));
}

describe('createRateLimitRetryLink', () => {
  it('asks again after retryAfter, and passes on the answer', async () => {
    const upstream = scripted([rateLimited(0.05), answered]);
    const retries: number[] = [];
    const link = createRateLimitRetryLink({ onRetry: ({ delayMs }) => retries.push(delayMs) }).concat(
      upstream.link,
    );
    const started = performance.now();

    const result = await execute(link);

    expect(result).toEqual(answered);
    expect(upstream.requests()).toBe(2);
    expect(retries).toEqual([50]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('stops at maxAttempts and hands the app the last RATE_LIMITED answer', async () => {
    const upstream = scripted([rateLimited(0.01)]);

    const result = await execute(createRateLimitRetryLink({ maxAttempts: 3 }).concat(upstream.link));

    expect(upstream.requests()).toBe(3);
    expect(isZohoError(result.errors, 'RATE_LIMITED')).toBe(true);
  });

  it('does not wait longer than maxDelayMs: the app gets the error with its retryAfter', async () => {
    const upstream = scripted([rateLimited(30), answered]);

    const result = await execute(createRateLimitRetryLink({ maxDelayMs: 5000 }).concat(upstream.link));

    expect(upstream.requests()).toBe(1);
    expect(findZohoError(result.errors, 'RATE_LIMITED')?.extensions.retryAfter).toBe(30);
  });

  it('never repeats a mutation one of whose writes answered, and repeats one that wrote nothing', async () => {
    const partly = scripted([rateLimited(0.01, { a: { __typename: 'EndSessionPayload' }, b: null })]);
    await execute(createRateLimitRetryLink().concat(partly.link), MUTATION);
    expect(partly.requests()).toBe(1);

    const refused = scripted([rateLimited(0.01, { a: null, b: null }), { data: { a: null, b: null } }]);
    await execute(createRateLimitRetryLink().concat(refused.link), MUTATION);
    expect(refused.requests()).toBe(2);
  });

  it('passes other errors on untouched, and cancels a waiting retry when the caller unsubscribes', async () => {
    const failing = scripted([{ data: null, errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }] }]);
    await execute(createRateLimitRetryLink().concat(failing.link));
    expect(failing.requests()).toBe(1);

    const upstream = scripted([rateLimited(0.05), answered]);
    const link = createRateLimitRetryLink().concat(upstream.link);
    const client = new ApolloClient({ link, cache: new InMemoryCache() });
    const subscription = ApolloLink.execute(link, { query: QUERY }, { client }).subscribe(() => undefined);
    subscription.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(upstream.requests()).toBe(1);
  });
});

interface Row {
  __typename: 'Session';
  id: string;
  status: string;
  createdAt: string;
}
type List = {
  sessions: {
    __typename: 'SessionConnection';
    totalCount: number | null;
    nodes: Row[];
    pageInfo: { __typename: 'PageInfo'; hasNextPage: boolean; endCursor: string };
  };
};

const LIST: TypedDocumentNode<List, { after?: string; filter?: Record<string, unknown> }> = gql`
  query List($after: String, $filter: SessionFilter) {
    sessions(first: 2, after: $after, filter: $filter) {
      totalCount
      nodes {
        id
        status
        createdAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const row = (n: number, status = 'ACTIVE'): Row => ({
  __typename: 'Session',
  id: `s${n}`,
  status,
  createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, 100 - n)).toISOString(),
});
const page = (rows: Row[], endCursor: string, hasNextPage = true, totalCount: number | null = 9): List => ({
  sessions: {
    __typename: 'SessionConnection',
    totalCount,
    nodes: rows,
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
  },
});
const listed = (cache: InMemoryCache, variables: { after?: string; filter?: Record<string, unknown> } = {}) =>
  cache.readQuery({ query: LIST, variables })?.sessions.nodes.map((node) => node.id);

describe('typePolicies: connections', () => {
  it('append pages and keep a repeated session once, where relayStylePagination keeps only the last page of nodes', () => {
    const kit = new InMemoryCache({ typePolicies });
    const relay = new InMemoryCache({
      typePolicies: { Query: { fields: { sessions: relayStylePagination(['filter']) } } },
    });
    for (const cache of [kit, relay]) {
      cache.writeQuery({ query: LIST, data: page([row(1), row(2)], 'c2') });
      cache.writeQuery({ query: LIST, variables: { after: 'c1' }, data: page([row(2), row(3)], 'c3') });
    }

    expect(listed(kit)).toEqual(['s1', 's2', 's3']);
    expect(kit.readQuery({ query: LIST })?.sessions.pageInfo.endCursor).toBe('c3');
    expect(listed(relay)).toEqual(['s2', 's3']);
  });

  it('keep one list per filter', () => {
    const cache = new InMemoryCache({ typePolicies });
    cache.writeQuery({ query: LIST, data: page([row(1), row(2)], 'c2') });
    cache.writeQuery({
      query: LIST,
      variables: { filter: { status: 'ENDED' } },
      data: page([row(7, 'ENDED')], 'c7', false),
    });

    expect(listed(cache)).toEqual(['s1', 's2']);
    expect(listed(cache, { filter: { status: 'ENDED' } })).toEqual(['s7']);
  });

  it('let a first page fetched again (a poll) replace what it covers and keep the pages loaded after it', () => {
    const cache = new InMemoryCache({ typePolicies });
    cache.writeQuery({ query: LIST, data: page([row(2), row(3)], 'c3') });
    cache.writeQuery({ query: LIST, variables: { after: 'c3' }, data: page([row(4), row(5)], 'c5') });
    // s1 was created, and the poll's page 1 now ends at s2.
    cache.writeQuery({ query: LIST, data: page([row(1), row(2)], 'c2') });

    expect(listed(cache)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(cache.readQuery({ query: LIST })?.sessions.pageInfo.endCursor).toBe('c5');
  });
});

describe('typePolicies: lookups', () => {
  const LOOKUP = gql`
    query Lookup($id: ID!) {
      session(id: $id) {
        id
        status
        createdAt
      }
    }
  `;

  it('read session(id) from the entity a list brought, and miss when the cache has no such session', () => {
    const cache = new InMemoryCache({ typePolicies });
    cache.writeQuery({ query: LIST, data: page([row(1), row(2)], 'c2') });

    expect(cache.readQuery({ query: LOOKUP, variables: { id: 's2' } })).toEqual({ session: row(2) });
    expect(cache.readQuery({ query: LOOKUP, variables: { id: 's9' } })).toBeNull();
  });
});

describe('cache updates', () => {
  const created = (cache: InMemoryCache, session: Row) => {
    cache.writeFragment({
      fragment: gql`
        fragment New on Session {
          id
          status
          createdAt
        }
      `,
      data: session,
    });
    createSessionUpdate(cache, { data: { createSession: { session } } });
  };

  it('put a created session where it belongs: at the top of lists it matches, in no list it does not', () => {
    const cache = new InMemoryCache({ typePolicies });
    cache.writeQuery({ query: LIST, data: page([row(2), row(3)], 'c3') });
    cache.writeQuery({
      query: LIST,
      variables: { filter: { status: 'ENDED' } },
      data: page([row(5, 'ENDED')], 'c5', false, 1),
    });

    created(cache, row(1, 'WAITING'));

    expect(listed(cache)).toEqual(['s1', 's2', 's3']);
    expect(cache.readQuery({ query: LIST })?.sessions.totalCount).toBe(10);
    expect(listed(cache, { filter: { status: 'ENDED' } })).toEqual(['s5']);
  });

  it('drop a list whose filter the kit cannot judge, so that its next read asks the server', () => {
    const cache = new InMemoryCache({ typePolicies });
    const unknown = { filter: { someFieldTheKitPredates: 'x' } };
    cache.writeQuery({ query: LIST, variables: unknown, data: page([row(2)], 'c2', false, 1) });

    created(cache, row(1, 'WAITING'));

    expect(cache.readQuery({ query: LIST, variables: unknown })).toBeNull();
  });

  it("judge the open statuses, the creation range and the customer's name prefix the graph filters by", () => {
    const cache = new InMemoryCache({ typePolicies });
    const lists = {
      open: { filter: { statuses: ['WAITING', 'ACTIVE'] } },
      closed: { filter: { statuses: ['ENDED', 'COMPLETED'] } },
      ada: { filter: { customerNamePrefix: '  aDa ' } },
      bob: { filter: { customerNamePrefix: 'Bob' } },
      recent: { filter: { createdAfter: row(5).createdAt } },
      older: { filter: { createdBefore: row(5).createdAt } },
    };
    for (const variables of Object.values(lists))
      cache.writeQuery({ query: LIST, variables, data: page([row(6)], 'c6', false, 1) });
    const session = {
      ...row(1, 'WAITING'),
      customer: { __typename: 'SessionCustomer', name: 'Ada Lovelace', email: 'ada@example.com' },
    };
    cache.writeFragment({
      fragment: gql`
        fragment NewWithCustomer on Session {
          id
          status
          createdAt
          customer {
            name
            email
          }
        }
      `,
      data: session,
    });

    createSessionUpdate(cache, { data: { createSession: { session } } });

    const shown = Object.fromEntries(
      Object.entries(lists).map(([name, variables]) => [name, listed(cache, variables)]),
    );
    expect(shown).toEqual({
      open: ['s1', 's6'],
      closed: ['s6'],
      ada: ['s1', 's6'],
      bob: ['s6'],
      recent: ['s1', 's6'],
      older: ['s6'],
    });
  });

  it('take an ended session out of a list of another status, and count it there no more', () => {
    const cache = new InMemoryCache({ typePolicies });
    const active = { filter: { status: 'ACTIVE' } };
    cache.writeQuery({ query: LIST, variables: active, data: page([row(1), row(2)], 'c2', true, 5) });
    const ended = { ...row(1), status: 'ENDED' };
    cache.writeFragment({
      fragment: gql`
        fragment Ended on Session {
          id
          status
          createdAt
        }
      `,
      data: ended,
    });

    endSessionUpdate(cache, { data: { endSession: { session: ended } } });

    expect(listed(cache, active)).toEqual(['s2']);
    expect(cache.readQuery({ query: LIST, variables: active })?.sessions.totalCount).toBe(4);
  });
});
