/**
 * The unique-document probe (issue 24): a stream of documents near the token limit, each made unique by one
 * alias, so that every one is parsed, validated and (if it passes) stored in Apollo's document store.
 * The subgraph runs in its own process (bench/load-server.ts, with --expose-gc), and this reports its throughput
 * and RSS: the peak seen while the stream runs, and what is left after a full collection at the end.
 *
 *   npm run -s build:tools && node dist/bench/documents.js --shape repeated --count 3000 --concurrency 20
 *
 * Shapes: `repeated`, the (one field 600 times; refused now, before graphql-js's pairwise overlap check);
 * `small`, `{ u1: __typename }` and so on, the baseline;
 * `valid`, documents of about 1,400 tokens that pass every limit (their fields skipped, so no upstream call), so
 * the document store fills with them. `--server` points at another build's load-server.js, to compare.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/index.js';
import { forkLoadServer } from './load-server-process.js';

const { values } = parseArgs({
  options: {
    shape: { type: 'string', default: 'repeated' },
    count: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '20' },
    server: { type: 'string', default: fileURLToPath(new URL('./load-server.js', import.meta.url)) },
  },
});
const count = Number(values.count);
const concurrency = Number(values.concurrency);

const TECHNICIAN_FIELDS = [
  'id',
  'name',
  'email',
  'role',
  'status',
  'activeSessionCount',
  'totalSessionCount',
  'maxConcurrentSessions',
];

/** Document `index`: the repeated field, or a valid document of about 1,400 tokens. */
function documentFor(index: number): string {
  if (values.shape === 'small') return `{ u${index}: __typename }`;
  if (values.shape === 'repeated')
    return `{ technician(id: "tech_1") { a${index}: id ${'name '.repeat(600)}} }`;
  // Each field ten times (the limit) in 14 aliased pages (with the unique alias, the 15 allowed), all skipped:
  // parsed, validated and stored like any document, answered without an upstream call.
  const fields = TECHNICIAN_FIELDS.map((field) => `${field} `.repeat(10)).join('');
  const pages = Array.from(
    { length: 14 },
    (_, page) => `t${page}: technicians(first: 1) @skip(if: true) { nodes { ${fields}} }`,
  );
  return `{ u${index}: __typename ${pages.join(' ')} }`;
}

const emulator = await startEmulator({ rateLimits: false, quiet: true });
const { process: server, url, sample } = await forkLoadServer(emulator, values.server);

/** RSS from /proc without a collection: what the process holds while the stream runs. */
function rssNow(): number {
  const status = readStatus();
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}
function readStatus(): string {
  try {
    return readFileSync(`/proc/${server.pid}/status`, 'utf8');
  } catch {
    return '';
  }
}

const start = await sample('reset');
let peak = rssNow();
const peakTimer = setInterval(() => (peak = Math.max(peak, rssNow())), 100);
const statuses = new Map<number, number>();
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const index = next++;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: documentFor(index) }),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
clearInterval(peakTimer);
const end = await sample('reset');

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
console.log(
  JSON.stringify({
    shape: values.shape,
    documents: count,
    statuses: Object.fromEntries(statuses),
    requestsPerSecond: Math.round(count / seconds),
    rss: { start: mb(start.rssBytes), peak: mb(peak), endAfterGc: mb(end.rssBytes) },
    heapUsedAfterGc: mb(end.heapUsedBytes),
    loopDelayMaxMs: Math.round(end.loopDelay.max),
  }),
);
server.send({ type: 'stop' });
await new Promise((resolve) => server.once('exit', resolve));
await emulator.close();
