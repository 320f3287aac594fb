/**
 * Helpers shared by the reliability and security tests: a bounded worker pool, a log capture, and an
 * emulator API call with the stack's token.
 */
import { Writable } from 'node:stream';
import { EMULATOR_TOKEN, type Stack } from '../support/stack.js';

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; results in index order. */
export async function pool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/** A pino destination that keeps every line, for asserting on what the service logs. */
export function captureLogs(): { destination: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    destination,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== ''),
  };
}

/** A direct call to the emulator's Zoho API (setup that should not go through the subgraph). */
export async function zoho<T>(stack: Stack, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack.emulator.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Zoho-oauthtoken ${EMULATOR_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Resolves when `check` passes (polling), or rejects after `timeoutMs`: waiting on a state, not a clock. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Settings that keep the subgraph's own budget out of the way of a fault test (it has its own tests). */
export const NO_BUDGET = { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_PER_DAY: '100000000' };
