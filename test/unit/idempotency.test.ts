/**
 * The idempotency records' rules, on the memory store with a clock of our own: a settled answer is replayed for
 * ten minutes and then forgotten, a claim is never shared, a lapsed claim or an unknown outcome is taken over by
 * the next retry (which looks for what landed first), and a write refused before reaching Zoho frees its key.
 */
import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import {
  createIdempotentWrites,
  IDEMPOTENCY_TTL_MS,
  MemoryIdempotencyStore,
} from '../../src/upstream/idempotency.js';
import { OutcomeUnknownError, RateLimitedError } from '../../src/upstream/errors.js';

function setup() {
  let now = 1_000_000;
  const clock = {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
  const store = new MemoryIdempotencyStore(100, clock.now);
  const writes = createIdempotentWrites(store, 'caller-a', { claimMs: 1_000, now: clock.now });
  let made = 0;
  const write = async () => ({ id: `s${++made}` });
  return { clock, store, writes, write, made: () => made };
}

const request = { mutation: 'createSession', key: 'k1', input: { name: 'Ann', email: 'ann@example.com' } };

describe('idempotent writes', () => {
  it('replays the first answer for ten minutes, then writes again', async () => {
    const { clock, writes, write, made } = setup();
    const first = await writes.once(request, { write });
    clock.advance(IDEMPOTENCY_TTL_MS - 1);
    const late = await writes.once(request, { write });
    clock.advance(2);
    const expired = await writes.once(request, { write });

    expect(first).toEqual({ mismatch: false, replayed: false, value: { id: 's1' } });
    expect(late).toEqual({ mismatch: false, replayed: true, value: { id: 's1' } });
    expect(expired).toEqual({ mismatch: false, replayed: false, value: { id: 's2' } });
    expect(made()).toBe(2);
  });

  it('fingerprints the input whatever the order of its fields, and refuses another input', async () => {
    const { writes, write } = setup();
    await writes.once(request, { write });
    const reordered = await writes.once(
      { ...request, input: { email: 'ann@example.com', name: 'Ann' } },
      { write },
    );
    const other = await writes.once(
      { ...request, input: { name: 'Bo', email: 'ann@example.com' } },
      { write },
    );

    expect(reordered).toMatchObject({ replayed: true, value: { id: 's1' } });
    expect(other).toEqual({ mismatch: true });
  });

  it("keeps callers' keys apart", async () => {
    const { store, writes, write, clock } = setup();
    const other = createIdempotentWrites(store, 'caller-b', { claimMs: 1_000, now: clock.now });
    await writes.once(request, { write });

    expect(await other.once(request, { write })).toMatchObject({ replayed: false, value: { id: 's2' } });
  });

  it('frees the key when the write was refused before reaching Zoho', async () => {
    const { writes, write, made } = setup();
    const refuse = async (): Promise<{ id: string }> => {
      throw new RateLimitedError('budget spent', 3);
    };
    await expect(writes.once(request, { write: refuse })).rejects.toThrow('budget spent');
    const tooExpensive = async (): Promise<{ id: string }> => {
      throw new GraphQLError('too many calls');
    };
    await expect(writes.once(request, { write: tooExpensive })).rejects.toThrow('too many calls');

    expect(await writes.once(request, { write })).toMatchObject({ replayed: false, value: { id: 's1' } });
    expect(made()).toBe(1);
  });

  it('after an unknown outcome, answers what landed without writing, and replays it after', async () => {
    const { writes, write, made, clock } = setup();
    const lost = async (): Promise<{ id: string }> => {
      await write();
      throw new OutcomeUnknownError('connection reset');
    };
    await expect(writes.once(request, { write: lost })).rejects.toThrow('connection reset');
    const since: number[] = [];
    clock.advance(10);
    const retry = await writes.once(request, {
      write,
      landed: async (from) => {
        since.push(from);
        return { id: 's1' };
      },
    });
    const again = await writes.once(request, { write });

    expect(retry).toEqual({ mismatch: false, replayed: false, value: { id: 's1' } });
    expect(again).toMatchObject({ replayed: true, value: { id: 's1' } });
    expect(since).toEqual([1_000_000]);
    expect(made()).toBe(1);
  });

  it('takes over a claim whose holder went away, as an unknown outcome', async () => {
    const { writes, write, clock } = setup();
    // A holder that never settles: its claim lapses after claimMs and the margin.
    const stuck = writes.once(request, { write: () => new Promise<never>(() => undefined) });
    void stuck;
    await new Promise((resolve) => setImmediate(resolve));
    const landed: number[] = [];
    const waiting = writes.once(request, {
      write,
      landed: async (from) => {
        landed.push(from);
        return undefined;
      },
    });
    clock.advance(10_000);
    const taken = await waiting;

    expect(taken).toMatchObject({ replayed: false, value: { id: 's1' } });
    expect(landed).toEqual([1_000_000]);
  });
});
