/**
 * The subgraph SDL as gateways and rover read it, for `npm run schema:print` and the contract tests.
 */
import { graphql, Kind, parse, print, visit, type ArgumentNode } from 'graphql';
import { buildSchema } from './schema.js';

/** Where `npm run schema:print` writes, relative to the package root; the breaking-change test reads them. */
export const PRINTED_SDL = 'docs/subgraph.graphql';
export const PRINTED_GATEWAY_SDL = 'docs/subgraph.apollo-gateway.graphql';

/** Exactly what `_service { sdl }` serves: asked of the schema itself, not re-printed. */
export async function servedSubgraphSdl(): Promise<string> {
  const result = await graphql({ schema: buildSchema(), source: '{ _service { sdl } }' });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`_service { sdl } failed: ${JSON.stringify(result.errors)}`);
  return sdl;
}

const SECURITY_DIRECTIVES = new Set(['authenticated', 'requiresScopes']);

/**
 * The SDL without `@authenticated` and `@requiresScopes`. Apollo Gateway (JavaScript) refuses a supergraph that
 * links a `for: SECURITY` feature it cannot enforce, so Apollo Gateway users compose this variant; Zoho still
 * enforces every scope on the user's own token (forwarded mode) and we answer FORBIDDEN.
 */
export function withoutSecurityDirectives(sdl: string): string {
  const document = visit(parse(sdl), {
    DirectiveDefinition(node) {
      return SECURITY_DIRECTIVES.has(node.name.value) ? null : undefined;
    },
    Directive(node) {
      if (SECURITY_DIRECTIVES.has(node.name.value)) return null;
      if (node.name.value !== 'link') return undefined;
      const args = node.arguments?.map((arg): ArgumentNode => {
        if (arg.name.value !== 'import' || arg.value.kind !== Kind.LIST) return arg;
        const values = arg.value.values.filter(
          (value) => !(value.kind === Kind.STRING && SECURITY_DIRECTIVES.has(value.value.replace(/^@/, ''))),
        );
        return { ...arg, value: { ...arg.value, values } };
      });
      return { ...node, arguments: args };
    },
  });
  return print(document) + '\n';
}
