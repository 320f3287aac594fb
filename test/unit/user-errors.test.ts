/**
 * How an upstream write's failure becomes a mutation's `userErrors`, and which failures stay GraphQL errors.
 * Zoho's 409s carry no sub-code, so the message decides the code; the messages below are the ones the emulator
 * (emulator/store.ts) sends, worded as Zoho words them.
 */
import { describe, expect, it } from '@jest/globals';
import { attempt } from '../../src/graph/user-errors.js';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitedError,
  UnavailableError,
} from '../../src/upstream/errors.js';

/** A write that must not be retried or called again: it fails once with `error`, and any second call fails the test. */
function failingOnce(error: Error): () => Promise<never> {
  let calls = 0;
  return async () => {
    calls += 1;
    if (calls > 1) throw new Error('the write was called twice');
    throw error;
  };
}

async function conflictCode(message: string): Promise<unknown> {
  const result = await attempt(failingOnce(new ConflictError(message, { status: 409 })), ['input', 'id']);
  expect(result.value).toBeNull();
  expect(result.userErrors).toHaveLength(1);
  return result.userErrors[0]!.code;
}

describe('conflict classification', () => {
  it.each([
    ['Session limit reached: technician tech_1 already has 3 open sessions', 'SESSION_LIMIT_REACHED'],
    ['Computer comp_4 is offline', 'COMPUTER_OFFLINE'],
    ['Session 1000000001 has already ended', 'SESSION_ALREADY_ENDED'],
    ['Session 1000000001 has already completed', 'SESSION_ALREADY_ENDED'],
    ['Session 1000000001 is not active', 'SESSION_ALREADY_ENDED'],
    ['A customer with email jo@example.org already exists', 'ALREADY_EXISTS'],
    ['Duplicate technician', 'ALREADY_EXISTS'],
    ['Technician tech_2 has open or scheduled sessions; end or transfer them first', 'CONFLICT'],
    ['Session 1000000001 has not started', 'CONFLICT'],
    ['A customer with email nolimit@example.org already exists', 'ALREADY_EXISTS'],
    ['A technician with email offline.desk@example.org already exists', 'ALREADY_EXISTS'],
    ['A customer with email has-ended@example.org already exists', 'ALREADY_EXISTS'],
  ])('reads "%s" as %s', async (message, code) => {
    expect(await conflictCode(message)).toBe(code);
  });

  it('puts the conflict on the input, with the message cut to 300 characters', async () => {
    const result = await attempt(failingOnce(new ConflictError(`Computer is offline ${'x'.repeat(500)}`)), [
      'input',
      'computerId',
    ]);
    expect(result.userErrors).toEqual([
      { code: 'COMPUTER_OFFLINE', message: expect.any(String), field: ['input'] },
    ]);
    expect(result.userErrors[0]!.message).toHaveLength(300);
  });

  it('puts a conflict on the field its code names, and the others on the input', async () => {
    const fields = {
      SESSION_LIMIT_REACHED: ['input', 'technicianId'],
      COMPUTER_OFFLINE: ['input', 'computerId'],
    };
    const limit = await attempt(
      failingOnce(new ConflictError('Session limit reached: technician tech_1 already has 3 open sessions')),
      ['input', 'sessionId'],
      fields,
    );
    const offline = await attempt(
      failingOnce(new ConflictError('Computer comp_4 is offline')),
      ['input'],
      fields,
    );
    const other = await attempt(
      failingOnce(new ConflictError('Session 1 has not started')),
      ['input'],
      fields,
    );
    expect([limit.userErrors[0]?.field, offline.userErrors[0]?.field, other.userErrors[0]?.field]).toEqual([
      ['input', 'technicianId'],
      ['input', 'computerId'],
      ['input'],
    ]);
  });
});

describe('attempt', () => {
  it('answers the value and no user errors when the write succeeds', async () => {
    expect(await attempt(async () => ({ id: 's1' }), ['input'])).toEqual({
      value: { id: 's1' },
      userErrors: [],
    });
  });

  it('answers a 400 as VALIDATION on the input', async () => {
    const result = await attempt(failingOnce(new BadRequestError('email is not an e-mail address')), [
      'input',
    ]);
    expect(result).toEqual({
      value: null,
      userErrors: [{ code: 'VALIDATION', message: 'email is not an e-mail address', field: ['input'] }],
    });
  });

  it('answers a 404 as NOT_FOUND on the field the caller names', async () => {
    const result = await attempt(failingOnce(new NotFoundError('No such session')), ['input', 'sessionId']);
    expect(result.userErrors).toEqual([
      { code: 'NOT_FOUND', message: 'No such session', field: ['input', 'sessionId'] },
    ]);
  });

  it.each([
    ['a missing scope', new ForbiddenError('scope')],
    ['a rate limit', new RateLimitedError('slow down', 5)],
    ['an outage', new UnavailableError('503')],
    ['an outcome it cannot know', new OutcomeUnknownError('the connection dropped after sending')],
    ['a bug of ours', new TypeError('undefined is not a function')],
  ])('throws %s on, to become a GraphQL error', async (_, error) => {
    await expect(attempt(failingOnce(error), ['input'])).rejects.toBe(error);
  });
});
