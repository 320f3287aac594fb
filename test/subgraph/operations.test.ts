/**
 * What an operator sees: liveness, metrics after a few operations, and the request id carried from the gateway
 * to Zoho and back (readiness: test/ops/readiness.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
const base = () => stack.app.url.replace(/\/graphql$/, '');

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe('operations endpoints', () => {
  it('answers liveness', async () => {
    const response = await fetch(`${base()}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'live' });
  });

  it('exposes operation, upstream and loader metrics after a few operations', async () => {
    await stack.graphql(`query Dashboard { sessions(first: 5) { nodes { technician { name } } } }`);
    await stack.graphql(`query Dashboard { sessions(first: 5) { nodes { technician { name } } } }`);
    const response = await fetch(`${base()}/metrics`);
    const text = await response.text();
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(text).toMatch(/zoho_assist_graphql_operations_total\{operation="Dashboard",outcome="success"\} 2/);
    expect(text).toMatch(/zoho_assist_upstream_calls_total\{route="GET \/sessions",status="200"\} \d+/);
    expect(text).toMatch(/zoho_assist_dataloader_batch_size_count\{loader="technicianById"\} \d+/);
    expect(text).toContain('zoho_assist_graphql_operation_duration_seconds_bucket');
  });

  it('returns the gateway request id and forwards it to Zoho', async () => {
    const result = await stack.graphql(`{ technicians(first: 1) { totalCount } }`, undefined, {
      'x-request-id': 'req-abc-123',
    });
    expect(result.headers.get('x-request-id')).toBe('req-abc-123');
    const fresh = await stack.graphql(`{ technicians(first: 1) { totalCount } }`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
