/**
 * Renders the configuration table from `configDocs` (src/config/index.ts) into a markdown file, between
 * `<!-- config:start -->` and `<!-- config:end -->`, so the documentation cannot drift from the schema.
 *
 *   npm run config-docs [-- [--check] [file]]        (file: docs/configuration.md unless named)
 *
 * Without `--check` the file is rewritten in place. With `--check` nothing is written and the exit code is 1
 * when the table is out of date (for CI). A file without both markers is an error (exit code 2).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { configDocs } from '../src/config/index.js';

export const START_MARKER = '<!-- config:start -->';
export const END_MARKER = '<!-- config:end -->';

type Doc = (typeof configDocs)[number];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A literal default is shown as code; prose (how a derived value is chosen) as text; none as a dash. */
function defaultCell(value: string): string {
  if (value === '') return '—';
  if (/\s|`/.test(value)) return cell(value);
  return `\`${cell(value)}\``;
}

export function renderConfigTable(docs: readonly Doc[] = configDocs): string {
  const rows = docs.map(
    (doc) =>
      `| \`${doc.name}\` | ${defaultCell(doc.default)} | ${doc.secret ? 'yes' : ''} | ${cell(doc.description)} |`,
  );
  return [
    '<!-- Generated from src/config/index.ts by scripts/config-docs.ts; edit the schema, not this table. -->',
    '',
    '| Variable | Default | Secret | Description |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export class MarkersNotFoundError extends Error {
  override readonly name = 'MarkersNotFoundError';
}

/** The document with everything between the markers replaced by `table` (markers kept, on their own lines). */
export function replaceBetweenMarkers(document: string, table: string): string {
  const start = document.indexOf(START_MARKER);
  const end = document.indexOf(END_MARKER, start === -1 ? 0 : start);
  if (start === -1 || end === -1) {
    throw new MarkersNotFoundError(`expected ${START_MARKER} followed by ${END_MARKER}`);
  }
  return `${document.slice(0, start + START_MARKER.length)}\n${table}\n${document.slice(end)}`;
}

/** The file `npm run config-docs` keeps current when no file is named. */
const DEFAULT_FILE = 'docs/configuration.md';

export interface RunOptions {
  /** Where messages go; stderr by default. */
  log?: (line: string) => void;
}

/** The command line: `[--check] [file]`. Resolves to the exit code. */
export async function run(
  argv: readonly string[],
  { log = console.error }: RunOptions = {},
): Promise<number> {
  const check = argv.includes('--check');
  const unknown = argv.filter((arg) => arg.startsWith('--') && arg !== '--check');
  if (unknown.length > 0) {
    log(`config-docs: unknown option ${unknown.join(', ')}; usage: config-docs [--check] [file]`);
    return 2;
  }
  const file = argv.find((arg) => !arg.startsWith('--')) ?? DEFAULT_FILE;

  let current: string;
  let next: string;
  try {
    current = await readFile(file, 'utf8');
    next = replaceBetweenMarkers(current, renderConfigTable());
  } catch (error) {
    log(`config-docs: ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }

  if (check) {
    if (next === current) return 0;
    log(
      `config-docs: the configuration table in ${file} is out of date; run scripts/config-docs without --check`,
    );
    return 1;
  }
  if (next !== current) await writeFile(file, next);
  log(`config-docs: ${file} ${next === current ? 'already up to date' : 'updated'}`);
  return 0;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  process.exitCode = await run(process.argv.slice(2));
}
