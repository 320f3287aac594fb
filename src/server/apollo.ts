/**
 * The one place Apollo Server is assembled. Every instance gets the schema (run by graphql-js, Apollo's own
 * executor), Apollo's `Cache-Control` with the auth mode's scope, and the error mask; `features` adds what ours
 * runs in production (structural and argument limits, the credentials check, the operation log and metrics, the
 * budget, the landing page, the HTTP drain). Without them it is "ours, bare", the benchmark's reference
 * (bench/ceiling-service.ts).
 */
import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { budgetPlugin } from '../budget/plugin.js';
import type { BudgetRuntime } from '../budget/runtime.js';
import type { ResponseCache } from '../cache/response-cache.js';
import { argumentLimitsPlugin } from '../graph/argument-limits.js';
import { cacheScopePlugin, type CacheScope } from '../graph/cache-control.js';
import type { GraphContext } from '../graph/context.js';
import { formatError } from '../graph/errors.js';
import { knownOperationTypes } from '../graph/known-operation-types.js';
import { structuralLimits } from '../graph/query-limits.js';
import type { Metrics } from '../observability/metrics.js';
import { operationPlugin } from '../observability/operations.js';
import { credentialsPlugin } from './auth.js';

export interface ApolloOptions {
  schema: GraphQLSchema;
  /**
   * Who may share a cacheable answer: `PUBLIC` with one Zoho credential for every caller (service and static
   * modes), `PRIVATE` when each caller's own token decides what Zoho answers (forwarded mode). Unset: the
   * schema's hints decide.
   */
  cacheScope?: CacheScope;
  /** Ours' production features; left out, the bare service. */
  features?: ProductionFeatures;
}

export interface ProductionFeatures {
  logger: Logger;
  metrics: Metrics | undefined;
  /** INTROSPECTION: also keeps validation's "Did you mean …" hints, which would otherwise enumerate the schema. */
  introspection: boolean;
  /** Production: no landing page. */
  production: boolean;
  /** OPERATION_MAX_UPSTREAM_CALLS: the estimate above which an operation is refused before it runs. */
  maxUpstreamCalls: number;
  budget: Pick<BudgetRuntime, 'peek'>;
  /** RESPONSE_CACHE: whole responses kept (src/cache/response-cache.ts); absent when off. */
  responseCache?: ResponseCache | undefined;
  /** Apollo Router's subscription callback protocol (src/subscriptions/); absent, subscriptions only over WebSocket. */
  subscriptionCallback?: ApolloServerPlugin<GraphContext> | undefined;
  /** Closed by `apollo.stop()`: in-flight requests may finish for `gracePeriodMs`, then connections are cut. */
  drain: { httpServer: Server; gracePeriodMs: number };
}

const EXAMPLE_OPERATION = `# Sessions with their technician and customer: two upstream calls in all.
query Dashboard {
  sessions(first: 10) {
    totalCount
    nodes { id name status createdAt technician { name status } customer { name email } }
    pageInfo { hasNextPage endCursor }
  }
}
`;

/** The live graph has no sessions list (docs/live.md): its landing page starts from its computers. */
const LIVE_EXAMPLE_OPERATION = `# Unattended computers, a page at a time: one upstream call (and, once, the department's).
query Computers {
  computers(first: 10) {
    totalCount
    nodes { id name status os lastSeenAt }
    pageInfo { hasNextPage endCursor }
  }
}
`;

export function createApollo({ schema, cacheScope, features }: ApolloOptions): ApolloServer<GraphContext> {
  const limits = features && structuralLimits(undefined, { hideSuggestions: !features.introspection });
  const plugins: ApolloServerPlugin<GraphContext>[] = cacheScope ? [cacheScopePlugin(cacheScope)] : [];
  if (features) {
    const { budget } = features;
    plugins.push(
      ...(limits?.plugins ?? []),
      // Before the budget: an over-long string argument is refused having cost nothing (src/graph/argument-limits.ts).
      argumentLimitsPlugin(),
      // Before the budget plugin: a caller without credentials learns that first, not what the operation costs.
      credentialsPlugin(),
      operationPlugin(features.logger, features.metrics),
      budgetPlugin({
        maxUpstreamCalls: features.maxUpstreamCalls,
        snapshot: async ({ budgetKey }) => (budgetKey === undefined ? undefined : budget.peek(budgetKey)),
      }),
      // After the checks above: a kept answer is served only to an operation they let through.
      ...(features.responseCache?.plugins ?? []),
      // After the checks above too: a subscription is priced and its caller checked before it starts.
      ...(features.subscriptionCallback ? [features.subscriptionCallback] : []),
      features.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({
            embed: true,
            // An example the schema can run: the seed graph's, or the live graph's where `sessions` is absent.
            document: schema.getQueryType()?.getFields().sessions
              ? EXAMPLE_OPERATION
              : LIVE_EXAMPLE_OPERATION,
          }),
      ApolloServerPluginDrainHttpServer({
        httpServer: features.drain.httpServer,
        stopGracePeriodMillis: features.drain.gracePeriodMs,
      }),
    );
  }
  return new ApolloServer<GraphContext>({
    schema,
    validationRules: [...(limits?.validationRules ?? []), knownOperationTypes],
    ...(limits ? { parseOptions: limits.parseOptions, documentStore: limits.documentStore } : {}),
    ...(features ? { introspection: features.introspection, logger: features.logger } : {}),
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // src/main.ts owns SIGTERM/SIGINT and drains HTTP first; Apollo's own handler would stop at once and then
    // re-raise the signal, killing the process (exit 143) before in-flight requests finish.
    stopOnTerminationSignals: false,
    plugins,
  });
}
