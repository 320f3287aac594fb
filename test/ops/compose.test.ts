/**
 * docker-compose.yml can start, proved without a Docker engine: every file it mounts is in the repository,
 * every routing URL of docs/supergraph.yaml names one of its services on a port that service exposes, the
 * committed docs/supergraph.graphql is what composing that config gives now, and Hive Gateway, started as the
 * compose file starts it (the mounted supergraph and gateway.config.ts), serves it through the subgraph.
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway';
import { parse as parseYaml } from 'yaml';
import { gatewayOptionsFor, ZOHO_ASSIST_SUBGRAPH } from '../../docs/gateway/gateway.config.js';
import {
  composeSupergraph,
  readSupergraphConfig,
  SUPERGRAPH_CONFIG,
  SUPERGRAPH_SDL,
} from '../../scripts/compose-supergraph.js';
import { loadConfig } from '../../src/config/index.js';
import { startStack, type Stack } from '../support/stack.js';

interface ComposeService {
  image?: string;
  build?: string | { context: string; dockerfile?: string };
  command?: string[];
  volumes?: Array<string | { type: string; source: string; target: string }>;
  expose?: Array<string | number>;
  ports?: Array<string | number>;
  env_file?: string | string[];
  environment?: Record<string, string | number | boolean | null>;
  stop_grace_period?: string;
}

const compose = parseYaml(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, ComposeService>;
};
const services = Object.entries(compose.services);
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  devDependencies: Record<string, string>;
};

/** Bind mounts as `{ source, target }`, the source relative to the repository (named volumes are left out). */
function bindMounts(service: ComposeService): Array<{ source: string; target: string }> {
  return (service.volumes ?? []).flatMap((volume) => {
    const [source, target] =
      typeof volume === 'string'
        ? volume.split(':')
        : volume.type === 'bind'
          ? [volume.source, volume.target]
          : [];
    if (!source || !target || !/^[./]/.test(source)) return [];
    return [{ source: posix.normalize(source), target }];
  });
}

/** The container ports a service accepts connections on: `expose`, and the container side of `ports`. */
function containerPorts(service: ComposeService): string[] {
  return [
    ...(service.expose ?? []).map(String),
    ...(service.ports ?? []).map((port) => String(port).split(':').at(-1)!.split('/')[0]!),
  ];
}

/**
 * A service's environment as `docker compose` interpolates it from an operator's shell that sets exactly the
 * variables the file requires (`${NAME:?message}`) and nothing else; `required` lists those.
 */
function composeEnvironment(service: ComposeService): { env: Record<string, string>; required: string[] } {
  const required: string[] = [];
  const interpolate = (value: string) =>
    value.replace(
      /\$\{(\w+)(?:(:?[-?])([^}]*))?\}/g,
      (_match, name: string, operator?: string, argument?: string) => {
        if (operator?.endsWith('?')) {
          required.push(name);
          return `example-${name.toLowerCase()}`;
        }
        return operator?.endsWith('-') ? (argument ?? '') : '';
      },
    );
  const env = Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [
      name,
      interpolate(String(value ?? '')),
    ]),
  );
  return { env, required };
}

