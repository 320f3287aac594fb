/**
 * The live graph composes beside the sibling subgraphs another team would write (a help desk, a CRM), as the
 * seed graph does (test/federation/composition.test.ts): from its SDL as `_service { sdl }` serves it with
 * ZOHO_API_DIALECT=live, no errors, no hint outside the accepted list, Zoho's real scopes in the supergraph, and
 * the siblings' references to Session still meeting the entity its key names.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startCrmSubgraph } from '../fixtures/crm-subgraph.js';
import { startDeskSubgraph } from '../fixtures/desk-subgraph.js';
import type { RunningSubgraph } from '../fixtures/sibling.js';
import { composeWithSiblings, servedSdl, supergraphSdlOf, unacceptedHints } from '../federation/support.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
let siblings: RunningSubgraph[];
let sdl: string;

beforeAll(async () => {
  stack = await startStack({ env: { ZOHO_API_DIALECT: 'live' } });
  siblings = [await startDeskSubgraph([]), await startCrmSubgraph([])];
  sdl = await servedSdl(stack);
});

afterAll(async () => {
  await Promise.all(siblings.map((sibling) => sibling.close()));
  await stack.close();
});

describe('the live graph beside a help desk and a CRM', () => {
  it('is the live SDL, and composes with no errors and no hint outside the accepted list', () => {
    expect(sdl).toContain('me: Me');
    expect(sdl).not.toContain('technicians(');

    const result = composeWithSiblings(stack, sdl, siblings);

    expect(result.errors).toBeUndefined();
    expect(unacceptedHints(result)).toEqual([]);
  });

  it("carries Zoho's real scopes into the supergraph, and the siblings' Session is ours", () => {
    const result = composeWithSiblings(stack, sdl, siblings);
    const supergraph = supergraphSdlOf(result);
    if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
    const api = result.schema.toAPISchema().toGraphQLJSSchema();

    expect(supergraph).toContain('@requiresScopes(scopes: [["ZohoAssist.unattended.computer.READ"]])');
    expect(supergraph).not.toContain('ZohoAssist.sessions.READ');
    expect(supergraph).toMatch(/type Session\s[^{]*@join__type\(graph: ZOHO_ASSIST, key: "id"\)/);
    expect(Object.keys((api.getType('Session') as { getFields(): object }).getFields())).toEqual(
      expect.arrayContaining(['id', 'joinKey', 'technicianUrl']),
    );
  });
});
