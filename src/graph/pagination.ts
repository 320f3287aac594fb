/**
 * Cursor paging over Zoho's index/count lists, stable while the list moves between two pages.
 *
 * Zoho pages by position (`index`, `count`), and a list moves under a reader: sessions are newest first, so
 * every session created pushes the others down, and one that leaves a filtered list (ended, no longer WAITING)
 * pulls them up. A cursor that were only a position would show an item twice or skip one. So a cursor names
 * its item: the position it had, its id and the ids of the few items before it (so that when its own item has
 * left the list, the nearest one still in it marks the place), and, in a newest-first list, its creation
 * instant (Zoho's, to the second: sessions created together tie, so the ids come first). The next page reads
 * a window around that position (SLACK items each side, in the same one call of at most 100 items, so less for
 * a page of more than 79), finds the item again by id, or the nearest item before it that is still there, or
 * failing both its creation instant, and starts right after it.
 *
 * A list that moved by more than SLACK items since the cursor was issued costs one more read each way (at most
 * MAX_REALIGN_READS); past that the page starts where the reads say, and in a list with no order (technicians,
 * customers, computers, which grow at the end) at the cursor's position.
 */
import type { Page } from './mappers.js';
import { badUserInput } from './errors.js';
import { PAGE_SIZE } from './loaders/fetch-many.js';

/** Items read on each side of a cursor's position to find its item again in a list that moved. */
export const SLACK = 10;
/** Extra reads a page may make to find its cursor's item in a list that moved by more than SLACK. */
export const MAX_REALIGN_READS = 2;
/** How many ids a cursor carries: its item's and those of the items right before it. */
export const TRAIL = 4;

/** What a cursor says about the item the next page starts after. */
interface Anchor {
  /** 0-based position of the item in the list, when the cursor was issued. */
  readonly position: number;
  readonly id: string;
  /** The ids of the items right before it then, nearest first (at most TRAIL - 1). */
  readonly before: readonly string[];
  /** In a newest-first list, the item's creation instant (ms): later items have smaller ones. */
  readonly order?: number;
}

