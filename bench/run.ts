/**
 * `npm run bench` (about 10 minutes) and `npm run bench -- --quick` (about a minute, what CI runs so the harness
 * cannot rot): the emulator and the systems on loopback, the same workloads against each, alternating systems
 * round by round, medians reported with ratios to ours. Writes bench/results/latest.md (quick:
 * bench/results/quick.md), a JSON twin and an SVG chart.
 *
 * Systems: ours (built, NODE_ENV=production; without caches, with its read cache, with the read cache and the
 * response cache over it), GraphQL Mesh (bench/mesh.ts;
 * with and without Hive Gateway's response cache), the hand-written limit (bench/limit-service.ts), the
 * engine's ceiling (bench/ceiling-service.ts, answers from memory) and ours, bare (the same service calling
 * Zoho: ours without its production features).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createEmulatorControl } from '../emulator/index.js';
import { chart } from './chart.js';
import { startMesh, startMeshWithResponseCache } from './mesh.js';
import {
  cpuTimeMs,
  freePort,
  harnessCpuMs,
  imageNodeFlags,
  machineCpuMs,
  oursEnvironment,
  type OursCaches,
  peakRssMb,
  startService,
  type Service,
} from './processes.js';
import { median, report, type Results, type Run } from './report.js';
import {
  dashboardRequest,
  addCreateTechnicians,
  CREATE_TECHNICIANS,
  emulatorFetch,
  prepareFixture,
  WORKLOADS,
  type HttpRequest,
  type SystemKind,
  type Workload,
} from './workloads.js';

const TOKEN = 'emulator-token';
const CPU_CONNECTIONS = 10;

interface Plan {
  modes: Array<{ name: string; latencyMs: number; jitterMs: number }>;
  concurrencies: number[];
  rounds: number;
  /** Requests of the warm-up (at least one per connection); excluded from every figure. */
  warmupRequests: number;
  /**
   * Before the first measured run, every system serves every workload it answers for this long (10 clients,
   * 0 ms), so the first cells measure compiled code and a grown heap, as the later ones do.
   */
  warmSeconds: number;
  measureSeconds: number;
  /**
   * The CPU phase (0 ms, 10 clients): ours, the limit, the ceiling and ours, bare in turn, this many rounds of
   * `cpuSeconds` each (requests sized from the workload's measured rate); the target reads the median of the
   * per-round ratios. From two rounds of the load runs, a major GC or a busy neighbour moved ours' figure by 40 %
   * between rounds and a ratio by 60 % between runs; rounds of 0.8 s still ranged 1.1–3.0× on a noisy machine.
   */
  cpuRounds: number;
  cpuSeconds: number;
  /** Sequential operations per system for the precise concurrency-1 p50 (20 ms mode). */
  sequential: number;
  scalingSizes: number[];
  scalingRepeats: number;
  /** Operations per system and workload under injected upstream errors (0 ms, 10 clients). */
  faultRequests: number;
}

/** The fault phase's rule: one Zoho call in twenty answers 503, the same seeded sequence for every system. */
const FAULTS = { errorRate: 0.05, seed: 20 };

const FULL: Plan = {
  modes: [
    { name: '0 ms', latencyMs: 0, jitterMs: 0 },
    // The emulator adds latencyMs + random() * jitterMs: 15..25 ms, i.e. 20 ms ± 5.
    { name: '20 ms ± 5', latencyMs: 15, jitterMs: 10 },
  ],
  concurrencies: [1, 10, 100],
  rounds: 2,
  warmupRequests: 20,
  warmSeconds: 1.5,
  measureSeconds: 0.8,
  cpuRounds: 6,
  cpuSeconds: 1.8,
  sequential: 40,
  scalingSizes: [10, 50, 100, 500],
  scalingRepeats: 6,
  faultRequests: 200,
};

