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
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

const TRACE_HEADER = 'apollo-federation-include-trace';

export function compiledExecution(schema: GraphQLSchema): Gateway {
  /** Apollo keeps parsed documents in its document store, so a document object comes back for each repeat. */
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  function compiledFor(document: DocumentNode, operationName: string | null): CompiledQuery | null {
    let byOperation = compiled.get(document);
    if (!byOperation) {
      byOperation = new Map();
      compiled.set(document, byOperation);
    }
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      query = isCompiledQuery(result) ? result : null;
      byOperation.set(key, query);
    }
    return query;
  }

  return {
    async load() {
      return {
        async executor({ document, operationName, request, context }) {
          const variables = request.variables ?? {};
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
 * locations and original error for src/errors.ts.
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
