/**
 * The budget as Apollo Server sees it:
 * - after validation and before execution, the operation's estimated upstream calls (src/budget/cost.ts); above
 *   MAX_UPSTREAM_CALLS_PER_OPERATION the operation is refused with OPERATION_TOO_EXPENSIVE, having spent nothing;
 * - when the client sends `x-zoho-budget: true`, `extensions.budget` on the response: the estimate, the calls
 *   actually made, and what is left of the budget this operation spent from.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { coercedVariables } from '../graph/coerced-variables.js';
import type { GraphContext } from '../graph/context.js';
import { estimateDocumentCalls } from './cost.js';
import type { BudgetSnapshot } from './limiter.js';

/** The request header that asks for `extensions.budget`. */
const BUDGET_HEADER = 'x-zoho-budget';

export interface BudgetPluginOptions {
  /** MAX_UPSTREAM_CALLS_PER_OPERATION. */
  maxUpstreamCalls: number;
  /** The budget this request spends from, as it stands now (no call spent). */
  snapshot(context: GraphContext): Promise<BudgetSnapshot | undefined>;
}

export function budgetPlugin(options: BudgetPluginOptions): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      let estimated: number | undefined;
      return {
        async didResolveOperation({ schema, operation, document, request }) {
          if (!operation) return;
          const variables = coercedVariables(schema, operation, request.variables ?? {});
          estimated = estimateDocumentCalls(schema, document, operation, variables);
          if (estimated > options.maxUpstreamCalls) {
            throw new GraphQLError(
              `This operation would make about ${estimated} calls to Zoho Assist; the most one operation may make is ` +
                `${options.maxUpstreamCalls}. Ask for fewer items (a smaller \`first\`) or fewer nested lists.`,
              {
                extensions: {
                  code: 'OPERATION_TOO_EXPENSIVE',
                  estimatedUpstreamCalls: estimated,
                  maxUpstreamCalls: options.maxUpstreamCalls,
                  // A well-formed request that is refused by policy: the response is still a GraphQL answer.
                  http: { status: 200 },
                },
              },
            );
          }
        },
        async willSendResponse({ request, response, contextValue }) {
          if (response.body.kind !== 'single') return;
          if (!/^(true|1|yes)$/i.test(request.http?.headers.get(BUDGET_HEADER) ?? '')) return;
          // contextValue is undefined when the context itself failed (UNAUTHENTICATED): nothing was spent.
          const snapshot = contextValue
            ? await options.snapshot(contextValue).catch(() => undefined)
            : undefined;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            budget: {
              estimatedUpstreamCalls: estimated ?? null,
              upstreamCalls: contextValue?.stats.upstreamCalls ?? 0,
              maxUpstreamCallsPerOperation: options.maxUpstreamCalls,
              ...(snapshot
                ? {
                    remaining: { window: snapshot.remaining.window, day: snapshot.remaining.day },
                    limits: {
                      perWindow: snapshot.limits.perWindow,
                      windowSeconds: snapshot.limits.windowMs / 1000,
                      perDay: snapshot.limits.perDay,
                    },
                    retryAfter: snapshot.retryAfter,
                  }
                : {}),
            },
          };
        },
      };
    },
  };
}
