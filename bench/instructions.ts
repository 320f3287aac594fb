/**
 * `npm run bench:instructions`: the features' share (ours ÷ ours, bare) in instructions rather than CPU time.
 *
 * Issue 20 bounds that share at 1.15, and CPU time could not settle it here: on these shared two-core machines
 * the same pair of processes read anywhere from 1.26× to 1.46× apart for `technician(id)` in back-to-back runs,
 * and a single feature's few per cent drowned. valgrind's callgrind counts instructions, whatever else the
 * machine does. Each system runs under it (with the image's Node flags, against the emulator running natively),
 * serves a warm-up (so the JIT has compiled what it will), has its counters zeroed, serves the measured
 * operations at 10 clients and is dumped. The figure is the **main thread's** instructions per operation: the
 * event loop where every feature runs. V8's helper threads (compilers, concurrent GC) are reported beside it;
 * they still compile during the window under valgrind's slowdown and vary from run to run.
 *
 * What instructions miss: kernel time (the log line's write, socket calls) and cache misses. Repeated runs of
 * the same build still differ by up to ~8 % (when a major GC falls inside the window), so compare medians of
 * `--rounds`. It takes about 4 minutes per system, workload and round; valgrind must be installed
 * (`apt-get install valgrind`). A run of every workload writes bench/results/instructions.md; a subset
 * (`--workloads technician`) is printed only.
 *
 * `--against <dist>` also counts another build's ours and ours, bare (an older commit's `dist/`, built in a git
 * worktree), each system in turn against the same emulator and workload, and prints both pairs: whether a
 * change moved the features' share, or how it stood before. Such a run is printed only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { median } from './report.js';
import { freePort, imageNodeFlags, oursEnvironment, startService } from './processes.js';
import { createEmulatorControl } from '../emulator/index.js';
import {
  addCreateTechnicians,
  emulatorFetch,
  prepareFixture,
  WORKLOADS,
  type SystemKind,
  type WorkloadName,
} from './workloads.js';

const TOKEN = 'emulator-token';
const CONNECTIONS = 10;
/** Operations per workload: a warm-up, then the counted ones (the heavier the operation, the fewer). */
const COUNTS: Partial<Record<WorkloadName, { warm: number; counted: number }>> = {
  technician: { warm: 3000, counted: 1500 },
  sessionDetail: { warm: 1500, counted: 750 },
  dashboard: { warm: 600, counted: 300 },
  entities: { warm: 600, counted: 300 },
  // 3,000 creates: within the 5,000 open sessions the technicians added before each system allow.
  createSession: { warm: 2000, counted: 1000 },
};

interface Count {
  workload: WorkloadName;
  system: string;
  round: number;
  /** Instructions per operation, in millions. */
  mainThread: number;
  otherThreads: number;
}

