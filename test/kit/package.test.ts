/**
 * The client kit as a package: its generated documents are what codegen writes from the API schema and the
 * documents today (CI fails on drift, as for the subgraph's own generated code), and it builds with its own
 * tsconfig into a package an app imports by name (`@zoho-assist/graph-kit`), with its scalar map beside it.
 *
 * The build goes to node_modules/.cache/, laid out as an app's node_modules, so this test neither writes into
 * kit/ nor leaves anything lint or git would see.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import { format, resolveConfig } from 'prettier';
import config from '../../kit/codegen.js';
import * as kit from '../../kit/src/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const KIT = join(ROOT, 'kit');

describe('the kit package', () => {
  it('holds the documents codegen generates from the API schema and docs/examples now', async () => {
    const outputs = (await generate({ ...config, silent: true, verbose: false }, false)) as Array<{
      filename: string;
      content: string;
    }>;

    expect(outputs.length).toBeGreaterThanOrEqual(4);
    for (const output of outputs) {
      const formatted = await format(output.content, {
        ...(await resolveConfig(output.filename)),
        filepath: output.filename,
      });
      expect({ file: output.filename, content: readFileSync(output.filename, 'utf8') }).toEqual({
        file: output.filename,
        content: formatted,
      });
    }
  });

  it('serves an app on the public contract every document but the internal reports', () => {
    const publicSchema = buildSchema(readFileSync(join(ROOT, 'docs', 'api.public.graphql'), 'utf8'));
    const documents = Object.entries(kit).filter(([name]) => name.endsWith('Document')) as Array<
      [string, DocumentNode]
    >;

    const refused = documents.filter(([, document]) => validate(publicSchema, document).length > 0);

    expect(documents.length).toBeGreaterThanOrEqual(7);
    expect(refused.map(([name]) => name)).toEqual(['SupportReportsDocument']);
  });

  it('is used in its README, and in docs/frontend.md, only by names it exports', () => {
    const typeNames = new Set(
      ['src/index.ts', 'src/errors.ts', 'src/form-errors.ts', 'src/__generated__/graphql.ts'].flatMap(
        (file) =>
          [
            ...readFileSync(join(KIT, file), 'utf8').matchAll(
              /^export (?:type|interface) (\w+)|^export type \{([^}]+)\}/gm,
            ),
          ].flatMap((m) => (m[1] ? [m[1]] : m[2]!.split(',').map((name) => name.trim()))),
      ),
    );
    const exported = (name: string, typeOnly: boolean) => name in kit || (typeOnly && typeNames.has(name));
    const samples = [
      readFileSync(join(KIT, 'README.md'), 'utf8'),
      readFileSync(join(ROOT, 'docs', 'frontend.md'), 'utf8'),
    ].flatMap((page) => [...page.matchAll(/^```tsx?\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? ''));
    const imports = samples.flatMap((sample) =>
      [
        ...sample.matchAll(/^import (type )?\{([^}]+)\} from '@zoho-assist\/graph-kit(?:\/scalars)?';$/gm),
      ].flatMap((match) =>
        match[2]!.split(',').map((name) => ({ name: name.trim(), typeOnly: match[1] !== undefined })),
      ),
    );

    expect(imports.length).toBeGreaterThan(8);
    expect(imports.filter(({ name, typeOnly }) => !exported(name, typeOnly))).toEqual([]);
  });

  it('builds with its own tsconfig, and an app imports it by name', () => {
    const app = join(ROOT, 'node_modules', '.cache', 'kit-app');
    const installed = join(app, 'node_modules', '@zoho-assist', 'graph-kit');
    rmSync(app, { recursive: true, force: true });
    mkdirSync(installed, { recursive: true });

    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const build = spawnSync(
      process.execPath,
      [tsc, '-p', join(KIT, 'tsconfig.build.json'), '--outDir', join(installed, 'dist')],
      { encoding: 'utf8' },
    );
    expect({ status: build.status, output: build.stdout + build.stderr }).toEqual({ status: 0, output: '' });
    cpSync(join(KIT, 'package.json'), join(installed, 'package.json'));

    // An app's entry: the kit's exports by package name, its dependencies found as an app would find them.
    writeFileSync(
      join(app, 'app.mjs'),
      `import * as kit from '@zoho-assist/graph-kit';
       import { scalars } from '@zoho-assist/graph-kit/scalars';
       import { InMemoryCache } from '@apollo/client';
       new InMemoryCache({ typePolicies: kit.typePolicies });
       console.log(JSON.stringify({ exports: Object.keys(kit).sort(), scalars }));`,
    );
    const run = spawnSync(process.execPath, [join(app, 'app.mjs')], { encoding: 'utf8', cwd: app });
    expect(run.stderr).toBe('');
    const { exports, scalars } = JSON.parse(run.stdout) as {
      exports: string[];
      scalars: Record<string, string>;
    };

    expect(exports).toEqual(
      expect.arrayContaining([
        'CreateSessionDocument',
        'SessionsDashboardDocument',
        'SessionRowFragmentDoc',
        'createRateLimitRetryLink',
        'createSessionUpdate',
        'endSessionUpdate',
        'transferSessionUpdate',
        'isZohoError',
        'typePolicies',
        'userErrorsToFormErrors',
        'withKitFragments',
      ]),
    );
    expect(scalars).toEqual({
      DateTime: 'string',
      Date: 'string',
      EmailAddress: 'string',
      SafeInt: 'number',
    });
    rmSync(app, { recursive: true, force: true });
  });
});
