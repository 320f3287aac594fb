/**
 * `Query._entities` resolved as one list. @apollo/subgraph's resolver hands the executor one promise per
 * representation, and graphql-jit 0.8.9 mis-builds a list whose item promise rejects after a later item has
 * resolved: it appends an extra `null` (a batch of 3 with the middle reference failing upstream answered 4
 * items), and a router matches entities to representations by index. Here the references are resolved together
 * and awaited once; a reference that rejects is an Error at its own index (`null` there, its error at
 * `['_entities', i]`), which both executors handle. Interface entities keep @apollo/subgraph's resolver (it
 * resolves their runtime type).
 *
 * Representations are checked first. `_Any` accepts any JSON, and @apollo/subgraph answers a representation
 * that is not an object, names no entity or lacks its key with a plain Error (or our loaders with a TypeError),
 * which reads as our INTERNAL_SERVER_ERROR: a malformed batch is the caller's mistake, BAD_USER_INPUT saying which
 * representation and what is wrong with it, and nothing is called upstream.
 */
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type GraphQLFieldResolver,
  type GraphQLInterfaceType,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { badUserInput } from './errors.js';

interface Representation {
  __typename: string;
  [field: string]: unknown;
}

type ResolveReference = (reference: Representation, context: unknown, info: unknown) => unknown;

/** One field of a `@key` field set: a leaf checks its value with the scalar's own parser, a nested key an object. */
interface KeyField {
  name: string;
  leaf: GraphQLLeafType | null;
}

interface EntityType {
  keys: KeyField[][];
  /** `undefined` for an interface entity, which @apollo/subgraph's resolver handles. */
  resolveReference: ResolveReference | null | undefined;
}

export function resolveEntitiesTogether(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field) return;
  const original = field.resolve as GraphQLFieldResolver<unknown, unknown>;
  const entities = new Map<string, EntityType>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const keys = keyFieldSets(type, schema);
    if (keys.length === 0) continue;
    const subgraph = (type.extensions as { apollo?: { subgraph?: { resolveReference?: ResolveReference } } })
      .apollo?.subgraph;
    entities.set(type.name, {
      keys,
      resolveReference: isObjectType(type) ? (subgraph?.resolveReference ?? null) : undefined,
    });
  }
  const entityNames = [...entities.keys()].sort().join(', ');

  field.resolve = async (source, args: { representations: readonly unknown[] }, context, info) => {
    const { representations } = args;
    for (const [i, representation] of representations.entries()) {
      const problem = problemWith(representation, entities, entityNames);
      if (problem) throw badUserInput(`representations[${i}] ${problem}`, ['representations', String(i)]);
    }
    const valid = representations as readonly Representation[];
    if (valid.some((reference) => entities.get(reference.__typename)?.resolveReference === undefined))
      return original(source, args, context, info);
    const settled = await Promise.allSettled(
      valid.map((reference) => {
        const resolveReference = entities.get(reference.__typename)?.resolveReference;
        return resolveReference ? resolveReference(reference, context, info) : reference;
      }),
    );
    return settled.map((outcome, i) =>
      outcome.status === 'fulfilled'
        ? withTypename(outcome.value, valid[i]!.__typename)
        : outcome.reason instanceof Error
          ? outcome.reason
          : new Error(String(outcome.reason)),
    );
  };
}

/** What is wrong with one representation, worded to follow `representations[i] `; undefined when nothing is. */
function problemWith(
  representation: unknown,
  entities: ReadonlyMap<string, EntityType>,
  entityNames: string,
): string | undefined {
  if (representation === null || typeof representation !== 'object' || Array.isArray(representation))
    return 'is not an object.';
  const fields = representation as Record<string, unknown>;
  const typename = fields.__typename;
  if (typeof typename !== 'string') return 'has no `__typename` string.';
  const entity = entities.get(typename);
  if (!entity)
    return `names ${quoted(typename)}, which is not an entity type of this subgraph (${entityNames}).`;
  if (entity.keys.some((key) => key.every((keyField) => isValidKeyValue(fields[keyField.name], keyField))))
    return undefined;
  const wanted = entity.keys.map((key) => key.map((keyField) => keyField.name).join(' ')).join('" or "');
  return `of ${typename} carries no valid key: expected "${wanted}".`;
}

function isValidKeyValue(value: unknown, field: KeyField): boolean {
  if (value === null || value === undefined) return false;
  if (!field.leaf) return typeof value === 'object' && !Array.isArray(value);
  try {
    return field.leaf.parseValue(value) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Key fields checked with the scalar the graph takes the same value as on input: an e-mail key is a `String` in
 * the SDL (a sibling declares `email: String!`, and a shared field has one type in every subgraph), but a
 * representation's e-mail must still be an e-mail before it is looked up.
 */
const KEY_INPUT_SCALARS: Readonly<Record<string, string>> = { email: 'EmailAddress' };

/** The type's `@key(fields: …)` field sets (top-level fields of each), from its SDL definition and extensions. */
function keyFieldSets(type: GraphQLObjectType | GraphQLInterfaceType, schema: GraphQLSchema): KeyField[][] {
  const directives: ConstDirectiveNode[] = [
    ...(type.astNode?.directives ?? []),
    ...type.extensionASTNodes.flatMap((node) => node.directives ?? []),
  ];
  const fields = type.getFields();
  const sets: KeyField[][] = [];
  for (const directive of directives) {
    if (directive.name.value !== 'key') continue;
    const argument = directive.arguments?.find((arg) => arg.name.value === 'fields');
    if (argument?.value.kind !== Kind.STRING) continue;
    const [selection] = parse(`{ ${argument.value.value} }`).definitions;
    if (selection?.kind !== Kind.OPERATION_DEFINITION) continue;
    const set: KeyField[] = [];
    for (const node of selection.selectionSet.selections) {
      if (node.kind !== Kind.FIELD) continue;
      const inputScalar = KEY_INPUT_SCALARS[node.name.value];
      const fieldType =
        (inputScalar && schema.getType(inputScalar)) ||
        (fields[node.name.value] && getNamedType(fields[node.name.value]!.type));
      set.push({ name: node.name.value, leaf: fieldType && isLeafType(fieldType) ? fieldType : null });
    }
    sets.push(set);
  }
  return sets;
}

/** A client-supplied name as it may appear in a message: quoted, and cut short. */
function quoted(value: string): string {
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
}

/** The `_Entity` union tells its members apart by `__typename`, as @apollo/subgraph sets it. */
function withTypename(value: unknown, typename: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (!('__typename' in value)) Object.defineProperty(value, '__typename', { value: typename });
  // A different name refines an interface reference: a copy, since the executor may hold the original already.
  else if (value.__typename !== typename) return { ...value, __typename: typename };
  return value;
}
