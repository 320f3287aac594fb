/**
 * Cursor paging over Zoho's index/count lists (src/graph/pagination.ts): cursors that name their item, pages
 * that find that item again after the list moved, and what a page proves about the list's end when Zoho sends
 * no count. The list is a plain array behind a fake reader that records every read.
 */
import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import {
  connectionResolvers,
  decodeCursor,
  encodeCursor,
  listTotal,
  MAX_REALIGN_READS,
  pageRequest,
  readPage,
  SCAN_READS,
  SLACK,
  TRAIL,
  type ListShape,
  type ListWindow,
} from '../../src/graph/pagination.js';
import type { Page } from '../../src/graph/mappers.js';

interface Item {
  id: string;
  /** Creation instant: the list is newest first. */
  at: number;
}

const NEWEST_FIRST: ListShape<Item> = { id: (item) => item.id, order: (item) => item.at };
const UNORDERED: ListShape<Item> = { id: (item) => item.id };

/** A newest-first list of `size` items, item `n` created at instant `n` (so `i0` is the oldest, last). */
function newestFirst(size: number): Item[] {
  return Array.from({ length: size }, (_, i) => ({ id: `i${size - 1 - i}`, at: size - 1 - i }));
}

/** A reader over `list` (read at call time, so a test can change the list between pages). */
function reader(list: () => Item[], options: { reportsTotal?: boolean } = {}) {
  const reads: Array<[number, number]> = [];
  const read = (index: number, count: number): Promise<ListWindow<Item>> => {
    reads.push([index, count]);
    const all = list();
    return Promise.resolve({
      items: all.slice(index - 1, index - 1 + count),
      ...(options.reportsTotal ? { reported: all.length } : {}),
    });
  };
  return { read, reads };
}

const ids = (items: readonly Item[]) => items.map((item) => item.id);

function inputErrorOf(run: () => unknown): { code: unknown; field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, field: error.extensions.field, message: error.message };
  }
  throw new Error('expected a BAD_USER_INPUT error, but nothing was thrown');
}

