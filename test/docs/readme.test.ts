/**
 * The README is the page a newcomer reads first: short (under 10,000 characters, the rest in docs/), the two
 * commands, and a first query that must work as printed and cost what the README says it costs. Its changelog is
 * one line per change; each line's full entry, with its reason, is in docs/changelog.md under the same words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '../support/stack.js';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The body of every fenced block of one language, in order. */
function fenced(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map(
    (match) => match[1] ?? '',
  );
}

/** The lines of one `## section`, up to the next heading of that level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

describe('the README', () => {
  it('stays under 10,000 characters', () => {
    expect(README.length).toBeLessThan(10_000);
  });

  it('starts with the two commands, install-and-start and test', () => {
    expect(fenced(README, 'sh')[0]).toBe('npm ci && npm start\nnpm test\n');
  });

  it('lists the ten newest changelog lines once each, with its full entry under the same words in docs/changelog.md', () => {
    const changelog = readFileSync(join(ROOT, 'docs', 'changelog.md'), 'utf8');
    const lines = section(README, 'Changelog')
      .split('\n')
      .filter((line) => line.startsWith('- '))
      .map((line) => line.slice(2).replaceAll('**', ''));
    const headings = new Set(
      changelog
        .split('\n')
        .filter((line) => line.startsWith('### '))
        .map((line) => line.slice(4)),
    );

    // The newest ten: the README is a first page, docs/changelog.md the record.
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.filter((line) => !headings.has(line))).toEqual([]);
  });
});

describe("the README's first query, against the emulator", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('answers as printed, in two upstream calls: one sessions page, one technicians page', async () => {
    const query = fenced(section(README, 'A first query'), 'graphql')[0] ?? '';
    expect(query).toContain('query Dashboard');
    await stack.control.resetCalls();

    const result = await stack.graphql<{
      sessions: {
        totalCount: number | null;
        nodes: Array<{ status: string; technician: { name: string } | null }>;
      };
    }>(query);

    expect(result.errors).toBeUndefined();
    const nodes = result.data?.sessions.nodes ?? [];
    expect(nodes.length).toBeGreaterThan(1);
    expect(nodes.length).toBeLessThanOrEqual(10);
    expect(nodes.every((node) => node.status === 'ACTIVE')).toBe(true);
    expect(nodes.some((node) => node.technician !== null)).toBe(true);
    expect((await stack.control.calls()).byRoute).toEqual({ 'GET /sessions': 1, 'GET /technicians': 1 });
  });

  it("answers the curl command's body, sent byte for byte", async () => {
    const curl = fenced(section(README, 'A first query'), 'sh')[0] ?? '';
    const url = /curl -s (\S+)/.exec(curl)?.[1];
    const body = /-d '([^']+)'/.exec(curl)?.[1];
    expect(url).toBe('http://127.0.0.1:4001/graphql');
    expect(curl).toContain("-H 'content-type: application/json'");

    const response = await fetch(stack.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body ?? '',
    });
    const answer = (await response.json()) as {
      data?: { technicians: { nodes: Array<{ name: string; email: string }> } };
      errors?: unknown;
    };

    expect(response.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.technicians.nodes).toHaveLength(3);
  });
});
