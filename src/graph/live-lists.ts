/**
 * The live graph's list query: a page of computers from Zoho's `GET /devices`, read as the seed's lists are
 * (src/graph/pagination.ts), its answers priming the request's loaders. Zoho filters devices by name and group;
 * it has no status filter, and the live graph's ComputerFilter has none.
 */
import type { ComputerFilter } from '../__generated__/live-resolvers-types.js';
import type { LiveContext } from './context.js';
import { badUserInput } from './errors.js';
import type { PageArgs } from './lists.js';
import type { Page } from './mappers.js';
import { pageRequest, readPage, type ListShape } from './pagination.js';
import type { ZohoComputer } from '../../contract/types.js';

const COMPUTERS: ListShape<ZohoComputer> = { id: (computer) => computer.computerId };

export async function liveComputersPage(
  ctx: LiveContext,
  args: PageArgs<ComputerFilter>,
): Promise<Page<ZohoComputer>> {
  const request = pageRequest(args.first, args.after);
  const filter = args.filter ?? {};
  // Zoho's group ids are numbers (`group_ids` is digits and commas): anything else names no group.
  if (filter.groupId != null && !/^\d{1,19}$/.test(filter.groupId))
    throw badUserInput('groupId is not a Zoho group id.', ['filter', 'groupId']);
  const query = {
    ...(filter.name == null ? {} : { name: filter.name }),
    ...(filter.groupId == null ? {} : { groupId: filter.groupId }),
  };
  return readPage(request, COMPUTERS, async (index, count) => {
    const page = await ctx.api.listComputers({ ...query, index, count });
    ctx.loaders.primeComputers(page.computers);
    return { items: page.computers, reported: page.total_count };
  });
}
