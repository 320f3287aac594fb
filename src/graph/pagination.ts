/**
 * Cursor paging over Zoho's index/count lists. A cursor is the opaque form of an item's 0-based position, so
 * `first`/`after` pass straight through to the upstream's `index` (1-based) and `count`.
 */
import type { Edge, Page } from './mappers.js';
import { badUserInput } from './errors.js';
import { PAGE_SIZE } from './loaders/fetch-many.js';

export interface PageRequest {
  /** 1-based upstream index of the first item. */
  index: number;
  count: number;
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const count = first ?? 20;
  if (!Number.isInteger(count) || count < 1 || count > PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${PAGE_SIZE}.`, ['first']);
  }
  const offset = after == null ? 0 : decodeCursor(after) + 1;
  return { index: offset + 1, count };
}

/**
 * How many items the whole list holds: Zoho's `total_count` when it sent one (the seed's list answers carry
 * none), else what the page proves: a page shorter than asked for is the last one. null when neither tells (a
 * full page, or an empty one past the start).
 */
export function listTotal(
  offset: number,
  itemCount: number,
  requested: number,
  reported: number | undefined,
): number | null {
  if (reported !== undefined) return reported;
  const isLast = itemCount < requested && (itemCount > 0 || offset === 0);
  return isLast ? offset + itemCount : null;
}

export function toPage<T>(items: T[], request: PageRequest, reported: number | undefined): Page<T> {
  const offset = request.index - 1;
  const totalCount = listTotal(offset, items.length, request.count, reported);
  // Without a total only a short page shows the end; a full one may be followed by more.
  const hasNextPage =
    totalCount === null ? items.length >= request.count : offset + items.length < totalCount;
  return { items, offset, totalCount, hasNextPage };
}

const PREFIX = 'o:';

export function encodeCursor(offset: number): string {
  return Buffer.from(PREFIX + offset).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const offset = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isSafeInteger(offset) || offset < 0) {
    throw badUserInput('after is not a cursor this graph issued.', ['after']);
  }
  return offset;
}

/** The resolvers of every XConnection and XEdge type: the same shape over any item type. */
export const connectionResolvers = {
  nodes: <T>(page: Page<T>) => page.items,
  edges: <T>(page: Page<T>): Array<Edge<T>> =>
    page.items.map((node, i) => ({ node, cursor: encodeCursor(page.offset + i) })),
  pageInfo: <T>(page: Page<T>) => ({
    hasNextPage: page.hasNextPage,
    // Only a page that starts after a cursor has one before it; the first page starts at 0.
    hasPreviousPage: page.offset > 0,
    startCursor: page.items.length > 0 ? encodeCursor(page.offset) : null,
    endCursor: page.items.length > 0 ? encodeCursor(page.offset + page.items.length - 1) : null,
  }),
  totalCount: <T>(page: Page<T>) => page.totalCount,
};
