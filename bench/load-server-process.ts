/**
 * The parent's side of bench/load-server.ts: forks the subgraph in its own process against an emulator, with
 * the read cache and the budget out of the way (every operation is the upstream's work), and asks it for samples.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerSample } from './load-server.js';

export interface LoadServer {
  readonly process: ChildProcess;
  readonly url: string;
  /** A sample after a full collection; `reset` also restarts the event-loop figures. */
  readonly sample: (type: 'sample' | 'reset') => Promise<ServerSample>;
}

export async function forkLoadServer(
  emulator: { apiUrl: string; accountsUrl: string },
  serverPath = fileURLToPath(new URL('./load-server.js', import.meta.url)),
): Promise<LoadServer> {
  const server = fork(serverPath, {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ZOHO_ASSIST_API_URL: emulator.apiUrl,
      ZOHO_ACCOUNTS_URL: emulator.accountsUrl,
      ZOHO_ACCESS_TOKEN: 'emulator-token',
      // Every operation goes to the upstream: the cache would hide the faults and most of the work.
      READ_CACHE: 'false',
      // The emulator's rate limits are off; the subgraph's own budget would otherwise refuse most of the load.
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_PER_DAY: '100000000',
    },
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    server.on('message', (message: { type: string; url?: string }) => {
      if (message.type === 'ready' && message.url) resolve(message.url);
    });
  });
  return {
    process: server,
    url,
    sample: (type) =>
      new Promise((resolve) => {
        const listener = (message: { type: string; sample?: ServerSample }) => {
          if (message.type === 'sample' && message.sample) {
            server.off('message', listener);
            resolve(message.sample);
          }
        };
        server.on('message', listener);
        server.send({ type });
      }),
  };
}
