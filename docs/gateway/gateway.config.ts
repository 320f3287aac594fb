/**
 * Hive Gateway configuration for a supergraph with the Zoho Assist subgraph in it. The Hive Gateway CLI reads
 * gateway.config.ts from its working directory (docker-compose.yml mounts this file at /gateway); the options
 * are those of `createGatewayRuntime`, so tests run exactly these in-process (test/federation/gateway-config
 * .test.ts, test/ops/compose.test.ts).
 *
 * What it changes from Hive Gateway's defaults, and why:
 * - Forwards the caller's `Authorization` to the Zoho Assist subgraph, and to no other: in forwarded mode
 *   (AUTH_MODE=forwarded) it is the user's Zoho token, without which every field is UNAUTHENTICATED, and no
 *   sibling subgraph has any use for a Zoho credential. Hive Gateway forwards no client header by default.
 * - Proves to the subgraph that the request comes from its gateway, with the secret the gateway's environment
 *   shares with the subgraph's: GATEWAY_SHARED_SECRET is sent in the GATEWAY_SECRET_HEADER header
 *   (`x-gateway-secret`), GATEWAY_HMAC_SECRET signs each request (Hive Gateway's `hmacSignature`) without the
 *   secret ever being sent. A production subgraph with a stored credential refuses to start without one.
 * - Answers browsers only from CORS_ORIGINS (`*` for any, or a comma-separated list of origins; unset, no CORS
 *   header at all, where Hive Gateway would otherwise admit every origin with credentials): they may send the
 *   headers Apollo Client and our pages send (BROWSER_REQUEST_HEADERS) and read `x-request-id`.
 *
 * What needs no configuration in Hive Gateway: subgraph errors reach the client with their message and every
 * `extensions` key (`code`, `retryAfter`, `estimatedUpstreamCalls`, `maxUpstreamCalls`, `field`), plus the
 * gateway's own `serviceName`. `x-request-id` is the client's (or one the gateway mints), sent to every
 * subgraph and returned to the client. What does not survive: the subgraph's response-level `extensions`
 * (`extensions.budget`, asked for with `x-zoho-budget`) and its `Cache-Control` header. Apollo Router needs all
 * of this spelled out: docs/gateway/router.yaml.
 *
 * The file imports nothing but the gateway's own package, so it loads as it is in the gateway's image.
 */
import { defineConfig, type GatewayConfigSupergraph } from '@graphql-hive/gateway';

/** The subgraph's name in the supergraph (docs/supergraph.yaml). */
export const ZOHO_ASSIST_SUBGRAPH = 'zoho-assist';

/** The gateway's environment variables this configuration reads; each has the subgraph's meaning. */
export interface GatewayEnvironment {
  GATEWAY_SHARED_SECRET?: string;
  GATEWAY_SECRET_HEADER?: string;
  GATEWAY_HMAC_SECRET?: string;
  CORS_ORIGINS?: string;
}

/**
 * What a browser may send cross-origin: a token, Apollo Client's client awareness headers (it sends them when
 * `clientAwareness` is set), `x-zoho-budget` and `x-request-id`. The subgraph allows the same (src/server/http.ts).
 */
export const BROWSER_REQUEST_HEADERS = [
  'content-type',
  'authorization',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-request-id',
  'x-zoho-budget',
];

export function gatewayOptionsFor(env: GatewayEnvironment) {
  // Empty counts as unset, as it does for the subgraph (`FOO=` in a compose or env file).
  const sharedSecret = env.GATEWAY_SHARED_SECRET?.trim() || undefined;
  const secretHeader = env.GATEWAY_SECRET_HEADER?.trim() || 'x-gateway-secret';
  const hmacSecret = env.GATEWAY_HMAC_SECRET?.trim() || undefined;
  const corsOrigins = env.CORS_ORIGINS?.split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  return {
    cors: corsOrigins?.length
      ? {
          origin: corsOrigins,
          methods: ['GET', 'POST'],
          allowedHeaders: BROWSER_REQUEST_HEADERS,
          exposedHeaders: ['x-request-id'],
          // Tokens travel in `authorization`, never in cookies.
          credentials: false,
        }
      : false,
    propagateHeaders: {
      fromClientToSubgraphs({ request, subgraphName }) {
        if (subgraphName !== ZOHO_ASSIST_SUBGRAPH) return;
        return {
          authorization: request.headers.get('authorization'),
          ...(sharedSecret ? { [secretHeader]: sharedSecret } : {}),
        };
      },
    },
    ...(hmacSecret
      ? {
          hmacSignature: {
            secret: hmacSecret,
            shouldSign: ({ subgraphName }) => subgraphName === ZOHO_ASSIST_SUBGRAPH,
          },
        }
      : {}),
  } satisfies Omit<GatewayConfigSupergraph, 'supergraph'>;
}

/** What the Hive Gateway CLI reads (`defineConfig` only types it). */
export const gatewayConfig = defineConfig(gatewayOptionsFor(process.env));
