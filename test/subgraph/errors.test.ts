/**
 * Failures as a frontend sees them: one `extensions.code` per kind, partial data when one field fails, and no
 * stack, upstream body or token in any message.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { errorCodes } from '../support/graphql.js';
import { startStack, EMULATOR_TOKEN, type Stack } from '../support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    env: {
      UPSTREAM_RETRIES: '1',
      UPSTREAM_TIMEOUT_MS: '500',
      UPSTREAM_CONNECT_TIMEOUT_MS: '200',
      UPSTREAM_MAX_RETRY_AFTER_SECONDS: '1',
    },
  });
});
afterAll(() => stack.close());
afterEach(() => stack.control.clearFaults());

describe('errors', () => {
  it('answers null with NOT_FOUND for a missing session', async () => {
    const result = await stack.graphql(`{ session(id: "404404") { id } }`);
    expect(result.data).toEqual({ session: null });
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(result.errors?.[0]?.path).toEqual(['session']);
  });

  it('answers BAD_USER_INPUT for an invalid e-mail or page size, before calling Zoho', async () => {
    await stack.control.resetCalls();
    const email = await stack.graphql(
      `query ($email: EmailAddress) { customers(filter: { email: $email }) { totalCount } }`,
      {
        email: 'not-an-email',
      },
    );
    expect(errorCodes(email)).toEqual(['BAD_USER_INPUT']);
    const literal = await stack.graphql(`{ customers(filter: { email: "not-an-email" }) { totalCount } }`);
    expect(errorCodes(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const size = await stack.graphql(`{ sessions(first: 1000) { totalCount } }`);
    expect(errorCodes(size)).toEqual(['BAD_USER_INPUT']);
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('answers FORBIDDEN when the token lacks the scope, and only for that field', async () => {
    await stack.control.registerToken({
      token: 'read-sessions-only',
      scopes: ['ZohoAssist.sessions.READ'],
    });
    const limited = await startStack({ env: { ZOHO_ACCESS_TOKEN: 'read-sessions-only' } });
    try {
      // The limited stack has its own emulator, so register the token there too.
      await limited.control.registerToken({
        token: 'read-sessions-only',
        scopes: ['ZohoAssist.sessions.READ'],
      });
      const result = await limited.graphql<{ sessions: unknown }>(
        `{ sessions(first: 1) { totalCount } customers(first: 1) { totalCount } }`,
      );
      expect(result.data?.sessions).toEqual({ totalCount: expect.any(Number) });
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0]?.path).toEqual(['customers']);
    } finally {
      await limited.close();
    }
  });

  it('answers UNAUTHENTICATED when Zoho rejects the token', async () => {
    const rejected = await startStack({ env: { ZOHO_ACCESS_TOKEN: 'not-a-token' } });
    try {
      const result = await rejected.graphql(`{ sessions(first: 1) { totalCount } }`);
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
      expect(JSON.stringify(result)).not.toContain('not-a-token');
    } finally {
      await rejected.close();
    }
  });

  it('answers RATE_LIMITED with retryAfter when Zoho asks for a long wait', async () => {
    // Zoho's 429 holds back every call of this budget for 30 s, so this test spends a stack of its own.
    const limited = await startStack({ env: { UPSTREAM_MAX_RETRY_AFTER_SECONDS: '1' } });
    try {
      await limited.control.addFault({
        route: 'GET /technicians/{technicianId}',
        rateLimitRate: 1,
        retryAfterSeconds: 30,
      });
      const result = await limited.graphql(`{ technician(id: "tech_1") { id } }`);
      expect(errorCodes(result)).toEqual(['RATE_LIMITED']);
      expect(result.errors?.[0]?.extensions?.retryAfter).toBe(30);
    } finally {
      await limited.close();
    }
  });

  it('answers UPSTREAM_UNAVAILABLE after retrying a failing read', async () => {
    await stack.control.addFault({ route: 'GET /technicians/{technicianId}', errorRate: 1 });
    await stack.control.resetCalls();
    const result = await stack.graphql(`{ technician(id: "tech_1") { id } }`);
    expect(errorCodes(result)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect((await stack.control.calls()).byRoute['GET /technicians/{technicianId}']).toBe(2);
  });

  it('answers UPSTREAM_TIMEOUT when Zoho is slower than the timeout', async () => {
    await stack.control.addFault({ route: 'GET /technicians/{technicianId}', latencyMs: 1500 });
    const result = await stack.graphql(`{ technician(id: "tech_1") { id } }`);
    expect(errorCodes(result)).toEqual(['UPSTREAM_TIMEOUT']);
  });

  it('keeps the rest of the data when one nested field fails, with the error at its path', async () => {
    await stack.control.addFault({ route: 'GET /sessions/{sessionId}/chat', errorRate: 1 });
    const result = await stack.graphql<{ sessions: unknown }>(
      `{ sessions(first: 2) { nodes { id technician { name } chatMessages { text } } } }`,
    );
    expect(result.data?.sessions).toEqual({
      nodes: [
        { id: expect.any(String), technician: { name: expect.any(String) }, chatMessages: null },
        { id: expect.any(String), technician: { name: expect.any(String) }, chatMessages: null },
      ],
    });
    expect(result.errors?.map((e) => e.path)).toEqual([
      ['sessions', 'nodes', 0, 'chatMessages'],
      ['sessions', 'nodes', 1, 'chatMessages'],
    ]);
    expect(errorCodes(result)).toEqual(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE']);
  });

  it('keeps the session when its nullable details fail', async () => {
    await stack.control.addFault({ route: 'GET /sessions/{sessionId}/details', errorRate: 1 });
    const result = await stack.graphql<{ sessions: unknown }>(
      `{ sessions(first: 1) { nodes { id details { durationSeconds } } } }`,
    );
    expect(result.data?.sessions).toEqual({ nodes: [{ id: expect.any(String), details: null }] });
    expect(result.errors?.[0]?.path).toEqual(['sessions', 'nodes', 0, 'details']);
    expect(errorCodes(result)).toEqual(['UPSTREAM_UNAVAILABLE']);
  });

  it('never shows a stack, an upstream body or the token in an error', async () => {
    await stack.control.addFault({ errorRate: 1 });
    const result = await stack.graphql(
      `{ sessions(first: 1) { totalCount } technician(id: "tech_1") { id } }`,
    );
    const text = JSON.stringify(result);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(text).not.toContain(EMULATOR_TOKEN);
    expect(text).not.toMatch(/stacktrace|at .*\.ts:\d+|"error":\{"code"/);
  });
});
