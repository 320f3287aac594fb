/**
 * What a client sends never makes a log line long: the operation name is cut as the metric label is, and any
 * other string a line would carry (in an object, an error or a message) is cut at LOGGED_TEXT_MAX.
 */
import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Context } from '../../src/graph/context.js';
import { createLogger, LOGGED_TEXT_MAX } from '../../src/observability/logger.js';
import { operationPlugin } from '../../src/observability/operations.js';
import { captureLogs } from '../reliability/support.js';
import { startStack, type Stack } from '../support/stack.js';

const logs = captureLogs();
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ env: { LOG_LEVEL: 'debug' }, app: { logDestination: logs.destination } });
});
afterAll(() => stack.close());

describe('log line size', () => {
  it('logs a 1 MB operation name cut to 64 characters, with the length it had', async () => {
    const name = `Q${'x'.repeat(999_999)}`;
    const requestId = `long-name-${Date.now()}`;

    const response = await fetch(stack.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: `query ${name} { __typename }` }),
    });
    expect(response.status).toBe(200);

    let line: string | undefined;
    for (let i = 0; i < 50 && !line; i++) {
      line = logs.lines().find((text) => text.includes(requestId));
      if (!line) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(line).toBeDefined();
    expect(line!.length).toBeLessThan(1024);
    expect(JSON.parse(line!)).toMatchObject({
      msg: 'operation',
      operation: `${name.slice(0, 64)}…(1000000 characters)`,
      outcome: 'success',
    });
    expect(Math.max(...logs.lines().map((text) => text.length))).toBeLessThan(4 * LOGGED_TEXT_MAX);
  });

  it('cuts any long string in a logged object, error or message', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (text: string) => void lines.push(text) },
    });
    const huge = 'y'.repeat(500_000);

    logger.info({ company: huge, nested: { list: [huge] } }, 'object');
    logger.info({ err: new Error(huge) }, 'error');
    logger.info(`message ${huge}`);
    logger.warn(huge);

    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line.length).toBeLessThan(4 * LOGGED_TEXT_MAX + 1024);
      expect(line).toContain('…(');
    }
    expect(JSON.parse(lines[0]!)).toMatchObject({
      company: `${'y'.repeat(LOGGED_TEXT_MAX)}…(500000 characters)`,
      nested: { list: [`${'y'.repeat(LOGGED_TEXT_MAX)}…(500000 characters)`] },
    });
  });

  it('hands the span the operation name cut the same way', async () => {
    const name = `Q${'x'.repeat(999_999)}`;
    const ended: unknown[] = [];
    const listener = await operationPlugin(createLogger({ level: 'silent' }), undefined).requestDidStart?.(
      {} as never,
    );
    const requestContext = {
      contextValue: {
        requestId: 'span-name',
        signal: new AbortController().signal,
        stats: { upstreamCalls: 0 },
        trace: { traceId: 'trace', end: (outcome: unknown) => void ended.push(outcome) },
      },
      operationName: name,
      response: { body: { kind: 'single', singleResult: { data: { __typename: 'Query' } } } },
    } as unknown as GraphQLRequestContextWillSendResponse<Context>;

    await listener?.willSendResponse?.(requestContext);

    expect(ended).toEqual([
      {
        operationName: `${name.slice(0, 64)}…(1000000 characters)`,
        operationType: undefined,
        errorCodes: [],
      },
    ]);
  });
});
