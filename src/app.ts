/**
 * Composition: configuration in, a listening subgraph out. Per process: the got instance, the token provider
 * (service and static modes), the schema and Apollo Server. Per request: the upstream client bound to the
 * caller's credentials, an abort signal (client gone or deadline passed) and fresh loaders.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { DestinationStream } from 'pino';
import type { RunningEmulator } from '../emulator/index.js';
import { credentialsPlugin, forwardedToken, NO_FORWARDED_TOKEN } from './server/auth.js';
import { argumentLimitsPlugin } from './graph/argument-limits.js';
import { budgetPlugin } from './budget/plugin.js';
import { cachePolicyPlugin } from './graph/cache-control.js';
import { compiledExecution, knownOperationTypes } from './graph/execution.js';
import { startBudget } from './budget/runtime.js';
import { secretValues, type AuthConfig, type Config } from './config/index.js';
import type { Context } from './graph/context.js';
import { formatError } from './graph/errors.js';
import { gatewayAdmission } from './server/gateway-admission.js';
import { createHttpHandler } from './server/http.js';
import { createLoaders } from './graph/loaders/index.js';
import { structuralLimits } from './graph/query-limits.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { operationPlugin, recordUpstreamCall } from './observability/operations.js';
import { buildSchema } from './graph/schema.js';
import { createTracing } from './observability/tracing.js';
import { createZohoClient } from './upstream/client.js';
import { ClientClosedError } from './upstream/errors.js';
import { createZohoHttp } from './upstream/transport.js';
import { RefreshTokenProvider, StaticTokenProvider, type TokenProvider } from './upstream/tokens.js';

export interface App {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4001/graphql`. */
  readonly url: string;
  readonly port: number;
  /** The embedded emulator, when the configuration asked for one. */
  readonly emulator: RunningEmulator | undefined;
  /**
   * Turns unready and keeps serving for SHUTDOWN_DELAY_MS, then stops taking requests, lets in-flight ones
   * finish (up to SHUTDOWN_DRAIN_MS) and releases everything.
   */
  close(): Promise<void>;
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

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** What the environment does not decide: for tests and embedding. */
export interface StartOptions {
  /** Where log lines go instead of stdout (tests capture them to prove no secret is written). */
  logDestination?: DestinationStream;
}

