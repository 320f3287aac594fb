/**
 * Cursor paging over Zoho's index/count lists: cursors, the page request they become, and what a page proves
 * about the list's end when Zoho sends no count.
 */
import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import {
  connectionResolvers,
  encodeCursor,
  listTotal,
  pageRequest,
  toPage,
} from '../../src/graph/pagination.js';

function inputErrorOf(run: () => unknown): { code: unknown; field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, field: error.extensions.field, message: error.message };
  }
  throw new Error('expected a BAD_USER_INPUT error, but nothing was thrown');
}

describe('pageRequest', () => {
  it('asks for 20 items from the start when neither first nor after is given', () => {
    expect(pageRequest(undefined, undefined)).toEqual({ index: 1, count: 20 });
    expect(pageRequest(null, null)).toEqual({ index: 1, count: 20 });
  });

  it("starts right after the cursor's item: a cursor round-trips to the next upstream index", () => {
    expect(pageRequest(5, encodeCursor(0))).toEqual({ index: 2, count: 5 });
    expect(pageRequest(100, encodeCursor(249))).toEqual({ index: 251, count: 100 });
  });

  it.each([0, -1, 101, 2.5])('refuses first = %p as bad user input on the first argument', (first) => {
    expect(inputErrorOf(() => pageRequest(first, undefined))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['first'],
    });
  });

  it.each([
    ['not base64 of ours', 'bm9wZQ'],
    ['a negative offset', encodeCursor(-1)],
    ['a fractional offset', Buffer.from('o:1.5').toString('base64url')],
    ['a huge offset', Buffer.from('o:1e300').toString('base64url')],
    ['the empty string', ''],
  ])('refuses a cursor that is %s as bad user input, never as an internal error', (_, cursor) => {
    const error = inputErrorOf(() => pageRequest(10, cursor));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
    expect(error.message).toBe('after is not a cursor this graph issued.');
  });

  it('issues opaque cursors: no raw number in the text a client sees', () => {
    const cursor = encodeCursor(42);
    expect(cursor).not.toContain('42');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
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

describe('toPage and the connection resolvers', () => {
  it('has a next page after a full page without a count, and none after a short one', () => {
    expect(toPage(['a', 'b'], { index: 1, count: 2 }, undefined)).toMatchObject({
      offset: 0,
      totalCount: null,
      hasNextPage: true,
    });
    expect(toPage(['a'], { index: 3, count: 2 }, undefined)).toMatchObject({
      offset: 2,
      totalCount: 3,
      hasNextPage: false,
    });
  });

  it('uses the count to tell whether more follow a full page', () => {
    expect(toPage(['a', 'b'], { index: 1, count: 2 }, 2).hasNextPage).toBe(false);
    expect(toPage(['a', 'b'], { index: 1, count: 2 }, 3).hasNextPage).toBe(true);
  });

  it("gives each edge its own position's cursor, and page info the first and last of them", () => {
    const page = toPage(['x', 'y', 'z'], { index: 11, count: 3 }, 30);
    expect(connectionResolvers.edges(page)).toEqual([
      { node: 'x', cursor: encodeCursor(10) },
      { node: 'y', cursor: encodeCursor(11) },
      { node: 'z', cursor: encodeCursor(12) },
    ]);
    expect(connectionResolvers.pageInfo(page)).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeCursor(10),
      endCursor: encodeCursor(12),
    });
    // The end cursor asks for exactly the item after the page.
    expect(pageRequest(3, connectionResolvers.pageInfo(page).endCursor)).toEqual({ index: 14, count: 3 });
  });

  it('has no previous page at the start and no cursors on an empty page', () => {
    const page = toPage([], { index: 1, count: 5 }, undefined);
    expect(connectionResolvers.pageInfo(page)).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
    expect(connectionResolvers.totalCount(page)).toBe(0);
    expect(connectionResolvers.nodes(page)).toEqual([]);
  });
});