async function main() {
  const { values } = parseArgs({
    options: {
      workloads: { type: 'string', default: Object.keys(COUNTS).join(',') },
      rounds: { type: 'string', default: '1' },
      against: { type: 'string' },
    },
    strict: true,
  });
  try {
    execFileSync('valgrind', ['--version']);
  } catch {
    throw new Error('valgrind is not installed (apt-get install valgrind): it counts the instructions');
  }
  const workloads = values.workloads.split(',').map((name) => {
    const workload = WORKLOADS.find((w) => w.name === name);
    if (!workload || !COUNTS[workload.name])
      throw new Error(`--workloads: ${name} is not one of ${Object.keys(COUNTS).join(', ')}`);
    return workload;
  });
  const rounds = Number(values.rounds);
  /** `--against`: the other build's `dist/`, and what its systems add to their labels. */
  const other =
    values.against === undefined
      ? undefined
      : { dist: resolve(values.against), suffix: ` @ ${resolve(values.against)}` };
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const flags = imageNodeFlags(root);
  const scratch = mkdtempSync(join(tmpdir(), 'instructions-'));
  const emulator = await startService(
    'emulator',
    [join(root, 'dist/emulator/main.js'), '--no-rate-limits', '--quiet'],
    {
      env: { EMULATOR_PORT: String(await freePort()) },
      ready: /API:\s+(http\S+)/,
    },
  );
  const apiUrl = emulator.url;
  const counts: Count[] = [];
  try {
    const zoho = emulatorFetch(apiUrl, TOKEN);
    const emulatorControl = createEmulatorControl(new URL(apiUrl).origin);
    const fixture = await prepareFixture(zoho);
    const oursPort = await freePort();
    const systems: Array<{
      label: string;
      kind: SystemKind;
      script: string[];
      env: Record<string, string>;
      ready: RegExp;
    }> = [
      {
        label: 'ours',
        kind: 'ours',
        script: [join(root, 'dist/src/main.js')],
        env: oursEnvironment({ apiUrl, token: TOKEN, port: oursPort, caches: 'none' }),
        ready: /ready at (http\S+)/,
      },
      {
        label: 'ours, bare',
        kind: 'ceiling',
        script: [join(root, 'dist/bench/ceiling-service.js'), '--live'],
        env: { ZOHO_ASSIST_API_URL: apiUrl, ZOHO_ACCESS_TOKEN: TOKEN, NODE_ENV: 'production' },
        ready: /bare ready at (http\S+)/,
      },
    ];
    if (other) {
      systems.push(
        { ...systems[0]!, label: `ours${other.suffix}`, script: [join(other.dist, 'src/main.js')] },
        {
          ...systems[1]!,
          label: `ours, bare${other.suffix}`,
          script: [join(other.dist, 'bench/ceiling-service.js'), '--live'],
        },
      );
    }
    for (const workload of workloads) {
      const { warm, counted } = COUNTS[workload.name]!;
      for (let round = 0; round < rounds; round++) {
        for (const [index, system] of systems.entries()) {
          // Each system meets the seed state, and createSession a fresh pool of technicians.
          await emulatorControl.reset();
          if (workload.name === 'createSession') fixture.createTechnicians = await addCreateTechnicians(zoho);
          const request = workload.request(system.kind, fixture)!;
          let n = 0;
          const name = `${workload.name}-${round}-${index}`;
          const out = join(scratch, name);
          const valgrind = ['--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${out}`];
          const service = await startService(
            system.label,
            [...valgrind, process.execPath, ...flags, ...system.script],
            { command: 'valgrind', env: system.env, ready: system.ready, timeoutMs: 300_000 },
          );
          // callgrind_control finds the process by a pipe named after USER and HOST as the process saw them.
          const control = (action: string) =>
            execFileSync('callgrind_control', [action, String(service.pid)], {
              env: { PATH: process.env.PATH ?? '', ...system.env },
              stdio: 'pipe',
            });
          try {
            const load = async (amount: number) => {
              const result = await autocannon({
                url: new URL(request.path, service.url).href,
                method: request.method,
                body: request.body,
                headers: { 'content-type': 'application/json' },
                connections: CONNECTIONS,
                amount,
                timeout: 120,
                ...(workload.vary
                  ? {
                      requests: [
                        {
                          setupRequest: (sent: autocannon.Request) => ({
                            ...sent,
                            body: workload.vary!(system.kind, fixture, n++)!.body,
                          }),
                        },
                      ],
                    }
                  : {}),
              });
              if (result.non2xx > 0 || result.errors > 0)
                throw new Error(
                  `${system.label} ${workload.name}: ${result.non2xx} non-2xx, ${result.errors} errors`,
                );
            };
            await load(warm);
            control('--zero');
            await load(counted);
            control('--dump=counted');
            const threads = threadTotals(scratch, `${name}.1-`);
            const [main = 0, ...others] = threads;
            counts.push({
              workload: workload.name,
              system: system.label,
              round,
              mainThread: main / counted / 1e6,
              otherThreads: others.reduce((a, b) => a + b, 0) / counted / 1e6,
            });
            process.stdout.write(
              `${workload.name} ${system.label} round ${round + 1}: ${(main / counted / 1e6).toFixed(3)} M instructions/op on the main thread\n`,
            );
          } finally {
            await service.stop();
          }
        }
      }
    }
  } finally {
    await emulator.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  const markdown = render(counts, rounds, other ? ['', other.suffix] : ['']);
  if (workloads.length === Object.keys(COUNTS).length && !other)
    writeFileSync(join(root, 'bench/results/instructions.md'), markdown);
  process.stdout.write(markdown);
}

/** Each thread's instruction total in a dump, main thread first (callgrind numbers threads from 1). */
function threadTotals(directory: string, prefix: string): number[] {
  const totals: number[] = [];
  for (let thread = 1; ; thread++) {
    let text: string;
    try {
      text = readFileSync(join(directory, `${prefix}${String(thread).padStart(2, '0')}`), 'utf8');
    } catch {
      return totals;
    }
    totals.push(Number(/^summary:\s+(\d+)/m.exec(text)?.[1] ?? 0));
  }
}

function render(counts: readonly Count[], rounds: number, builds: readonly string[]): string {
  const lines = [
    '# Instructions per operation: ours and ours, bare',
    '',
    `Written by \`npm run bench:instructions\` (bench/instructions.ts) on ${new Date().toISOString().slice(0, 10)}, ` +
      `${rounds} round(s); millions of instructions per operation under callgrind, medians over rounds.`,
    '',
    "| workload | ours, main thread | ours, bare, main thread | features' share | ours, other threads | bare, other threads |",
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const workload of [...new Set(counts.map((c) => c.workload))]) {
    for (const build of builds) {
      const of = (system: string, pick: (c: Count) => number) =>
        median(counts.filter((c) => c.workload === workload && c.system === system + build).map(pick));
      const ours = of('ours', (c) => c.mainThread);
      const bare = of('ours, bare', (c) => c.mainThread);
      lines.push(
        `| ${workload}${build} | ${ours.toFixed(3)} | ${bare.toFixed(3)} | ${(ours / bare).toFixed(2)}× | ` +
          `${of('ours', (c) => c.otherThreads).toFixed(3)} | ${of('ours, bare', (c) => c.otherThreads).toFixed(3)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

await main();
