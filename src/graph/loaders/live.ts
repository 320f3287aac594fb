/**
 * The live graph's loaders: the seed's strategy (fetch-many.ts) over what Zoho's published API serves. Only
 * computers are entities there that a batch can look up; Zoho pages devices by 50 at most, so a walk reads pages
 * of 50 (a page of 100 would cost two calls).
 */
import DataLoader from 'dataloader';
import type { ZohoComputer } from '../../../contract/types.js';
import type { LiveZohoApi } from '../../upstream/live-api.js';
import { listTotal } from '../pagination.js';
import { fetchMany, TotalHint } from './fetch-many.js';
import type { LoaderOptions } from './index.js';

/** Zoho's largest device page (getunattendedcomputer.html: count 1 to 50). */
const LIVE_PAGE_SIZE = 50;

export interface LiveLoaders {
  computerById: DataLoader<string, ZohoComputer>;
  primeComputers(computers: readonly ZohoComputer[]): void;
}

/** Totals survive requests: they only price strategies. */
const computerTotal = new TotalHint(LIVE_PAGE_SIZE);

export function createLiveLoaders(api: LiveZohoApi, options: LoaderOptions = {}): LiveLoaders {
  const loaders: LiveLoaders = {
    computerById: new DataLoader<string, ZohoComputer>((keys) => {
      options.onBatch?.('computerById', keys.length);
      return fetchMany(keys, {
        keyOf: (computer) => computer.computerId,
        getOne: (id) => api.getComputer(id),
        listPage: async (index) => {
          const page = await api.listComputers({ index, count: LIVE_PAGE_SIZE });
          return {
            items: page.computers,
            total: listTotal(index - 1, page.computers.length, LIVE_PAGE_SIZE, page.total_count),
          };
        },
        pageSize: LIVE_PAGE_SIZE,
        prime: (computers) => loaders.primeComputers(computers),
        recentFirst: false,
        totals: computerTotal,
      });
    }),
    primeComputers(computers) {
      for (const computer of computers) loaders.computerById.prime(computer.computerId, computer);
    },
  };
  return loaders;
}
