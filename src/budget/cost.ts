/**
 * The operation cost estimator: how many upstream calls an operation will make, from the schema's own
 * `@cost(weight)` and `@listSize` directives (schema/base.graphql explains the model), computed after validation
 * and before anything runs.
 *
 * - A field costs its `@cost` weight (0 without one) times the sizes of the lists enclosing it.
 * - A list's size is its largest slicing argument (`first`, its schema default when absent), else its
 *   `assumedSize`, else 1; with `sizedFields` the size applies to those child fields (a connection's `nodes`,
 *   `edges`) instead of the field itself.
 * - A field whose type is a single entity (a member of `_Entity`) is loaded through a batching loader, so its
 *   weight counts once per place it is selected, not once per enclosing list item; its sub-fields still
 *   multiply.
 * - `_entities` costs one batched lookup per entity type asked for, and its sub-selections multiply by the
 *   number of representations of that type.
 * - An argument or input field with `@cost` adds its weight to its field's when given (a filter the upstream
 *   cannot apply, which the graph applies by reading more list pages). Those reads are shared by the filter's
 *   fields, so one field's arguments add the largest such weight given, not their sum (the IBM cost spec sums,
 *   so a router's estimate is the higher one).
 * - `@skip`/`@include` are honoured; fragments are expanded; selections on several types all count (an upper
 *   estimate).
 * - Variables are the values execution will use: the caller passes them coerced, defaults applied
 *   (src/graph/coerced-variables.ts), so `query($n: Int = 100)` is priced at 100, not at the schema's default.
 * - The walk is linear in the document: each fragment is priced once per parent type, however often it is spread.
 */
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  OperationTypeNode,
  valueFromAST,
  type ArgumentNode,
  type ConstDirectiveNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

interface FieldCost {
  weight: number;
  listSize?: { slicingArguments: string[]; assumedSize?: number; sizedFields: string[] };
}

const directiveCache = new WeakMap<GraphQLSchema, Map<string, FieldCost>>();
const entityCache = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

function directive(
  nodes: readonly ConstDirectiveNode[] | undefined,
  name: string,
): ConstDirectiveNode | undefined {
  return nodes?.find((d) => d.name.value === name || d.name.value === `federation__${name}`);
}

function argument(node: ConstDirectiveNode | undefined, name: string): ValueNode | undefined {
  return node?.arguments?.find((a) => a.name.value === name)?.value;
}

function intValue(value: ValueNode | undefined): number | undefined {
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function stringList(value: ValueNode | undefined): string[] {
  if (value?.kind === Kind.STRING) return [value.value];
  if (value?.kind !== Kind.LIST) return [];
  return value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []));
}

function fieldCost(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  field: GraphQLField<unknown, unknown>,
): FieldCost {
  let byField = directiveCache.get(schema);
  if (!byField) {
    byField = new Map();
    directiveCache.set(schema, byField);
  }
  const key = `${type.name}.${field.name}`;
  let cost = byField.get(key);
  if (!cost) {
    const directives = field.astNode?.directives;
    const returned = getNamedType(field.type);
    const weight =
      intValue(argument(directive(directives, 'cost'), 'weight')) ??
      intValue(argument(directive(returned.astNode?.directives, 'cost'), 'weight')) ??
      0;
    const listSize = directive(directives, 'listSize');
    cost = { weight };
    if (listSize) {
      const assumedSize = intValue(argument(listSize, 'assumedSize'));
      cost.listSize = {
        slicingArguments: stringList(argument(listSize, 'slicingArguments')),
        sizedFields: stringList(argument(listSize, 'sizedFields')),
        ...(assumedSize === undefined ? {} : { assumedSize }),
      };
    }
    byField.set(key, cost);
  }
  return cost;
}

function entityTypes(schema: GraphQLSchema): ReadonlySet<string> {
  let names = entityCache.get(schema);
  if (!names) {
    const union = schema.getType('_Entity');
    names = new Set(union && 'getTypes' in union ? union.getTypes().map((t) => t.name) : []);
    entityCache.set(schema, names);
  }
  return names;
}

export interface EstimateInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
}

/** Upstream calls the operation is expected to make (an upper estimate). */
export function estimateUpstreamCalls(input: EstimateInput): number {
  const { schema, operation } = input;
  const root =
    operation.operation === OperationTypeNode.MUTATION
      ? schema.getMutationType()
      : operation.operation === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const estimator = new Estimator(input);
  return root ? at(estimator.selectionSet(operation.selectionSet, root), 1) : 0;
}

/** The estimate of a parsed document's operation, with the variables execution will use. */
export function estimateDocumentCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): number {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return estimateUpstreamCalls({ schema, operation, fragments, variables });
}