describe('pageRequest and cursors', () => {
  it('asks for 20 items from the start when neither first nor after is given', () => {
    expect(pageRequest(undefined, undefined)).toEqual({ first: 20 });
    expect(pageRequest(null, null)).toEqual({ first: 20 });
  });

  it("round-trips a cursor's position, id and creation instant", () => {
    const cursor = encodeCursor(41, { id: 'i7', at: 1_700_000_000_000 }, NEWEST_FIRST);
    expect(pageRequest(5, cursor)).toEqual({
      first: 5,
      anchor: { position: 41, id: 'i7', before: [], order: 1_700_000_000_000 },
    });
    expect(decodeCursor(encodeCursor(3, { id: 'tech_8', at: 0 }, UNORDERED))).toEqual({
      position: 3,
      id: 'tech_8',
      before: [],
    });
  });

  it(`carries the ids of the ${TRAIL - 1} items before its own, nearest first`, () => {
    const before = newestFirst(10).reverse();
    const cursor = encodeCursor(9, { id: 'x', at: 0 }, UNORDERED, before);
    expect(decodeCursor(cursor)).toEqual({ position: 9, id: 'x', before: ids(before.slice(0, TRAIL - 1)) });
  });

  it.each([0, -1, 101, 2.5])('refuses first = %p as bad user input on the first argument', (first) => {
    expect(inputErrorOf(() => pageRequest(first, undefined))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['first'],
    });
  });

  const raw = (text: string) => Buffer.from(text).toString('base64url');
  it.each([
    ['not base64 of ours', 'bm9wZQ'],
    ['an offset cursor of the old format', raw('o:20')],
    ['not JSON', raw('c[1,')],
    ['a negative position', raw('c[-1,["i1"]]')],
    ['a fractional position', raw('c[1.5,["i1"]]')],
    ['a huge position', raw('c[1e300,["i1"]]')],
    ['an id outside a list', raw('c[1,"i1"]')],
    ['no id', raw('c[1,[]]')],
    ['an empty id', raw('c[1,[""]]')],
    ['too many ids', raw(`c[1,${JSON.stringify(Array.from({ length: TRAIL + 1 }, (_, i) => `i${i}`))}]`)],
    ['an order that is not a number', raw('c[1,["i1"],"soon"]')],
    ['too many fields', raw('c[1,["i1"],2,3]')],
    ['the empty string', ''],
  ])('refuses a cursor that is %s as bad user input, never as an internal error', (_, cursor) => {
    const error = inputErrorOf(() => pageRequest(10, cursor));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
    expect(error.message).toBe('after is not a cursor this graph issued.');
  });

  it('issues opaque cursors: no raw id or number in the text a client sees', () => {
    const cursor = encodeCursor(42, { id: 'i42', at: 42 }, NEWEST_FIRST);
    expect(cursor).not.toContain('42');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('readPage over a list that stands still', () => {
  it('reads the first page with one call of exactly `first` items', async () => {
    const { read, reads } = reader(() => newestFirst(50), { reportsTotal: true });
    const page = await readPage(pageRequest(5, null), NEWEST_FIRST, read);
    expect(ids(page.items)).toEqual(['i49', 'i48', 'i47', 'i46', 'i45']);
    expect(reads).toEqual([[1, 5]]);
    expect(page).toMatchObject({ hasPreviousPage: false, hasNextPage: true, totalCount: 50 });
  });

  it('reads the next page with one call around the cursor, and starts right after its item', async () => {
    const list = newestFirst(100);
    const { read, reads } = reader(() => list, { reportsTotal: true });
    const first = await readPage(pageRequest(20, null), NEWEST_FIRST, read);
    const second = await readPage(pageRequest(20, first.endCursor), NEWEST_FIRST, read);
    expect(ids(second.items)).toEqual(ids(list.slice(20, 40)));
    // The window: SLACK before the cursor's item, the item, SLACK after, and the page.
    expect(reads[1]).toEqual([20 - SLACK, SLACK + 1 + SLACK + 20]);
    expect(second).toMatchObject({ hasPreviousPage: true, hasNextPage: true, totalCount: 100 });
  });

  it('pages through a whole list without a count, each item once, and knows the end from a short read', async () => {
    const list = newestFirst(47);
    const { read } = reader(() => list);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page<Item> = await readPage(pageRequest(10, after), NEWEST_FIRST, read);
      seen.push(...ids(page.items));
      pages++;
      if (!page.hasNextPage) {
        expect(page.totalCount).toBe(47);
        break;
      }
      after = page.endCursor;
    }
    expect(seen).toEqual(ids(list));
    expect(pages).toBe(5);
  });

  it('says nothing about the total after a full first page without a count', async () => {
    const { read } = reader(() => newestFirst(30));
    const page = await readPage(pageRequest(10, null), NEWEST_FIRST, read);
    expect(page).toMatchObject({ totalCount: null, hasNextPage: true });
  });

  it('has no previous page at the start and no cursors on an empty page', async () => {
    const { read } = reader(() => []);
    const page = await readPage(pageRequest(5, null), NEWEST_FIRST, read);
    expect(connectionResolvers.pageInfo(page)).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
    expect(connectionResolvers.totalCount(page)).toBe(0);
    expect(connectionResolvers.nodes(page)).toEqual([]);
  });

  it("gives each edge its own item's cursor, and page info the first and last of them", async () => {
    const list = newestFirst(30);
    const { read } = reader(() => list, { reportsTotal: true });
    const page = await readPage(pageRequest(3, null), NEWEST_FIRST, read);
    const edges = connectionResolvers.edges(page);
    expect(edges.map((edge) => [edge.node.id, decodeCursor(edge.cursor)])).toEqual([
      ['i29', { position: 0, id: 'i29', before: [], order: 29 }],
      ['i28', { position: 1, id: 'i28', before: ['i29'], order: 28 }],
      ['i27', { position: 2, id: 'i27', before: ['i28', 'i29'], order: 27 }],
    ]);
    expect(connectionResolvers.pageInfo(page)).toMatchObject({
      startCursor: edges[0]!.cursor,
      endCursor: edges[2]!.cursor,
    });
  });
});

describe('readPage over a list that moved between two pages', () => {
  it('shows no item twice when items were added at the head of a newest-first list', async () => {
    let list = newestFirst(60);
    const { read, reads } = reader(() => list);
    const first = await readPage(pageRequest(10, null), NEWEST_FIRST, read);
    list = [{ id: 'new2', at: 1000 }, { id: 'new1', at: 999 }, ...list];
    const second = await readPage(pageRequest(10, first.endCursor), NEWEST_FIRST, read);
    expect(ids(second.items)).toEqual(ids(newestFirst(60).slice(10, 20)));
    expect(reads).toHaveLength(2);
  });

  it('skips no item when items before the cursor left the list, and none when the cursor’s own item left', async () => {
    const original = newestFirst(60);
    let list = original;
    const { read, reads } = reader(() => list);
    const first = await readPage(pageRequest(10, null), NEWEST_FIRST, read);
    // Three of page 1 leave (ended, so no longer in a WAITING list), its last item among them.
    list = original.filter((item) => !['i58', 'i55', 'i50'].includes(item.id));
    const second = await readPage(pageRequest(10, first.endCursor), NEWEST_FIRST, read);
    expect(ids(second.items)).toEqual(ids(original.slice(10, 20)));
    expect(reads).toHaveLength(2);
  });

  it('finds its place among sessions created in the same second, after its own item and the one before it left', async () => {
    // Zoho's creation instants are whole seconds: a burst of sessions ties, so the order cannot place the cursor.
    const original = Array.from({ length: 30 }, (_, i) => ({ id: `s${30 - i}`, at: 1000 }));
    let list = original;
    const { read } = reader(() => list);
    const first = await readPage(pageRequest(5, null), NEWEST_FIRST, read);
    list = [{ id: 'new', at: 1000 }, ...original.filter((item) => !['s27', 's26'].includes(item.id))];
    const second = await readPage(pageRequest(5, first.endCursor), NEWEST_FIRST, read);
    expect(ids(second.items)).toEqual(ids(original.slice(5, 10)));
  });

  it('finds its place with one more read when more than SLACK items were added', async () => {
    const original = newestFirst(200);
    let list = original;
    const { read, reads } = reader(() => list);
    const first = await readPage(pageRequest(10, null), NEWEST_FIRST, read);
    const added = Array.from({ length: 3 * SLACK }, (_, i) => ({ id: `new${i}`, at: 10_000 - i }));
    list = [...added, ...original];
    const second = await readPage(pageRequest(10, first.endCursor), NEWEST_FIRST, read);
    expect(ids(second.items)).toEqual(ids(original.slice(10, 20)));
    expect(reads).toHaveLength(3);
  });

  it('finds its place with one more read when more than SLACK items before it left', async () => {
    const original = newestFirst(300);
    let list = original;
    const { read, reads } = reader(() => list);
    const first = await readPage(pageRequest(10, null), NEWEST_FIRST, read);
    const second = await readPage(pageRequest(50, first.endCursor), NEWEST_FIRST, read);
    // Everything of page 2 but its last item (the cursor's) leaves: the cursor's item moves up by 49.
    list = original.filter((item, i) => i < 10 || i >= 59);
    const third = await readPage(pageRequest(10, second.endCursor), NEWEST_FIRST, read);
    expect(ids(third.items)).toEqual(ids(original.slice(60, 70)));
    expect(reads).toHaveLength(4);
  });

  it('reads a page of 100 after a cursor in one call of 100, still dropping what was added before it', async () => {
    const original = newestFirst(300);
    let list = original;
    const { read, reads } = reader(() => list, { reportsTotal: true });
    const first = await readPage(pageRequest(100, null), NEWEST_FIRST, read);
    list = [{ id: 'new', at: 10_000 }, ...original];
    const second = await readPage(pageRequest(100, first.endCursor), NEWEST_FIRST, read);
    expect(reads).toEqual([
      [1, 100],
      [101, 100],
    ]);
    // The added session pushed the cursor's item into the window: it is dropped, the page is one short.
    expect(ids(second.items)).toEqual(ids(original.slice(100, 199)));
    expect(second.hasNextPage).toBe(true);
  });

  it(`makes at most ${MAX_REALIGN_READS} extra reads however far the list moved`, async () => {
    const original = newestFirst(50);
    let list = original;
    const { read, reads } = reader(() => list);
    const first = await readPage(pageRequest(10, null), NEWEST_FIRST, read);
    list = [...Array.from({ length: 1000 }, (_, i) => ({ id: `new${i}`, at: 100_000 - i })), ...original];
    await readPage(pageRequest(10, first.endCursor), NEWEST_FIRST, read);
    expect(reads.length - 1).toBe(1 + MAX_REALIGN_READS);
  });

  it('finds an unordered list’s item by id after items before it left', async () => {
    const original = newestFirst(40).reverse();
    let list = original;
    const { read } = reader(() => list);
    const first = await readPage(pageRequest(10, null), UNORDERED, read);
    list = original.filter((item) => item.id !== 'i2' && item.id !== 'i4');
    const second = await readPage(pageRequest(10, first.endCursor), UNORDERED, read);
    expect(ids(second.items)).toEqual(ids(original.slice(10, 20)));
  });
});

describe('readPage with a filter Zoho cannot apply', () => {
  const even = { keep: (item: Item) => item.at % 2 === 0 };

  it('reads whole list pages and keeps the matches, one read when the first holds enough', async () => {
    const { read, reads } = reader(() => newestFirst(500));
    const page = await readPage(pageRequest(5, null), NEWEST_FIRST, read, even);
    expect(ids(page.items)).toEqual(['i498', 'i496', 'i494', 'i492', 'i490']);
    expect(reads).toEqual([[1, 100]]);
    expect(page).toMatchObject({ hasNextPage: true, totalCount: null, endCursor: page.cursors[4] });
  });

  it(`stops after ${SCAN_READS} reads with a short page whose end cursor reads on`, async () => {
    const list = newestFirst(1000);
    const rare = { keep: (item: Item) => item.at === 100 || item.at === 150 };
    const { read, reads } = reader(() => list);
    const first = await readPage(pageRequest(5, null), NEWEST_FIRST, read, rare);
    expect(first.items).toEqual([]);
    expect(reads).toHaveLength(SCAN_READS);
    expect(first.hasNextPage).toBe(true);
    // The end cursor is the last item read, so nothing read is read again as new.
    expect(decodeCursor(first.endCursor!)).toMatchObject({ position: 299, id: 'i700' });
    let after = first.endCursor;
    const found: string[] = [];
    for (let i = 0; i < 5 && after; i++) {
      const page = await readPage(pageRequest(5, after), NEWEST_FIRST, read, rare);
      found.push(...ids(page.items));
      after = page.hasNextPage ? page.endCursor : null;
    }
    expect(found).toEqual(['i150', 'i100']);
  });

  it('ends at the first item past which nothing can match, and then knows the count', async () => {
    const { read, reads } = reader(() => newestFirst(500));
    const recent = { keep: () => true, done: (item: Item) => item.at < 497 };
    const page = await readPage(pageRequest(10, null), NEWEST_FIRST, read, recent);
    expect(ids(page.items)).toEqual(['i499', 'i498', 'i497']);
    expect(reads).toHaveLength(1);
    expect(page).toMatchObject({ hasNextPage: false, totalCount: 3 });
  });

  it('says a full page is the last when what it read shows no further match', async () => {
    const { read } = reader(() => newestFirst(50));
    const page = await readPage(pageRequest(2, null), NEWEST_FIRST, read, { keep: (item) => item.at >= 48 });
    expect(ids(page.items)).toEqual(['i49', 'i48']);
    expect(page).toMatchObject({ hasNextPage: false, totalCount: 2 });
  });
});

describe('listTotal', () => {
  it("trusts Zoho's count whenever it sends one", () => {
    expect(listTotal(0, 20, 20, 57)).toBe(57);
    expect(listTotal(100, 0, 20, 57)).toBe(57);
  });

  it('takes a short page as the last one', () => {
    expect(listTotal(40, 7, 20, undefined)).toBe(47);
    expect(listTotal(0, 0, 20, undefined)).toBe(0);
  });

  it('knows nothing from a full page, or an empty page past the start', () => {
    expect(listTotal(0, 20, 20, undefined)).toBeNull();
    expect(listTotal(60, 0, 20, undefined)).toBeNull();
  });
});
