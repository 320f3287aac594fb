/**
 * Forwarded mode's credentials: each caller's `Authorization: Zoho-oauthtoken <token>`. A request without one is
 * still answered when its operation reads nothing from Zoho (`_service`, `__typename`, introspection): gateways
 * compose and health-check subgraphs without a user token (Apollo Gateway's `IntrospectAndCompose` and its
 * `__ApolloServiceHealthCheck__`, Hive Gateway, `rover subgraph introspect`). Any other operation is refused
 * with 401 once it is parsed and validated, before it executes, so it never costs an upstream call.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GraphContext } from '../graph/context.js';
import { UnauthenticatedError } from '../upstream/errors.js';
import type { TokenProvider } from '../upstream/tokens.js';

const FORWARDED_TOKEN = /^Zoho-oauthtoken ([A-Za-z0-9._-]{1,512})$/;

/** The token of a well-formed `Authorization: Zoho-oauthtoken <token>` header; undefined otherwise. */
export function forwardedToken(authorization: string | undefined): string | undefined {
  return FORWARDED_TOKEN.exec(authorization ?? '')?.[1];
}

/** Root fields answered by the subgraph itself: federation's SDL and graphql-js' meta-fields. */
const ANSWERED_WITHOUT_ZOHO: ReadonlySet<string> = new Set(['_service', '__typename', '__schema', '__type']);

/**
 * Whether any root field of the operation, through fragments and inline fragments, is one that reads from
 * Zoho. `@skip`/`@include` are not evaluated: a field that might run counts.
 */
function readsUpstream(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): boolean {
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return !ANSWERED_WITHOUT_ZOHO.has(selection.name.value);
        case Kind.INLINE_FRAGMENT:
          return visit(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (visited.has(name)) return false;
          visited.add(name);
          const fragment = fragments.get(name);
          // Validation has run: a missing fragment cannot reach here, and refusing is the safe answer anyway.
          return fragment ? visit(fragment.selectionSet) : true;
        }
      }
    });
  return visit(operation.selectionSet);
}

const MISSING_TOKEN_MESSAGE = 'Send the Zoho access token as `Authorization: Zoho-oauthtoken <token>`.';

/** Refuses, before execution, an operation that reads from Zoho when the request carries no credentials. */
export function credentialsPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.hasCredentials) return;
      return {
        async didResolveOperation({ operation, document }) {
          // No operation by that name: execution refuses it without running a resolver.
          if (!operation) return;
          const fragments = new Map(
            document.definitions
              .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
              .map((fragment) => [fragment.name.value, fragment]),
          );
          if (readsUpstream(operation, fragments)) {
            throw new GraphQLError(MISSING_TOKEN_MESSAGE, {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
        },
      };
    },
  };
}

/**
 * The token provider of a request without credentials. The plugin above refuses such operations before they
 * run; this makes sure that, whatever reaches the client anyway, no call leaves without a token.
 */
export const NO_FORWARDED_TOKEN: TokenProvider = {
  getToken: () => Promise.reject(new UnauthenticatedError(MISSING_TOKEN_MESSAGE)),
  invalidate() {
    // Nothing to forget.
  },
};
