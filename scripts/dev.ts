/**
 * `npm run dev`: the subgraph (embedded emulator unless configured otherwise), rebuilt and restarted on every
 * change, with codegen re-run when the SDL or the upstream contract changes.
 *
 *   tsc --watch (tsconfig.build.json) ──► dist/ ──► "Found 0 errors" ──► restart `node dist/src/main.js`
 *   schema/*.graphql, contract/seed.openapi.yaml ──► npm run codegen ──► src/__generated__/ (tsc recompiles) ──► restart
 *
 * Restarts are ours rather than `node --watch`'s so that one compile (dozens of files written) is one restart,
 * and so that an SDL edit that changes no TypeScript (a description) still restarts: the SDL is read at run time.
 * A compile with errors keeps the last good process running. Node runs this file directly (type stripping): no
 * build step and no dependency beyond Node itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const say = (message: string) => console.log(`\x1b[36m[dev]\x1b[0m ${message}`);

/** Give a draining server this long before it is killed (an open Sandbox tab keeps connections alive). */
const STOP_GRACE_MS = 3000;
/** Editors write a file in several events; one change is handled once they settle. */
const SETTLE_MS = 150;

let server: ChildProcess | undefined;
let restarting: Promise<void> | undefined;
let restartAgain = false;
let quitting = false;
let starts = 0;

function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Stops the running server (the port must be free) and starts the current build; restarts coalesce. */
function restart(reason: string): void {
  if (quitting) return;
  if (restarting) {
    restartAgain = true;
    return;
  }
  restarting = (async () => {
    await stopServer();
    say(`${starts++ === 0 ? 'starting' : 'restarting'} (${reason})`);
    server = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/src/main.js')], {
      cwd: root,
      stdio: 'inherit',
      env: process.env,
    });
    server.once('exit', (code, signal) => {
      if (!quitting && signal === null && code !== 0)
        say(`the server exited with ${code}; waiting for a change`);
    });
  })().finally(() => {
    restarting = undefined;
    if (restartAgain) {
      restartAgain = false;
      restart('more changes');
    }
  });
}

// ------------------------------------------------------------------------------------------------- codegen

let codegen: ChildProcess | undefined;
let codegenAgain = false;

function runCodegen(changed: string): void {
  if (codegen) {
    codegenAgain = true;
    return;
  }
  say(`${changed} changed: npm run codegen`);
  const child = spawn('npm', ['run', '-s', 'codegen'], { cwd: root, stdio: 'inherit' });
  codegen = child;
  child.once('exit', (code) => {
    codegen = undefined;
    if (codegenAgain) {
      codegenAgain = false;
      runCodegen('more');
      return;
    }
    if (code === 0) restart(`${changed} changed`);
    else say(`codegen failed (${code}); fix ${changed} and save again`);
  });
}

function watchDirectory(directory: string, matches: (file: string) => boolean): void {
  let timer: NodeJS.Timeout | undefined;
  // A directory, not the file: editors that save by rename replace the file a file watcher follows.
  watch(join(root, directory), (_event, file) => {
    if (!file || !matches(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => runCodegen(join(directory, file)), SETTLE_MS);
  });
}

watchDirectory('schema', (file) => file.endsWith('.graphql'));
watchDirectory('emulator', (file) => file === 'openapi.yaml');

// ---------------------------------------------------------------------------------------------- compiler

const tsc = spawn(bin('tsc'), ['-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let pending = '';
tsc.stdout?.setEncoding('utf8');
tsc.stdout?.on('data', (chunk: string) => {
  process.stdout.write(chunk);
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    // tsc's end-of-compile line: "Found 0 errors. Watching for file changes."
    const found = /Found (\d+) errors?\. Watching for file changes/.exec(line);
    if (!found) continue;
    if (found[1] === '0') restart('compiled');
    else say('type errors: the last good build keeps running');
  }
});
tsc.once('exit', (code) => {
  if (!quitting) {
    say(`tsc --watch exited (${code})`);
    void quit(1);
  }
});

async function quit(code: number): Promise<void> {
  if (quitting) return;
  quitting = true;
  tsc.kill('SIGTERM');
  codegen?.kill('SIGTERM');
  await restarting;
  await stopServer();
  process.exit(code);
}
process.once('SIGINT', () => void quit(0));
process.once('SIGTERM', () => void quit(0));
say('watching src/, resolvers/, emulator/, schema/ (Ctrl-C stops)');
