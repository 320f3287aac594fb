/**
 * The HTTP front door: Apollo Server 5 through its own integration API (executeHTTPGraphQLRequest) on node:http,
 * with health and metrics on the same port, the 1 MiB body cap (413) and the gateway's admission before Apollo.
 * No web framework: nothing here needs one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { GraphContext } from '../graph/context.js';
import type { ErrorCode } from '../graph/errors.js';
import { BodyTooLarge, readBody } from './body.js';
import type { Admission } from './gateway-admission.js';

export interface HttpOptions<C extends GraphContext> {
  apollo: ApolloServer<C>;
  /** Builds the per-request context; `response` lets it abort upstream work when the client goes away. */
  context: (request: IncomingMessage, response: ServerResponse) => Promise<C>;
  /** Allowed CORS origins; empty = no CORS headers (closed). `*` = any. */
  corsOrigins: '*' | readonly string[];
  ready: () => { ready: boolean; checks: Record<string, unknown> };
  metrics?: (() => Promise<{ contentType: string; body: string }>) | undefined;
  /** Whether a GraphQL request proves it came through the gateway (src/server/gateway-admission.ts); unset = all do. */
  admit?: Admission | undefined;
  /**
   * Zoho's webhooks (src/events/receiver.ts): answers a request it recognises, path token included, and returns
   * true; anything else gets this handler's own 404.
   */
  webhook?:
    ((request: IncomingMessage, response: ServerResponse, pathname: string) => Promise<boolean>) | undefined;
}

/**
 * What a browser may send cross-origin: Apollo Client's `apollographql-client-name`/`-version`, our
 * `x-zoho-budget` (src/budget/plugin.ts) and `x-request-id`, beside GraphQL's own. Never the gateway's secret.
 */
const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-request-id',
  'x-zoho-budget',
].join(', ');

/** What a browser script may read of an answer beyond the safelisted headers: the id to quote in a report. */
const CORS_EXPOSED_HEADERS = 'x-request-id';

/** Largest request body accepted. */
const MAX_BODY_BYTES = 1024 * 1024;

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(text);
}

/** A GET request's parameters, JSON ones parsed as Apollo Server parses them (unparsable ones left as text). */
function paramsOf(url: URL): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const name of ['query', 'variables', 'extensions'] as const) {
    const value = url.searchParams.get(name);
    if (value === null) continue;
    if (name === 'query') params[name] = value;
    else {
      try {
        params[name] = JSON.parse(value);
      } catch {
        params[name] = value;
      }
    }
  }
  return params;
}

function graphQLError(message: string, code: ErrorCode) {
  return { errors: [{ message, extensions: { code } }] };
}

export function createHttpHandler<C extends GraphContext>(options: HttpOptions<C>) {
  const anyOrigin = options.corsOrigins === '*';
  const origins = new Set(anyOrigin ? [] : options.corsOrigins);

  function cors(request: IncomingMessage, response: ServerResponse) {
    const origin = request.headers.origin;
    if (!origin || (!anyOrigin && !origins.has(origin))) return;
    response.setHeader('access-control-allow-origin', anyOrigin ? '*' : origin);
    response.setHeader('vary', 'Origin');
    response.setHeader('access-control-allow-headers', CORS_ALLOWED_HEADERS);
    response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    response.setHeader('access-control-expose-headers', CORS_EXPOSED_HEADERS);
  }

  async function graphql(request: IncomingMessage, response: ServerResponse, url: URL) {
    let body: unknown = undefined;
    if (request.method === 'POST') {
      let text: string;
      try {
        text = await readBody(request, MAX_BODY_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          sendJson(response, 413, graphQLError('The request body is too large.', 'BAD_REQUEST'), {
            connection: 'close',
          });
          return;
        }
        throw error;
      }
      const type = request.headers['content-type'] ?? '';
      if (type.includes('json')) {
        try {
          body = text.length > 0 ? JSON.parse(text) : undefined;
        } catch {
          sendJson(response, 400, graphQLError('The request body is not valid JSON.', 'BAD_REQUEST'));
          return;
        }
      } else {
        body = text;
      }
    }
    if (options.admit && !options.admit(request.headers, body ?? paramsOf(url))) {
      sendJson(response, 403, graphQLError('This subgraph only answers its gateway.', 'FORBIDDEN'));
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: () => options.context(request, response),
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      cors(request, response);
      if (request.method === 'OPTIONS') {
        response.writeHead(204).end();
        return;
      }
      switch (url.pathname) {
        case '/graphql':
        case '/':
          await graphql(request, response, url);
          return;
        case '/health/live':
          sendJson(response, 200, { status: 'live' });
          return;
        case '/health/ready': {
          const { ready, checks } = options.ready();
          sendJson(response, ready ? 200 : 503, {
            status: ready ? 'ready' : 'unready',
            checks,
          });
          return;
        }
        case '/metrics':
          if (options.metrics) {
            const { contentType, body } = await options.metrics();
            response.writeHead(200, { 'content-type': contentType });
            response.end(body);
            return;
          }
          break;
      }
      if (options.webhook && (await options.webhook(request, response, url.pathname))) return;
      sendJson(response, 404, { error: 'Not found' });
    } catch {
      if (!response.headersSent)
        sendJson(response, 500, graphQLError('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else response.destroy();
    }
  };
}
