/**
 * Part of `npm run codegen`: contract/seed.openapi.yaml as JSON in contract/__generated__/seed.openapi.json (and
 * the live dialect's contract/live.openapi.yaml likewise), which is what the
 * subgraph and the emulator load at run time. Parsing the YAML at start-up cost about 20 MB of resident memory
 * that V8 kept (docs/performance.md); JSON.parse of the same document costs almost none. CI regenerates it and
 * fails when the committed copy differs, like the other generated files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

for (const dialect of ['seed', 'live']) {
  const source = `contract/${dialect}.openapi.yaml`;
  writeFileSync(
    `contract/__generated__/${dialect}.openapi.json`,
    JSON.stringify(parse(readFileSync(source, 'utf8'))) + '\n',
  );
}
