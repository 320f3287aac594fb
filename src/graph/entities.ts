/**
 * `Query._entities` with its representations checked first. `_Any` accepts any JSON, and @apollo/subgraph answers
 * a representation that is not an object, names no entity or lacks its key with a plain Error (or our loaders
 * with a TypeError), which reads as our INTERNAL_SERVER_ERROR: a malformed batch is the caller's mistake,
 * BAD_USER_INPUT saying which representation and what is wrong with it, and nothing is called upstream. A valid
 * batch goes to @apollo/subgraph's own resolver.
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

/** One field of a `@key` field set: a leaf checks its value with the scalar's own parser, a nested key an object. */
interface KeyField {
  name: string;
  leaf: GraphQLLeafType | null;
}

export function checkEntityRepresentations(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field) return;
  const original = field.resolve as GraphQLFieldResolver<unknown, unknown>;
  const entities = new Map<string, KeyField[][]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const keys = keyFieldSets(type, schema);
    if (keys.length > 0) entities.set(type.name, keys);
  }
  const entityNames = [...entities.keys()].sort().join(', ');

  field.resolve = (source, args: { representations: readonly unknown[] }, context, info) => {
    for (const [i, representation] of args.representations.entries()) {
      const problem = problemWith(representation, entities, entityNames);
      if (problem) throw badUserInput(`representations[${i}] ${problem}`, ['representations', String(i)]);
    }
    return original(source, args, context, info);
  };
}

/** What is wrong with one representation, worded to follow `representations[i] `; undefined when nothing is. */
function problemWith(
  representation: unknown,
  entities: ReadonlyMap<string, KeyField[][]>,
  entityNames: string,
): string | undefined {
  if (representation === null || typeof representation !== 'object' || Array.isArray(representation))
    return 'is not an object.';
  const fields = representation as Record<string, unknown>;
  const typename = fields.__typename;
  if (typeof typename !== 'string') return 'has no `__typename` string.';
  const keys = entities.get(typename);
  if (!keys)
    return `names ${quoted(typename)}, which is not an entity type of this subgraph (${entityNames}).`;
  if (keys.some((key) => key.every((keyField) => isValidKeyValue(fields[keyField.name], keyField))))
    return undefined;
  const wanted = keys.map((key) => key.map((keyField) => keyField.name).join(' ')).join('" or "');
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