const QUICK: Plan = {
  modes: [FULL.modes[0]!],
  concurrencies: [10],
  rounds: 1,
  warmupRequests: 10,
  warmSeconds: 0.2,
  measureSeconds: 0.4,
  cpuRounds: 1,
  cpuSeconds: 0.2,
  sequential: 6,
  scalingSizes: [10, 500],
  scalingRepeats: 1,
  faultRequests: 20,
};

/** One system as the load generator sees it; the limit appears three times on the single-call workload. */
interface System {
  label: string;
  kind: SystemKind;
  service: Service;
  /** Only these workloads. */
  workloads?: readonly Workload['name'][];
  /**
   * Another route through a system already measured (the limit's got and undici variants): it prices the HTTP
   * client at 0 ms and sits out every other phase.
   */
  variant?: true;
  /** Answers repeats from a cache: they never reach the injected faults or show a view's cost at scale. */
  cached?: true;
  rewrite?: (request: HttpRequest) => HttpRequest;
}

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** How often autocannon looks whether a counted run is complete (see timedLoad). */
const SAMPLE_TICK_MS = 10;

/**
 * One autocannon run, timed from its responses. autocannon's histograms hold whole milliseconds, so its latencies
 * do not resolve operations that take less than a millisecond or two, and a rate from its mean latency (Little's
 * law) once read 55,700 req/s for a process whose CPU per operation allows 12,700. Each response's own time
 * (hrtime, fractional milliseconds) and the moment the last one arrived give both. Latencies are the 2xx
 * responses', as autocannon's are.
 *
 * autocannon notices that a counted run is complete only on its sample tick (`sampleInt`, a second by default):
 * every run used to idle until the next whole second (a full run took 859 s, and 537 s without the idling). A
 * 10 ms tick ends it with its last response; the figures above never came from the samples.
 */
