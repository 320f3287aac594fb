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

export function toPage<T>(items: T[], request: PageRequest, totalCount: number): Page<T> {
  return { items, offset: request.index - 1, totalCount };
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
    hasNextPage: page.offset + page.items.length < page.totalCount,
    endCursor: page.items.length > 0 ? encodeCursor(page.offset + page.items.length - 1) : null,
  }),
  totalCount: <T>(page: Page<T>) => page.totalCount,
};
