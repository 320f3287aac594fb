/**
 * Where no webhook comes (the seed's API, organisations without the Enterprise edition): every
 * LIVE_POLL_INTERVAL_MS, while somebody on this replica is subscribed, read what they watch and publish what
 * really changed on the bus. Per caller group and kind, one poll reads either the first list page (someone
 * watches them all) or the watched ids through the loaders (which pick one GET each or list pages, whichever costs
 * fewer calls), through an ordinary context: the same client, read cache and budget as any request, so its calls
 * show in the budget metrics and are refused when the budget is spent. Nobody subscribed: no call at all.
 *
 * The first poll of a group only learns the state (nothing is emitted); after that, an object that differs from
 * the last one read is a change. What the poll read primes the feed, so its own event costs no second read here.
 */
import type { Logger } from 'pino';
import type { ZohoComputer, ZohoSession } from '../../contract/types.js';
import type { EventBus, ResourceKind } from '../events/types.js';
import type { GraphContext } from '../graph/context.js';
import type { ChangeFeed } from './feed.js';

/** What one poll may read of a list: its first page, the newest first for sessions. */
const LIST_PAGE = 50;

type State = ZohoSession | ZohoComputer;

export function startPoller(options: {
  feed: ChangeFeed;
  bus: EventBus;
  intervalMs: number;
  logger: Logger;
}): { close(): void } {
  const { feed, bus, logger } = options;
  /** Per group and kind: the last state read of each id, as JSON. */
  const last = new Map<string, Map<string, string>>();
  let running = false;

  async function pollOnce(): Promise<void> {
    const groups = feed.watched();
    const watchedKeys = new Set<string>();
    for (const { watcher, kinds } of groups) {
      for (const kind of kinds.keys()) watchedKeys.add(`${watcher.group}\u0000${kind}`);
      let context: GraphContext;
      try {
        context = await watcher.newContext();
      } catch (error) {
        logger.info({ err: error }, 'poll skipped for a caller group');
        continue;
      }
      for (const [kind, watched] of kinds) {
        const key = `${watcher.group}\u0000${kind}`;
        let states: Map<string, State>;
        try {
          states = await read(context, kind, watched);
        } catch (error) {
          logger.warn({ err: error, kind }, 'poll failed');
          continue;
        }
        const before = last.get(key);
        const now = new Map<string, string>();
        for (const [id, state] of states) {
          const json = JSON.stringify(state);
          now.set(id, json);
          const previous = before?.get(id);
          // First sight of an id: its state is learnt, not a change (a list page that grows is a new session).
          if (before === undefined || previous === json || (previous === undefined && !watched.all)) continue;
          feed.prime(watcher.group, kind, id, state);
          await bus.publish({ kind, id, type: 'poll', at: Date.now() });
        }
        // Ids watched before and not read now (off the page, removed) are forgotten; their next sight is learnt.
        last.set(key, now);
      }
    }
    // Nobody watches a group or kind any more: its state is forgotten, so a new subscriber starts afresh.
    for (const key of last.keys()) if (!watchedKeys.has(key)) last.delete(key);
  }

  const timer = setInterval(() => {
    // One poll at a time: a slow Zoho must not stack polls, each spending budget.
    if (running || feed.size === 0) {
      if (feed.size === 0) last.clear();
      return;
    }
    running = true;
    pollOnce()
      .catch((error: unknown) => logger.warn({ err: error }, 'poll failed'))
      .finally(() => (running = false));
  }, options.intervalMs);
  timer.unref();
  return { close: () => clearInterval(timer) };
}

async function read(
  context: GraphContext,
  kind: ResourceKind,
  watched: { all: boolean; ids: ReadonlySet<string> },
): Promise<Map<string, State>> {
  const states = new Map<string, State>();
  if (kind === 'computer') {
    if (watched.all) {
      const page = await context.api.listComputers({ index: 1, count: LIST_PAGE });
      for (const computer of page.computers) states.set(computer.computerId, computer);
      return states;
    }
    const computers = await context.loaders.computerById.loadMany([...watched.ids]);
    for (const computer of computers)
      if (!(computer instanceof Error)) states.set(computer.computerId, computer);
    return states;
  }
  if (!('sessionById' in context.loaders) || !('listSessions' in context.api)) return states;
  if (watched.all) {
    const page = await context.api.listSessions({ index: 1, count: LIST_PAGE });
    for (const session of page.sessions) states.set(session.sessionId, session);
    return states;
  }
  const sessions = await context.loaders.sessionById.loadMany([...watched.ids]);
  for (const session of sessions) if (!(session instanceof Error)) states.set(session.sessionId, session);
  return states;
}
