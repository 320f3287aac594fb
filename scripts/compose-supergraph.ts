/**
 * `npm run supergraph:compose`: composes the subgraphs of docs/supergraph.yaml (rover's config format, each
 * subgraph from its `schema.file`) with @apollo/composition and writes docs/supergraph.graphql, the supergraph
 * docker-compose.yml's gateway serves. Re-run it after `npm run schema:print`: test/ops/compose.test.ts fails
 * when the committed supergraph differs from what composing gives now.
 * Run by Node directly (type stripping): it imports packages only, so it needs no build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { parse as parseYaml } from 'yaml';

export const SUPERGRAPH_CONFIG = 'docs/supergraph.yaml';
export const SUPERGRAPH_SDL = 'docs/supergraph.graphql';

export interface SupergraphConfig {
  federation_version: string;
  subgraphs: Record<string, { routing_url: string; schema: { file?: string; subgraph_url?: string } }>;
}

export function readSupergraphConfig(path: string = SUPERGRAPH_CONFIG): SupergraphConfig {
  return parseYaml(readFileSync(path, 'utf8')) as SupergraphConfig;
}

/** The supergraph SDL of the config at `path`; throws with every composition error. */
export function composeSupergraph(path: string = SUPERGRAPH_CONFIG): string {
  const config = readSupergraphConfig(path);
  const services = Object.entries(config.subgraphs).map(([name, subgraph]) => {
    // A live `subgraph_url` would make the output depend on what happens to be running.
    if (!subgraph.schema.file) throw new Error(`${path}: subgraph ${name} needs a schema.file`);
    const file = resolve(dirname(path), subgraph.schema.file);
    return { name, url: subgraph.routing_url, typeDefs: parse(readFileSync(file, 'utf8')) };
  });
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`${path} does not compose:\n${result.errors.map((error) => error.message).join('\n')}`);
  }
  return result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(SUPERGRAPH_SDL, composeSupergraph());
  process.stdout.write(`wrote ${SUPERGRAPH_SDL}\n`);
}
