/**
 * Composition beside the sibling subgraphs another team would write (a help desk, a CRM), from our SDL as
 * `_service { sdl }` serves it: no errors, no hint that points at a design mistake of ours, and the directives a
 * router acts on (scopes, cost, list sizes, tags) reach the supergraph.
 */
import { Kind, parse, type GraphQLObjectType, type ObjectTypeDefinitionNode } from 'graphql';
import { startCrmSubgraph } from '../fixtures/crm-subgraph.js';
import { startDeskSubgraph } from '../fixtures/desk-subgraph.js';
import { startHelpdeskSubgraph } from '../fixtures/helpdesk-subgraph.js';
import { startKnowledgeBaseSubgraph } from '../fixtures/knowledge-base-subgraph.js';
import type { RunningSubgraph } from '../fixtures/sibling.js';
import { startStack, type Stack } from '../support/stack.js';
import { composeWithSiblings, servedSdl, supergraphSdlOf, unacceptedHints } from './support.js';

let stack: Stack;
let siblings: RunningSubgraph[];
let sdl: string;

beforeAll(async () => {
  stack = await startStack();
  siblings = [await startDeskSubgraph([]), await startCrmSubgraph([])];
  sdl = await servedSdl(stack);
});

afterAll(async () => {
  await Promise.all(siblings.map((sibling) => sibling.close()));
  await stack.close();
});

describe('composition beside a help desk and a CRM', () => {
  it('composes with no errors and no hint outside the accepted list', () => {
    const result = composeWithSiblings(stack, sdl, siblings);

    expect(result.errors).toBeUndefined();
    expect(unacceptedHints(result)).toEqual([]);
  });

  it('carries the scopes, costs, list sizes and tags into the supergraph for the router', () => {
    const supergraph = supergraphSdlOf(composeWithSiblings(stack, sdl, siblings));

    expect(supergraph).toContain('@requiresScopes(scopes: [["ZohoAssist.customers.ALL"]])');
    expect(supergraph).toContain('@cost(weight: 1)');
    expect(supergraph).toMatch(/@listSize\(assumedSize: 20\)/);
    expect(supergraph).toMatch(/@listSize\(slicingArguments: \["first"\]/);
    expect(supergraph).toContain('@tag(name: "internal")');
    expect(supergraph).toContain('@authenticated');
  });

  it('lets the siblings reference Session, Customer and Technician by their keys alone', () => {
    const result = composeWithSiblings(stack, sdl, siblings);
    if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
    const api = result.schema.toAPISchema().toGraphQLJSSchema();

    expect(api.getType('Ticket')?.toString()).toBe('Ticket');
    expect(api.getType('Contact')?.toString()).toBe('Contact');
    expect(api.getType('Session')?.toString()).toBe('Session');
    // The argument type of our @cacheControl is for Apollo Server, not for clients.
    expect(api.getType('CacheControlScope')).toBeUndefined();
  });
});

describe("composition beside an outsider's help desk that knows only our keys", () => {
  let helpdesk: RunningSubgraph;

  beforeAll(async () => {
    helpdesk = await startHelpdeskSubgraph([]);
  });

  afterAll(() => helpdesk.close());

  it('composes with its plain `Customer @key(email) { email: String! }` and `Technician @key(id)` stubs', () => {
    const result = composeWithSiblings(stack, sdl, [helpdesk]);

    expect(result.errors?.map((error) => error.message)).toBeUndefined();
    expect(unacceptedHints(result)).toEqual([]);
  });

  it('types every e-mail a sibling may share, keys included, as String', () => {
    const result = composeWithSiblings(stack, sdl, [helpdesk]);
    if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
    const api = result.schema.toAPISchema().toGraphQLJSSchema();
    const fieldType = (type: string, field: string) =>
      (api.getType(type) as GraphQLObjectType | undefined)?.getFields()[field]?.type.toString();

    expect(fieldType('Customer', 'email')).toBe('String!');
    expect(fieldType('Technician', 'email')).toBe('String!');
    expect(fieldType('Invitation', 'email')).toBe('String!');
    expect(fieldType('HelpdeskTicket', 'requester')).toBe('Customer!');
  });
});

describe('composition beside a public knowledge base with the full Relay PageInfo @shareable', () => {
  let knowledgeBase: RunningSubgraph;

  beforeAll(async () => {
    knowledgeBase = await startKnowledgeBaseSubgraph([]);
  });

  afterAll(() => knowledgeBase.close());

  /** A type's definition in the supergraph, with the names of the directives on it and on each field. */
  function supergraphType(name: string): { directives: string[]; fields: Record<string, string[]> } {
    const supergraph = parse(supergraphSdlOf(composeWithSiblings(stack, sdl, [knowledgeBase])));
    const type = supergraph.definitions.find(
      (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === name,
    );
    if (!type) throw new Error(`${name} is not in the supergraph`);
    return {
      directives: (type.directives ?? []).map((d) => d.name.value),
      fields: Object.fromEntries(
        (type.fields ?? []).map((f) => [f.name.value, (f.directives ?? []).map((d) => d.name.value)]),
      ),
    };
  }

  it('composes with no errors and no hint outside the accepted list', () => {
    const result = composeWithSiblings(stack, sdl, [knowledgeBase]);

    expect(result.errors?.map((error) => error.message)).toBeUndefined();
    expect(unacceptedHints(result)).toEqual([]);
  });

  it('shares one PageInfo with all four Relay fields, resolvable in both subgraphs', () => {
    const pageInfo = supergraphType('PageInfo');

    expect(Object.keys(pageInfo.fields).sort()).toEqual([
      'endCursor',
      'hasNextPage',
      'hasPreviousPage',
      'startCursor',
    ]);
  });

  it("leaves the knowledge base's PageInfo and public articles free of any login or scope", () => {
    const pageInfo = supergraphType('PageInfo');
    const query = supergraphType('Query');
    const accessControl = (names: string[]) =>
      names.filter((name) => name === 'authenticated' || name === 'requiresScopes' || name === 'policy');

    expect(accessControl(pageInfo.directives)).toEqual([]);
    expect(Object.values(pageInfo.fields).flatMap(accessControl)).toEqual([]);
    expect(accessControl(supergraphType('ArticleConnection').directives)).toEqual([]);
    expect(accessControl(query.fields.articles ?? ['articles missing'])).toEqual([]);
    // Our own connections still carry theirs.
    expect(query.fields.sessions).toEqual(expect.arrayContaining(['requiresScopes']));
    expect(supergraphType('SessionConnection').directives).toContain('authenticated');
  });
});
