/**
 * The subgraph schema: the SDL files of schema/ with the resolvers of resolvers/, built by @apollo/subgraph so
 * `_service { sdl }` and `_entities` answer as Federation 2 gateways expect.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { Kind, parse, visit, type ArgumentNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { resolvers } from '../../resolvers/index.js';
import { liveResolvers } from '../../resolvers/live/index.js';
import type { ApiDialect } from '../config/index.js';
import { forDialect } from './dialect.js';
import { checkEntityRepresentations } from './entities.js';

/** schema/ sits at the project root, whether this module runs from src/ or from dist/src/. */
function schemaDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'schema');
    if (existsSync(join(candidate, 'base.graphql'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('schema/ not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** Every schema/*.graphql, both dialects' elements and the build-time directives included (src/graph/dialect.ts). */
export function loadTypeDefs(): DocumentNode {
  const dir = schemaDirectory();
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  return parse(files.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n'));
}

export interface SchemaOptions {
  /**
   * `false` builds the schema without `@authenticated` and `@requiresScopes`, so `_service { sdl }` carries
   * neither (FEDERATION_SECURITY_DIRECTIVES). Nothing here enforces them: gateways do, and Zoho checks every
   * scope on the caller's token whatever the SDL says.
   */
  securityDirectives?: boolean;
  /** Which upstream's graph: the seed's (the default) or Zoho's published API's (ZOHO_API_DIALECT). */
  dialect?: ApiDialect;
}

export function buildSchema({
  securityDirectives = true,
  dialect = 'seed',
}: SchemaOptions = {}): GraphQLSchema {
  const graph = forDialect(loadTypeDefs(), dialect);
  const typeDefs = securityDirectives ? graph : stripSecurityDirectives(graph);
  const map = dialect === 'live' ? liveResolvers : resolvers;
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: map as GraphQLResolverMap<unknown> }]);
  checkEntityRepresentations(schema);
  return schema;
}

const SECURITY_DIRECTIVES = new Set(['authenticated', 'requiresScopes']);

/**
 * The document without `@authenticated` and `@requiresScopes`: their uses, their definitions, and their names in
 * `@link(import:)`. Apollo Gateway (JavaScript) refuses a supergraph that links a `for: SECURITY` feature it
 * cannot enforce, so its users compose a subgraph SDL without them.
 */
function stripSecurityDirectives(document: DocumentNode): DocumentNode {
  return visit(document, {
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
}
