/**
 * The docs are a web of relative links (README → docs/*.md → examples, snippets, source files): every link must
 * land on a file that exists, and every `#anchor` on a heading of that page, as GitHub names headings. Moving a
 * section or renaming a file breaks a link silently otherwise. Every `npm run <script>` the docs tell a reader to
 * type must be a script of package.json.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const ROOT = join(import.meta.dirname, '..', '..');
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', '.git', 'coverage']);

function markdownFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRECTORIES.has(entry.name) ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The text a reader sees as prose: fenced blocks and inline code removed (a link inside them is an example). */
function prose(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Targets of inline links `[text](target)` and images, in prose. */
function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1] ?? '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const withoutCode = markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '');
  for (const [, heading] of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = (heading ?? '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n += 1) anchor = `${base}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

const files = markdownFiles(ROOT).sort();
const documents = files.map((path) => ({
  path,
  name: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

describe('links in the docs', () => {
  it('finds the README, ARCHITECTURE.md and the pages under docs/', () => {
    const names = documents.map((document) => document.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'README.md',
        'ARCHITECTURE.md',
        'docs/configuration.md',
        'docs/auth.md',
        'docs/budget.md',
        'docs/federation.md',
        'docs/operations.md',
        'docs/changelog.md',
        'docs/examples/README.md',
      ]),
    );
  });

  it.each(documents.map((document) => [document.name, document] as const))(
    '%s: every relative link names an existing file and heading',
    (_name, document) => {
      const broken = linkTargets(document.text).flatMap((target) => {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return []; // https:, mailto: — not ours to check offline
        const [pathPart = '', anchor] = target.split('#', 2);
        const path =
          pathPart === '' ? document.path : join(dirname(document.path), decodeURIComponent(pathPart));
        if (!existsSync(path)) return [`${target}: no such file`];
        if (anchor === undefined || !path.endsWith('.md')) return [];
        const text = path === document.path ? document.text : readFileSync(path, 'utf8');
        return anchorsOf(text).has(anchor)
          ? []
          : [`${target}: no heading #${anchor} in ${relative(ROOT, path)}`];
      });
      expect(broken).toEqual([]);
    },
  );

  it('works out anchors as GitHub does', () => {
    const anchors = anchorsOf(
      '# Title\n## The limiter: before a call leaves\n## `@cost(weight: 0)` and `Int!`\n## Read cache\n## Read cache\n' +
        '```md\n## Not a heading\n```\n',
    );
    expect([...anchors]).toEqual([
      'title',
      'the-limiter-before-a-call-leaves',
      'costweight-0-and-int',
      'read-cache',
      'read-cache-1',
    ]);
  });
});

describe('npm scripts named in the docs', () => {
  const scripts = Object.keys(
    (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
      .scripts,
  );
  it.each(documents.map((document) => [document.name, document] as const))(
    '%s: every `npm run <script>` is a script of package.json',
    (_name, document) => {
      const named = [...document.text.matchAll(/npm run(?: -s)? ([a-z][\w:-]*)/g)].map((match) => match[1]);
      expect(named.filter((script) => script !== undefined && !scripts.includes(script))).toEqual([]);
    },
  );
});
