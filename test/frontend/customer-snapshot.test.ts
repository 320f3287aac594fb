/**
 * Issue 23, item 1: a session's customer is the name and e-mail given when the session was created, a value
 * of the session, and the Customer record is reached through it. Two sessions of one person created under two
 * names must keep their own names in a normalised cache, a person with no record must not fail the page, and
 * every id a response carries must be readable with the scopes that reach the object.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { gql } from '@apollo/client';
import { getNamedType, isObjectType, print, type GraphQLObjectType } from 'graphql';
import { buildSchema } from '../../src/graph/schema.js';
import { expectData } from '../support/graphql.js';
import { EMULATOR_TOKEN, startStack, type Stack } from '../support/stack.js';
import { apolloClient, normalisedObjects } from './apollo.js';

let stack: Stack;
const FULL = { authorization: `Zoho-oauthtoken ${EMULATOR_TOKEN}` };
const SESSIONS_ONLY = { authorization: 'Zoho-oauthtoken sessions-only-token' };

beforeAll(async () => {
  // Forwarded mode: each request runs with its caller's own Zoho token and scopes, as a browser app's would.
  stack = await startStack({ env: { AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: '' } });
});
afterAll(() => stack.close());

interface Row {
  id: string;
  customer: {
    name: string | null;
    email: string;
    record: { id: string; name: string; email: string } | null;
  } | null;
}

const DASHBOARD = gql`
  query Dashboard($first: Int) {
    sessions(first: $first) {
      nodes {
        id
        customer {
          name
          email
          record {
            id
            name
            email
          }
        }
      }
    }
  }
`;

let record: { id: string; name: string; email: string };

beforeEach(async () => {
  await stack.control.reset();
  await stack.control.registerToken({ token: 'sessions-only-token', scopes: ['ZohoAssist.sessions.READ'] });
  const people = await stack.graphql<{
    customers: { nodes: Array<{ id: string; name: string; email: string }> };
    technicians: {
      nodes: Array<{ id: string; activeSessionCount: number; maxConcurrentSessions: number | null }>;
    };
  }>(
    `{ customers(first: 1) { nodes { id name email } }
       technicians(first: 100) { nodes { id activeSessionCount maxConcurrentSessions } } }`,
    {},
    FULL,
  );
  const { customers, technicians } = expectData(people);
  record = customers.nodes[0]!;
  const technician = technicians.nodes.find(
    (t) => (t.maxConcurrentSessions ?? 3) - t.activeSessionCount >= 3,
  );
  if (!technician) throw new Error('no technician with room for three sessions in the seed');
  // Oldest first, so the list (newest first) reads: walk-in, alias, the record's own name.
  for (const [customerName, customerEmail] of [
    [record.name, record.email],
    ['Alias Person', record.email],
    ['Walk In', 'walk-in@example.org'],
  ] as const) {
    const created = await stack.graphql(
      `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id } userErrors { code } } }`,
      { input: { customerName, customerEmail, technicianId: technician.id } },
      FULL,
    );
    expect(created.data).toMatchObject({ createSession: { userErrors: [] } });
  }
  await stack.control.resetCalls();
});

describe('a session’s customer in a normalised cache', () => {
  it('keeps each row’s own customer name when two sessions of one person were created under two names', async () => {
    const client = apolloClient(stack.app.url, { headers: FULL });
    const { data } = await client.query<{ sessions: { nodes: Row[] } }>({
      query: DASHBOARD,
      variables: { first: 3 },
    });
    const rows = data!.sessions.nodes;
    expect(rows.map((row) => row.customer?.name)).toEqual(['Walk In', 'Alias Person', record.name]);
    // Both rows point at the one Customer record, which carries the record's own name once.
    expect(rows[1]!.customer!.record).toEqual({ __typename: 'Customer', ...record });
    expect(rows[2]!.customer!.record).toEqual({ __typename: 'Customer', ...record });
    // Read back from the cache, not the network: the rows still show their own names.
    const cached = client.readQuery<{ sessions: { nodes: Row[] } }>({
      query: DASHBOARD,
      variables: { first: 3 },
    });
    expect(cached!.sessions.nodes.map((row) => row.customer?.name)).toEqual([
      'Walk In',
      'Alias Person',
      record.name,
    ]);
  });

  it('answers record: null, not an error, for a person with no customer record', async () => {
    const client = apolloClient(stack.app.url, { headers: FULL });
    // errorPolicy 'none' (Apollo's default) fails the whole query on any error: this one must not.
    const { data, error } = await client.query<{ sessions: { nodes: Row[] } }>({
      query: DASHBOARD,
      variables: { first: 1 },
    });
    expect(error).toBeUndefined();
    expect(data!.sessions.nodes[0]!.customer).toEqual({
      __typename: 'SessionCustomer',
      name: 'Walk In',
      email: 'walk-in@example.org',
      record: null,
    });
  });

  it('gives every object with the same __typename and id the same field values within a response', async () => {
    const result = await stack.graphql(
      `{ sessions(first: 20) { nodes { __typename id status
           technician { __typename id name email }
           customer { name email record { __typename id name email company } } } } }`,
      {},
      FULL,
    );
    const objects = normalisedObjects(expectData(result));
    expect(objects.get(`Customer:${record.id}`)).toHaveLength(2);
    for (const [key, occurrences] of objects)
      for (const occurrence of occurrences)
        expect({ key, ...occurrence }).toEqual({ key, ...occurrences[0] });
  });

  it('costs one sessions page for names and e-mails, and one batch of customer lookups for the records', async () => {
    const snapshot = await stack.graphql(
      `{ sessions(first: 20) { nodes { customer { name email } } } }`,
      {},
      FULL,
    );
    expect(snapshot.errors).toBeUndefined();
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 1 });
    await stack.control.resetCalls();
    const records = await stack.graphql(
      `{ sessions(first: 3) { nodes { customer { record { id } } } } }`,
      {},
      FULL,
    );
    expect(records.errors).toBeUndefined();
    // Two e-mails in one batch; the seed's customers fit one list page, so one call answers both.
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 1, 'GET /customers': 1 });
  });
});

describe('scopes of the customer snapshot and the record', () => {
  it('shows a sessions-only caller the customer’s name and e-mail without touching customer records', async () => {
    const client = apolloClient(stack.app.url, { headers: SESSIONS_ONLY });
    const { data } = await client.query<{
      sessions: { nodes: Array<{ customer: { name: string; email: string } }> };
    }>({
      query: gql`
        {
          sessions(first: 3) {
            nodes {
              id
              customer {
                name
                email
              }
            }
          }
        }
      `,
    });
    expect(data!.sessions.nodes.map((n) => n.customer.name)).toEqual([
      'Walk In',
      'Alias Person',
      record.name,
    ]);
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 1 });
  });

  it('declares one scope for every field of Customer, so an id is readable wherever the object is', () => {
    const schema = buildSchema();
    const scopesOf = (type: GraphQLObjectType, field: string) => {
      const definition = type.getFields()[field];
      const directive = definition?.astNode?.directives?.find((d) => d.name.value === 'requiresScopes');
      return directive ? print(directive) : null;
    };
    const customer = schema.getType('Customer');
    const snapshot = schema.getType('SessionCustomer');
    if (!isObjectType(customer) || !isObjectType(snapshot))
      throw new Error('Customer and SessionCustomer expected');
    const record = scopesOf(snapshot, 'record');
    expect(record).toContain('ZohoAssist.customers.ALL');
    // The sessions connection needs its own scope besides; every other field needs exactly the record's.
    for (const field of ['id', 'name', 'email', 'phone', 'company', 'createdAt'])
      expect({ field, scopes: scopesOf(customer, field) }).toEqual({ field, scopes: record });
    expect(getNamedType(snapshot.getFields().record!.type).name).toBe('Customer');
  });
});
