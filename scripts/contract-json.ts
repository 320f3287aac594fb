/**
 * Part of `npm run codegen`: emulator/openapi.yaml as JSON in src/__generated__/openapi.json, which is what the
 * subgraph and the emulator load at run time. Parsing the YAML at start-up cost about 20 MB of resident memory
 * that V8 kept (docs/performance.md); JSON.parse of the same document costs almost none. CI regenerates it and
 * fails when the committed copy differs, like the rest of src/__generated__.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const SOURCE = 'emulator/openapi.yaml';
const TARGET = 'src/__generated__/openapi.json';

writeFileSync(TARGET, JSON.stringify(parse(readFileSync(SOURCE, 'utf8'))) + '\n');