function timedLoad(
  options: autocannon.Options,
): Promise<{ result: autocannon.Result; rps: number; p50: number; p99: number }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let responses = 0;
    let lastAt = 0;
    const startedAt = performance.now();
    const instance = autocannon({ sampleInt: SAMPLE_TICK_MS, ...options }, (error, result) => {
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      latencies.sort((a, b) => a - b);
      resolve({
        result,
        rps: responses / (Math.max(lastAt - startedAt, 1) / 1000),
        p50: percentile(latencies, 0.5),
        p99: percentile(latencies, 0.99),
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      responses += 1;
      lastAt = performance.now();
      if (Math.floor(Number(statusCode) / 100) === 2) latencies.push(responseTime);
    });
  });
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function main() {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, render: { type: 'string' } },
    strict: true,
  });
  if (values.render !== undefined) return render(values.render);
  const plan = values.quick ? QUICK : FULL;
  const root = projectRoot();
  const started = Date.now();
  const cpuAtStart = { machine: machineCpuMs(), harness: harnessCpuMs() };
  const log = (line: string) =>
    process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);

  const emulatorPort = await freePort();
  const emulator = await startService(
    'emulator',
    [join(root, 'dist/emulator/main.js'), '--no-rate-limits', '--quiet'],
    { env: { EMULATOR_PORT: String(emulatorPort) }, ready: /API:\s+(http\S+)/ },
  );
  const apiUrl = emulator.url;
  const origin = new URL(apiUrl).origin;
  const services: Service[] = [emulator];
  const stopAll = () => Promise.all(services.map((s) => s.stop()));
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stopAll().then(() => process.exit(130)));

  try {
    const upstreamEnv = { ZOHO_ASSIST_API_URL: apiUrl, ZOHO_ACCESS_TOKEN: TOKEN };
    // Ours and its variants run with the image's Node flags (the Dockerfile's CMD): measured as they ship.
    const imageFlags = imageNodeFlags(root);
    const oursEnv = async (caches: OursCaches) => ({
      ...oursEnvironment({ apiUrl, token: TOKEN, port: await freePort(), caches }),
      ...oursOverrides(),
    });
    // One at a time: each one's time to ready is its own, not a share of two cores among five starts.
    const ours = await startService('ours', [...imageFlags, join(root, 'dist/src/main.js')], {
      env: await oursEnv('none'),
      ready: /ready at (http\S+)/,
    });
    const oursCached = await startService(
      'ours, read cache',
      [...imageFlags, join(root, 'dist/src/main.js')],
      {
        env: await oursEnv('read'),
        ready: /ready at (http\S+)/,
      },
    );
    const oursResponses = await startService(
      'ours, response cache',
      [...imageFlags, join(root, 'dist/src/main.js')],
      { env: await oursEnv('response'), ready: /ready at (http\S+)/ },
    );
    const limit = await startService('limit', [join(root, 'dist/bench/limit-service.js')], {
      env: upstreamEnv,
      ready: /limit ready at (http\S+)/,
    });
    const ceiling = await startService(
      'ceiling',
      [...imageFlags, join(root, 'dist/bench/ceiling-service.js')],
      {
        env: { ...upstreamEnv, NODE_ENV: 'production' },
        ready: /ceiling ready at (http\S+)/,
      },
    );
    const bare = await startService(
      'ours, bare',
      [...imageFlags, join(root, 'dist/bench/ceiling-service.js'), '--live'],
      {
        env: { ...upstreamEnv, NODE_ENV: 'production' },
        ready: /bare ready at (http\S+)/,
      },
    );
    const meshDir = join(root, 'dist/bench/mesh');
    const mesh = await startMesh({ root, workDir: meshDir, apiUrl, token: TOKEN }).catch(
      (error: unknown) => error as Error,
    );
    const meshCached =
      mesh instanceof Error
        ? mesh
        : await startMeshWithResponseCache({ root, workDir: meshDir }).catch(
            (error: unknown) => error as Error,
          );
    services.push(ours, oursCached, oursResponses, limit, ceiling, bare);
    const meshError = mesh instanceof Error ? mesh.message.slice(0, 500) : undefined;
    const meshCachedError = meshCached instanceof Error ? meshCached.message.slice(0, 500) : undefined;
    if (!(mesh instanceof Error)) services.push(mesh);
    if (!(meshCached instanceof Error)) services.push(meshCached);
    log(
      `emulator ${apiUrl}; ours ${ours.url}; limit ${limit.url}; ceiling ${ceiling.url}; mesh ${meshError ?? (mesh as Service).url}; ` +
        `mesh, response cache ${meshCachedError ?? (meshCached as Service).url}`,
    );

    // Before any request: what each process holds once started (VmHWM so far).
    const startRss = new Map(services.map((s) => [s.pid, peakRssMb(s.pid)]));

    const systems: System[] = [
      { label: 'ours', kind: 'ours', service: ours },
      { label: 'ours, read cache', kind: 'ours', service: oursCached, cached: true },
      // Whole responses kept, as Mesh's response cache keeps them: on the same two workloads, beside it.
      {
        label: 'ours, response cache',
        kind: 'ours',
        service: oursResponses,
        workloads: ['dashboard', 'technician'],
        cached: true,
      },
      ...(mesh instanceof Error ? [] : [{ label: 'Mesh', kind: 'mesh' as const, service: mesh }]),
      // The two workloads Mesh has targets on: what its own cache makes of them, beside ours' read cache.
      ...(meshCached instanceof Error
        ? []
        : [
            {
              label: 'Mesh, response cache',
              kind: 'mesh' as const,
              service: meshCached,
              workloads: ['dashboard', 'technician'] as const,
              cached: true as const,
            },
          ]),
      { label: 'limit', kind: 'limit', service: limit },
      { label: 'ceiling', kind: 'ceiling', service: ceiling },
      // Serves the 0 ms load runs as the ceiling does, so that it enters the CPU phase with a heap grown as ours'
      // is: with only the warm-up behind it, its young generation was still small and it paid for the
      // scavenges (dashboard 2.23 ms/op against ours' 1.74).
      { label: 'ours, bare', kind: 'ceiling', service: bare },
      {
        label: 'limit, got only',
        kind: 'limit',
        service: limit,
        workloads: ['technician'],
        variant: true,
        rewrite: (r) => ({ ...r, path: r.path.replace('/technicians/', '/technicians-got/') }),
      },
      {
        label: 'limit, undici',
        kind: 'limit',
        service: limit,
        workloads: ['technician'],
        variant: true,
        rewrite: (r) => ({ ...r, path: r.path.replace('/technicians/', '/technicians-undici/') }),
      },
    ];

    const control = createEmulatorControl(origin);
    const zoho = emulatorFetch(apiUrl, TOKEN);

    const fixture = await prepareFixture(zoho);
    let latency = { latencyMs: 0, jitterMs: 0 };
    /** With a seed, the jitter sequence starts again: systems timed one after the other meet the same delays. */
    const applyLatency = async (seed?: number) => {
      await control.clearFaults();
      if (latency.latencyMs > 0)
        await control.addFault({ ...latency, ...(seed === undefined ? {} : { seed }) });
    };
    /**
     * Whether createSession requests have run since the last reset: the sessions they add become the newest,
     * which would push the entities fixture (the 100 newest at fixture time) off the first page.
     */
    let created = false;
    /** Fresh emulator state and a pool of technicians each allowed 100 open sessions. */
    const resetForCreates = async () => {
      await control.reset();
      // The reset must restore the seed the fixture was read from (faults are cleared, so this is at 0 ms).
      const newest = await zoho('/sessions?index=1&count=100');
      const ids = (newest.body.sessions as Array<{ sessionId: string }>).map((s) => s.sessionId);
      if (ids.join() !== fixture.entityIds.join())
        throw new Error('emulator reset did not restore the seed sessions the fixture was read from');
      created = false;
      fixture.createTechnicians.splice(0, Infinity, ...(await addCreateTechnicians(zoho)));
      await applyLatency();
    };
    /**
     * Before a workload's runs: createSession gets a fresh pool of technicians; every other workload runs against
     * the seed state, so the sessions createSession added are cleared first.
     */
    const prepareFor = async (workload: Workload) => {
      if (workload.name === 'createSession') {
        await resetForCreates();
        created = true;
      } else if (created) await resetForCreates();
    };
    await resetForCreates();

    /** Systems whose every operation goes to Zoho: what the fault phase and the scaling table are about. */
    const fetchesEachTime = (s: System) => !s.variant && s.kind !== 'ceiling' && !s.cached;
    const applies = (system: System, workload: Workload) =>
      (!system.workloads || system.workloads.includes(workload.name)) &&
      workload.request(system.kind, fixture) !== undefined;
    const requestOf = (system: System, workload: Workload, n?: number) => {
      const request =
        n !== undefined && workload.vary
          ? workload.vary(system.kind, fixture, n)
          : workload.request(system.kind, fixture);
      return request && system.rewrite ? system.rewrite(request) : request;
    };
    const send = async (system: System, request: HttpRequest) => {
      const url = new URL(
        request.path === '/graphql' ? system.service.url : system.service.url + request.path,
      );
      const response = await fetch(url, {
        method: request.method,
        headers: { 'content-type': 'application/json' },
        body: request.body ?? null,
      });
      const text = await response.text();
      return { status: response.status, text };
    };

    // Correctness and upstream calls per operation: a few sequential operations against fresh counters.
    const results: Results = {
      plan: { ...plan, quick: values.quick },
      startedAt: new Date(started).toISOString(),
      machine: machine(),
      contention: { otherShare: 0, stealShare: 0 },
      versions: versions(root),
      meshError: meshError ?? (meshCachedError && `with the response cache: ${meshCachedError}`),
      oursEnv: oursOverrides(),
      nodeFlags: imageFlags,
      readCache: readCacheNote(root),
      workloads: WORKLOADS.map((w) => ({ name: w.name, title: w.title })),
      calls: [],
      runs: [],
      sequential: [],
      cpu: [],
      scaling: [],
      faults: { errorRate: FAULTS.errorRate, runs: [] },
      rss: [],
      durationSeconds: 0,
    };
    let creates = 0;
    for (const workload of WORKLOADS) {
      await prepareFor(workload);
      for (const system of systems.filter((s) => applies(s, workload))) {
        const repeats = 3;
        await control.resetCalls();
        let problem: string | undefined;
        for (let i = 0; i < repeats; i++) {
          const { status, text } = await send(system, requestOf(system, workload, creates++)!);
          if (status !== 200 || text.includes('"errors"') || text.includes('"error"'))
            problem ??= `HTTP ${status}: ${text.slice(0, 300)}`;
        }
        const counted = await control.calls();
        results.calls.push({
          workload: workload.name,
          system: system.label,
          callsPerOp: counted.total / repeats,
          byRoute: Object.fromEntries(Object.entries(counted.byRoute).map(([k, v]) => [k, v / repeats])),
          ...(problem ? { problem } : {}),
        });
        if (problem) log(`!! ${system.label} ${workload.name}: ${problem}`);
      }
    }
    log('correctness and calls per operation recorded');

    // Until 2026-12-01 the first cells warmed the systems up: ours' dashboard at 0 ms read 10.5, 7.7 and 4.8 ms
    // of CPU per operation at 1, 10 and 100 clients, and 3.1 in the CPU phase after all of them.
    latency = { latencyMs: 0, jitterMs: 0 };
    await applyLatency();
    for (const workload of WORKLOADS) {
      for (const system of systems.filter((s) => applies(s, workload))) {
        await prepareFor(workload);
        await measure(system, workload, 10, 'warm-up', 0, plan.warmSeconds);
      }
    }
    log('every system warmed up on every workload');

    for (const mode of plan.modes) {
      latency = { latencyMs: mode.latencyMs, jitterMs: mode.jitterMs };
      await applyLatency();
      // The ceiling answers from memory: upstream latency cannot change it, so it runs in the 0 ms mode only, and
      // so does ours, bare, which is there for the CPU figures.
      // Nor do the client variants, which price got's CPU, need the slow mode.
      const inMode = systems.filter((s) => (s.kind !== 'ceiling' && !s.variant) || mode.latencyMs === 0);
      for (const workload of WORKLOADS) {
        const candidates = inMode.filter((s) => applies(s, workload));
        for (const connections of plan.concurrencies) {
          for (let round = 0; round < plan.rounds; round++) {
            // A B C, then B C A...: each system runs in every position, so drift on the machine spreads evenly.
            const order = candidates.map((_, i) => candidates[(i + round) % candidates.length]!);
            for (const system of order) {
              // Every createSession run starts from a fresh pool; the first run of any other workload after
              // the createSession block resets to the seed state.
              await prepareFor(workload);
              const run = await measure(system, workload, connections, mode.name, round, plan.measureSeconds);
              results.runs.push(run);
            }
          }
          log(`${mode.name} ${workload.name} c=${connections} done`);
        }
      }
      if (mode.latencyMs === 0) results.cpu.push(...(await cpuPhase(mode.name)));
      if (mode === plan.modes[plan.modes.length - 1]) {
        results.sequential.push(...(await sequentialLatency(mode.name)));
        results.scaling.push(...(await scaling(mode.name)));
      }
    }
    results.faults.runs.push(...(await faultPhase()));
    await resetForCreates();
    for (const system of systems.filter((s) => !s.variant))
      results.rss.push({
        system: system.label,
        readyMs: system.service.readyMs,
        startRssMb: startRss.get(system.service.pid) ?? NaN,
        peakRssMb: peakRssMb(system.service.pid),
      });
    results.durationSeconds = (Date.now() - started) / 1000;
    const cpuAtEnd = { machine: machineCpuMs(), harness: harnessCpuMs() };
    const coreMs = results.durationSeconds * 1000 * results.machine.cores;
    const harnessMs = cpuAtEnd.harness - cpuAtStart.harness;
    results.contention = {
      otherShare: Math.max(0, cpuAtEnd.machine.busy - cpuAtStart.machine.busy - harnessMs) / coreMs,
      stealShare: (cpuAtEnd.machine.steal - cpuAtStart.machine.steal) / coreMs,
    };

    const dir = join(root, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const name = values.quick ? 'quick' : 'latest';
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(results, null, 2) + '\n');
    writeOutputs(results, join(dir, name));
    log(`wrote bench/results/${name}.md (${results.durationSeconds.toFixed(0)} s)`);

    async function measure(
      system: System,
      workload: Workload,
      connections: number,
      mode: string,
      round: number,
      seconds: number,
      /** Requests per second already measured for this system and workload: no warm-up is needed then. */
      knownRate?: number,
    ): Promise<Run> {
      const first = requestOf(system, workload)!;
      const url = first.path === '/graphql' ? system.service.url : system.service.url + first.path;
      let n = 0;
      const options = {
        url,
        connections,
        method: first.method,
        headers: { 'content-type': 'application/json' },
        ...(first.body ? { body: first.body } : {}),
        ...(workload.vary
          ? {
              requests: [
                {
                  setupRequest: (request: autocannon.Request) => ({
                    ...request,
                    body: requestOf(system, workload, n++)!.body,
                  }),
                },
              ],
            }
          : {}),
      };
      // Warm-up by count, not duration: autocannon checks a duration once a second, which would make every short
      // warm-up last a full second. One wave per connection is enough to reach steady state.
      const warmRate =
        knownRate ??
        (await timedLoad({ ...options, amount: Math.max(connections, plan.warmupRequests) })).rps;
      let amount = Math.round(Math.max(warmRate * seconds, connections, 5));
      // Each pooled technician may hold 100 open sessions; stay below what the warm-up left.
      if (workload.name === 'createSession') amount = Math.min(amount, CREATE_TECHNICIANS * 100 - n - 100);
      // Upstream calls during the measured run only: the emulator counts every client's calls, and one system
      // runs at a time, so the count belongs to this system.
      await control.resetCalls();
      const cpuBefore = cpuTimeMs(system.service.pid);
      const { result, rps, p50, p99 } = await timedLoad({ ...options, amount });
      const cpuAfter = cpuTimeMs(system.service.pid);
      const counted = await control.calls();
      const completed = result['2xx'] + result.non2xx;
      return {
        mode,
        workload: workload.name,
        system: system.label,
        connections,
        round,
        requests: completed,
        rps,
        p50,
        p99,
        cpuMsPerOp: completed > 0 ? (cpuAfter - cpuBefore) / completed : NaN,
        callsPerOp: completed > 0 ? counted.total / completed : NaN,
        errors: result.non2xx + result.errors + result.timeouts,
      };
    }

    /**
     * p50 at concurrency 1 to a tenth of a millisecond (autocannon's histogram counts whole milliseconds). Each
     * chunk replays one seeded jitter sequence for every system, so the i-th operation of each meets the same
     * upstream delays. Unpaired, the difference of two medians of 40 samples with ±5 ms of uniform jitter has a
     * standard error of about 0.8 ms (±1.6 ms at 95 %), more than the 1 ms the target allows. The paired figure
     * is the median of (system − limit) per operation.
     */
    async function sequentialLatency(mode: string) {
      const out: Results['sequential'] = [];
      for (const workload of WORKLOADS) {
        const candidates = systems.filter((s) => !s.variant && s.kind !== 'ceiling' && applies(s, workload));
        const times = new Map<string, number[]>(candidates.map((s) => [s.label, []]));
        await prepareFor(workload);
        for (let i = 0; i < 2; i++)
          for (const s of candidates) await send(s, requestOf(s, workload, creates++)!);
        const chunk = Math.max(1, Math.round(plan.sequential / 4));
        for (let done = 0; done < plan.sequential; done += chunk) {
          for (const system of candidates) {
            await applyLatency(done + 1);
            for (let i = 0; i < chunk; i++) {
              const request = requestOf(system, workload, creates++)!;
              const t0 = performance.now();
              await send(system, request);
              times.get(system.label)!.push(performance.now() - t0);
            }
          }
        }
        await applyLatency();
        const limitTimes = times.get('limit');
        for (const system of candidates) {
          const own = times.get(system.label)!;
          out.push({
            mode,
            workload: workload.name,
            system: system.label,
            p50: median(own),
            ...(limitTimes ? { pairedVsLimit: median(own.map((t, i) => t - limitTimes[i]!)) } : {}),
          });
        }
      }
      log(`${mode} sequential p50 done`);
      return out;
    }

    /**
     * CPU per operation of ours, the limit and the ceiling, alternating in rounds (the order rotating), so each
     * round's ratio compares runs taken seconds apart under the same conditions on the machine.
     */
    async function cpuPhase(mode: string) {
      const out: Results['cpu'] = [];
      const priced = systems.filter(
        (s) => !s.variant && (s.label === 'ours' || s.kind !== 'ours') && s.kind !== 'mesh',
      );
      for (const workload of WORKLOADS) {
        const candidates = priced.filter((s) => applies(s, workload));
        for (let round = 0; round < plan.cpuRounds; round++) {
          const order = candidates.map((_, i) => candidates[(i + round) % candidates.length]!);
          for (const system of order) {
            await prepareFor(workload);
            // The load runs just served this workload: the system is warm and its rate known.
            const loadRuns = results.runs.filter(
              (r) =>
                r.mode === mode &&
                r.workload === workload.name &&
                r.system === system.label &&
                r.connections === CPU_CONNECTIONS,
            );
            const rate = loadRuns.length > 0 ? median(loadRuns.map((r) => r.rps)) : undefined;
            const run = await measure(system, workload, CPU_CONNECTIONS, mode, round, plan.cpuSeconds, rate);
            out.push({
              workload: workload.name,
              system: system.label,
              round,
              cpuMsPerOp: run.cpuMsPerOp,
              requests: run.requests,
            });
          }
        }
      }
      log(`${mode} CPU phase done`);
      return out;
    }

    /**
     * Under faults: the emulator answers 5 % of API calls with 503 (its seeded sequence posted again before each
     * system's run), 0 ms, 10 clients. What the clients got (complete answers, partial ones with errors beside
     * data, failures) and what it cost upstream: retries show as calls per operation above the fault-free figure.
     * The caches are left out (repeats would not reach the faults), as is createSession: a POST that may have
     * reached Zoho is never repeated, by design.
     */
    async function faultPhase() {
      const out: Results['faults']['runs'] = [];
      latency = { latencyMs: 0, jitterMs: 0 };
      const candidates = systems.filter(fetchesEachTime);
      for (const workload of WORKLOADS.filter((w) => w.name !== 'createSession')) {
        await prepareFor(workload);
        for (const system of candidates.filter((s) => applies(s, workload))) {
          const request = requestOf(system, workload)!;
          await control.addFault(FAULTS);
          await control.resetCalls();
          const outcomes = { complete: 0, partial: 0, failed: 0 };
          const times: number[] = [];
          let started = 0;
          await Promise.all(
            Array.from({ length: CPU_CONNECTIONS }, async () => {
              while (started < plan.faultRequests) {
                started++;
                const t0 = performance.now();
                const { status, text } = await send(system, request).catch(() => ({ status: 0, text: '' }));
                times.push(performance.now() - t0);
                outcomes[outcomeOf(system.kind, status, text)]++;
              }
            }),
          );
          const counted = await control.calls();
          await applyLatency();
          times.sort((a, b) => a - b);
          out.push({
            workload: workload.name,
            system: system.label,
            requests: started,
            ...outcomes,
            callsPerOp: counted.total / started,
            p50: percentile(times, 0.5),
            p99: percentile(times, 0.99),
          });
        }
      }
      log('fault phase done');
      return out;
    }

    /** The dashboard at growing sizes; 500 sessions is five pages of 100 (Zoho's and our page limit). */
    async function scaling(mode: string) {
      const out: Results['scaling'] = [];
      if (created) await resetForCreates();
      // A cache would answer the repeats of each size: the table is about what a view costs when it is fetched.
      const candidates = systems.filter(fetchesEachTime);
      for (const size of plan.scalingSizes) {
        for (const system of candidates) {
          const pages = Array.from({ length: Math.ceil(size / 100) }, (_, i) =>
            dashboardRequest(system.kind, Math.min(100, size - i * 100), i * 100),
          );
          for (const page of pages) await send(system, page); // warm
          await control.resetCalls();
          const times: number[] = [];
          let problem: string | undefined;
          for (let r = 0; r < plan.scalingRepeats; r++) {
            const t0 = performance.now();
            for (const page of pages) {
              const { status, text } = await send(system, page);
              if (status !== 200 || text.includes('"errors"'))
                problem ??= `HTTP ${status}: ${text.slice(0, 200)}`;
            }
            times.push(performance.now() - t0);
          }
          const counted = await control.calls();
          out.push({
            mode,
            size,
            system: system.label,
            requests: pages.length,
            callsPerView: counted.total / plan.scalingRepeats,
            msPerView: median(times),
            ...(problem ? { problem } : {}),
          });
        }
      }
      log(`${mode} scaling done`);
      return out;
    }
  } finally {
    await stopAll();
  }
}