interface PageRequest {
  readonly first: number;
  readonly anchor?: Anchor;
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const count = first ?? 20;
  if (!Number.isInteger(count) || count < 1 || count > PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${PAGE_SIZE}.`, ['first']);
  }
  return after == null ? { first: count } : { first: count, anchor: decodeCursor(after) };
}

/** How to tell a list's items apart and, for a newest-first list, their order. */
export interface ListShape<T> {
  id(item: T): string;
  /** The item's creation instant (ms), for a list that is newest first; absent for a list with no known order. */
  order?(item: T): number;
}

/** One upstream list answer: the items from a 1-based index, and Zoho's total when it sent one. */
export interface ListWindow<T> {
  readonly items: readonly T[];
  readonly reported?: number | undefined;
}

type ReadList<T> = (index: number, count: number) => Promise<ListWindow<T>>;

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

/** The items read so far, contiguous from `start`, and what the reads said about the list's end. */
class ReadBuffer<T> {
  items: T[] = [];
  start: number;
  total: number | null = null;
  /** Whether a read came back shorter than asked: nothing follows the buffer. */
  reachedEnd = false;
  reads = 0;

  constructor(start: number) {
    this.start = start;
  }

  async append(read: ReadList<T>, count: number): Promise<void> {
    const index = this.start + this.items.length;
    const window = await read(index + 1, count);
    this.reads++;
    this.items.push(...window.items);
    this.learn(index, window, count);
  }

  async prepend(read: ReadList<T>, count: number): Promise<void> {
    const index = Math.max(0, this.start - count);
    const asked = this.start - index;
    const window = await read(index + 1, asked);
    this.reads++;
    this.items.unshift(...window.items.slice(0, asked));
    this.start = index;
    if (window.reported !== undefined) this.total = window.reported;
  }

  learn(index: number, window: ListWindow<T>, count: number): void {
    const total = listTotal(index, window.items.length, count, window.reported);
    if (total !== null) this.total = total;
    if (window.items.length < count) this.reachedEnd = true;
  }
}

type Located = { next: number } | { read: 'earlier' | 'later' };

/** Where, in the buffer, the item after the anchor is; or which way to read to find out. */
function locate<T>(
  items: readonly T[],
  start: number,
  anchor: Anchor,
  shape: ListShape<T>,
  reachedEnd: boolean,
): Located {
  const trail = [anchor.id, ...anchor.before];
  for (const [k, id] of trail.entries()) {
    const at = items.findIndex((item) => shape.id(item) === id);
    if (at === -1) continue;
    // Found the anchor, or the nearest item before it still listed: what follows up to the anchor is the trail.
    const passed = new Set(trail.slice(0, k));
    let next = at + 1;
    while (next < items.length && passed.has(shape.id(items[next]!))) next++;
    return { next };
  }
  if (shape.order && anchor.order !== undefined) {
    const anchorOrder = anchor.order;
    // The anchor left the list (or moved past the buffer): the next item is the first no newer than it.
    const after = items.findIndex((item) => shape.order!(item) <= anchorOrder);
    if (after === -1) return reachedEnd ? { next: items.length } : { read: 'later' };
    // The window was meant to hold the anchor: if it starts past it, items between may have moved up out of it.
    if (after === 0 && start > 0 && start <= anchor.position) return { read: 'earlier' };
    return { next: after };
  }
  // No id match and no order: the cursor's position is the best guess.
  return { next: Math.min(items.length, Math.max(0, anchor.position + 1 - start)) };
}

/**
 * A filter Zoho cannot apply (several statuses, a creation range, a name prefix): the graph keeps the items it
 * matches and reads on through the list, SCAN_READS pages of PAGE_SIZE at most per page it answers.
 */
export interface GraphFilter<T> {
  keep(item: T): boolean;
  /** True for an item past which nothing can match (in a newest-first list, one created before the range). */
  done?(item: T): boolean;
}

/** Upstream reads a page with a graph-side filter may make; the filter fields' `@cost` says the same. */
export const SCAN_READS = 3;

/**
 * One page of a list: `first` items after the request's cursor (from the start without one), read with one call
 * in the usual case (see the header). With a graph-side filter, the page holds the matching items among up to
 * SCAN_READS reads; when those run out first, the page is short (even empty), `hasNextPage` is true and its end
 * cursor is the last item read, so the next page reads on from there.
 */
export async function readPage<T>(
  request: PageRequest,
  shape: ListShape<T>,
  read: ReadList<T>,
  filter?: GraphFilter<T>,
): Promise<Page<T>> {
  const { first, anchor } = request;
  let buffer: ReadBuffer<T>;
  let next = 0;
  if (anchor === undefined) {
    buffer = new ReadBuffer<T>(0);
    await buffer.append(read, filter ? PAGE_SIZE : first);
  } else {
    // The window: up to SLACK items before the anchor, the anchor, the page, up to SLACK after it, in one read
    // of at most PAGE_SIZE; a large page leaves less room around it (first = 100: the page alone, as before).
    // A filtered page reads whole pages from just before the anchor.
    const room = PAGE_SIZE - first;
    const before = Math.min(SLACK + 1, filter ? SLACK + 1 : Math.ceil(room / 2), anchor.position + 1);
    const beyond = Math.min(SLACK, room - before);
    buffer = new ReadBuffer<T>(anchor.position + 1 - before);
    await buffer.append(read, filter ? PAGE_SIZE : before + first + beyond);
    for (;;) {
      const found = locate(buffer.items, buffer.start, anchor, shape, buffer.reachedEnd);
      if ('next' in found) {
        next = found.next;
        break;
      }
      if (buffer.reads > MAX_REALIGN_READS) {
        // The list moved further than the reads allow: start where the last read points.
        next = found.read === 'later' ? buffer.items.length : 0;
        break;
      }
      if (found.read === 'later') await buffer.append(read, PAGE_SIZE);
      else await buffer.prepend(read, PAGE_SIZE);
    }
  }
  const realignReads = buffer.reads - 1;
  const kept: number[] = [];
  let at = next;
  let ended = false;
  for (;;) {
    while (at < buffer.items.length && kept.length < first) {
      const item = buffer.items[at]!;
      if (filter?.done?.(item)) {
        ended = true;
        break;
      }
      if (!filter || filter.keep(item)) kept.push(at);
      at++;
    }
    if (!filter || ended || kept.length >= first || buffer.reachedEnd) break;
    if (buffer.reads - realignReads >= SCAN_READS) break;
    await buffer.append(read, PAGE_SIZE);
  }
  const cursorAt = (index: number) =>
    encodeCursor(
      buffer.start + index,
      buffer.items[index]!,
      shape,
      buffer.items.slice(Math.max(0, index - TRAIL + 1), index).reverse(),
    );
  const items = kept.map((index) => buffer.items[index]!);
  const cursors = kept.map(cursorAt);
  const readAll = buffer.reachedEnd && at === buffer.items.length;
  let hasNextPage: boolean;
  if (!filter) {
    hasNextPage = buffer.total !== null ? buffer.start + at < buffer.total : !readAll;
  } else if (ended || readAll) {
    hasNextPage = false;
  } else if (kept.length >= first) {
    // Full: another match may follow. What is already read says so, or, read to the end, that none does.
    const rest = buffer.items.slice(at);
    const stop = rest.findIndex((item) => filter.done?.(item) ?? false);
    const more = (stop === -1 ? rest : rest.slice(0, stop)).some((item) => filter.keep(item));
    hasNextPage = more || (stop === -1 && !buffer.reachedEnd);
  } else {
    hasNextPage = true;
  }
  // A short filtered page that stopped for its reads ends at the last item read, so the next page reads on.
  const endCursor =
    filter && hasNextPage && kept.length < first && at > next ? cursorAt(at - 1) : (cursors.at(-1) ?? null);
  return {
    items,
    cursors,
    endCursor,
    hasPreviousPage: anchor !== undefined,
    hasNextPage,
    // A count the reads proved: Zoho's, or one from the list's end read within this page; for a graph-side
    // filter, only a first page that found every match.
    totalCount: filter ? (anchor === undefined && !hasNextPage ? items.length : null) : buffer.total,
  };
}

const PREFIX = 'c';

/** `before`: the items right before `item` in the list, nearest first (TRAIL - 1 of them are kept). */
export function encodeCursor<T>(
  position: number,
  item: T,
  shape: ListShape<T>,
  before: readonly T[] = [],
): string {
  const ids = [item, ...before.slice(0, TRAIL - 1)].map((each) => shape.id(each));
  const fields: Array<number | string[]> = [position, ids];
  if (shape.order) fields.push(shape.order(item));
  return Buffer.from(PREFIX + JSON.stringify(fields)).toString('base64url');
}

export function decodeCursor(cursor: string): Anchor {
  const invalid = () => badUserInput('after is not a cursor this graph issued.', ['after']);
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!text.startsWith(PREFIX)) throw invalid();
  let fields: unknown;
  try {
    fields = JSON.parse(text.slice(PREFIX.length));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(fields) || fields.length < 2 || fields.length > 3) throw invalid();
  const [position, ids, order] = fields as unknown[];
  if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0) throw invalid();
  const isId = (id: unknown): id is string => typeof id === 'string' && id.length > 0 && id.length <= 256;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > TRAIL || !ids.every(isId)) throw invalid();
  if (order !== undefined && (typeof order !== 'number' || !Number.isFinite(order))) throw invalid();
  const [id, ...before] = ids;
  return order === undefined ? { position, id: id!, before } : { position, id: id!, before, order };
}

/** The resolvers of every XConnection type: the same shape over any item type. */
export const connectionResolvers = {
  nodes: <T>(page: Page<T>) => page.items,
  edges: <T>(page: Page<T>) => page.items.map((node, i) => ({ node, cursor: page.cursors[i]! })),
  pageInfo: <T>(page: Page<T>) => ({
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: page.cursors[0] ?? null,
    endCursor: page.endCursor,
  }),
  totalCount: <T>(page: Page<T>) => page.totalCount,
};
