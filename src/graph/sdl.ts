/**
 * The subgraph SDL as gateways and rover read it, for `npm run schema:print` and the contract tests.
 */
import { graphql } from 'graphql';
import { buildSchema, type SchemaOptions } from './schema.js';

/** Where `npm run schema:print` writes, relative to the package root; the breaking-change test reads them. */
export const PRINTED_SDL = 'docs/subgraph.graphql';
/** What `_service { sdl }` serves with FEDERATION_SECURITY_DIRECTIVES=false, for Apollo Gateway. */
export const PRINTED_GATEWAY_SDL = 'docs/subgraph.apollo-gateway.graphql';
/** What `_service { sdl }` serves with ZOHO_API_DIALECT=live: the graph Zoho's published API can serve. */
export const PRINTED_LIVE_SDL = 'docs/subgraph.live.graphql';

/** Exactly what `_service { sdl }` serves: asked of the schema itself, not re-printed. */
export async function servedSubgraphSdl(options: SchemaOptions = {}): Promise<string> {
  const result = await graphql({ schema: buildSchema(options), source: '{ _service { sdl } }' });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`_service { sdl } failed: ${JSON.stringify(result.errors)}`);
  return sdl;
}
