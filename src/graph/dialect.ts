/**
 * One set of SDL files, two graphs. schema/*.graphql describe both dialects' graphs at once (so codegen types
 * every resolver against the union, and entities and their keys are written once); `forDialect` cuts out the
 * graph one dialect serves, before @apollo/subgraph builds it. The build-time directives it reads are defined
 * in schema/live.graphql and never reach a published SDL:
 *
 * - `@dialect(only: SEED | LIVE)` on a type, field, argument, input field or enum value: only that dialect's graph
 *   has it. A type that only removed elements referred to goes with them (the live graph has no Technician
 *   because nothing it keeps names one), so seed-only types need no mark of their own.
 * - `@dialect(required: SEED | LIVE)` on a field or input field written nullable: non-null in that dialect's graph
 *   (a session's `url` is always known in the seed, not for a live unattended session).
 * - `@liveScopes(scopes: …)` beside `@requiresScopes`: the scopes the live graph publishes there, Zoho's real
 *   ones. An element the live graph keeps with a `@requiresScopes` and no `@liveScopes` is an error, so no seed
 *   scope reaches the live SDL.
 *
 * `extend` blocks of a type defined in the same files are merged into its definition first, so live-only fields
 * can live in schema/live.graphql and the printed SDL still has one definition per type.
 */
import {
  Kind,
  visit,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type TypeNode,
} from 'graphql';
import type { ApiDialect } from '../config/index.js';

const DIALECT = 'dialect';
const LIVE_SCOPES = 'liveScopes';
const REQUIRES_SCOPES = 'requiresScopes';
const DIALECT_ENUM = 'Dialect';
const BUILD_TIME = new Set([DIALECT, LIVE_SCOPES]);

const dialectName = (dialect: ApiDialect): string => dialect.toUpperCase();

function directive(
  node: { readonly directives?: readonly ConstDirectiveNode[] | undefined },
  name: string,
): ConstDirectiveNode | undefined {
  return node.directives?.find((d) => d.name.value === name);
}

function enumArgument(d: ConstDirectiveNode | undefined, name: string): string | undefined {
  const arg = d?.arguments?.find((a) => a.name.value === name);
  return arg?.value.kind === Kind.ENUM ? arg.value.value : undefined;
}

/** False when the element is marked for the other dialect only. */
function kept(node: { readonly directives?: readonly ConstDirectiveNode[] | undefined }, dialect: string) {
  const only = enumArgument(directive(node, DIALECT), 'only');
  return only === undefined || only === dialect;
}

type Extension = Extract<DefinitionNode, { kind: `${string}Extension` }>;
const isExtension = (node: DefinitionNode): node is Extension => node.kind.endsWith('Extension');

/** Each `extend type|input|enum X` of an X defined here, folded into X's definition. */
function mergeExtensions(document: DocumentNode): DocumentNode {
  const definitions = new Map<string, DefinitionNode>();
  for (const node of document.definitions)
    if ('name' in node && node.name && !isExtension(node)) definitions.set(node.name.value, node);
  const merged = new Map<string, DefinitionNode>();
  const rest: DefinitionNode[] = [];
  for (const node of document.definitions) {
    if (!isExtension(node) || node.kind === Kind.SCHEMA_EXTENSION || !definitions.has(node.name.value)) {
      rest.push(node);
      continue;
    }
    const name = node.name.value;
    const base = (merged.get(name) ?? definitions.get(name)!) as unknown as Record<string, unknown>;
    const ext = node as unknown as Record<string, readonly unknown[] | undefined>;
    const join = (key: string) => [...((base[key] as unknown[] | undefined) ?? []), ...(ext[key] ?? [])];
    merged.set(name, {
      ...base,
      directives: join('directives'),
      ...('fields' in node ? { fields: join('fields') } : {}),
      ...('values' in node ? { values: join('values') } : {}),
      ...('interfaces' in node ? { interfaces: join('interfaces') } : {}),
    } as unknown as DefinitionNode);
  }
  return {
    ...document,
    definitions: rest.map((node) =>
      'name' in node && node.name && !isExtension(node) ? (merged.get(node.name.value) ?? node) : node,
    ),
  };
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** The types reachable from the root operation types and from the directive definitions' arguments. */
function reachable(document: DocumentNode): Set<string> {
  const byName = new Map<string, DefinitionNode>();
  for (const node of document.definitions)
    if ('name' in node && node.name && node.kind !== Kind.DIRECTIVE_DEFINITION)
      byName.set(node.name.value, node);
  const seen = new Set<string>();
  const queue: string[] = ['Query', 'Mutation', 'Subscription'];
  for (const node of document.definitions)
    if (node.kind === Kind.DIRECTIVE_DEFINITION)
      for (const arg of node.arguments ?? []) queue.push(namedType(arg.type));
  const visitInput = (value: InputValueDefinitionNode) => queue.push(namedType(value.type));
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const node = byName.get(name);
    if (!node) continue;
    switch (node.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_DEFINITION:
        for (const i of node.interfaces ?? []) queue.push(i.name.value);
        for (const field of node.fields ?? []) {
          queue.push(namedType(field.type));
          (field.arguments ?? []).forEach(visitInput);
        }
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        (node.fields ?? []).forEach(visitInput);
        break;
      case Kind.UNION_TYPE_DEFINITION:
        for (const member of node.types ?? []) queue.push(member.name.value);
        break;
      default:
        break;
    }
  }
  return seen;
}

