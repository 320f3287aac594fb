/**
 * Hive Gateway configuration for a supergraph with the Zoho Assist subgraph in it. The Hive Gateway CLI reads
 * gateway.config.ts from its working directory (docker-compose.yml mounts this file at /gateway), and its
 * options are those of `createGatewayRuntime` (test/federation/gateway-config.test.ts runs them in-process).
 *
 * What it changes from Hive Gateway's defaults, and why:
 * - Forwards the caller's `Authorization` to the Zoho Assist subgraph, and to no other: in forwarded mode
 *   (AUTH_MODE=forwarded) it is the user's Zoho token, without which every field is UNAUTHENTICATED, and no
 *   sibling subgraph has any use for a Zoho credential. Hive Gateway forwards no client header by default.
 * - Adds `x-gateway-secret` when the gateway's environment has GATEWAY_SHARED_SECRET (the same value the
 *   subgraph is started with), so a subgraph that refuses requests from anywhere else still answers its gateway.
 *
 * What needs no configuration in Hive Gateway: subgraph errors reach the client with their message and every
 * `extensions` key (`code`, `retryAfter`, `estimatedUpstreamCalls`, `maxUpstreamCalls`), plus the gateway's own
 * `serviceName`; error masking applies to the gateway's own unexpected errors only. `x-request-id` is the
 * client's (or one the gateway mints), sent to every subgraph and returned to the client. What does not
 * survive: the subgraph's response-level `extensions` (`extensions.budget`, asked for with `x-zoho-budget`) and
 * its `Cache-Control` header. Apollo Router needs all of this spelled out: docs/gateway/router.yaml.
 *
 * The file imports nothing but the gateway's own package, so it loads as it is in the gateway's image.
 */
import { defineConfig, type GatewayConfigSupergraph } from '@graphql-hive/gateway';

/** The subgraph's name in the supergraph (docs/supergraph.yaml). */
export const ZOHO_ASSIST_SUBGRAPH = 'zoho-assist';

/** The header the subgraph checks against GATEWAY_SHARED_SECRET (its GATEWAY_SECRET_HEADER, default shown). */
const GATEWAY_SECRET_HEADER = process.env.GATEWAY_SECRET_HEADER ?? 'x-gateway-secret';

/** The options as `createGatewayRuntime` takes them, so tests run exactly these in-process. */
export const gatewayOptions = {
  propagateHeaders: {
    fromClientToSubgraphs({ request, subgraphName }) {
      if (subgraphName !== ZOHO_ASSIST_SUBGRAPH) return;
      const secret = process.env.GATEWAY_SHARED_SECRET;
      return {
        authorization: request.headers.get('authorization'),
        ...(secret ? { [GATEWAY_SECRET_HEADER]: secret } : {}),
      };
    },
  },
} satisfies Omit<GatewayConfigSupergraph, 'supergraph'>;

/** What the Hive Gateway CLI reads (`defineConfig` only types it). */
export const gatewayConfig = defineConfig(gatewayOptions);