/**
 * An estimate as a function of the number of times its selection repeats: `fixed + perItem × multiplier`. Entity
 * weights are fixed (batched once), everything else scales; composing fields keeps that shape, so a fragment's
 * estimate is worked out once per parent type and reused wherever it is spread.
 */
interface Affine {
  fixed: number;
  perItem: number;
}

const ZERO: Affine = Object.freeze({ fixed: 0, perItem: 0 });

function add(target: Affine, part: Affine, scale = 1): void {
  target.fixed += part.fixed;
  target.perItem += part.perItem * scale;
}

function at(cost: Affine, multiplier: number): number {
  return cost.fixed + cost.perItem * multiplier;
}

class Estimator {
  /**
   * Each fragment's estimate per parent type (and list size, for a connection's sized children): a fragment
   * spread twice per level over twenty levels is walked twenty times, not a million (issue 24). A fragment
   * still being worked out counts as nothing, so a cycle (which validation refuses anyway) cannot recurse.
   */
  readonly #fragments = new Map<string, Affine>();

  readonly #input: EstimateInput;

  constructor(input: EstimateInput) {
    this.#input = input;
  }

  variable(name: string): unknown {
    return this.#input.variables[name];
  }

  /** A literal argument value, which may hold variables anywhere inside it. */
  literal(node: ValueNode, type: GraphQLInputType): unknown {
    return valueFromAST(node, type, this.#input.variables);
  }

  fragment(key: string, work: () => Affine): Affine {
    const known = this.#fragments.get(key);
    if (known) return known;
    this.#fragments.set(key, ZERO);
    const cost = work();
    this.#fragments.set(key, cost);
    return cost;
  }

  selectionSet(set: SelectionSetNode, type: GraphQLNamedType): Affine {
    const total = { fixed: 0, perItem: 0 };
    for (const selection of set.selections) {
      if (!this.included(selection.directives)) continue;
      if (selection.kind === Kind.FIELD) {
        add(total, this.field(selection, type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition
          ? (this.#input.schema.getType(selection.typeCondition.name.value) ?? type)
          : type;
        add(total, this.selectionSet(selection.selectionSet, on));
      } else {
        const fragment = this.#input.fragments[selection.name.value];
        if (!fragment) continue;
        const on = this.#input.schema.getType(fragment.typeCondition.name.value) ?? type;
        add(
          total,
          this.fragment(`${fragment.name.value}\u0000${type.name}`, () =>
            this.selectionSet(fragment.selectionSet, on),
          ),
        );
      }
    }
    return total;
  }

  field(node: FieldNode, parent: GraphQLNamedType): Affine {
    if (!('getFields' in parent)) return ZERO;
    if (node.name.value === '_entities' && parent === this.#input.schema.getQueryType())
      return { fixed: this.entities(node), perItem: 0 };
    const field = (parent as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[
      node.name.value
    ];
    if (!field) return ZERO;
    const cost = fieldCost(this.#input.schema, parent, field);
    const returned = getNamedType(field.type);
    const isEntity = entityTypes(this.#input.schema).has(returned.name) && !isList(field.type);
    const weight = cost.weight + this.argumentsCost(node, field);
    const total = isEntity ? { fixed: weight, perItem: 0 } : { fixed: 0, perItem: weight };
    if (!node.selectionSet) return total;

    // A list without @listSize (a payload's userErrors) is counted once: nothing below it calls upstream.
    const size = cost.listSize ? this.listSize(node, field, cost.listSize) : 1;
    const sizedFields = new Set(cost.listSize?.sizedFields ?? []);
    if (sizedFields.size > 0) {
      // The size applies to the sized children only; the connection's other fields (totalCount) do not repeat.
      add(total, this.sizedChildren(node.selectionSet, returned, size, sizedFields));
    } else {
      add(total, this.selectionSet(node.selectionSet, returned), size);
    }
    return total;
  }

  sizedChildren(
    set: SelectionSetNode,
    type: GraphQLNamedType,
    size: number,
    sizedFields: ReadonlySet<string>,
  ): Affine {
    const total = { fixed: 0, perItem: 0 };
    for (const selection of set.selections) {
      if (!this.included(selection.directives)) continue;
      if (selection.kind === Kind.FIELD) {
        add(total, this.field(selection, type), sizedFields.has(selection.name.value) ? size : 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(total, this.sizedChildren(selection.selectionSet, type, size, sizedFields));
      } else {
        const fragment = this.#input.fragments[selection.name.value];
        if (!fragment) continue;
        const key = `${fragment.name.value}\u0000${type.name}\u0000${size}\u0000${[...sizedFields].join(',')}`;
        add(
          total,
          this.fragment(key, () => this.sizedChildren(fragment.selectionSet, type, size, sizedFields)),
        );
      }
    }
    return total;
  }

  listSize(
    node: FieldNode,
    field: GraphQLField<unknown, unknown>,
    listSize: NonNullable<FieldCost['listSize']>,
  ): number {
    let largest: number | undefined;
    for (const name of listSize.slicingArguments) {
      const value = this.argumentValue(node.arguments, field, name);
      if (typeof value === 'number' && Number.isFinite(value)) largest = Math.max(largest ?? 0, value);
    }
    return Math.max(0, largest ?? listSize.assumedSize ?? 1);
  }

  argumentValue(
    nodes: readonly ArgumentNode[] | undefined,
    field: GraphQLField<unknown, unknown>,
    name: string,
  ): unknown {
    const definition = field.args.find((a) => a.name === name);
    if (!definition) return undefined;
    const node = nodes?.find((a) => a.name.value === name);
    if (!node) return definition.defaultValue;
    if (node.value.kind === Kind.VARIABLE) {
      const value = this.variable(node.value.name.value);
      return value === undefined ? definition.defaultValue : value;
    }
    return this.literal(node.value, definition.type);
  }

  /** The largest `@cost` weight among the arguments and input fields given (see the header). */
  argumentsCost(node: FieldNode, field: GraphQLField<unknown, unknown>): number {
    let largest = 0;
    const visitValue = (type: GraphQLInputType, value: unknown): void => {
      const named = getNamedType(type);
      if (value === null || value === undefined || !isInputObjectType(named)) return;
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item === null || typeof item !== 'object') continue;
        for (const inputField of Object.values(named.getFields())) {
          const given = (item as Record<string, unknown>)[inputField.name];
          if (given === undefined || given === null) continue;
          const weight = intValue(argument(directive(inputField.astNode?.directives, 'cost'), 'weight')) ?? 0;
          largest = Math.max(largest, weight);
          visitValue(inputField.type, given);
        }
      }
    };
    for (const definition of field.args) {
      const value = this.argumentValue(node.arguments, field, definition.name);
      if (value === undefined || value === null) continue;
      largest = Math.max(
        largest,
        intValue(argument(directive(definition.astNode?.directives, 'cost'), 'weight')) ?? 0,
      );
      visitValue(definition.type, value);
    }
    return largest;
  }

  /** `_entities(representations: [...])`: one batched lookup per type, sub-fields per representation. */
  entities(node: FieldNode): number {
    const schema = this.#input.schema;
    const argumentNode = node.arguments?.find((a) => a.name.value === 'representations');
    let representations: unknown;
    const definition = schema.getQueryType()?.getFields()._entities?.args[0];
    if (argumentNode?.value.kind === Kind.VARIABLE)
      representations = this.variable(argumentNode.value.name.value);
    else if (argumentNode && definition) representations = this.literal(argumentNode.value, definition.type);
    const counts = new Map<string, number>();
    if (Array.isArray(representations)) {
      for (const representation of representations) {
        const typename = (representation as { __typename?: unknown } | null)?.__typename;
        if (typeof typename === 'string') counts.set(typename, (counts.get(typename) ?? 0) + 1);
      }
    }
    let total = 0;
    for (const [typename, count] of counts) {
      const type = schema.getType(typename);
      if (!type || !node.selectionSet) continue;
      const selections = this.forType(node.selectionSet, typename);
      // __resolveReference goes through the entity's loader: one batch (a GET or a list page) per type.
      total += 1 + at(this.selectionSet(selections, type), count);
    }
    return total;
  }

  /** The selections of `_entities` that apply to `typename`. */
  forType(set: SelectionSetNode, typename: string): SelectionSetNode {
    const selections = set.selections.flatMap((selection): SelectionNode[] => {
      if (selection.kind === Kind.INLINE_FRAGMENT)
        return !selection.typeCondition || selection.typeCondition.name.value === typename ? [selection] : [];
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = this.#input.fragments[selection.name.value];
        return fragment?.typeCondition.name.value === typename ? [selection] : [];
      }
      return [selection];
    });
    return { kind: Kind.SELECTION_SET, selections };
  }

  included(directives: readonly DirectiveNode[] | undefined): boolean {
    if (!directives) return true;
    for (const d of directives) {
      if (d.name.value !== 'skip' && d.name.value !== 'include') continue;
      const value = d.arguments?.find((a) => a.name.value === 'if')?.value;
      let condition: unknown = true;
      if (value?.kind === Kind.BOOLEAN) condition = value.value;
      else if (value?.kind === Kind.VARIABLE) condition = this.variable(value.name.value);
      if (d.name.value === 'skip' && condition === true) return false;
      if (d.name.value === 'include' && condition === false) return false;
    }
    return true;
  }
}

function isList(type: unknown): boolean {
  const inner = isNonNullType(type) ? (type as { ofType: unknown }).ofType : type;
  return isListType(inner);
}
