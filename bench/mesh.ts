/**
 * GraphQL Mesh as a Mesh user would set it up for this API: `@omnigraph/openapi` generates the schema from
 * contract/seed.openapi.yaml, `mesh-compose` writes a supergraph, Hive Gateway serves it. The REST payloads carry
 * ids only (a session names its technician by `technicianId`), so the links a user would add go in
 * `additionalTypeDefs` with `@resolveTo`: Session.technician, chat, files and details. Zoho has no
 * fetch-by-many-ids endpoint, so `@resolveTo` cannot batch (its `keysArg` needs one): each link is one call per
 * parent object.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, startService, type Service } from './processes.js';

const run = promisify(execFile);

const link = (field: string, type: string, source: string, arg: string, key: string) =>
  `${field}: ${type} @resolveTo(sourceName: "Zoho", sourceTypeName: "Query", sourceFieldName: "${source}", requiredSelectionSet: "{ ${key} }", sourceArgs: { ${arg}: "{root.${key}}" })`;

function meshConfig(contract: string, apiUrl: string, token: string): string {
  return `import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('Zoho', {
        source: ${JSON.stringify(contract)},
        endpoint: ${JSON.stringify(apiUrl)},
        operationHeaders: { Authorization: ${JSON.stringify(`Zoho-oauthtoken ${token}`)} },
      }),
    },
  ],
  additionalTypeDefs: /* GraphQL */ \`
    extend type Session {
      ${link('technician', 'getTechnician_response', 'getTechnician', 'technicianId', 'technicianId')}
      ${link('chat', 'getChatHistory_response', 'getChatHistory', 'sessionId', 'sessionId')}
      ${link('files', 'listSessionFiles_response', 'listSessionFiles', 'sessionId', 'sessionId')}
      ${link('details', 'getSessionDetails_response', 'getSessionDetails', 'sessionId', 'sessionId')}
    }
  \`,
});
`;
}

/**
 * Hive Gateway's response cache, as a Mesh user facing Zoho's 50 calls a minute would turn it on: whole
 * responses kept for the shortest lifetime ours gives any of the same data (sessions, 5 s), one cache for all
 * clients (the bench's Mesh holds one organisation's token, as ours' static mode does).
 */
const RESPONSE_CACHE_CONFIG = `export const gatewayConfig = {
  responseCaching: { session: () => null, ttl: 5000 },
};
`;

/**
 * Composes the supergraph in `workDir` (inside the project, so the config resolves the project's packages) and
 * starts Hive Gateway on it: one process, no forked workers, production mode.
 */
export async function startMesh(options: {
  root: string;
  workDir: string;
  apiUrl: string;
  token: string;
}): Promise<Service> {
  mkdirSync(options.workDir, { recursive: true });
  writeFileSync(
    join(options.workDir, 'mesh.config.ts'),
    meshConfig(join(options.root, 'contract/seed.openapi.yaml'), options.apiUrl, options.token),
  );
  await run(
    process.execPath,
    [join(options.root, 'node_modules/@graphql-mesh/compose-cli/esm/bin.js'), '-o', 'supergraph.graphql'],
    { cwd: options.workDir, timeout: 120_000 },
  );
  return startGateway('mesh', options.root, options.workDir);
}

/** A second Hive Gateway on the supergraph `startMesh` composed, with the response cache on. */
export async function startMeshWithResponseCache(options: {
  root: string;
  workDir: string;
}): Promise<Service> {
  const dir = join(options.workDir, 'response-cache');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(options.workDir, 'supergraph.graphql'), join(dir, 'supergraph.graphql'));
  writeFileSync(join(dir, 'gateway.config.mjs'), RESPONSE_CACHE_CONFIG);
  return startGateway('mesh, response cache', options.root, dir);
}

async function startGateway(name: string, root: string, cwd: string): Promise<Service> {
  const port = await freePort();
  const service = await startService(
    name,
    [
      join(root, 'node_modules/@graphql-hive/gateway/dist/bin.js'),
      'supergraph',
      'supergraph.graphql',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--fork',
      '1',
      '--polling',
      '24h',
    ],
    { cwd, env: { NODE_ENV: 'production' }, ready: /Listening on (http:\/\/\S+)/ },
  );
  return { ...service, url: `http://127.0.0.1:${port}/graphql` };
}
