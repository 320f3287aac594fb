/**
 * Federation test helpers: our SDL as a gateway or rover reads it (`_service { sdl }` over HTTP), composition
 * beside the sibling fixtures, and the hints composition may give that we accept, each with its reason.
 */
import { composeServices, type CompositionResult } from '@apollo/composition';
import { parse } from 'graphql';
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
export const ACCEPTED_HINTS: ReadonlyArray<{ code: string; about: RegExp; why: string }> = [
  {
    code: 'UNUSED_ENUM_TYPE',
    about: /"CacheControlScope"/,
    why:
      'the argument type of our own @cacheControl directive: Apollo Server needs it in the subgraph, no ' +
      'field uses it, and it is @inaccessible, so clients never see it',
  },
];

export function unacceptedHints(result: CompositionResult): string[] {
  return result.hints
    .filter(
      (hint) =>
        !ACCEPTED_HINTS.some(
          (accepted) => accepted.code === hint.definition.code && accepted.about.test(hint.message),
        ),
    )
    .map((hint) => `${hint.definition.code}: ${hint.message}`);
}
