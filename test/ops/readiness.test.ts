/**
 * Readiness as Kubernetes probes it: it never calls Zoho (a probe every 10 s would spend more than half of an
 * idle organisation's 5,000 calls a day), and a Zoho outage does not take the replica out of the pool (the
 * gateway would get refused connections instead of our UPSTREAM_UNAVAILABLE answers). It reports what real
 * traffic saw of Zoho, as does the `zoho_assist_upstream_reachable` gauge.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
const base = () => stack.app.url.replace(/\/graphql$/, '');

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

async function ready(): Promise<{
  status: number;
  body: { status?: string; checks?: Record<string, unknown> };
}> {
  const response = await fetch(`${base()}/health/ready`);
  return { status: response.status, body: (await response.json()) as { checks?: Record<string, unknown> } };
}

async function metric(name: string): Promise<number | undefined> {
  const text = await (await fetch(`${base()}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('/health/ready', () => {
  it('answers 50 probes without a single upstream call, upstream unknown before any traffic', async () => {
    await stack.control.resetCalls();

    const answers = await Promise.all(Array.from({ length: 50 }, () => ready()));

    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 50 }, () => 200));
    expect(answers[0]?.body).toEqual({
      status: 'ready',
      checks: { process: 'ok', config: 'ok', upstream: 'unknown', redis: 'not configured' },
    });
    expect(await stack.control.calls()).toEqual({ total: 0, byRoute: {} });
    expect(await metric('zoho_assist_upstream_reachable')).toBeNaN();
  });

  it('stays ready while Zoho answers 503 to everything, and reports what traffic saw', async () => {
    await stack.control.addFault({ errorRate: 1 });
    try {
      const failed = await stack.graphql(`{ technician(id: "tech_1") { id } }`);
      expect(failed.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
      await stack.control.resetCalls();

      const answers = await Promise.all(Array.from({ length: 50 }, () => ready()));

      expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 50 }, () => 200));
      expect(answers[0]?.body).toMatchObject({ status: 'ready', checks: { upstream: 'unreachable' } });
      expect((await stack.control.calls()).total).toBe(0);
      expect(await metric('zoho_assist_upstream_reachable')).toBe(0);
    } finally {
      await stack.control.clearFaults();
    }
  });

  it('reports Zoho reachable again once traffic gets an answer, with the time of that answer', async () => {
    const before = Date.now() / 1000;
    const answered = await stack.graphql(`{ technician(id: "tech_1") { id } }`);
    expect(answered.errors).toBeUndefined();

    expect((await ready()).body).toMatchObject({ status: 'ready', checks: { upstream: 'ok' } });
    expect(await metric('zoho_assist_upstream_reachable')).toBe(1);
    expect(await metric('zoho_assist_upstream_last_answer_timestamp_seconds')).toBeGreaterThanOrEqual(
      Math.floor(before),
    );
  });
});
