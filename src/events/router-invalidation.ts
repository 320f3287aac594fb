/**
 * Tells Apollo Router's response cache what changed (ROUTER_INVALIDATION_URL, ROUTER_INVALIDATION_KEY): one POST
 * per change, in the router's invalidation format, a `cache_tag` request per tag for our subgraph:
 * `[{"kind":"cache_tag","subgraphs":["zoho-assist"],"cache_tag":"customer-42"}]`, the shared key as the
 * `Authorization` header (the router's `invalidation.shared_key`). Sent by the replica where the change
 * happened, never by every replica that hears of it.
 *
 * Best effort: a router that does not answer within the timeout, or refuses, is logged and counted; its
 * entries still expire with their `max-age`. Nothing waits for it but `close`.
 */
import type { Logger } from 'pino';
import type { Metrics } from '../observability/metrics.js';
import { errorOf } from './bus.js';

const TIMEOUT_MS = 2000;

export interface RouterInvalidation {
  /** Sends the tags now; resolves once the router answered or gave up, never rejects. */
  send(tags: readonly string[]): Promise<void>;
  /** Waits for what was sent. */
  close(): Promise<void>;
}

export function createRouterInvalidation(options: {
  url: string;
  key: string;
  subgraph: string;
  logger: Logger;
  metrics?: Metrics | undefined;
}): RouterInvalidation {
  const pending = new Set<Promise<void>>();
  const count = (outcome: string) => options.metrics?.routerInvalidations.inc({ outcome });

  async function post(tags: readonly string[]): Promise<void> {
    const body = tags.map((tag) => ({ kind: 'cache_tag', subgraphs: [options.subgraph], cache_tag: tag }));
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { authorization: options.key, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) count('sent');
      else {
        count('refused');
        options.logger.warn(
          { status: response.status, tags: tags.length },
          'router refused the invalidation',
        );
      }
    } catch (error) {
      count('failed');
      options.logger.warn({ err: errorOf(error), tags: tags.length }, 'router invalidation failed');
    }
  }

  return {
    send(tags) {
      if (tags.length === 0) return Promise.resolve();
      const sent = post(tags);
      pending.add(sent);
      void sent.finally(() => pending.delete(sent));
      return sent;
    },
    async close() {
      await Promise.all([...pending]);
    },
  };
}
