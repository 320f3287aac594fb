/**
 * The kit's fragments (kit/fragments/*.graphql) as definitions, for documents written outside codegen that
 * spread them: `withKitFragments(parse(text))` adds every kit fragment the document uses, directly or through
 * another fragment, so the result is a complete document to validate, price or send. docs/examples are such
 * documents (their test and the cost table read them through this).
 */
import { Kind, visit, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import * as generated from './__generated__/graphql.js';

/** Every kit fragment by name, from the typed documents codegen wrote (`…FragmentDoc`). */
export const kitFragments: ReadonlyMap<string, FragmentDefinitionNode> = new Map(
  Object.entries(generated)
    .filter(([name]) => name.endsWith('FragmentDoc'))
    .flatMap(([, document]) => (document as DocumentNode).definitions)
    .filter(
      (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
    )
    .map((definition) => [definition.name.value, definition]),
);

function spreadNames(node: DocumentNode | FragmentDefinitionNode): string[] {
  const names: string[] = [];
  visit(node, {
    FragmentSpread(spread) {
      names.push(spread.name.value);
    },
  });
  return names;
}

export function withKitFragments(document: DocumentNode): DocumentNode {
  const defined = new Set(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [definition.name.value] : [],
    ),
  );
  const added: FragmentDefinitionNode[] = [];
  const pending = spreadNames(document);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const fragment = kitFragments.get(name);
    if (defined.has(name) || fragment === undefined) continue;
    defined.add(name);
    added.push(fragment);
    pending.push(...spreadNames(fragment));
  }
  return added.length === 0 ? document : { ...document, definitions: [...document.definitions, ...added] };
}
