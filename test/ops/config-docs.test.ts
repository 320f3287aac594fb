import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  END_MARKER,
  START_MARKER,
  renderConfigTable,
  replaceBetweenMarkers,
  run,
} from '../../scripts/config-docs.js';
import { configDocs } from '../../src/config/index.js';

describe('renderConfigTable', () => {
  it('has one row per documented variable, literal defaults as code and secrets flagged', () => {
    const table = renderConfigTable();

    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(configDocs.length);
    expect(table).toContain('| `PORT` | `4001` |  |');
    expect(table).toContain('| `ZOHO_CLIENT_SECRET` | — | yes |');
    expect(table).toContain('| `CORS_ORIGINS` | `*` in development and test, closed in production |');
  });

  it('escapes pipes so a description cannot break the table', () => {
    const table = renderConfigTable([{ name: 'X', default: 'a|b', description: 'one | two', secret: false }]);

    expect(table).toContain('| `X` | `a\\|b` |  | one \\| two |');
  });
});

describe('replaceBetweenMarkers', () => {
  it('replaces only what lies between the markers', () => {
    const document = `# Title\n\n${START_MARKER}\nstale\n${END_MARKER}\n\nAfter.\n`;

    expect(replaceBetweenMarkers(document, 'fresh')).toBe(
      `# Title\n\n${START_MARKER}\nfresh\n${END_MARKER}\n\nAfter.\n`,
    );
  });

  it('refuses a document without both markers', () => {
    expect(() => replaceBetweenMarkers(`# Title\n${START_MARKER}\n`, 'x')).toThrow(/config:end/);
    expect(() => replaceBetweenMarkers(`${END_MARKER}\n${START_MARKER}`, 'x')).toThrow(/config:start/);
  });
});

describe('config-docs command', () => {
  let dir: string;
  let file: string;
  const messages: string[] = [];
  const log = (line: string) => void messages.push(line);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'config-docs-'));
    file = join(dir, 'configuration.md');
    messages.length = 0;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fails --check on a stale table, writes the table, then passes --check', async () => {
    await writeFile(file, `# Configuration\n\n${START_MARKER}\nold table\n${END_MARKER}\n\nMore text.\n`);

    expect(await run(['--check', file], { log })).toBe(1);
    expect(await readFile(file, 'utf8')).toContain('old table');

    expect(await run([file], { log })).toBe(0);
    const written = await readFile(file, 'utf8');
    expect(written).toContain('| `RATE_LIMIT_PER_DAY` | `5000` |');
    expect(written.startsWith('# Configuration\n\n')).toBe(true);
    expect(written.endsWith(`${END_MARKER}\n\nMore text.\n`)).toBe(true);

    expect(await run(['--check', file], { log })).toBe(0);
  });

  it('exits 2 and explains when the file has no markers', async () => {
    await writeFile(file, '# Configuration without a table\n');

    expect(await run([file], { log })).toBe(2);
    expect(messages.join('\n')).toContain('expected <!-- config:start -->');
    expect(await readFile(file, 'utf8')).toBe('# Configuration without a table\n');
  });

  it('exits 2 on an unknown option', async () => {
    expect(await run(['--fix', file], { log })).toBe(2);
  });

  it('checks docs/configuration.md when no file is named, the table CI keeps current', async () => {
    const root = join(import.meta.dirname, '..', '..');
    expect(process.cwd()).toBe(root);
    expect(await readFile(join(root, 'docs', 'configuration.md'), 'utf8')).toContain(START_MARKER);
    expect(await readFile(join(root, 'README.md'), 'utf8')).not.toContain(START_MARKER);

    expect(await run(['--check'], { log })).toBe(0);
    expect(messages).toEqual([]);
  });
});
