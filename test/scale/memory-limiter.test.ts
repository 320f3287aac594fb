/**
 * The one-replica limiter on a clock of its own: the sliding window counts every departure of the last span,
 * and keeps doing so after thousands of departures have expired (its log drops old entries by moving an index
 * and compacts now and then, so a wrong offset would show up as a wrong count or a wrong wait).
 */
import { describe, expect, it } from '@jest/globals';
import { guardMs, MemoryLimiter, type BudgetClaim } from '../../src/budget/limiter.js';

const WINDOW_MS = 1000;
const SPAN_MS = WINDOW_MS + guardMs(WINDOW_MS);

function claim(key: string, perWindow: number): BudgetClaim {
  return { key, limits: { perWindow, windowMs: WINDOW_MS, perDay: 1_000_000 } };
}

function limiterAt(perWindow: number) {
  const clock = { now: 0 };
  const memory = new MemoryLimiter(() => clock.now);
  // One key per name, all with the same window.
  const limiter = {
    take: (key: string) => memory.take([claim(key, perWindow)]),
    peek: (key: string) => memory.peek(claim(key, perWindow)),
  };
  return { clock, limiter, memory };
}

describe('MemoryLimiter', () => {
  it('refuses the call past the window and names the wait until the oldest departure leaves the span', async () => {
    const { clock, limiter } = limiterAt(3);
    for (const at of [0, 10, 20]) {
      clock.now = at;
      expect((await limiter.take('k')).granted).toBe(true);
    }
    clock.now = 30;
    const refused = await limiter.take('k');
    expect(refused.granted).toBe(false);
    expect(refused.snapshot.retryAfter).toBe(Math.ceil((0 + SPAN_MS - 30) / 1000));
    clock.now = SPAN_MS; // the departure at 0 has left the span
    expect((await limiter.take('k')).granted).toBe(true);
    expect((await limiter.peek('k')).remaining.window).toBe(0);
  });

  it('counts exactly the departures of the last span after thousands have expired', async () => {
    const perWindow = 200;
    const { clock, limiter } = limiterAt(perWindow);
    // The reference: every granted departure kept in a plain array, counted by filtering it.
    const granted: number[] = [];
    let seed = 7;
    const nextGap = () => {
      // xorshift32: a fixed sequence of 0-3 ms gaps, bursts that fill the window and pauses that drain it
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % 4;
    };
    let refusals = 0;
    for (let attempt = 0; attempt < 20_000; attempt++) {
      clock.now += nextGap();
      const inSpan = granted.filter((at) => at > clock.now - SPAN_MS);
      const taken = await limiter.take('k');
      if (inSpan.length < perWindow) {
        expect(taken).toMatchObject({ granted: true });
        expect(taken.snapshot.remaining.window).toBe(perWindow - inSpan.length - 1);
        granted.push(clock.now);
      } else {
        refusals++;
        expect(taken.granted).toBe(false);
        const oldestThatMustLeave = inSpan[inSpan.length - perWindow]!;
        expect(taken.snapshot.retryAfter).toBe(
          Math.max(1, Math.ceil((oldestThatMustLeave + SPAN_MS - clock.now) / 1000)),
        );
      }
    }
    // Both paths ran, and the log expired far more departures than it ever held at once.
    expect(refusals).toBeGreaterThan(1000);
    expect(granted.length).toBeGreaterThan(20 * perWindow);
  });

  it('keeps each key to its own window', async () => {
    const { clock, limiter } = limiterAt(2);
    clock.now = 5;
    await limiter.take('a');
    await limiter.take('a');
    expect((await limiter.take('a')).granted).toBe(false);
    expect((await limiter.take('b')).granted).toBe(true);
    expect((await limiter.peek('b')).remaining.window).toBe(1);
  });

  it('grants an attempt that draws on several budgets only when each has room, and then spends from all', async () => {
    const { memory } = limiterAt(0);
    const organisation = claim('organisation', 3);
    const share = (user: string) => claim(`share:${user}`, 2);
    const outcomes: boolean[] = [];
    for (const user of ['a', 'a', 'a', 'b', 'b'])
      outcomes.push((await memory.take([organisation, share(user)])).granted);

    // `a` stops at its share of two; the refusal spent nothing, so `b` finds the third call, then the window full.
    expect(outcomes).toEqual([true, true, false, true, false]);
    expect((await memory.peek(organisation)).remaining.window).toBe(0);
    expect((await memory.peek(share('b'))).remaining.window).toBe(1);
  });
});
