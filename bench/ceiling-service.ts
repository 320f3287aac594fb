/**
 * The engine's ceiling: Apollo Server as ours assembles it (src/server/apollo.ts, without its production
 * features) with our schema, resolvers and loaders, answering from memory. Its ZohoAssistApi remembers every
 * answer: the first request of each shape (the warm-up) reaches the emulator, every later one is served from
 * memory with no HTTP at all. What this service costs per operation is what the GraphQL layer and our resolvers
 * cost; what ours costs beyond it is the upstream client and the I/O. createSession too is answered from memory
 * after its first call with the same arguments: the mutation's execution, not a create.
 *
 * With `--live` it is **ours, bare**: the same service calling Zoho on every operation through our client, so
 * it makes ours' calls with none of ours' production glue (no log line or metrics, no budget estimate or guard,
 * no deadline, cancellation or request id, no structural or argument limits, no credentials check). Ours over
 * it is what those features cost; it over the limit is what our GraphQL layer costs over the same calls, in one
 * process.
 *
 * Env: ZOHO_ASSIST_API_URL, ZOHO_ACCESS_TOKEN, PORT. Prints `ceiling ready at <url>` (`bare ready at <url>`)
 * when listening.
 */
import type { Context, GraphContext } from '../src/graph/context.js';
import { createLoaders } from '../src/graph/loaders/index.js';
import { buildSchema } from '../src/graph/schema.js';
import { createApollo } from '../src/server/apollo.js';
import { createHttpHandler } from '../src/server/http.js';
import { createListener, listen } from '../src/server/listener.js';
import type { ZohoAssistApi } from '../src/upstream/api.js';
import { createZohoClient } from '../src/upstream/client.js';
import { createIdempotentWrites, MemoryIdempotencyStore } from '../src/upstream/idempotency.js';
import { createZohoHttp } from '../src/upstream/transport.js';
import { StaticTokenProvider } from '../src/upstream/tokens.js';

const apiUrl = process.env.ZOHO_ASSIST_API_URL;
const token = process.env.ZOHO_ACCESS_TOKEN;
if (!apiUrl || !token) throw new Error('ZOHO_ASSIST_API_URL and ZOHO_ACCESS_TOKEN are required');

const http = createZohoHttp({ apiUrl });
const upstream = createZohoClient(http, { tokens: new StaticTokenProvider(token), concurrency: 8 });

/** Every method answers what it answered the first time for the same arguments. */
function remembering(api: ZohoAssistApi): ZohoAssistApi {
  const memory = new Map<string, Promise<unknown>>();
  return new Proxy(api, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const key = `${String(property)} ${JSON.stringify(args)}`;
        let answer = memory.get(key);
        if (!answer) {
          answer = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          answer.catch(() => memory.delete(key));
          memory.set(key, answer);
        }
        return answer;
      };
    },
  });
}

const live = process.argv.includes('--live');
const api = live ? upstream : remembering(upstream);
const neverAborted = new AbortController().signal;
const writeStore = new MemoryIdempotencyStore();

// The factory without `features`: our schema and error mask, none of ours' production plugins.
const apollo = createApollo({ schema: buildSchema() });
await apollo.start();
const handler = createHttpHandler<GraphContext>({
  apollo,
  context: async () =>
    ({
      api,
      loaders: createLoaders(api),
      requestId: live ? 'bare' : 'ceiling',
      signal: neverAborted,
      stats: { upstreamCalls: 0 },
      writes: createIdempotentWrites(writeStore, 'bench', { claimMs: 15_000 }),
      hasCredentials: true,
    }) satisfies Context,
  corsOrigins: [],
  ready: () => ({ ready: true, checks: {} }),
});
const server = createListener();
const { url } = await listen(server, handler, { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`${live ? 'bare' : 'ceiling'} ready at ${url}\n`);
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  http.close();
  void apollo.stop();
});
