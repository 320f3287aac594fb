/**
 * `npm run schema:print`: writes the subgraph SDL exactly as `_service { sdl }` serves it to
 * docs/subgraph.graphql (for `rover subgraph check/publish` and the breaking-change test), and exactly as it serves
 * it with FEDERATION_SECURITY_DIRECTIVES=false (no `@authenticated`/`@requiresScopes`, for Apollo Gateway) to
 * docs/subgraph.apollo-gateway.graphql, and as it serves it with ZOHO_API_DIALECT=live (the live graph) to
 * docs/subgraph.live.graphql; and the API schemas clients generate from, docs/api.graphql and its `public`
 * contract docs/api.public.graphql (scripts/api-schema.ts).
 * docs/ rather than schema/: codegen globs schema/*.graphql, and these are outputs, not sources.
 * npm runs scripts from the package root, so the paths are relative to the working directory.
 */
import { writeFileSync } from 'node:fs';
import { PRINTED_GATEWAY_SDL, PRINTED_LIVE_SDL, PRINTED_SDL, servedSubgraphSdl } from '../src/graph/sdl.js';
import { apiSchemaSdl, PRINTED_API, PRINTED_PUBLIC_API } from './api-schema.js';

const served = await servedSubgraphSdl();
writeFileSync(PRINTED_SDL, served);
writeFileSync(PRINTED_GATEWAY_SDL, await servedSubgraphSdl({ securityDirectives: false }));
writeFileSync(PRINTED_LIVE_SDL, await servedSubgraphSdl({ dialect: 'live' }));
writeFileSync(PRINTED_API, apiSchemaSdl(served));
writeFileSync(PRINTED_PUBLIC_API, apiSchemaSdl(served, { contract: 'public' }));
process.stdout.write(
  `wrote ${PRINTED_SDL}, ${PRINTED_GATEWAY_SDL}, ${PRINTED_LIVE_SDL}, ${PRINTED_API} and ${PRINTED_PUBLIC_API}\n`,
);
