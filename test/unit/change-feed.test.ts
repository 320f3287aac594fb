/**
 * The change feed (src/subscriptions/feed.ts) with a bus in memory and contexts whose one loader counts its
 * batches: one tick's events are read in one batch per caller group, whatever the number of subscribers; nothing
 * is read for what nobody watches; a refused group leaves the others their delivery; the poller's state stands in
 * for the read.
 */
import { describe, expect, it } from '@jest/globals';
import DataLoader from 'dataloader';
import pino from 'pino';
import type { ZohoComputer } from '../../contract/types.js';
import { MemoryBroadcast } from '../../src/events/bus.js';
import type { ChangeEvent } from '../../src/events/types.js';
import type { Delivery, GraphContext } from '../../src/graph/context.js';
import { createChangeFeed, type Watcher } from '../../src/subscriptions/feed.js';

const logger = pino({ level: 'silent' });

function computer(id: string, status: 'online' | 'offline' = 'online'): ZohoComputer {
  return { computerId: id, name: id, status, os: 'Linux' };
}

/** A caller group whose contexts share one record of the batches their loaders asked for. */
function group(name: string, batches: string[][], options: { refuse?: boolean } = {}): Watcher {
  return {
    group: name,
    newContext: () => {
      if (options.refuse) return Promise.reject(new Error('token rejected'));
      const computerById = new DataLoader<string, ZohoComputer>((ids) => {
        batches.push([...ids]);
        return Promise.resolve(ids.map((id) => computer(id, 'offline')));
      });
      // Only what the feed reads of a context: the computers' loader.
      return Promise.resolve({ loaders: { computerById } } as unknown as GraphContext);
    },
  };
}

const event = (id: string): ChangeEvent => ({ kind: 'computer', id, type: 'DEVICE_OFFLINE', at: 1 });

async function take(iterator: AsyncIterator<Delivery>, count: number): Promise<Delivery[]> {
  const taken: Delivery[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createChangeFeed', () => {
  it('reads one tick’s events in one batch for 50 subscribers, and gives them all the same state and context', async () => {
    const bus = new MemoryBroadcast<ChangeEvent>();
    const feed = createChangeFeed({ bus, logger });
    const batches: string[][] = [];
    const caller = feed.forCaller(group('org', batches));
    const watchers = Array.from({ length: 50 }, () => caller.watch('computer', 'comp_1'));
    const everyone = caller.watch('computer', undefined);

    await bus.publish(event('comp_1'));
    await bus.publish(event('comp_2'));
    const delivered = await Promise.all(watchers.map((watcher) => take(watcher, 1)));
    const all = await take(everyone, 2);

    expect(batches).toEqual([['comp_1', 'comp_2']]);
    expect(new Set(delivered.map(([delivery]) => delivery?.context)).size).toBe(1);
    expect(delivered.every(([delivery]) => delivery?.value.computerId === 'comp_1')).toBe(true);
    expect(all.map((delivery) => delivery.value.computerId)).toEqual(['comp_1', 'comp_2']);
    feed.close();
  });

  it('reads nothing for an event nobody watches', async () => {
    const bus = new MemoryBroadcast<ChangeEvent>();
    const feed = createChangeFeed({ bus, logger });
    const batches: string[][] = [];
    const watcher = feed.forCaller(group('org', batches)).watch('computer', 'comp_1');

    await bus.publish(event('comp_9'));
    await bus.publish({ kind: 'session', id: 'comp_1', type: 'SESSION_END_RS', at: 1 });
    await tick();
    await tick();

    expect(batches).toEqual([]);
    await watcher.return?.();
    expect(feed.size).toBe(0);
    feed.close();
  });

  it('reads once per caller group, and a refused group leaves the others their delivery', async () => {
    const bus = new MemoryBroadcast<ChangeEvent>();
    const feed = createChangeFeed({ bus, logger });
    const a: string[][] = [];
    const b: string[][] = [];
    const first = feed.forCaller(group('token-a', a)).watch('computer', 'comp_1');
    const second = feed.forCaller(group('token-b', b)).watch('computer', 'comp_1');
    feed.forCaller(group('token-c', [], { refuse: true })).watch('computer', 'comp_1');

    await bus.publish(event('comp_1'));
    const [[one], [two]] = await Promise.all([take(first, 1), take(second, 1)]);

    expect([a, b]).toEqual([[['comp_1']], [['comp_1']]]);
    expect(one?.context).not.toBe(two?.context);
    feed.close();
  });

  it('delivers what the poller primed without reading it again', async () => {
    const bus = new MemoryBroadcast<ChangeEvent>();
    const feed = createChangeFeed({ bus, logger });
    const batches: string[][] = [];
    const watcher = feed.forCaller(group('org', batches)).watch('computer', 'comp_1');

    feed.prime('org', 'computer', 'comp_1', computer('comp_1', 'online'));
    await bus.publish(event('comp_1'));
    const [delivery] = await take(watcher, 1);

    expect(batches).toEqual([]);
    expect(delivery?.value).toEqual(computer('comp_1', 'online'));
    feed.close();
  });

  it('lists what is watched per caller group for the poller', () => {
    const feed = createChangeFeed({ bus: new MemoryBroadcast<ChangeEvent>(), logger });
    const org = feed.forCaller(group('org', []));
    org.watch('computer', 'comp_1');
    org.watch('computer', undefined);
    org.watch('session', 's1');

    const [watched] = feed.watched();

    expect(feed.watched()).toHaveLength(1);
    expect(watched?.kinds.get('computer')).toEqual({ all: true, ids: new Set(['comp_1']) });
    expect(watched?.kinds.get('session')).toEqual({ all: false, ids: new Set(['s1']) });
    feed.close();
  });
});
