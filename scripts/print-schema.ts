/**
 * `npm run schema:print`: writes the subgraph SDL exactly as `_service { sdl }` serves it to
 * docs/subgraph.graphql (for `rover subgraph check/publish` and the breaking-change test), and the variant for
 * Apollo Gateway without the security directives to docs/subgraph.apollo-gateway.graphql.
 * docs/ rather than schema/: codegen globs schema/*.graphql, and these are outputs, not sources.
 * npm runs scripts from the package root, so the paths are relative to the working directory.
 */
import { writeFileSync } from 'node:fs';
import {
  PRINTED_GATEWAY_SDL,
  PRINTED_SDL,
  servedSubgraphSdl,
  withoutSecurityDirectives,
} from '../src/sdl.js';

const sdl = await servedSubgraphSdl();
writeFileSync(PRINTED_SDL, sdl);
writeFileSync(PRINTED_GATEWAY_SDL, withoutSecurityDirectives(sdl));
process.stdout.write(`wrote ${PRINTED_SDL} and ${PRINTED_GATEWAY_SDL}\n`);
