/**
 * Turns the raw runs into bench/results/<name>.md: medians per (mode, workload, system, concurrency), ratios to
 * ours, each target with its figure, the scaling table, and the spread between rounds as the noise figure.
 */

export interface Run {
  mode: string;
  workload: string;
  system: string;
  connections: number;
  round: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerOp: number;
  /** Upstream calls the emulator counted during the measured run over completed requests (absent before it was). */
  callsPerOp?: number;
  errors: number;
}

export interface Results {
  plan: {
    quick: boolean;
    concurrencies: number[];
    rounds: number;
    modes: Array<{ name: string }>;
    cpuRounds: number;
    cpuSeconds: number;
  } & Record<string, unknown>;
  startedAt: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; kernel: string };
  /**
   * What else the cores did during the run, as shares of all the cores' time: processes outside the harness,
   * and the hypervisor's steal.
   */
  contention: { otherShare: number; stealShare: number };
  versions: Record<string, string>;
  meshError: string | undefined;
  oursEnv: Record<string, string>;
  /** The image's Node flags (Dockerfile CMD) that ours, its variants and the ceiling ran with. */
  nodeFlags: string[];
  readCache: string;
  workloads: Array<{ name: string; title: string }>;
  calls: Array<{
    workload: string;
    system: string;
    callsPerOp: number;
    byRoute: Record<string, number>;
    problem?: string;
  }>;
  runs: Run[];
  sequential: Array<{
    mode: string;
    workload: string;
    system: string;
    p50: number;
    /** Median over operations of (this system's time − the limit's), both meeting the same upstream delays. */
    pairedVsLimit?: number;
  }>;
  /** The CPU phase: ours, the limit, the ceiling and ours, bare alternating, 10 clients, 0 ms. */
  cpu: Array<{ workload: string; system: string; round: number; cpuMsPerOp: number; requests: number }>;
  scaling: Array<{
    mode: string;
    size: number;
    system: string;
    requests: number;
    callsPerView: number;
    msPerView: number;
    problem?: string;
  }>;
  /** Injected 503s on a share of upstream calls: what each system's clients got. */
  faults: {
    errorRate: number;
    runs: Array<{
      workload: string;
      system: string;
      requests: number;
      complete: number;
      partial: number;
      failed: number;
      callsPerOp: number;
      p50: number;
      p99: number;
    }>;
  };
  rss: Array<{ system: string; readyMs?: number; startRssMb?: number; peakRssMb: number }>;
  durationSeconds: number;
}

export interface Cell {
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerOp: number;
  /** Median over rounds of the measured runs' calls per operation; NaN when no run counted them. */
  callsPerOp: number;
  errors: number;
  /** (max - min) / median of requests per second across rounds. */
  spread: number;
  rounds: number;
}

