/**
 * Compiled execution. graphql-jit turns each operation into a JavaScript function the first time it is seen, and
 * every later request with the same document runs that function instead of graphql-js's generic walk over the
 * selection set. On a 50-session page the generic walk was the largest single cost left per operation
 * (docs/performance.md).
 *
 * Apollo Server 5 takes a custom executor only through its `gateway` option, so this is a "gateway" that serves
 * one fixed schema: our subgraph schema, with its `_entities` and `_service`. Apollo still parses, validates,
 * caches documents and runs every plugin hook around execution; only the execution itself changes.
 *
 * graphql-js stays for the requests that need per-field hooks: a federation trace (`ftv1`, which a router asks for
 * to report field timings) is built by Apollo's inline-trace plugin from hooks around every resolver, and those
 * hooks exist only under graphql-js's execute. A document graphql-jit cannot compile runs there too, and so do
 * variables it refuses, so that their errors read as graphql-js's.
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  execute,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

const TRACE_HEADER = 'apollo-federation-include-trace';

/** An operation run once so far: compiled only if it comes back. */
const SEEN_ONCE = 'seen once';

export function compiledExecution(schema: GraphQLSchema): Gateway {
  /** Apollo keeps parsed documents in its document store, so a document object comes back for each repeat. */
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null | typeof SEEN_ONCE>>();

  /**
   * The compiled operation, from its second run on. Compiling costs far more than one run through graphql-js (a
   * unique document of 1,400 tokens: about 100 ms and a megabyte of heap that V8 keeps while it has room), and
   * pays off only for documents that repeat, as a router's query plans do; a stream of unique documents
   * (issue 24) ran at about 23 a second with most of their time and memory spent compiling.
   */
  function compiledFor(document: DocumentNode, operationName: string | null): CompiledQuery | null {
    let byOperation = compiled.get(document);
    if (!byOperation) {
      byOperation = new Map();
      compiled.set(document, byOperation);
    }
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (query === undefined) {
      byOperation.set(key, SEEN_ONCE);
      return null;
    }
    if (query === SEEN_ONCE) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      query = isCompiledQuery(result) ? result : null;
      byOperation.set(key, query);
    }
    return query;
  }

  return {
    async load() {
      return {
        async executor({ document, operation, operationName, request, context }) {
          const variables = request.variables ?? {};
          // Apollo calls the executor even when no operation matched the request's `operationName` (typed as
          // always present, it is then undefined), and passes `operationName: null`: graphql-jit would compile
          // and run the document's only operation. graphql-js, given the name the client sent, answers "Unknown
          // operation named …", which Apollo turns into a 400 OPERATION_RESOLUTION_FAILURE.
          const resolved = operation as OperationDefinitionNode | undefined;
          if (!resolved) {
            return execute({
              schema,
              document,
              contextValue: context,
              variableValues: variables,
              operationName: request.operationName ?? null,
            }) as Promise<ExecutionResult>;
          }
          const traced = request.http?.headers.get(TRACE_HEADER) === 'ftv1';
          const query = traced ? null : compiledFor(document, operationName);
          if (query) {
            const result = (await query.query(undefined, context, variables)) as ExecutionResult;
            // No data at all means the variables were refused before any resolver ran: graphql-js refuses them
            // again, in the form Apollo recognises as BAD_USER_INPUT.
            if (result.data !== undefined)
              return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
          }
          return execute({
            schema,
            document,
            contextValue: context,
            variableValues: variables,
            operationName,
          }) as Promise<ExecutionResult>;
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors pass `instanceof GraphQLError` but leave `extensions` undefined when the resolver's error had
 * none, and Apollo's error formatting reads `extensions.code`: rebuilt as graphql-js errors, they keep their path,
 * locations and original error for src/graph/errors.ts.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    ...(error.path ? { path: error.path } : {}),
    ...(error.originalError ? { originalError: error.originalError } : {}),
    ...(error.extensions ? { extensions: error.extensions } : {}),
  });
  if (error.locations)
    Object.defineProperty(rebuilt, 'locations', { value: error.locations, enumerable: true });
  return rebuilt;
}

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
