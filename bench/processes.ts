/**
 * The systems under test run as child processes on loopback, so each one's CPU time and peak memory can be read
 * from /proc without counting the load generator or the emulator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Service {
  name: string;
  /** Base URL the load generator calls, e.g. `http://127.0.0.1:41234/graphql` or `http://127.0.0.1:41235`. */
  url: string;
  pid: number;
  /** From spawn to the ready line: what a replica costs before it can take traffic. */
  readyMs: number;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * The Node flags the production image starts the subgraph with (the Dockerfile's exec-form CMD, e.g. its semi-space
 * size), so that ours and its variants are measured as they ship, memory and CPU alike.
 */
export function imageNodeFlags(root: string): string[] {
  const dockerfile = readFileSync(`${root}/Dockerfile`, 'utf8');
  const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(dockerfile);
  if (!cmd) throw new Error('Dockerfile: no exec-form CMD');
  const args = JSON.parse(cmd[1]!) as string[];
  return args.slice(1).filter((arg) => arg.startsWith('--'));
}

/** Ours' caches: none (every operation reaches Zoho), the read cache alone, or the response cache over it. */
export type OursCaches = 'none' | 'read' | 'response';

/** How the benchmark starts ours (`node dist/src/main.js`) against the emulator at `apiUrl`. */
export function oursEnvironment(options: {
  apiUrl: string;
  token: string;
  port: number;
  caches: OursCaches;
}): Record<string, string> {
  const { apiUrl, token, port, caches } = options;
  return {
    ZOHO_ASSIST_API_URL: apiUrl,
    ZOHO_ACCESS_TOKEN: token,
    NODE_ENV: 'production',
    // The harness is its only caller, on loopback: no gateway to prove itself.
    ALLOW_UNAUTHENTICATED_CALLERS: 'true',
    PORT: String(port),
    HOST: '127.0.0.1',
    ZOHO_ACCOUNTS_URL: new URL(apiUrl).origin,
    // Rate limits off for the benchmark: the budget is measured as calls per operation instead.
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_DAY: '100000000',
    READ_CACHE: String(caches !== 'none'),
    RESPONSE_CACHE: String(caches === 'response'),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <args>` and waits until a line of its output matches `ready`; the match's first group (or the
 * whole match) is the service URL. Output after that is discarded, so logging costs what it costs in production
 * (formatting and a write) without filling a pipe nobody reads.
 */
export async function startService(
  name: string,
  args: string[],
  options: {
    env: Record<string, string>;
    cwd?: string;
    ready: RegExp;
    timeoutMs?: number;
    /** What runs `args`: Node by default; `valgrind` when instructions are counted (bench/instructions.ts). */
    command?: string;
  },
): Promise<Service> {
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(options.command ?? process.execPath, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start in time:\n${output.slice(-2000)}`)),
      options.timeoutMs ?? 60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // eslint-disable-next-line no-control-regex
      const match = options.ready.exec(output.replace(/\u001b\[[0-9;]*m/g, ''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${output.slice(-2000)}`));
    });
  });
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  const readyMs = performance.now() - spawnedAt;
  return {
    name,
    url,
    pid: child.pid!,
    readyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The fields of `/proc/<pid>/stat` after "(comm) " (a command name may hold spaces and parentheses): state is [0],
 * ppid [1], utime [11], stime [12], and the waited-for children's cutime [13] and cstime [14], in clock ticks.
 */
function statFields(pid: number | 'self'): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The process and its descendants (a gateway may fork workers). */
function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(statFields(Number(entry))[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

/** User + system CPU time of the process tree, in milliseconds. */
export function cpuTimeMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const fields = statFields(p);
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU time of this process and everything it started: the live descendants, and the children that have exited
 * and been waited for (a compose step, a stopped service), in milliseconds.
 */
export function harnessCpuMs(): number {
  const fields = statFields('self');
  const reaped = Number(fields[13]) + Number(fields[14]);
  return cpuTimeMs(process.pid) + (reaped * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * The whole machine's CPU time since boot, summed over its cores, from /proc/stat: time spent running anything
 * (user, nice, system, irq, softirq) and time the hypervisor gave this VM's cores to someone else (steal), in ms.
 */
export function machineCpuMs(): { busy: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const ms = (ticks: number) => (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  return { busy: ms(user! + nice! + system! + irq! + softirq!), steal: ms(steal ?? 0) };
}

/** Peak resident set size (VmHWM) of the process tree, in MB. */
export function peakRssMb(pid: number): number {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}
