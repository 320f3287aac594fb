/**
 * The subgraph under load, in its own process (spawned by bench/load.ts with IPC), so that its RSS and its
 * event-loop delay are its own and not the load generator's. Configuration comes from the environment, as in
 * production; the parent asks for samples over IPC.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';

export interface ServerSample {
  rssBytes: number;
  heapUsedBytes: number;
  /** Event-loop delay since the last `reset`, in milliseconds. */
  loopDelay: { p50: number; p99: number; max: number };
  /** Distinct stalls over 200 ms since the last `reset`. */
  stalls: number;
}

const STALL_MS = 200;
const TICK_MS = 50;

const app = await startApp(loadConfig());
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();

// The histogram gives the distribution; a stall is one late timer tick, counted once however long it lasts.
let stalls = 0;
let expected = performance.now() + TICK_MS;
setInterval(() => {
  const now = performance.now();
  if (now - expected > STALL_MS) stalls++;
  expected = now + TICK_MS;
}, TICK_MS).unref();

process.on('message', (message: { type: string }) => {
  if (message.type === 'sample' || message.type === 'reset') {
    // A full collection first (the parent forks with --expose-gc): what is left is what is retained, not
    // whatever garbage the last minor collection had not reached yet.
    (globalThis as { gc?: () => void }).gc?.();
    const sample: ServerSample = {
      rssBytes: process.memoryUsage.rss(),
      heapUsedBytes: process.memoryUsage().heapUsed,
      loopDelay: {
        p50: histogram.percentile(50) / 1e6,
        p99: histogram.percentile(99) / 1e6,
        max: histogram.max / 1e6,
      },
      stalls,
    };
    if (message.type === 'reset') {
      histogram.reset();
      stalls = 0;
    }
    process.send?.({ type: 'sample', sample });
  } else if (message.type === 'stop') {
    void app.close().then(() => process.exit(0));
  }
});
process.send?.({ type: 'ready', url: app.url });
