/**
 * `npm run schema:print`: writes the subgraph SDL exactly as `_service { sdl }` serves it to
 * docs/subgraph.graphql (for `rover subgraph check/publish` and the breaking-change test), and exactly as it serves
 * it with FEDERATION_SECURITY_DIRECTIVES=false (no `@authenticated`/`@requiresScopes`, for Apollo Gateway) to
 * docs/subgraph.apollo-gateway.graphql.
 * docs/ rather than schema/: codegen globs schema/*.graphql, and these are outputs, not sources.
 * npm runs scripts from the package root, so the paths are relative to the working directory.
 */
import { writeFileSync } from 'node:fs';
import { PRINTED_GATEWAY_SDL, PRINTED_SDL, servedSubgraphSdl } from '../src/graph/sdl.js';

writeFileSync(PRINTED_SDL, await servedSubgraphSdl());
writeFileSync(PRINTED_GATEWAY_SDL, await servedSubgraphSdl({ securityDirectives: false }));
process.stdout.write(`wrote ${PRINTED_SDL} and ${PRINTED_GATEWAY_SDL}\n`);
