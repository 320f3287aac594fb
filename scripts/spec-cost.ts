/**
 * The static estimate of the IBM GraphQL Cost Directives spec (https://ibm.github.io/graphql-specs/cost-spec.html),
 * as the routers that price with it compute it (Apollo Router's demand control, Hive Gateway, Cosmo): what a
 * router in front of this subgraph will think an operation costs, to set beside our own estimate of upstream calls
 * (src/budget/cost.ts).
 *
 * - An operation starts at 10 for a mutation and 0 for a query (the routers' operation-type cost).
 * - A field costs (its list size) × (its weight + the cost of its selections) + the cost of its arguments, and
 *   never less than 0.
 * - A field's weight is its `@cost`, else its type's `@cost`, else the spec's default: 1 for an object, interface
 *   or union, 0 for a scalar or enum. An abstract type weighs as its heaviest member.
 * - A list's size is the largest slicing argument of its `@listSize` (a slicing argument left out counts with its
 *   default value), else its `assumedSize`, else the router's configured list size. With `sizedFields` the size
 *   applies to those child lists (a connection's `nodes`, `edges`) instead of the field itself.
 * - An argument costs its `@cost`; an input object value adds 1 (the spec's default for composite input types) and
 *   the cost of every input field it gives, recursively; scalars and enums 0 unless weighted.
 * - `@skip`/`@include` are honoured; fragments are expanded; every type condition counts (an upper bound).
 */
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isInputObjectType,
  isListType,
  Kind,
  OperationTypeNode,
  valueFromAST,
  type ConstDirectiveNode,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** What the routers charge for the operation itself, before any field. */
const OPERATION_TYPE_COST: Readonly<Record<OperationTypeNode, number>> = {
  [OperationTypeNode.QUERY]: 0,
  [OperationTypeNode.MUTATION]: 10,
  [OperationTypeNode.SUBSCRIPTION]: 0,
};

export interface SpecCostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  /** Coerced variable values (the operation's defaults applied). */
  variables: Readonly<Record<string, unknown>>;
  /** The size a router assumes for a list with no `@listSize` (Apollo Router's `static_estimated.list_size`). */
  defaultListSize: number;
}

export function specStaticCost(input: SpecCostInput): number {
  const { schema, operation } = input;
  const root = schema.getRootType(operation.operation);
  const fields = root ? new SpecEstimator(input).selectionSet(operation.selectionSet, root, NO_SIZES) : 0;
  return OPERATION_TYPE_COST[operation.operation] + fields;
}

const NO_SIZES: ReadonlyMap<string, number> = new Map();

type Directives = readonly (ConstDirectiveNode | DirectiveNode)[] | undefined;

function directiveNamed(
  directives: Directives,
  name: string,
): ConstDirectiveNode | DirectiveNode | undefined {
  return directives?.find((d) => d.name.value === name || d.name.value === `federation__${name}`);
}

function argumentOf(
  directive: ConstDirectiveNode | DirectiveNode | undefined,
  name: string,
): ValueNode | undefined {
  return directive?.arguments?.find((a) => a.name.value === name)?.value;
}

