/**
 * GraphQL Code Generator for the kit (`npm run codegen -w @zoho-assist/graph-kit`, also run by the root's
 * `npm run codegen`): typed documents for the kit's fragments and the documented operations (docs/examples),
 * from the client-facing schema, and every schema enum as a union (ZohoErrorCode among them: no field returns
 * it, so the client preset alone would leave it out). test/kit/codegen.test.ts fails when the output is stale.
 */
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { scalars } from './src/scalars.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Where the schema and documents are, and where the output goes: absolute, so any working directory works. */
export const KIT_SCHEMA = here('../docs/api.graphql');
export const KIT_DOCUMENTS = [here('fragments/*.graphql'), here('../docs/examples/*.graphql')];
export const KIT_OUTPUT = here('src/__generated__/');

const shared = { scalars, strictScalars: true, useTypeImports: true, enumsAsTypes: true };

const config: CodegenConfig = {
  overwrite: true,
  schema: KIT_SCHEMA,
  documents: KIT_DOCUMENTS,
  generates: {
    [KIT_OUTPUT]: {
      preset: 'client',
      // Plain result types: Apollo Client 4 does its own data masking when an app turns it on.
      presetConfig: { fragmentMasking: false },
      config: { ...shared, importExtension: '.js', documentMode: 'documentNode' },
    },
    [`${KIT_OUTPUT}enums.ts`]: {
      plugins: ['typescript'],
      config: { ...shared, onlyEnums: true },
    },
  },
};

export default config;
