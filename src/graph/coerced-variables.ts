/**
 * The variable values execution will use, for the plugins that read variables before it runs (the cost estimate,
 * the cache policy of `_entities`): defaults applied and values coerced by graphql-js's own `getVariableValues`,
 * so `query($n: Int = 100)` reads 100 and `@skip(if: $s)` with `$s: Boolean = true` reads true. Reading the raw
 * request instead priced the first at the schema's default page size and let it spend the whole budget (issue 24).
 */
import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

type Variables = Readonly<Record<string, unknown>>;

/** Per request: both plugins ask with the same `request.variables` object. */
const coerced = new WeakMap<Variables, WeakMap<OperationDefinitionNode, Variables>>();

/**
 * `raw` coerced against the operation's variable definitions. Values execution would refuse are returned as
 * sent: execution then answers BAD_USER_INPUT before any resolver runs, so nothing is spent on them.
 */
export function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  raw: Variables,
): Variables {
  let byOperation = coerced.get(raw);
  const known = byOperation?.get(operation);
  if (known) return known;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], raw, { maxErrors: 1 });
  const values = result.coerced ?? raw;
  if (!byOperation) {
    byOperation = new WeakMap();
    coerced.set(raw, byOperation);
  }
  byOperation.set(operation, values);
  return values;
}
