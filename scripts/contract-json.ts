/**
 * Part of `npm run codegen`: contract/seed.openapi.yaml as JSON in contract/__generated__/seed.openapi.json, which is what the
 * subgraph and the emulator load at run time. Parsing the YAML at start-up cost about 20 MB of resident memory
 * that V8 kept (docs/performance.md); JSON.parse of the same document costs almost none. CI regenerates it and
 * fails when the committed copy differs, like the other generated files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const SOURCE = 'contract/seed.openapi.yaml';
const TARGET = 'contract/__generated__/seed.openapi.json';

writeFileSync(TARGET, JSON.stringify(parse(readFileSync(SOURCE, 'utf8'))) + '\n');
