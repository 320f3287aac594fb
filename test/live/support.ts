/**
 * What the live suites share: the documentation's examples read as JSON, the way a reader of Zoho's pages would.
 */
import { readFileSync } from 'node:fs';
import { parseLosslessJson } from '../../contract/live-json.js';

export interface DocumentedExample {
  source: string;
  operationId: string;
  status: number;
  /** The example as the documentation shows it (masked digits, placeholders and all). */
  shown: string;
  /** Where the stored copy of the page was cut off, when it was. */
  cut?: string;
}

export const EXAMPLES = (
  JSON.parse(readFileSync('test/live/examples.json', 'utf8')) as { examples: DocumentedExample[] }
).examples;

/**
 * The text as JSON: outside strings, masked digits (`215****`) become zeros, a bare `{placeholder}` becomes a
 * string, an elided `[…]` an empty array, and a bare key is quoted; nothing inside a string changes.
 */
export function documentedJson(shown: string): string {
  let out = '';
  let plain = '';
  const flush = () => {
    out += plain
      .replace(/(\d+)(\*+)/g, (_m, digits: string, stars: string) => digits + '0'.repeat(stars.length))
      .replace(/\{([a-z_]+)\}/g, '"{$1}"')
      .replace(/\[…\]/g, '[]')
      .replace(/([{,]\s*)([A-Za-z_]\w*)(\s*:)/g, '$1"$2"$3');
    plain = '';
  };
  for (let i = 0; i < shown.length; i++) {
    const c = shown[i]!;
    if (c !== '"') {
      plain += c;
      continue;
    }
    flush();
    let j = i + 1;
    while (j < shown.length && shown[j] !== '"') j += shown[j] === '\\' ? 2 : 1;
    out += shown.slice(i, j + 1);
    i = j;
  }
  flush();
  return out;
}

export const documentedBody = (example: DocumentedExample): unknown =>
  parseLosslessJson(documentedJson(example.shown));
