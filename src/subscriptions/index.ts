/**
 * Subscriptions, wired: the change feed over the event bus, `graphql-ws` on the HTTP server's port, Apollo
 * Router's callback protocol (Apollo's own plugin), the poller when LIVE_POLL_INTERVAL_MS is set, and the context
 * factory that gives every operation its caller's feed. src/app.ts starts this once and closes it first.
 */
import { IncomingMessage, ServerResponse, type IncomingHttpHeaders, type Server } from 'node:http';
import { Socket } from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { EventBus } from '../events/types.js';
import type { GraphContext } from '../graph/context.js';
import type { Metrics } from '../observability/metrics.js';
import { subscriptionCallbackPlugin } from './callback.js';
import { createChangeFeed } from './feed.js';
import { startPoller } from './poller.js';
import { startWebSocket, type Admission } from './ws.js';

type ContextFactory<C> = (request: IncomingMessage, response: ServerResponse) => Promise<C>;

/** A request that never was: the caller's headers, for a context built off any HTTP exchange. */
function requestWith(headers: IncomingHttpHeaders): { request: IncomingMessage; response: ServerResponse } {
  const request = new IncomingMessage(new Socket());
  request.headers = { ...headers };
  // A fresh id per read: x-request-id of the original request names that request, not this read.
  delete request.headers['x-request-id'];
  return { request, response: new ServerResponse(request) };
}

export interface Subscriptions<C extends GraphContext> {
  /** The context factory with each operation's feed attached: give it to the HTTP handler. */
  context: ContextFactory<C>;
  /** Apollo Router's HTTP callback protocol (src/subscriptions/callback.ts): add it to Apollo Server's plugins. */
  plugin: ApolloServerPlugin<C>;
  /** Starts `graphql-ws` on the server, once the schema exists, behind the gateway's admission when there is one. */
  listen(server: Server, schema: GraphQLSchema, admit?: Admission): void;
  close(): Promise<void>;
}

export function createSubscriptions<C extends GraphContext>(options: {
  /** LIVE_POLL_INTERVAL_MS, SUBSCRIPTION_CALLBACK_ORIGINS; MAX_UPSTREAM_CALLS_PER_OPERATION, per change here. */
  config: Pick<Config, 'subscriptions' | 'operation'>;
  bus: EventBus;
  context: ContextFactory<C>;
  logger: Logger;
  metrics: Metrics | undefined;
}): Subscriptions<C> {
  const { pollIntervalMs, callbackOrigins } = options.config.subscriptions;
  const feed = createChangeFeed({ bus: options.bus, logger: options.logger, metrics: options.metrics });
  const fresh = (headers: IncomingHttpHeaders): Promise<C> => {
    const { request, response } = requestWith(headers);
    return options.context(request, response);
  };
  const context: ContextFactory<C> = async (request, response) => {
    const built = await options.context(request, response);
    const headers = { ...request.headers };
    built.feed = feed.forCaller({
      group: built.budgetKey ?? 'anonymous',
      newContext: () => fresh(headers),
    });
    return built;
  };
  const poller =
    pollIntervalMs === null
      ? undefined
      : startPoller({ feed, bus: options.bus, intervalMs: pollIntervalMs, logger: options.logger });
  let socket: { close(): Promise<void> } | undefined;
  return {
    context,
    plugin: subscriptionCallbackPlugin<C>({ origins: callbackOrigins, logger: options.logger }),
    listen(server, schema, admit) {
      socket = startWebSocket({
        server,
        schema,
        admit,
        maxUpstreamCalls: options.config.operation.maxUpstreamCalls,
        contextOf: (headers) => {
          const { request, response } = requestWith(headers);
          return context(request, response);
        },
        logger: options.logger,
      });
    },
    async close() {
      poller?.close();
      await socket?.close();
      feed.close();
    },
  };
}
