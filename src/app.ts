/**
 * Composition: configuration in, a listening subgraph out. Each piece has its home (src/server/, src/budget/,
 * src/events/, src/subscriptions/, src/observability/); this file only starts them in order, stops them in reverse.
 */
import type { DestinationStream } from 'pino';
import type { RunningEmulator } from '../emulator/index.js';
import { startBudget } from './budget/runtime.js';
import { secretValues, type Config } from './config/index.js';
import { startEvents } from './events/index.js';
import { buildSchema } from './graph/schema.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { createTracing } from './observability/tracing.js';
import { createApollo } from './server/apollo.js';
import { credentialsFor, effectiveAuth } from './server/auth-mode.js';
import { createContextFactory } from './server/context-factory.js';
import { gatewayAdmission } from './server/gateway-admission.js';
import { createHttpHandler } from './server/http.js';
import { createListener, listen } from './server/listener.js';
import { createReadiness } from './server/readiness.js';
import { startUpstreamTarget } from './server/upstream-target.js';
import { createSubscriptions } from './subscriptions/index.js';
import { createConfiguredZohoHttp } from './upstream/transport.js';

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

/** What the environment does not decide: for tests and embedding. */
export interface StartOptions {
  /** Where log lines go instead of stdout (tests capture them to prove no secret is written). */
  logDestination?: DestinationStream;
}

export async function startApp(config: Config, options: StartOptions = {}): Promise<App> {
  const { logDestination: destination } = options;
  const logger = createLogger({ level: config.log.level, secrets: secretValues(config), destination });
  const metrics = config.metrics.enabled ? createMetrics() : undefined;
  const tracing = await createTracing(config.tracing);
  const { apiUrl, accountsUrl, emulator, emulatorCredentials } = await startUpstreamTarget(config);
  const auth = effectiveAuth(config.auth, emulatorCredentials);
  const http = createConfiguredZohoHttp(apiUrl, config.upstream);
  const budget = await startBudget({ config, auth, logger, metrics });
  const events = await startEvents({ config, logger, metrics, budget });
  const readiness = createReadiness(() => budget.redisStatus());
  const admit = gatewayAdmission(config.gateway);
  const context = createContextFactory({
    http,
    credentialsOf: credentialsFor(auth, { accountsUrl, tokenStore: budget.tokenStore, logger, metrics }),
    budget,
    deadlineMs: config.operation.deadlineMs,
    concurrency: config.upstream.concurrencyPerOperation,
    logger,
    metrics,
    tracing,
    onUpstreamAnswer: readiness.upstreamAnswered,
    upstream: config.upstream,
  });
  const live = createSubscriptions({ config, bus: events.bus, context, logger, metrics });

  const server = createListener();
  const { dialect } = config.upstream;
  const schema = buildSchema({ securityDirectives: config.federation.securityDirectives, dialect });
  const apollo = createApollo({
    schema,
    cacheScope: auth.mode === 'forwarded' ? 'PRIVATE' : 'PUBLIC',
    features: {
      logger,
      metrics,
      introspection: config.server.introspection,
      production: config.isProduction,
      maxUpstreamCalls: config.operation.maxUpstreamCalls,
      budget,
      responseCache: budget.responses,
      subscriptionCallback: live.plugin,
      drain: { httpServer: server, gracePeriodMs: config.server.shutdownDrainMs },
    },
  });
  if (events.cacheTags) apollo.addPlugin(events.cacheTags);
  await apollo.start();
  const running = { authMode: auth.mode, upstream: apiUrl, dialect, production: config.isProduction };
  logger.info({ ...running, emulator: emulator !== undefined, tracing: tracing !== undefined }, 'starting');

  const handler = createHttpHandler({
    apollo,
    context: live.context,
    corsOrigins: config.server.corsOrigins,
    // Checked on the request itself, before Apollo: Hive Gateway's signature covers the body's query and variables.
    admit,
    ready: readiness.report,
    metrics: metrics && (() => metrics.render()),
    webhook: events.webhook,
  });
  const { url, port } = await listen(server, handler, { port: config.server.port, host: config.server.host });
  live.listen(server, schema, admit);

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    emulator,
    close: () =>
      (closing ??= (async () => {
        // Endpoints, kube-proxy and gateways learn of a terminating pod a few seconds late: until they do,
        // requests keep coming, and a closed listener would refuse them.
        readiness.stopping();
        await new Promise((resolve) => setTimeout(resolve, config.server.shutdownDelayMs));
        await live.close();
        await apollo.stop();
        await tracing?.shutdown();
        http.close();
        await events.close();
        await budget.close();
        await emulator?.close();
      })()),
  };
}
