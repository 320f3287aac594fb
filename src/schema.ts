/**
 * The subgraph schema: the SDL files of schema/ with the resolvers of resolvers/, built by @apollo/subgraph so
 * `_service { sdl }` and `_entities` answer as Federation 2 gateways expect.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { resolvers } from '../resolvers/index.js';
import { resolveEntitiesTogether } from './entities.js';

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

export function loadTypeDefs(): DocumentNode {
  const dir = schemaDirectory();
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  return parse(files.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n'));
}

export function buildSchema(): GraphQLSchema {
  const schema = buildSubgraphSchema([
    { typeDefs: loadTypeDefs(), resolvers: resolvers as GraphQLResolverMap<unknown> },
  ]);
  resolveEntitiesTogether(schema);
  return schema;
}
