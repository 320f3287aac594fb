/**
 * `npm run load`: load and soak on loopback. The emulator runs here with faults on (5% 5xx, 1% connection
 * resets, 200 ms jitter on every API route); the subgraph runs in its own process (bench/load-server.ts);
 * autocannon drives a mixed read workload at 100 connections for a warm-up, then for the measured run, and
 * stops by itself. Prints one Markdown table: error rate, latency, RSS after warm-up and at the end, and
 * event-loop stalls over 200 ms inside the server.
 *
 *   npm run load -- --duration 120 --warmup 20 --connections 100
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startEmulator } from '../emulator/index.js';
import { forkLoadServer } from './load-server-process.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '120' },
    warmup: { type: 'string', default: '20' },
    connections: { type: 'string', default: '100' },
    faults: { type: 'string', default: 'on' },
  },
});
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connections = Number(values.connections);

const emulator = await startEmulator({ rateLimits: false, quiet: true });
if (values.faults === 'on')
  await emulator.control.addFault({ errorRate: 0.05, resetRate: 0.01, jitterMs: 200 });

const { process: server, url, sample } = await forkLoadServer(emulator);

const seed = (await (
  await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ sessions(first: 50) { nodes { id } } technicians(first: 20) { nodes { id } } }',
    }),
  })
).json()) as {
  data?: { sessions?: { nodes: Array<{ id: string }> }; technicians?: { nodes: Array<{ id: string }> } };
};
const sessions = seed.data?.sessions?.nodes.map((node) => node.id) ?? [];
const technicians = seed.data?.technicians?.nodes.map((node) => node.id) ?? [];
if (sessions.length === 0 || technicians.length === 0) throw new Error('could not read the seed ids');

/** The mixed read workload: what a support desk's screens ask for. */
const bodies = [
  ...sessions.slice(0, 20).map((id) => ({
    query: `query Session($id: ID!) { session(id: $id) { id name status createdAt technician { name status } customer { name email } } }`,
    variables: { id },
  })),
  ...technicians.slice(0, 20).map((id) => ({
    query: `query Technician($id: ID!) { technician(id: $id) { id name email status } }`,
    variables: { id },
  })),
  {
    query: `query Dashboard { sessions(first: 10) { totalCount nodes { id name status technician { name } customer { name } } } }`,
  },
  { query: `query Customers { customers(first: 20) { totalCount nodes { id name email } } }` },
  { query: `query Technicians { technicians(first: 20) { totalCount nodes { id name status } } }` },
  { query: `query Computers { computers(first: 10) { totalCount nodes { id name status } } }` },
].map((body) => JSON.stringify(body));

let errors = 0;
let codes = new Map<string, number>();
function run(seconds: number) {
  return autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: bodies[Math.floor(Math.random() * bodies.length)]!,
        }),
        onResponse: (status, body) => {
          if (status === 200 && !body.includes('"errors"')) return;
          errors++;
          const code = /"code":"([A-Z_]+)"/.exec(body)?.[1] ?? `HTTP ${status}`;
          codes.set(code, (codes.get(code) ?? 0) + 1);
        },
      },
    ],
  });
}

console.error(`warm-up: ${warmup} s at ${connections} connections`);
await run(warmup);
const afterWarmup = await sample('reset');
errors = 0;
codes = new Map();
console.error(`measured run: ${duration} s at ${connections} connections`);
const result = await run(duration);
const atEnd = await sample('sample');

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const operations = result.requests.total;
const rssChange = ((atEnd.rssBytes - afterWarmup.rssBytes) / afterWarmup.rssBytes) * 100;
const rows: Array<[string, string]> = [
  ['duration, connections', `${duration} s (after ${warmup} s warm-up), ${connections}`],
  ['upstream faults', values.faults === 'on' ? '5% 5xx, 1% resets, 0–200 ms jitter' : 'none'],
  ['operations', `${operations} (${result.requests.average.toFixed(0)}/s)`],
  [
    'error rate (non-200 or any GraphQL error)',
    `${((errors / Math.max(1, operations)) * 100).toFixed(3)}% (${errors}), transport errors ${result.errors}, timeouts ${result.timeouts}`,
  ],
  ['failures by code', [...codes].map(([code, count]) => `${code} ${count}`).join(', ') || 'none'],
  ['latency p50 / p99 / max', `${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms`],
  [
    'RSS after warm-up → end',
    `${mb(afterWarmup.rssBytes)} → ${mb(atEnd.rssBytes)} MiB (${rssChange.toFixed(1)}%)`,
  ],
  [
    'heap used after warm-up → end (after a full GC)',
    `${mb(afterWarmup.heapUsedBytes)} → ${mb(atEnd.heapUsedBytes)} MiB`,
  ],
  [
    'event-loop delay p50 / p99 / max',
    `${atEnd.loopDelay.p50.toFixed(1)} / ${atEnd.loopDelay.p99.toFixed(1)} / ${atEnd.loopDelay.max.toFixed(1)} ms`,
  ],
  ['event-loop stalls over 200 ms', String(atEnd.stalls)],
];
console.log('| measure | result |\n| --- | --- |');
for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);

server.send({ type: 'stop' });
await new Promise((resolve) => server.once('exit', resolve));
await emulator.close();
const leak = Math.abs(rssChange) > 10;
const stalled = atEnd.stalls > 0;
if (leak || stalled) {
  console.error(
    `${leak ? 'RSS moved more than 10%. ' : ''}${stalled ? 'Event-loop stalls over 200 ms.' : ''}`,
  );
  process.exitCode = 1;
}
