/**
 * The batch strategy shared by the entity loaders. Zoho has no fetch-by-many-ids endpoint, so a batch of keys
 * costs either one GET per key or a walk over list pages (100 items each). Every call spends the customer's
 * budget, so each batch picks whichever costs fewer calls, using what the list answers say about the total.
 */
import { NotFoundError } from '../../upstream/errors.js';

export const PAGE_SIZE = 100;

export interface ListPage<T> {
  items: readonly T[];
  /** null when Zoho sent no count and the page does not show the list's end (src/graph/pagination.ts listTotal). */
  total: number | null;
}

export interface BatchSource<T> {
  /** The loader key an item answers to (already normalised, e.g. lower-cased e-mail). */
  keyOf(item: T): string;
  /** One item by key; rejects with NotFoundError when there is none. */
  getOne(key: string): Promise<T>;
  /** The page of items from the 1-based item position `index` (Zoho's `index` counts items, not pages). */
  listPage(index: number): Promise<ListPage<T>>;
  /** Items per `listPage`: PAGE_SIZE unless the upstream pages smaller (the live API's devices: 50). */
  pageSize?: number;
  /** Feeds every item a list answered to the other loaders of the request. */
  prime(items: readonly T[]): void;
  /**
   * Lists are newest first; entities looked up in a batch (a dashboard's sessions) are usually recent, so the
   * first page is worth one call even when the whole list is long.
   */
  recentFirst: boolean;
  /** Shared across requests: the last total a list answered, so a batch can price a walk before it starts. */
  totals: TotalHint;
}

/** The last list total seen per resource. Only a count, used to price strategies; never data. */
export class TotalHint {
  #total: number | undefined;
  readonly #pageSize: number;
  constructor(pageSize = PAGE_SIZE) {
    this.#pageSize = pageSize;
  }
  get pages(): number | undefined {
    return this.#total === undefined ? undefined : Math.max(1, Math.ceil(this.#total / this.#pageSize));
  }
  remember(total: number | null): void {
    if (total !== null) this.#total = total;
  }
}

export async function fetchMany<T>(
  keys: readonly string[],
  source: BatchSource<T>,
): Promise<Array<T | Error>> {
  const pageSize = source.pageSize ?? PAGE_SIZE;
  const found = new Map<string, T>();
  let missing = [...new Set(keys)];
  let listedAll = false;

  const collect = (page: ListPage<T>) => {
    source.totals.remember(page.total);
    source.prime(page.items);
    for (const item of page.items) found.set(source.keyOf(item), item);
  };

  if (listIsWorthIt(missing.length, source)) {
    const first = await source.listPage(1);
    collect(first);
    missing = missing.filter((key) => !found.has(key));
    // A full first page without a count cannot price the walk: the keys it did not hold go one by one.
    const rest = first.total === null ? undefined : Math.max(1, Math.ceil(first.total / pageSize)) - 1;
    if (rest === 0) {
      listedAll = true;
    } else if (rest !== undefined && missing.length > 0 && rest <= missing.length) {
      const more = await Promise.all(
        Array.from({ length: rest }, (_, i) => source.listPage(1 + (i + 1) * pageSize)),
      );
      more.forEach(collect);
      listedAll = true;
    }
    missing = missing.filter((key) => !found.has(key));
  }

  const single = new Map<string, T | Error>();
  if (!listedAll && missing.length > 0) {
    await Promise.all(
      missing.map(async (key) => {
        try {
          single.set(key, await source.getOne(key));
        } catch (error) {
          single.set(key, error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
  }

  return keys.map(
    (key) => found.get(key) ?? single.get(key) ?? new NotFoundError(`No such resource: ${key.slice(0, 100)}`),
  );
}

function listIsWorthIt<T>(keyCount: number, source: BatchSource<T>): boolean {
  if (source.recentFirst) return keyCount >= 3;
  if (keyCount < 2) return false;
  const pages = source.totals.pages;
  return pages === undefined || pages <= keyCount;
}