/**
 * What a client got: an answer without errors is complete; a GraphQL answer whose root fields all came back
 * beside errors (a session whose technician could not be read) is partial; anything else failed. The limit
 * answers its REST routes with 200 or an error status.
 */
function outcomeOf(kind: SystemKind, status: number, text: string): 'complete' | 'partial' | 'failed' {
  if (status !== 200) return 'failed';
  if (kind === 'limit') return 'complete';
  let body: { data?: Record<string, unknown> | null; errors?: unknown[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return 'failed';
  }
  const roots = Object.values(body.data ?? {});
  const answered = roots.length > 0 && roots.every((value) => value !== null);
  if (!body.errors?.length) return answered ? 'complete' : 'failed';
  return answered ? 'partial' : 'failed';
}

/** Extra environment for ours, from BENCH_OURS_ENV (`A=1,B=2`): to measure a setting's effect. */
function oursOverrides(): Record<string, string> {
  const raw = process.env.BENCH_OURS_ENV ?? '';
  return Object.fromEntries(
    raw
      .split(',')
      .filter((pair) => pair.includes('='))
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}

/** Whether this build has a read cache at all, read from the configuration schema's variable names. */
function readCacheNote(root: string): string {
  const config = readFileSync(join(root, 'src/config/index.ts'), 'utf8');
  const names = [...new Set(config.match(/\b[A-Z_]*CACHE[A-Z_]*\b/g) ?? [])].filter((n) => n.length > 5);
  return names.length === 0 ? 'this build has no read cache' : `settings ${names.join(', ')}`;
}

/** The report and chart of one results file, side by side with it: `<base>.md` and `<base>.svg`. */
function writeOutputs(results: Results, base: string): void {
  const name = basename(base);
  writeFileSync(`${base}.svg`, chart(results));
  writeFileSync(`${base}.md`, report(results, `${name}.svg`));
}

/**
 * `--render <results.json>`: writes the report and chart again from a run's figures, so a change to the report
 * reaches the committed results without measuring again.
 */
function render(file: string): void {
  const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
  const base = file.replace(/\.json$/, '');
  writeOutputs(results, base);
  process.stdout.write(`wrote ${base}.md and ${base}.svg from ${file}\n`);
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kernel: release(),
  };
}

function versions(root: string): Record<string, string> {
  const names = [
    '@apollo/server',
    '@apollo/subgraph',
    'graphql',
    'got',
    'undici',
    'dataloader',
    '@graphql-hive/gateway',
    '@graphql-mesh/compose-cli',
    '@omnigraph/openapi',
    'autocannon',
  ];
  return Object.fromEntries(
    names.map((name) => {
      try {
        const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
        };
        return [name, pkg.version];
      } catch {
        return [name, 'missing'];
      }
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
