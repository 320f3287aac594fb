/**
 * The node:http server. Its drain is Apollo's (ApolloServerPluginDrainHttpServer, installed by src/server/apollo.ts):
 * `apollo.stop()` closes the listener, ends idle keep-alive connections, lets requests in flight finish and cuts
 * what is left at the grace period.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export function createListener(): Server {
  const server = createServer();
  // Above the 60 s idle timeout of common load balancers, so they close first and never write to a closed socket.
  server.keepAliveTimeout = 65_000;
  return server;
}

/** Serves `handler` on `port` and `host`; resolves with the GraphQL endpoint's URL once listening. */
export async function listen(
  server: Server,
  handler: RequestHandler,
  options: { port: number; host: string },
): Promise<{ url: string; port: number }> {
  server.on(
    'request',
    (request: IncomingMessage, response: ServerResponse) => void handler(request, response),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/graphql`, port };
}
