/**
 * `npm run dev:gateway`: Hive Gateway in front of the subgraph, as a frontend team develops against the graph.
 *
 *   browser ──► Hive Gateway (DEV_GATEWAY_PORT, default 4000) ──► subgraph (PORT, default 4001) ──► Zoho or the
 *               docs/gateway/gateway.config.ts's options:         started here as `npm start` would,   embedded
 *               Authorization forwarded, CORS for browsers        or DEV_GATEWAY_SUBGRAPH_URL's         emulator
 *
 * The supergraph is composed here (Apollo's composer) from the subgraph's own `_service { sdl }`, and again when
 * that SDL changes (checked at most every 5 s, on a request), so `npm run dev` beside it (with
 * DEV_GATEWAY_SUBGRAPH_URL) shows a schema edit without a restart. The subgraph it starts gets this process's
 * environment unchanged: `AUTH_MODE`, `ZOHO_*`, `DEV_NO_RATE_LIMITS` mean what they mean for `npm start`.
 * Ctrl-C (or SIGTERM) stops the gateway, then the subgraph.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { composeServices } from '@apollo/composition';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { parse } from 'graphql';
import { gatewayOptionsFor, ZOHO_ASSIST_SUBGRAPH } from '../docs/gateway/gateway.config.js';

const env = process.env;
const say = (message: string) => console.log(`[dev:gateway] ${message}`);

/** How long the subgraph may take to say it is ready (a cold start builds the emulator's seed). */
const START_TIMEOUT_MS = 60_000;
/** A changed SDL is noticed on the first request this long after the last look. */
const POLL_MS = 5_000;

let subgraph: ChildProcess | undefined;

/** Starts `node dist/src/main.js` (built by `npm run build:tools`) and answers its URL once it is ready. */
function startSubgraph(): Promise<string> {
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/src/main.js'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  subgraph = child;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the subgraph did not start in time')), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`the subgraph exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      console.log(line);
      const ready = /Zoho Assist subgraph ready at (\S+)/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    });
  });
}

const subgraphUrl = env.DEV_GATEWAY_SUBGRAPH_URL?.trim() || (await startSubgraph());
// A subgraph that admits only its gateway (GATEWAY_SHARED_SECRET) wants the proof for its SDL as well.
const secret = env.GATEWAY_SHARED_SECRET?.trim();
const secretHeader = env.GATEWAY_SECRET_HEADER?.trim() || 'x-gateway-secret';

let composed: { sdl: string; supergraph: string } | undefined;

/** The supergraph of the subgraph as it serves itself now; composed again only when its SDL changed. */
async function supergraph(): Promise<string> {
  const response = await fetch(subgraphUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { [secretHeader]: secret } : {}) },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { data?: { _service?: { sdl?: string } }; errors?: unknown };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error(`${subgraphUrl} did not serve its SDL: ${JSON.stringify(body.errors)}`);
  if (composed?.sdl === sdl) return composed.supergraph;
  const result = composeServices([{ name: ZOHO_ASSIST_SUBGRAPH, url: subgraphUrl, typeDefs: parse(sdl) }]);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  if (composed) say('the subgraph SDL changed: supergraph composed again');
  composed = { sdl, supergraph: result.supergraphSdl };
  return composed.supergraph;
}

async function stopSubgraph(): Promise<void> {
  const child = subgraph;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

try {
  // Composed once before listening: a subgraph that does not compose stops the script with the reason.
  await supergraph();
} catch (error) {
  console.error(`[dev:gateway] ${error instanceof Error ? error.message : String(error)}`);
  await stopSubgraph();
  process.exit(1);
}

const gateway = createGatewayRuntime({
  // A browser app in development runs on its own origin (a Vite or Next dev server): any may call.
  ...gatewayOptionsFor({ ...env, CORS_ORIGINS: env.CORS_ORIGINS?.trim() || '*' }),
  supergraph,
  pollingInterval: POLL_MS,
});
const server = createServer(gateway.requestListener);
const host = env.DEV_GATEWAY_HOST?.trim() || '127.0.0.1';
server.listen(Number(env.DEV_GATEWAY_PORT?.trim() || 4000), host, () => {
  const { port } = server.address() as AddressInfo;
  say(`Hive Gateway ready at http://${host}:${port}/graphql (subgraph ${subgraphUrl})`);
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping`);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await gateway[Symbol.asyncDispose]();
  await stopSubgraph();
  process.exit(0);
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
subgraph?.once('exit', (code) => {
  if (stopping) return;
  say(`the subgraph exited (${code})`);
  process.exit(1);
});
