/**
 * The GET-vs-list-page choice of the entity loaders, against a fake upstream that records every call and fails
 * the test on any call it was not told to expect: the calls a batch makes are the customer's budget.
 */
import { describe, expect, it } from '@jest/globals';
import { fetchMany, PAGE_SIZE, TotalHint, type BatchSource } from '../../src/graph/loaders/fetch-many.js';
import { NotFoundError, UnavailableError } from '../../src/upstream/errors.js';

interface Item {
  id: string;
}

type Call = `GET ${string}` | `LIST ${number}`;

interface FakeUpstream {
  source: BatchSource<Item>;
  /** Every call made, in order. */
  calls: Call[];
  primed: string[];
}

/**
 * `count` items `item_1`..`item_N` newest first; list answers carry `total_count` unless `reportsTotal` is false.
 * Only the calls in `expected` are answered; any other rejects and is recorded, so `calls` shows it too.
 */
function fakeUpstream(options: {
  count: number;
  expected: readonly Call[];
  recentFirst?: boolean;
  reportsTotal?: boolean;
  totals?: TotalHint;
  failing?: ReadonlySet<string>;
}): FakeUpstream {
  const items = Array.from({ length: options.count }, (_, i) => ({ id: `item_${i + 1}` }));
  const calls: Call[] = [];
  const primed: string[] = [];
  const allow = (call: Call) => {
    calls.push(call);
    if (!options.expected.includes(call)) throw new Error(`unexpected upstream call: ${call}`);
  };
  return {
    calls,
    primed,
    source: {
      keyOf: (item) => item.id,
      getOne: async (key) => {
        allow(`GET ${key}`);
        if (options.failing?.has(key)) throw new UnavailableError('Zoho answered 503');
        const item = items.find((candidate) => candidate.id === key);
        if (!item) throw new NotFoundError(`No such item ${key}`);
        return item;
      },
      listPage: async (index) => {
        allow(`LIST ${index}`);
        return {
          items: items.slice(index - 1, index - 1 + PAGE_SIZE),
          total: options.reportsTotal === false ? null : items.length,
        };
      },
      prime: (listed) => primed.push(...listed.map((item) => item.id)),
      recentFirst: options.recentFirst ?? false,
      totals: options.totals ?? new TotalHint(),
    },
  };
}

function hintOf(total: number): TotalHint {
  const hint = new TotalHint();
  hint.remember(total);
  return hint;
}

const ids = (results: Array<Item | Error>) =>
  results.map((result) => (result instanceof Error ? result.constructor.name : result.id));

