/**
 * `Query._entities` resolved as one list. @apollo/subgraph's resolver hands the executor one promise per
 * representation, and graphql-jit 0.8.9 mis-builds a list whose item promise rejects after a later item has
 * resolved: it appends an extra `null` (a batch of 3 with the middle reference failing upstream answered 4
 * items), and a router matches entities to representations by index. Here the references are resolved together
 * and awaited once; a reference that rejects is an Error at its own index (`null` there, its error at
 * `['_entities', i]`), which both executors handle. Interface entities, and any batch naming a type that is not
 * an object type, keep @apollo/subgraph's resolver (it resolves their runtime type).
 */
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

interface Representation {
  __typename: string;
  [field: string]: unknown;
}

type ResolveReference = (reference: Representation, context: unknown, info: unknown) => unknown;

export function resolveEntitiesTogether(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field) return;
  const original = field.resolve as GraphQLFieldResolver<unknown, unknown>;
  const references = new Map<string, ResolveReference | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const subgraph = (type.extensions as { apollo?: { subgraph?: { resolveReference?: ResolveReference } } })
      .apollo?.subgraph;
    references.set(type.name, subgraph?.resolveReference ?? null);
  }

  field.resolve = async (source, args: { representations: readonly Representation[] }, context, info) => {
    const { representations } = args;
    if (!representations.every((reference) => references.has(reference.__typename)))
      return original(source, args, context, info);
    const settled = await Promise.allSettled(
      representations.map((reference) => {
        const resolveReference = references.get(reference.__typename);
        return resolveReference ? resolveReference(reference, context, info) : reference;
      }),
    );
    return settled.map((outcome, i) =>
      outcome.status === 'fulfilled'
        ? withTypename(outcome.value, representations[i]!.__typename)
        : outcome.reason instanceof Error
          ? outcome.reason
          : new Error(String(outcome.reason)),
    );
  };
}

/** The `_Entity` union tells its members apart by `__typename`, as @apollo/subgraph sets it. */
function withTypename(value: unknown, typename: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (!('__typename' in value)) Object.defineProperty(value, '__typename', { value: typename });
  // A different name refines an interface reference: a copy, since the executor may hold the original already.
  else if (value.__typename !== typename) return { ...value, __typename: typename };
  return value;
}