function nonNull(type: TypeNode): TypeNode {
  return type.kind === Kind.NON_NULL_TYPE ? type : { kind: Kind.NON_NULL_TYPE, type };
}

/** A field or input field as `dialect` has it: non-null where marked required in it. */
function shaped<T extends FieldDefinitionNode | InputValueDefinitionNode>(
  node: T,
  directives: readonly ConstDirectiveNode[],
  dialect: string,
): T {
  const required = enumArgument(directive({ directives }, DIALECT), 'required') === dialect;
  return required ? { ...node, type: nonNull(node.type) } : node;
}

function elementName(node: { readonly name?: { readonly value: string } }, parent: string | undefined) {
  return parent ? `${parent}.${node.name?.value}` : (node.name?.value ?? '(schema)');
}

/** The `@requiresScopes` of an element as `dialect` publishes it (see the module's comment). */
function scoped(directives: readonly ConstDirectiveNode[], dialect: string, where: string) {
  const live = directives.find((d) => d.name.value === LIVE_SCOPES);
  const out: ConstDirectiveNode[] = [];
  for (const d of directives) {
    if (BUILD_TIME.has(d.name.value)) continue;
    if (d.name.value === REQUIRES_SCOPES && dialect === 'LIVE') {
      if (!live) throw new Error(`${where}: @requiresScopes without @liveScopes in the live graph`);
      out.push({ ...d, arguments: live.arguments ?? [] });
      continue;
    }
    out.push(d);
  }
  if (live && dialect === 'LIVE' && !directives.some((d) => d.name.value === REQUIRES_SCOPES))
    out.push({ ...live, name: { ...live.name, value: REQUIRES_SCOPES } });
  return out;
}

/**
 * The graph `dialect` serves, from the document of every schema/*.graphql: what the other dialect alone has
 * removed, and every trace of the build-time directives with it.
 */
export function forDialect(source: DocumentNode, apiDialect: ApiDialect): DocumentNode {
  const dialect = dialectName(apiDialect);
  const document = mergeExtensions(source);
  const before = reachable(document);
  const cut = visit(document, {
    enter(node) {
      if (!('directives' in node) || !node.directives) return undefined;
      const directives = node.directives as readonly ConstDirectiveNode[];
      if (!kept({ directives }, dialect)) return null;
      if (node.kind === Kind.FIELD_DEFINITION || node.kind === Kind.INPUT_VALUE_DEFINITION)
        return shaped(node, directives, dialect);
      return undefined;
    },
  });
  // What only removed elements named goes with them.
  const after = reachable(cut);
  const pruned: DocumentNode = {
    ...cut,
    definitions: cut.definitions.filter(
      (node) =>
        !('name' in node) ||
        !node.name ||
        node.kind === Kind.DIRECTIVE_DEFINITION ||
        !before.has(node.name.value) ||
        after.has(node.name.value),
    ),
  };
  let parent: string | undefined;
  return visit(pruned, {
    enter(node) {
      if (node.kind === Kind.DIRECTIVE_DEFINITION) return BUILD_TIME.has(node.name.value) ? null : undefined;
      if (node.kind === Kind.ENUM_TYPE_DEFINITION && node.name.value === DIALECT_ENUM) return null;
      if (!('directives' in node) || !node.directives) return undefined;
      const named = node as { name?: { value: string } };
      const isType = 'fields' in node || 'values' in node;
      if (isType) parent = named.name?.value;
      const where = elementName(named, isType ? undefined : parent);
      return {
        ...node,
        directives: scoped(node.directives as readonly ConstDirectiveNode[], dialect, where),
      };
    },
  });
}