describe('fetchMany', () => {
  it('fetches a single key with one GET and lists nothing', async () => {
    const upstream = fakeUpstream({ count: 30, expected: ['GET item_7'] });
    expect(ids(await fetchMany(['item_7'], upstream.source))).toEqual(['item_7']);
    expect(upstream.calls).toEqual(['GET item_7']);
  });

  it('lists the first page for two keys when no total is known yet, and GETs nothing when the list fits it', async () => {
    const upstream = fakeUpstream({ count: 30, expected: ['LIST 1'] });
    expect(ids(await fetchMany(['item_3', 'item_9'], upstream.source))).toEqual(['item_3', 'item_9']);
    expect(upstream.calls).toEqual(['LIST 1']);
  });

  it('answers NotFoundError for a key absent from a complete listing, without a GET for it', async () => {
    const upstream = fakeUpstream({ count: 30, expected: ['LIST 1'] });
    const results = await fetchMany(['item_3', 'missing'], upstream.source);
    expect(ids(results)).toEqual(['item_3', 'NotFoundError']);
    expect(upstream.calls).toEqual(['LIST 1']);
  });

  it('GETs each key when a remembered total says the list is longer than one page per key', async () => {
    const upstream = fakeUpstream({
      count: 450,
      totals: hintOf(450),
      expected: ['GET item_2', 'GET item_400'],
    });
    expect(ids(await fetchMany(['item_2', 'item_400'], upstream.source))).toEqual(['item_2', 'item_400']);
    expect([...upstream.calls].sort()).toEqual(['GET item_2', 'GET item_400']);
  });

  it('walks every page (by item index) when the pages are no more than the keys, and GETs nothing', async () => {
    const upstream = fakeUpstream({
      count: 250,
      totals: hintOf(250),
      expected: ['LIST 1', 'LIST 101', 'LIST 201'],
    });
    const results = await fetchMany(['item_250', 'item_1', 'item_150'], upstream.source);
    expect(ids(results)).toEqual(['item_250', 'item_1', 'item_150']);
    expect(upstream.calls[0]).toBe('LIST 1');
    expect([...upstream.calls].sort()).toEqual(['LIST 1', 'LIST 101', 'LIST 201']);
  });

  it('stops after the first page when it held every key', async () => {
    const upstream = fakeUpstream({ count: 250, totals: hintOf(250), expected: ['LIST 1'] });
    expect(ids(await fetchMany(['item_1', 'item_2', 'item_3'], upstream.source))).toEqual([
      'item_1',
      'item_2',
      'item_3',
    ]);
    expect(upstream.calls).toEqual(['LIST 1']);
  });

  it('GETs the keys the first page lacked when walking the rest would cost more calls', async () => {
    // 3 keys, 2 of them on the first page: the 4 remaining pages cost more than the 1 GET.
    const upstream = fakeUpstream({ count: 500, expected: ['LIST 1', 'GET item_480'] });
    const results = await fetchMany(['item_5', 'item_480', 'item_6'], upstream.source);
    expect(ids(results)).toEqual(['item_5', 'item_480', 'item_6']);
    expect(upstream.calls).toEqual(['LIST 1', 'GET item_480']);
  });

  it('GETs the keys a full first page without a count did not hold: it cannot price the walk', async () => {
    const upstream = fakeUpstream({ count: 250, reportsTotal: false, expected: ['LIST 1', 'GET item_200'] });
    const results = await fetchMany(['item_1', 'item_200'], upstream.source);
    expect(ids(results)).toEqual(['item_1', 'item_200']);
    expect(upstream.calls).toEqual(['LIST 1', 'GET item_200']);
  });

  describe('for recent-first lists (sessions)', () => {
    it('GETs two keys one by one', async () => {
      const upstream = fakeUpstream({ count: 30, recentFirst: true, expected: ['GET item_1', 'GET item_2'] });
      expect(ids(await fetchMany(['item_1', 'item_2'], upstream.source))).toEqual(['item_1', 'item_2']);
      expect([...upstream.calls].sort()).toEqual(['GET item_1', 'GET item_2']);
    });

    it('tries the first page for three keys even when the list is long, then GETs the rest', async () => {
      const upstream = fakeUpstream({
        count: 5000,
        recentFirst: true,
        totals: hintOf(5000),
        expected: ['LIST 1', 'GET item_4000'],
      });
      const results = await fetchMany(['item_1', 'item_4000', 'item_2'], upstream.source);
      expect(ids(results)).toEqual(['item_1', 'item_4000', 'item_2']);
      expect(upstream.calls).toEqual(['LIST 1', 'GET item_4000']);
    });
  });

  it('answers in the order and length of the keys, fetching a repeated key once', async () => {
    const upstream = fakeUpstream({
      count: 450,
      totals: hintOf(450),
      expected: ['GET item_9', 'GET item_8'],
    });
    const results = await fetchMany(['item_9', 'item_8', 'item_9'], upstream.source);
    expect(ids(results)).toEqual(['item_9', 'item_8', 'item_9']);
    expect(upstream.calls).toHaveLength(2);
  });

  it("answers a failed GET's own error for that key and the other keys' items", async () => {
    const upstream = fakeUpstream({
      count: 450,
      totals: hintOf(450),
      failing: new Set(['item_8']),
      expected: ['GET item_9', 'GET item_8'],
    });
    const results = await fetchMany(['item_9', 'item_8'], upstream.source);
    expect(ids(results)).toEqual(['item_9', 'UnavailableError']);
  });

  it('primes every listed item and remembers the total for the next batch', async () => {
    const totals = new TotalHint();
    const first = fakeUpstream({ count: 450, totals, expected: ['LIST 1', 'GET item_300'] });
    await fetchMany(['item_1', 'item_300'], first.source);
    expect(first.primed).toHaveLength(PAGE_SIZE);
    expect(totals.pages).toBe(5);
    // The next two-key batch knows the list has 5 pages: two GETs, no listing.
    const second = fakeUpstream({ count: 450, totals, expected: ['GET item_1', 'GET item_2'] });
    await fetchMany(['item_1', 'item_2'], second.source);
    expect([...second.calls].sort()).toEqual(['GET item_1', 'GET item_2']);
  });
});

describe('TotalHint', () => {
  it('knows no page count until a total is seen, and keeps the last total when a list sends none', () => {
    const hint = new TotalHint();
    expect(hint.pages).toBeUndefined();
    hint.remember(201);
    expect(hint.pages).toBe(3);
    hint.remember(null);
    expect(hint.pages).toBe(3);
    hint.remember(0);
    expect(hint.pages).toBe(1);
  });
});