export const median = (values: number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function cells(results: Results): Map<string, Cell> {
  const groups = new Map<string, Run[]>();
  for (const run of results.runs) {
    const key = cellKey(run.mode, run.workload, run.system, run.connections);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const out = new Map<string, Cell>();
  for (const [key, runs] of groups) {
    const rps = median(runs.map((r) => r.rps));
    out.set(key, {
      rps,
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      cpuMsPerOp: median(runs.map((r) => r.cpuMsPerOp)),
      callsPerOp: median(runs.flatMap((r) => (r.callsPerOp === undefined ? [] : [r.callsPerOp]))),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      spread: (Math.max(...runs.map((r) => r.rps)) - Math.min(...runs.map((r) => r.rps))) / rps,
      rounds: runs.length,
    });
  }
  return out;
}

/** Per round of the CPU phase: `system`'s CPU per operation over the limit's in the same round. */
function cpuRatios(results: Results, workload: string, system: string): number[] {
  const rows = results.cpu.filter((c) => c.workload === workload);
  return rows
    .filter((c) => c.system === system)
    .flatMap((c) => {
      const limit = rows.find((l) => l.system === 'limit' && l.round === c.round);
      return limit && limit.cpuMsPerOp > 0 ? [c.cpuMsPerOp / limit.cpuMsPerOp] : [];
    });
}

/** The CPU phase per workload: each system's median, and the per-round ratios to the limit. */
function cpuTable(results: Results, workloads: string[], out: (line?: string) => void) {
  if (results.cpu.length === 0) return;
  const systems = [...new Set(results.cpu.map((c) => c.system))];
  out('## CPU per operation (CPU phase)');
  out();
  out(
    `0 ms, 10 clients, ${results.plan.cpuRounds} round(s) with the systems alternating; each run ` +
      `${results.plan.cpuSeconds} s, right after the load runs of the same workload (no warm-up of its own). ` +
      'Ratios are taken round by round (runs seconds apart) ' +
      'and the median shown with their range. The floor is what the limit and the ceiling cost together, in two ' +
      "processes. **ours, bare** makes ours' calls through our schema, loaders and client in one process with " +
      "none of ours' production features (log line, metrics, budget estimate and guard, deadline and cancellation, " +
      'request id, structural limits): bare ÷ limit is what our GraphQL layer costs over the same calls, ours ÷ ' +
      'bare what those features cost.',
  );
  out();
  const bare = systems.includes('ours, bare');
  out(
    `| workload | ${systems.map((s) => `${s} ms/op`).join(' | ')} | ours ÷ limit | ceiling ÷ limit | floor (limit + ceiling) ÷ limit |${bare ? ' bare ÷ limit | ours ÷ bare |' : ''}`,
  );
  out(`| --- | ${systems.map(() => '---').join(' | ')} | --- | --- | --- |${bare ? ' --- | --- |' : ''}`);
  for (const w of workloads) {
    const rows = results.cpu.filter((c) => c.workload === w);
    if (rows.length === 0) continue;
    const ms = (system: string) => {
      const own = rows.filter((c) => c.system === system).map((c) => c.cpuMsPerOp);
      return own.length > 0 ? median(own) : undefined;
    };
    const band = (ratios: number[]) =>
      ratios.length === 0
        ? '–'
        : `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
    const ceiling = cpuRatios(results, w, 'ceiling');
    const ours = cpuRatios(results, w, 'ours');
    const bareRatios = cpuRatios(results, w, 'ours, bare');
    // Round by round, as the others: ours ÷ limit over bare ÷ limit of the same round.
    const featuresPrice = bareRatios.length === ours.length ? ours.map((r, i) => r / bareRatios[i]!) : [];
    out(
      `| ${w} | ${systems.map((s) => f(ms(s), 3)).join(' | ')} | ${band(ours)} | ${band(ceiling)} | ${band(ceiling.map((r) => 1 + r))} |${bare ? ` ${band(bareRatios)} | ${band(featuresPrice)} |` : ''}`,
    );
  }
  out();
}

export const cellKey = (mode: string, workload: string, system: string, connections: number) =>
  `${mode}|${workload}|${system}|${connections}`;

const f = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
const ratio = (value: number | undefined, base: number | undefined) =>
  value === undefined || base === undefined || !base || Number.isNaN(value)
    ? '–'
    : `${(value / base).toFixed(2)}×`;
const met = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**missed**');

export function report(results: Results, chartFile: string): string {
  const table = cells(results);
  const modes = results.plan.modes.map((m) => m.name);
  const zeroMode = modes[0]!;
  const slowMode = modes[modes.length - 1]!;
  const headlineC = results.plan.concurrencies.includes(10) ? 10 : results.plan.concurrencies[0]!;
  const get = (mode: string, workload: string, system: string, c: number) =>
    table.get(cellKey(mode, workload, system, c));
  const calls = (workload: string, system: string) =>
    results.calls.find((c) => c.workload === workload && c.system === system);
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);

  out(`# Benchmark results${results.plan.quick ? ' (quick run)' : ''}`);
  out();
  out(
    `Written by \`npm run bench${results.plan.quick ? ' -- --quick' : ''}\` on ${results.startedAt} in ` +
      `${results.durationSeconds.toFixed(0)} s. What the systems are and how each figure is taken: ` +
      '[docs/performance.md](../../docs/performance.md).',
  );
  out();
  out(`![Throughput and p99 per system](${chartFile})`);
  out();
  out('## Machine, versions, settings');
  out();
  const m = results.machine;
  out(`- ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; Linux ${m.kernel}; Node ${m.node}.`);
  out(
    `- ${Object.entries(results.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  out(
    `- Plan: latency modes ${modes.join(' and ')} per upstream call; concurrency ${results.plan.concurrencies.join(', ')}; ` +
      `${results.plan.rounds} round(s) per cell, systems alternating; medians shown.`,
  );
  out(
    "- **ours** runs with `READ_CACHE=false`, so every operation reaches the upstream as the limit's do (the " +
      'fair comparison, and the one every ratio uses); **ours, read cache** with `READ_CACHE=true` and ' +
      '`RESPONSE_CACHE=false` (the read cache alone); **ours, response cache** with both on, the defaults ' +
      `(${results.readCache}). All: NODE_ENV=production, LOG_LEVEL info (one JSON line per ` +
      'operation), metrics on, rate limits off.',
  );
  out(
    `- Ours, its variants and the ceiling run as the image starts the subgraph: \`node ${results.nodeFlags.join(' ')}\` ` +
      "(the Dockerfile's CMD); the limit and Mesh run with Node's defaults.",
  );
  if (Object.keys(results.oursEnv).length > 0)
    out(`- Extra settings for ours: \`${JSON.stringify(results.oursEnv)}\`.`);
  if (results.meshError) out(`- **GraphQL Mesh could not run:** ${results.meshError}`);
  const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
  out(
    '- The load generator (autocannon), the emulator and the system under test share the same cores. During the ' +
      `run, processes outside the harness used ${pct(results.contention.otherShare)} of the cores' time and the ` +
      `hypervisor took ${pct(results.contention.stealShare)} (steal): read the spread column before trusting a ` +
      'small difference.',
  );
  out();

  out('## Targets');
  out();
  out('| target | figure | met? |');
  out('| --- | --- | --- |');
  const workloads = results.workloads.map((w) => w.name);
  // Measured runs of ours and the limit whose calls/op differ from the correctness phase's by more than 5%:
  // a workload that no longer sees the state its fixture was read from, or a system that calls differently
  // under load.
  const deviations = new Map<string, { expected: number; measured: string[] }>();
  for (const run of results.runs) {
    if (run.system !== 'ours' && run.system !== 'limit') continue;
    const expected = calls(run.workload, run.system)?.callsPerOp;
    if (run.callsPerOp === undefined || expected === undefined) continue;
    if (!(Math.abs(run.callsPerOp - expected) <= 0.05 * expected)) {
      const key = `${run.mode} ${run.workload} ${run.system}`;
      const entry = deviations.get(key) ?? { expected, measured: [] };
      entry.measured.push(`${f(run.callsPerOp, 2)} (c=${run.connections}, round ${run.round + 1})`);
      deviations.set(key, entry);
    }
  }
  {
    const rows = workloads.map((w) => {
      const o = calls(w, 'ours')?.callsPerOp;
      const l = calls(w, 'limit')?.callsPerOp;
      return { w, o, l, ok: o !== undefined && l !== undefined ? o <= l : undefined };
    });
    out(
      `| upstream calls/op ≤ the limit's (correctness phase, 3 sequential operations) | ${rows.map((r) => `${r.w} ${f(r.o, 2)} vs ${f(r.l, 2)}`).join('; ')} | ${met(rows.every((r) => r.ok))}${deviations.size > 0 ? '; measured runs deviate, see below' : ''} |`,
    );
  }
  {
    const rows = workloads.map((w) => {
      const o = results.sequential.find(
        (s) => s.mode === slowMode && s.workload === w && s.system === 'ours',
      );
      const l = results.sequential.find(
        (s) => s.mode === slowMode && s.workload === w && s.system === 'limit',
      );
      return { w, d: o?.pairedVsLimit ?? (o && l ? o.p50 - l.p50 : undefined), o: o?.p50, l: l?.p50 };
    });
    out(
      `| ${slowMode}, concurrency 1: p50 within 1 ms of the limit's (paired: the same upstream delays for both) | ${rows.map((r) => `${r.w} ${f(r.o)} vs ${f(r.l)} ms (${r.d === undefined ? '–' : (r.d >= 0 ? '+' : '') + r.d.toFixed(1)})`).join('; ')} | ${met(rows.every((r) => r.d !== undefined && r.d <= 1))} |`,
    );
  }
  {
    const rows = workloads.map((w) => {
      const ratios = cpuRatios(results, w, 'ours');
      const m = ratios.length > 0 ? median(ratios) : undefined;
      return {
        w,
        m,
        low: Math.min(...ratios),
        high: Math.max(...ratios),
        ok: m === undefined ? undefined : m <= 1.5,
      };
    });
    out(
      `| CPU/op ≤ 1.5× the limit's (CPU phase: ${zeroMode}, 10 clients, ${results.plan.cpuRounds} alternating rounds; median of the per-round ratios, range) | ${rows.map((r) => `${r.w} ${r.m === undefined ? '–' : `${r.m.toFixed(2)}× (${r.low.toFixed(2)}–${r.high.toFixed(2)})`}`).join('; ')} | ${met(rows.every((r) => r.ok))} |`,
    );
  }
  for (const [w, want] of [
    ['dashboard', 3],
    ['technician', 1.5],
  ] as const) {
    const points: string[] = [];
    let ok: boolean | undefined = true;
    for (const mode of modes)
      for (const c of results.plan.concurrencies) {
        const o = get(mode, w, 'ours', c)?.rps;
        const x = get(mode, w, 'Mesh', c)?.rps;
        if (o === undefined || x === undefined) {
          ok = undefined;
          continue;
        }
        points.push(`${mode} c=${c}: ${ratio(o, x)}`);
        if (ok !== undefined) ok = ok && o >= want * x;
      }
    out(
      `| throughput ≥ ${want}× Mesh's on ${w} | ${points.join('; ') || '–'} | ${met(points.length ? ok : undefined)} |`,
    );
  }
  {
    const points = cachedPoints(results, 'dashboard');
    const ok = points.length === 0 ? undefined : points.every((p) => p.rps >= 1);
    out(
      "| repeated dashboard at least as fast as Mesh's response cache (ours, response cache ÷ Mesh, response cache: req/s, CPU/op) | " +
        `${points.map((p) => `${p.mode} c=${p.c}: ${p.rps.toFixed(2)}×, CPU ${p.cpu.toFixed(2)}×`).join('; ') || '–'} | ${met(ok)} |`,
    );
  }
  {
    const rss = results.rss.find((r) => r.system === 'ours')?.peakRssMb;
    out(
      `| peak RSS < 150 MB at 100 concurrent clients | ${f(rss, 0)} MB over the whole run | ${met(rss === undefined ? undefined : rss < 150)} |`,
    );
  }
  {
    const cpu = (system: string) => get(zeroMode, 'technician', system, headlineC)?.cpuMsPerOp;
    const [o, l, g, u] = [cpu('ours'), cpu('limit'), cpu('limit, got only'), cpu('limit, undici')];
    out(
      `| got kept; its CPU share measured (technician, ${zeroMode}, c=${headlineC}) | ours ${f(o, 3)} ms/op; limit with our client ${f(l, 3)}, with bare got ${f(g, 3)}, with undici.request ${f(u, 3)}; got over undici = ${o && g !== undefined && u !== undefined ? (((g - u) / o) * 100).toFixed(0) : '–'}% of ours | measured |`,
    );
  }
  out();
  const measuredRuns = results.runs.filter((r) => r.callsPerOp !== undefined).length;
  if (deviations.size > 0) {
    out(
      "**Upstream calls/op in measured runs differ from the correctness phase's by more than 5%** (ours and " +
        'the limit):',
    );
    out();
    for (const [key, d] of deviations)
      out(`- ${key}: ${d.measured.join(', ')} against ${f(d.expected, 2)} in the correctness phase.`);
    out();
  } else if (measuredRuns > 0) {
    out(
      "Upstream calls/op counted during every measured run of ours and the limit are within 5% of the correctness phase's.",
    );
    out();
  }

  budgetTable(results, out);
  cachesTable(results, out);
  cpuTable(results, workloads, out);
  out(
    'In the tables below, calls/op is the upstream calls the emulator counted during the measured runs over ' +
      'the requests they completed (median over rounds); † marks the correctness-phase figure (3 sequential ' +
      'operations) where a run did not count them.',
  );
  out();
  for (const w of results.workloads) {
    out(`## ${w.title}`);
    out();
    out(
      '| latency | clients | system | req/s | × ours | p50 ms | p99 ms | CPU ms/op | × ours | calls/op | errors | spread |',
    );
    out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    const systems = [...new Set(results.runs.filter((r) => r.workload === w.name).map((r) => r.system))];
    for (const mode of modes)
      for (const c of results.plan.concurrencies) {
        const base = get(mode, w.name, 'ours', c);
        for (const s of systems) {
          const cell = get(mode, w.name, s, c);
          if (!cell) continue;
          const fallback = calls(w.name, s)?.callsPerOp;
          const callsFigure = Number.isNaN(cell.callsPerOp)
            ? fallback === undefined
              ? '–'
              : `${f(fallback, 2)}†`
            : f(cell.callsPerOp, 2);
          out(
            `| ${mode} | ${c} | ${s} | ${f(cell.rps, 0)} | ${ratio(cell.rps, base?.rps)} | ${f(cell.p50, 1)} | ${f(cell.p99, 1)} | ${f(cell.cpuMsPerOp, 3)} | ${ratio(cell.cpuMsPerOp, base?.cpuMsPerOp)} | ${callsFigure} | ${cell.errors} | ${(cell.spread * 100).toFixed(0)}% |`,
          );
        }
      }
    const seq = results.sequential.filter((s) => s.workload === w.name);
    if (seq.length > 0) {
      out();
      out(
        `Concurrency 1, ${seq[0]!.mode}, timed one by one to 0.1 ms: ` +
          seq
            .map(
              (s) =>
                `${s.system} p50 ${s.p50.toFixed(1)} ms` +
                (s.pairedVsLimit !== undefined && s.system !== 'limit'
                  ? ` (${s.pairedVsLimit >= 0 ? '+' : ''}${s.pairedVsLimit.toFixed(1)} paired with the limit)`
                  : ''),
            )
            .join(', ') +
          '. Where the upstream is slowed, each system met the same seeded delays, operation by operation.',
      );
    }
    const problems = results.calls.filter((c) => c.workload === w.name && c.problem);
    for (const p of problems)
      out(`\n**${p.system} answered with an error:** \`${p.problem!.replace(/`/g, "'")}\``);
    out();
  }

  out('## Upstream calls per operation, by route');
  out();
  out('From the correctness phase: 3 sequential operations per system against fresh counters.');
  out();
  out('| workload | system | calls/op | routes |');
  out('| --- | --- | --- | --- |');
  for (const c of results.calls)
    out(
      `| ${c.workload} | ${c.system} | ${f(c.callsPerOp, 2)} | ${Object.entries(c.byRoute)
        .map(([route, n]) => `${route} ×${f(n, 2)}`)
        .join(', ')} |`,
    );
  out();

  if (results.scaling.length > 0) {
    out(`## Scaling: the dashboard page at growing sizes (${results.scaling[0]!.mode}, one client)`);
    out();
    out(
      '500 sessions is five pages of 100 (the most Zoho, and our `first`, give at once), fetched one after another.',
    );
    out();
    out('| sessions | system | requests | upstream calls | ms per view |');
    out('| --- | --- | --- | --- | --- |');
    for (const s of results.scaling)
      out(
        `| ${s.size} | ${s.system} | ${s.requests} | ${f(s.callsPerView, 1)} | ${f(s.msPerView, 1)}${s.problem ? ` (error: ${s.problem.slice(0, 80)})` : ''} |`,
      );
    out();
  }

  if (results.faults.runs.length > 0) {
    const pct = (n: number, of: number) => `${f((100 * n) / of, 1)} %`;
    out(`## Under upstream faults: ${f(100 * results.faults.errorRate, 0)} % of Zoho calls answer 503`);
    out();
    out(
      '0 ms, 10 clients, the same seeded sequence of injected errors for every system. Complete: an answer with ' +
        'no errors. Partial: every root field answered, with errors beside the data (a session whose technician ' +
        'could not be read). Failed: anything else. Calls/op above the fault-free figure are retries.',
    );
    out();
    out(
      '| workload | system | operations | complete | partial | failed | calls/op (fault-free) | p50 ms | p99 ms |',
    );
    out('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of results.faults.runs) {
      const clean = results.calls.find((c) => c.workload === r.workload && c.system === r.system)?.callsPerOp;
      out(
        `| ${r.workload} | ${r.system} | ${r.requests} | ${pct(r.complete, r.requests)} | ${pct(r.partial, r.requests)} | ` +
          `${pct(r.failed, r.requests)} | ${f(r.callsPerOp, 2)} (${f(clean, 2)}) | ${f(r.p50, 1)} | ${f(r.p99, 1)} |`,
      );
    }
    out();
  }

  out('## Start: time to ready and resident memory (MB)');
  out();
  out(
    'Time from spawn to the ready line, each system started alone (Mesh after its compose step, which is a build ' +
      'step); memory once started, before any request, and the peak over the whole run (VmHWM).',
  );
  out();
  out('| system | ready in s | RSS at start | peak RSS |');
  out('| --- | --- | --- | --- |');
  for (const r of results.rss)
    out(
      `| ${r.system} | ${f(r.readyMs === undefined ? undefined : r.readyMs / 1000, 2)} | ${f(r.startRssMb, 0)} | ${f(r.peakRssMb, 0)} |`,
    );
  out();
  return lines.join('\n');
}

const RESPONSE_CACHE = 'ours, response cache';
const MESH_CACHE = 'Mesh, response cache';

/** Per mode and concurrency: ours' response cache over Mesh's, in req/s and in CPU per operation. */
function cachedPoints(
  results: Results,
  workload: string,
): Array<{ mode: string; c: number; rps: number; cpu: number }> {
  const table = cells(results);
  return results.plan.modes.flatMap(({ name: mode }) =>
    results.plan.concurrencies.flatMap((c) => {
      const ours = table.get(cellKey(mode, workload, RESPONSE_CACHE, c));
      const mesh = table.get(cellKey(mode, workload, MESH_CACHE, c));
      return ours && mesh && mesh.rps > 0 && mesh.cpuMsPerOp > 0
        ? [{ mode, c, rps: ours.rps / mesh.rps, cpu: ours.cpuMsPerOp / mesh.cpuMsPerOp }]
        : [];
    }),
  );
}

/**
 * Repeated operations, answered from caches: ours' read cache (every field resolved from kept upstream answers),
 * ours' response cache (whole answers kept) and Mesh's (Hive Gateway's response cache), from the load runs.
 */
function cachesTable(results: Results, out: (line?: string) => void): void {
  const table = cells(results);
  const systems = ['ours, read cache', RESPONSE_CACHE, MESH_CACHE];
  const rows = results.workloads.flatMap(({ name: w }) =>
    results.plan.modes.flatMap(({ name: mode }) =>
      results.plan.concurrencies.flatMap((c) => {
        const found = systems.map((s) => table.get(cellKey(mode, w, s, c)));
        return found[1] && found[2] ? [{ w, mode, c, found }] : [];
      }),
    ),
  );
  if (rows.length === 0) return;
  out('## Repeated operations: the caches side by side');
  out();
  out(
    'The same operation repeated within the cache lifetime (the load runs: every request of a run is the same). ' +
      "**ours, read cache** resolves every field from kept upstream answers; **ours, response cache** and Mesh's " +
      'keep whole answers and run nothing. Ratios are ours, response cache over Mesh, response cache.',
  );
  out();
  out(
    `| workload | latency | clients | ${systems.map((s) => `${s} req/s`).join(' | ')} | req/s ratio | ${systems.map((s) => `${s} CPU ms/op`).join(' | ')} | CPU/op ratio |`,
  );
  out(
    `| --- | --- | --- | ${systems.map(() => '---').join(' | ')} | --- | ${systems.map(() => '---').join(' | ')} | --- |`,
  );
  for (const { w, mode, c, found } of rows) {
    const [, ours, mesh] = found;
    out(
      `| ${w} | ${mode} | ${c} | ${found.map((cell) => f(cell?.rps, 0)).join(' | ')} | ${ratio(ours?.rps, mesh?.rps)} | ` +
        `${found.map((cell) => f(cell?.cpuMsPerOp, 3)).join(' | ')} | ${ratio(ours?.cpuMsPerOp, mesh?.cpuMsPerOp)} |`,
    );
  }
  out();
}

/** Zoho's default allowance per organisation (docs/budget.md), shared by every replica. */
const ZOHO_CALLS_PER_MINUTE = 50;
const ZOHO_CALLS_PER_DAY = 5000;
/**
 * Systems that answer from memory, only re-route one workload, or strip ours' features: their calls say nothing
 * about a deployment.
 */
const NOT_DEPLOYMENTS = new Set(['ceiling', 'ours, bare', 'limit, got only', 'limit, undici']);

/**
 * The figure a customer pays in: how many of each operation Zoho's allowance buys through each system, from the
 * correctness phase's calls, and what the retries add when Zoho fails some calls.
 */
function budgetTable(results: Results, out: (line?: string) => void): void {
  const rows = results.calls.filter((c) => !NOT_DEPLOYMENTS.has(c.system));
  if (rows.length === 0) return;
  const within = (allowance: number, callsPerOp: number) => {
    if (callsPerOp === 0) return 'no limit';
    const count = Math.floor(allowance / callsPerOp);
    return count === 0 ? `none (one takes ${f(callsPerOp, 0)})` : count.toLocaleString('en-GB');
  };
  out("## What an operation costs in Zoho's budget");
  out();
  out(
    `Zoho allows an organisation ${ZOHO_CALLS_PER_MINUTE} calls a minute and ` +
      `${ZOHO_CALLS_PER_DAY.toLocaleString('en-GB')} a day, spent by every replica together. Calls per ` +
      'operation from the correctness phase (3 sequential operations; for **ours, read cache** the two repeats ' +
      'are answered from the cache, so its figure is a view repeated within the cache lifetime). Under faults: ' +
      `the same with ${f(100 * results.faults.errorRate, 0)} % of Zoho calls answering 503, and the share of ` +
      'answers that came back complete.',
  );
  out();
  out(
    '| workload | system | calls/op | operations a minute | operations a day | under faults: calls/op, complete |',
  );
  out('| --- | --- | --- | --- | --- | --- |');
  for (const c of rows) {
    const faulted = results.faults.runs.find((r) => r.workload === c.workload && r.system === c.system);
    out(
      `| ${c.workload} | ${c.system} | ${f(c.callsPerOp, 2)} | ${within(ZOHO_CALLS_PER_MINUTE, c.callsPerOp)} | ` +
        `${within(ZOHO_CALLS_PER_DAY, c.callsPerOp)} | ${
          faulted
            ? `${f(faulted.callsPerOp, 2)}, ${f((100 * faulted.complete) / faulted.requests, 1)} %`
            : '–'
        } |`,
    );
  }
  out();
}
