import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * A document may only use root operation types the schema has. graphql-js (16) validates nothing of the kind and
 * fails at execution ("Schema is not configured to execute subscription operation."), an error without a code
 * that Apollo reports as INTERNAL_SERVER_ERROR; as a validation rule it is the client's 400
 * GRAPHQL_VALIDATION_FAILED, as graphql-js 17's `KnownOperationTypesRule` makes it.
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(new GraphQLError(`This graph has no ${node.operation} operations.`, { nodes: node }));
  },
});