export async function startApp(config: Config, options: StartOptions = {}): Promise<App> {
  const logger = createLogger({
    level: config.log.level,
    secrets: secretValues(config),
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  const metrics = config.metrics.enabled ? createMetrics() : undefined;
  const tracing = await createTracing(config.tracing);
  // Loaded only when asked for: a production process never carries the emulator and its seed data.
  const embedded = config.emulator.enabled ? await import('../emulator/index.js') : undefined;
  const emulator = await embedded?.startEmulator({
    port: config.emulator.port,
    host: '127.0.0.1',
    quiet: true,
  });
  const apiUrl = emulator?.apiUrl ?? config.upstream.apiUrl;
  const accountsUrl = emulator?.accountsUrl ?? config.upstream.accountsUrl;
  if (!apiUrl || !accountsUrl)
    throw new Error('No Zoho Assist API URL: configure ZOHO_DC or ZOHO_ASSIST_API_URL.');

  // With the embedded emulator and no credentials, the service mode runs against the emulator's own client:
  // the same token minting and refresh path production uses.
  const auth: AuthConfig =
    embedded && config.auth.mode === 'forwarded'
      ? {
          mode: 'service',
          clientId: embedded.EMULATOR_CREDENTIALS.clientId,
          clientSecret: embedded.EMULATOR_CREDENTIALS.clientSecret,
          refreshToken: embedded.EMULATOR_CREDENTIALS.refreshToken,
        }
      : config.auth;

  const http = createZohoHttp({
    apiUrl,
    timeouts: { connectMs: config.upstream.connectTimeoutMs, responseMs: config.upstream.timeoutMs },
    retry: { limit: config.upstream.retries, maxRetryAfterSeconds: config.upstream.maxRetryAfterSeconds },
  });
  const budget = await startBudget({ config, auth, logger, metrics });
  const sharedTokens: TokenProvider | undefined =
    auth.mode === 'static'
      ? new StaticTokenProvider(auth.accessToken)
      : auth.mode === 'service'
        ? new RefreshTokenProvider({
            accountsUrl,
            clientId: auth.clientId,
            clientSecret: auth.clientSecret,
            refreshToken: auth.refreshToken,
            store: budget.tokenStore,
            onMint: (event) => {
              metrics?.tokenMints.inc({ outcome: event.outcome });
              logger.info({ outcome: event.outcome, ms: Math.round(event.durationMs) }, 'token mint');
            },
          })
        : undefined;
  /**
   * Whether Zoho answered the last upstream attempt of real traffic (undefined before the first). Readiness
   * reports it and never calls Zoho itself: a probe would spend the organisation's budget on every check, and a
   * Zoho outage would take every replica out of the gateway's pool at once, replacing our precise
   * UPSTREAM_UNAVAILABLE answers with refused connections.
   */
  let upstreamAnswered: boolean | undefined;

  async function context(request: IncomingMessage, response: ServerResponse): Promise<Context> {
    const forwarded = sharedTokens ? undefined : forwardedToken(request.headers.authorization);
    const hasCredentials = sharedTokens !== undefined || forwarded !== undefined;
    const tokens =
      sharedTokens ?? (forwarded === undefined ? NO_FORWARDED_TOKEN : new StaticTokenProvider(forwarded));
    const header = request.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    response.setHeader('x-request-id', requestId);
    const trace = tracing?.startOperation(request.headers);

    const controller = new AbortController();
    const deadline = setTimeout(() => controller.abort(new Error('deadline')), config.operation.deadlineMs);
    deadline.unref();
    response.once('close', () => {
      clearTimeout(deadline);
      // Its own reason, so an abandoned call reads as the client's hang-up (CLIENT_CLOSED), not as Zoho's timeout.
      if (!response.writableFinished)
        controller.abort(new ClientClosedError('The client closed the connection before the answer.'));
      trace?.end();
    });

    const stats = { upstreamCalls: 0 };
    // A token Zoho rejected before is refused here, before anything is spent.
    const caller = await budget.caller(forwarded);
    const guard = budget.guard(caller);
    const client = createZohoClient(http, {
      tokens,
      requestId,
      signal: controller.signal,
      ...(trace ? { headers: trace.upstreamHeaders } : {}),
      beforeAttempt: guard.beforeAttempt,
      onCall: (event) => {
        stats.upstreamCalls++;
        guard.onCall(event);
        trace?.recordUpstreamCall(event);
        upstreamAnswered = recordUpstreamCall(event, requestId, logger, metrics) ?? upstreamAnswered;
      },
    });
    const api = budget.cached(client, caller, guard);
    const loaders = createLoaders(api, {
      concurrency: config.upstream.concurrencyPerOperation,
      signal: controller.signal,
      ...(metrics ? { onBatch: (loader, size) => metrics.loaderBatchSize.observe({ loader }, size) } : {}),
    });
    return {
      api,
      loaders,
      requestId,
      signal: controller.signal,
      stats,
      trace,
      hasCredentials,
      // Without credentials nothing is spent, and the organisation's budget is not the caller's to see.
      ...(hasCredentials ? { budgetKey: caller.budgetKey } : {}),
    };
  }

  const limits = structuralLimits(undefined, { hideSuggestions: !config.server.introspection });
  const schema = buildSchema({ securityDirectives: config.federation.securityDirectives });
  const apollo = new ApolloServer<Context>({
    // Our own schema, executed by compiled functions (src/graph/execution.ts): Apollo's only door for an executor.
    gateway: compiledExecution(schema),
    parseOptions: limits.parseOptions,
    documentStore: limits.documentStore,
    validationRules: [...limits.validationRules, knownOperationTypes],
    formatError,
    introspection: config.server.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // src/main.ts owns SIGTERM/SIGINT and drains HTTP first; Apollo's own handler would stop at once and then
    // re-raise the signal, killing the process (exit 143) before in-flight requests finish.
    stopOnTerminationSignals: false,
    logger,
    plugins: [
      // Cache-Control from the operation's document, not from a hook on every resolved field (src/graph/cache-control.ts).
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin(schema, { scope: auth.mode === 'forwarded' ? 'PRIVATE' : 'PUBLIC' }),
      ...limits.plugins,
      // Before the budget: an over-long string argument is refused having cost nothing (src/graph/argument-limits.ts).
      argumentLimitsPlugin(),
      // Before the budget plugin: a caller without credentials learns that first, not what the operation costs.
      credentialsPlugin(),
      operationPlugin(logger, metrics),
      budgetPlugin({
        maxUpstreamCalls: config.operation.maxUpstreamCalls,
        snapshot: async ({ budgetKey }) => (budgetKey === undefined ? undefined : budget.peek(budgetKey)),
      }),
      config.isProduction
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, document: EXAMPLE_OPERATION }),
    ],
  });
  await apollo.start();
  logger.info(
    {
      authMode: auth.mode,
      upstream: apiUrl,
      emulator: emulator !== undefined,
      tracing: tracing !== undefined,
      production: config.isProduction,
    },
    'starting',
  );

  /** SIGTERM received: readiness answers 503 while requests are still served (SHUTDOWN_DELAY_MS). */
  let stopping = false;
  /** The listener is closing: new requests are refused, in-flight ones finish (SHUTDOWN_DRAIN_MS). */
  let draining = false;
  const admit = gatewayAdmission(config.gateway);
  const handler = createHttpHandler<Context>({
    apollo,
    context,
    maxBodyBytes: 1024 * 1024,
    corsOrigins: config.server.corsOrigins === '*' ? ['*'] : config.server.corsOrigins,
    draining: () => draining,
    // Checked on the request itself, before Apollo: Hive Gateway's signature covers the body's query and variables.
    ...(admit ? { admit } : {}),
    // Never fails on Zoho (see upstreamAnswered) nor on Redis (the replica serves on local limits: README, "Redis").
    ready: async () => ({
      ready: !stopping,
      checks: {
        process: stopping ? 'shutting down' : 'ok',
        config: 'ok',
        upstream: upstreamAnswered === undefined ? 'unknown' : upstreamAnswered ? 'ok' : 'unreachable',
        redis: budget.redisStatus(),
      },
    }),
    ...(metrics ? { metrics: () => metrics.render() } : {}),
  });
  // Requests in flight per connection, for the drain: Node's own idle tracking can count a keep-alive
  // connection as busy after its client aborted a request on it, and `server.close()` then waits out the
  // whole drain time for a connection nobody uses.
  const inFlight = new Map<Socket, number>();
  const server: Server = createServer((request, response) => {
    const socket = request.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      inFlight.set(socket, left);
      // While draining, a connection is closed as soon as its last response is out.
      if (draining && left === 0) socket.end();
    });
    void handler(request, response);
  });
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.server.port, config.server.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host =
    config.server.host === '0.0.0.0' || config.server.host === '::' ? '127.0.0.1' : config.server.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/graphql`,
    port,
    emulator,
    close: () =>
      (closing ??= (async () => {
        // Endpoints, kube-proxy and gateways learn of a terminating pod a few seconds late: until they do,
        // requests keep coming, and a closed listener would refuse them.
        stopping = true;
        await new Promise((resolve) => setTimeout(resolve, config.server.shutdownDelayMs));
        draining = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        for (const [socket, requests] of inFlight) if (requests === 0) socket.destroy();
        const drained = await Promise.race([
          closed.then(() => true),
          new Promise<boolean>((resolve) =>
            setTimeout(() => resolve(false), config.server.shutdownDrainMs).unref(),
          ),
        ]);
        if (!drained) server.closeAllConnections();
        await apollo.stop();
        await tracing?.shutdown();
        http.close();
        await budget.close();
        await emulator?.close();
      })()),
  };
}
