/**
 * `graphql-ws` on `/graphql`, on the HTTP server's own port (its `upgrade` event): what Hive Gateway and Apollo
 * Router's passthrough speak to a subgraph. Credentials come as over HTTP, from the upgrade request's headers or
 * from `connection_init`'s payload (`{ "Authorization": "Zoho-oauthtoken …" }`, for browsers, which cannot set a
 * WebSocket's headers); a connection without them (forwarded mode) is closed 4403 before it can subscribe. With
 * a gateway secret configured, each subscribe must show it as an HTTP request would (header or HMAC signature).
 * Only subscriptions run here: queries and mutations go over HTTP, where the budget prices them first.
 */
import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { estimateDocumentCalls } from '../budget/cost.js';
import type { GraphContext } from '../graph/context.js';
import { coercedVariables } from '../graph/coerced-variables.js';
import { knownOperationTypes } from '../graph/known-operation-types.js';
import { structuralLimits } from '../graph/query-limits.js';

/** Whether a request came through the gateway (src/server/gateway-admission.ts, which src/app.ts passes in). */
export type Admission = (headers: IncomingHttpHeaders, params: unknown) => boolean;

/** Builds a subscription's context from its caller's headers; throws when the credentials are refused. */
export type ContextFromHeaders = (headers: IncomingHttpHeaders) => Promise<GraphContext>;

function tooExpensive(estimated: number, max: number): GraphQLError {
  return new GraphQLError(
    `Each change would make about ${estimated} calls to Zoho Assist; the most one may make is ${max}. Select fewer nested lists.`,
    {
      extensions: {
        code: 'OPERATION_TOO_EXPENSIVE',
        estimatedUpstreamCalls: estimated,
        maxUpstreamCalls: max,
      },
    },
  );
}

const subscriptionsOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === OperationTypeNode.SUBSCRIPTION) return;
    context.reportError(
      new GraphQLError(`Send ${node.operation} operations over HTTP; this socket carries subscriptions.`, {
        nodes: node,
      }),
    );
  },
});

/**
 * The upgrade request's headers with connection_init's string parameters as headers (lower-cased), which win:
 * gateways send per-connection headers there (Hive Gateway's `connectionParams`), browsers their token.
 */
function headersOf(
  request: IncomingMessage,
  payload: Readonly<Record<string, unknown>> | undefined,
): IncomingHttpHeaders {
  const headers = { ...request.headers };
  for (const [name, value] of Object.entries(payload ?? {}))
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
  return headers;
}

export function startWebSocket(options: {
  server: Server;
  schema: GraphQLSchema;
  contextOf: ContextFromHeaders;
  /** The gateway's admission (src/server/gateway-admission.ts), checked on each subscribe as on each HTTP request. */
  admit?: Admission | undefined;
  /** MAX_UPSTREAM_CALLS_PER_OPERATION: here, what one change may cost each subscriber's selection. */
  maxUpstreamCalls: number;
  logger: Logger;
}): { close(): Promise<void> } {
  const { admit } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const rules = [
    ...specifiedRules,
    ...structuralLimits().validationRules,
    knownOperationTypes,
    subscriptionsOnly,
  ];
  const cleanup = useServer<Record<string, unknown> | undefined>(
    {
      schema: options.schema,
      validate: (schema, document) => validate(schema, document, rules),
      // What HTTP's budget plugin does before execution: a selection priced above the ceiling never starts.
      subscribe(args) {
        const operation = getOperationAST(args.document, args.operationName);
        if (operation) {
          const variables = coercedVariables(args.schema, operation, args.variableValues ?? {});
          const estimated = estimateDocumentCalls(args.schema, args.document, operation, variables);
          if (estimated > options.maxUpstreamCalls)
            return { errors: [tooExpensive(estimated, options.maxUpstreamCalls)] };
        }
        return subscribe(args);
      },
      parse: (source) => parse(source, { maxTokens: 2_000 }),
      async onConnect({ extra, connectionParams }) {
        try {
          const context = await options.contextOf(headersOf(extra.request, connectionParams));
          return context.hasCredentials;
        } catch {
          return false;
        }
      },
      onSubscribe({ extra, connectionParams }, _id, payload) {
        if (admit && !admit(headersOf(extra.request, connectionParams), payload))
          return [
            new GraphQLError('This subgraph only answers its gateway.', {
              extensions: { code: 'FORBIDDEN' },
            }),
          ];
        return undefined;
      },
      context: ({ extra, connectionParams }) => options.contextOf(headersOf(extra.request, connectionParams)),
    },
    sockets,
  );
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  };
  options.server.on('upgrade', onUpgrade);
  return {
    async close() {
      options.server.off('upgrade', onUpgrade);
      // Going away (1001): clients reconnect to another replica.
      await cleanup.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      options.logger.debug('subscriptions socket closed');
    },
  };
}