/** The spec types `weight` as a serialized Float in a String; Federation's `@cost` takes an Int. */
function numberOf(value: ValueNode | undefined): number | undefined {
  if (value?.kind === Kind.INT || value?.kind === Kind.FLOAT || value?.kind === Kind.STRING) {
    const number = Number(value.value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

function stringsOf(value: ValueNode | undefined): string[] {
  if (value?.kind === Kind.STRING) return [value.value];
  if (value?.kind !== Kind.LIST) return [];
  return value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []));
}

function costOf(directives: Directives): number | undefined {
  return numberOf(argumentOf(directiveNamed(directives, 'cost'), 'weight'));
}

class SpecEstimator {
  readonly #input: SpecCostInput;

  constructor(input: SpecCostInput) {
    this.#input = input;
  }

  /** `sized`: child list fields whose size a parent's `@listSize(sizedFields:)` set. */
  selectionSet(
    set: SelectionSetNode,
    type: GraphQLNamedType,
    sized: ReadonlyMap<string, number>,
    seen: ReadonlySet<string> = new Set(),
  ): number {
    let total = 0;
    for (const selection of set.selections) {
      if (!this.included(selection.directives)) continue;
      if (selection.kind === Kind.FIELD) {
        total += this.field(selection, type, sized);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition
          ? (this.#input.schema.getType(selection.typeCondition.name.value) ?? type)
          : type;
        total += this.selectionSet(selection.selectionSet, on, sized, seen);
      } else {
        const name = selection.name.value;
        const fragment = this.#input.fragments[name];
        if (!fragment || seen.has(name)) continue;
        const on = this.#input.schema.getType(fragment.typeCondition.name.value) ?? type;
        total += this.selectionSet(fragment.selectionSet, on, sized, new Set([...seen, name]));
      }
    }
    return total;
  }

  field(node: FieldNode, parent: GraphQLNamedType, sized: ReadonlyMap<string, number>): number {
    if (!('getFields' in parent)) return 0;
    const field = (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[node.name.value];
    if (!field) return 0;
    const type = getNamedType(field.type);
    const listSize = directiveNamed(field.astNode?.directives, 'listSize');
    const size = listSize ? this.listSize(node, field, listSize) : undefined;
    const sizedFields = stringsOf(argumentOf(listSize, 'sizedFields'));
    const childSizes =
      sizedFields.length > 0
        ? new Map(sizedFields.map((name) => [name, size ?? this.#input.defaultListSize]))
        : NO_SIZES;

    const instances = isListType(getNullableType(field.type))
      ? (sized.get(node.name.value) ??
        (sizedFields.length > 0 ? undefined : size) ??
        this.#input.defaultListSize)
      : 1;
    let perInstance = costOf(field.astNode?.directives) ?? this.typeWeight(type);
    if (node.selectionSet) perInstance += this.selectionSet(node.selectionSet, type, childSizes);
    return Math.max(0, instances * perInstance + this.argumentsCost(node, field));
  }

  typeWeight(type: GraphQLNamedType): number {
    if (isAbstractType(type)) {
      return Math.max(
        0,
        ...this.#input.schema.getPossibleTypes(type).map((member) => this.typeWeight(member)),
      );
    }
    const directives = [
      ...(type.astNode?.directives ?? []),
      ...type.extensionASTNodes.flatMap((n) => n.directives ?? []),
    ];
    return costOf(directives) ?? (isCompositeType(type) || isInputObjectType(type) ? 1 : 0);
  }

  listSize(
    node: FieldNode,
    field: GraphQLField<unknown, unknown>,
    listSize: ConstDirectiveNode | DirectiveNode,
  ): number | undefined {
    let largest: number | undefined;
    for (const name of stringsOf(argumentOf(listSize, 'slicingArguments'))) {
      const argument = field.args.find((a) => a.name === name);
      const value = argument ? this.argumentValue(node, argument) : undefined;
      if (typeof value === 'number' && Number.isFinite(value)) largest = Math.max(largest ?? 0, value);
    }
    return largest ?? numberOf(argumentOf(listSize, 'assumedSize'));
  }

  /** The argument's value in this field: given (literal or variable), else its schema default. */
  argumentValue(node: FieldNode, argument: GraphQLArgument): unknown {
    const given = node.arguments?.find((a) => a.name.value === argument.name);
    if (!given) return argument.defaultValue;
    const value = valueFromAST(given.value, argument.type, this.#input.variables);
    return value === undefined ? argument.defaultValue : value;
  }

  argumentsCost(node: FieldNode, field: GraphQLField<unknown, unknown>): number {
    let total = 0;
    for (const given of node.arguments ?? []) {
      const argument = field.args.find((a) => a.name === given.name.value);
      if (!argument) continue;
      const value = valueFromAST(given.value, argument.type, this.#input.variables);
      total += this.inputCost(value, argument.type, costOf(argument.astNode?.directives));
    }
    return total;
  }

  inputCost(value: unknown, type: GraphQLInputType, weight: number | undefined): number {
    if (value === null || value === undefined) return 0;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const items = Array.isArray(value) ? value : [value];
      return (
        (weight ?? 0) +
        items.reduce<number>((sum, item) => sum + this.inputCost(item, nullable.ofType, undefined), 0)
      );
    }
    if (isInputObjectType(nullable)) {
      let total = weight ?? this.typeWeight(nullable);
      const fields = nullable.getFields();
      for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
        const inputField = fields[name];
        if (inputField)
          total += this.inputCost(fieldValue, inputField.type, costOf(inputField.astNode?.directives));
      }
      return total;
    }
    return weight ?? this.typeWeight(nullable);
  }

  included(directives: readonly DirectiveNode[] | undefined): boolean {
    for (const directive of directives ?? []) {
      if (directive.name.value !== 'skip' && directive.name.value !== 'include') continue;
      const value = argumentOf(directive, 'if');
      const condition =
        value?.kind === Kind.VARIABLE
          ? this.#input.variables[value.name.value]
          : value?.kind === Kind.BOOLEAN && value.value;
      if (directive.name.value === 'skip' && condition === true) return false;
      if (directive.name.value === 'include' && condition === false) return false;
    }
    return true;
  }
}