describe('docker-compose.yml', () => {
  it('mounts, builds from and reads only files that exist in the repository', () => {
    const files = services.flatMap(([, service]) => [
      ...bindMounts(service).map((mount) => mount.source),
      ...(service.build === undefined
        ? []
        : typeof service.build === 'string'
          ? [posix.join(service.build, 'Dockerfile')]
          : [posix.join(service.build.context, service.build.dockerfile ?? 'Dockerfile')]),
      ...[service.env_file ?? []].flat(),
    ]);

    expect(files).toContain('docs/supergraph.graphql');
    expect(files.filter((file) => !existsSync(file))).toEqual([]);
  });

  it('routes every subgraph of docs/supergraph.yaml to one of its services, on a port that service exposes', () => {
    const routes = Object.entries(readSupergraphConfig().subgraphs).map(([name, subgraph]) => {
      const url = new URL(subgraph.routing_url);
      return { name, host: url.hostname, port: url.port || '80' };
    });

    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const service = compose.services[route.host];
      expect({ ...route, service: service ? 'defined' : 'missing' }).toEqual({
        ...route,
        service: 'defined',
      });
      expect(containerPorts(service!)).toContain(route.port);
    }
    // And every service built from this repository is routed: the subgraph is in the supergraph it runs.
    const built = services.filter(([, service]) => service.build !== undefined).map(([name]) => name);
    expect(built).toEqual([ZOHO_ASSIST_SUBGRAPH]);
    expect(routes.map((route) => route.host)).toEqual(expect.arrayContaining(built));
  });

  it('gives the subgraph an environment it starts with, listening where the supergraph routes to it', () => {
    const subgraph = compose.services[ZOHO_ASSIST_SUBGRAPH]!;
    const { env, required } = composeEnvironment(subgraph);

    expect(required.sort()).toEqual([
      'GATEWAY_SHARED_SECRET',
      'ZOHO_CLIENT_ID',
      'ZOHO_CLIENT_SECRET',
      'ZOHO_REFRESH_TOKEN',
    ]);
    // The check the process makes at start: it throws with every problem of the environment at once.
    const config = loadConfig(env);
    expect(config.isProduction).toBe(true);
    expect(config.auth.mode).toBe('service');
    const route = new URL(readSupergraphConfig().subgraphs[ZOHO_ASSIST_SUBGRAPH]!.routing_url);
    expect({ host: config.server.host, port: String(config.server.port) }).toEqual({
      host: '0.0.0.0',
      port: route.port,
    });
    // The gateway sends the secret the subgraph expects: both read the same variable.
    expect(composeEnvironment(compose.services.gateway!).env.GATEWAY_SHARED_SECRET).toBe(
      config.gateway.sharedSecret,
    );
    // Docker's SIGKILL comes after the replica has stopped taking requests and finished the ones in flight.
    const graceMs = Number(/^(\d+)s$/.exec(subgraph.stop_grace_period ?? '')?.[1]) * 1000;
    expect(graceMs).toBeGreaterThan(config.server.shutdownDelayMs + config.server.shutdownDrainMs);
  });

  it('starts the gateway on the committed supergraph and gateway config, at the version the tests run', () => {
    const gateway = compose.services.gateway!;
    const [subcommand, supergraphFile] = gateway.command ?? [];

    expect(subcommand).toBe('supergraph');
    // The image's working directory is /gateway: relative paths and gateway.config.ts are read from there.
    expect(bindMounts(gateway)).toEqual(
      expect.arrayContaining([
        { source: SUPERGRAPH_SDL, target: posix.join('/gateway', supergraphFile!) },
        { source: 'docs/gateway/gateway.config.ts', target: '/gateway/gateway.config.ts' },
      ]),
    );
    expect(gateway.image).toBe(
      `ghcr.io/graphql-hive/gateway:${packageJson.devDependencies['@graphql-hive/gateway']}`,
    );
  });
});

describe('docs/supergraph.graphql', () => {
  it('is what composing docs/supergraph.yaml gives now (npm run supergraph:compose)', () => {
    // A line diff of a generated 1,500-line file helps nobody: say what to run.
    const current = readFileSync(SUPERGRAPH_SDL, 'utf8') === composeSupergraph();
    expect(current ? 'current' : 'stale: run npm run supergraph:compose and commit it').toBe('current');
  });

  it('is composed with the federation version rover would use, the @apollo/composition we run', () => {
    expect(readSupergraphConfig(SUPERGRAPH_CONFIG).federation_version).toBe(
      `=${packageJson.devDependencies['@apollo/composition']}`,
    );
  });

  describe('served by Hive Gateway as docker-compose.yml starts it', () => {
    // Both sides get their secret from compose's environment: the subgraph admits only what the gateway sends.
    const secret = composeEnvironment(compose.services[ZOHO_ASSIST_SUBGRAPH]!).env.GATEWAY_SHARED_SECRET!;
    let stack: Stack;
    let gateway: GatewayRuntime;

    beforeAll(async () => {
      stack = await startStack({ env: { GATEWAY_SHARED_SECRET: secret } });
      gateway = createGatewayRuntime({
        ...gatewayOptionsFor(composeEnvironment(compose.services.gateway!).env),
        supergraph: resolve(SUPERGRAPH_SDL),
        // The committed routing URL (http://zoho-assist:4001/graphql) resolves only inside compose's network.
        transportEntries: { [ZOHO_ASSIST_SUBGRAPH]: { location: stack.app.url } },
        logging: false,
      });
    });

    afterAll(async () => {
      await gateway[Symbol.asyncDispose]();
      await stack.close();
    });

    it('answers a query through the subgraph as the subgraph itself does, for the same upstream calls', async () => {
      const query = '{ sessions(first: 3) { nodes { id status technician { id name } customer { name } } } }';
      const direct = await stack.graphql<{ sessions: { nodes: unknown[] } }>(query, undefined, {
        'x-gateway-secret': secret,
      });
      expect(direct.errors).toBeUndefined();
      expect(direct.data?.sessions.nodes).toHaveLength(3);
      await stack.control.resetCalls();

      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown };

      expect(response.status).toBe(200);
      expect(body).toEqual({ data: direct.data });
      // The page, then its technicians in one batch; the customer's name comes with the session.
      expect(await stack.control.calls()).toEqual({
        total: 2,
        byRoute: { 'GET /sessions': 1, 'GET /technicians': 1 },
      });
    });
  });
});
