/**
 * What a page says about its list when Zoho sends no `total_count` (the seed's lists carry none): the paging
 * arithmetic and the loaders' list-or-lookup choice, as pure functions.
 */
import {
  fetchMany,
  PAGE_SIZE,
  TotalHint,
  type BatchSource,
  type ListPage,
} from '../../src/graph/loaders/fetch-many.js';
import { listTotal } from '../../src/graph/pagination.js';
import { NotFoundError } from '../../src/upstream/errors.js';

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `id_${from + i}`);

describe('listTotal', () => {
  it('uses the count Zoho sent, whatever the page shows', () => {
    expect(listTotal(0, 5, 5, 42)).toBe(42);
    expect(listTotal(40, 2, 5, 42)).toBe(42);
  });

  it('counts the total from a page shorter than asked for: it is the last', () => {
    expect(listTotal(0, 1, 20, undefined)).toBe(1);
    expect(listTotal(40, 3, 20, undefined)).toBe(43);
    expect(listTotal(0, 0, 20, undefined)).toBe(0);
  });

  it('says null for a full page, and for an empty page past the start, when Zoho sent no count', () => {
    expect(listTotal(0, 20, 20, undefined)).toBeNull();
    expect(listTotal(60, 0, 20, undefined)).toBeNull();
  });
});

describe('fetchMany over lists without a count', () => {
  interface Item {
    id: string;
  }

  function source(listSize: number, reportsTotal: boolean) {
    const calls: string[] = [];
    const all = ids(0, listSize).map((id) => ({ id }));
    const totals = new TotalHint();
    const batch: BatchSource<Item> = {
      keyOf: (item) => item.id,
      getOne: (key) => {
        calls.push(`get ${key}`);
        const item = all.find((i) => i.id === key);
        return item ? Promise.resolve(item) : Promise.reject(new NotFoundError(key));
      },
      listPage: (index): Promise<ListPage<Item>> => {
        calls.push(`list ${index}`);
        const items = all.slice(index - 1, index - 1 + PAGE_SIZE);
        return Promise.resolve({
          items,
          total: reportsTotal ? all.length : listTotal(index - 1, items.length, PAGE_SIZE, undefined),
        });
      },
      prime: () => undefined,
      recentFirst: true,
      totals,
    };
    return { batch, calls, totals };
  }

  it('takes a short first page as the whole list: missing keys are absent, not looked up', async () => {
    const { batch, calls, totals } = source(30, false);
    const found = await fetchMany(['id_1', 'id_2', 'id_29', 'nobody'], batch);
    expect(found.slice(0, 3)).toEqual([{ id: 'id_1' }, { id: 'id_2' }, { id: 'id_29' }]);
    expect(found[3]).toBeInstanceOf(NotFoundError);
    expect(calls).toEqual(['list 1']);
    expect(totals.pages).toBe(1);
  });

  it('looks up one by one what a full first page without a count did not hold, instead of walking blind', async () => {
    const { batch, calls, totals } = source(250, false);
    const found = await fetchMany(['id_1', 'id_2', 'id_150', 'id_249'], batch);
    expect(found).toEqual([{ id: 'id_1' }, { id: 'id_2' }, { id: 'id_150' }, { id: 'id_249' }]);
    expect(calls.sort()).toEqual(['get id_150', 'get id_249', 'list 1']);
    expect(totals.pages).toBeUndefined();
  });

  it('walks the pages when Zoho sent the count (unchanged)', async () => {
    const { batch, calls } = source(250, true);
    await fetchMany(['id_1', 'id_2', 'id_150', 'id_249'], batch);
    expect(calls.sort()).toEqual(['list 1', 'list 101', 'list 201']);
  });
});
