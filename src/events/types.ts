/**
 * The event bus's vocabulary: what changed, never the new state. Webhooks are unsigned and mutations may race, so
 * whoever needs the state (the read cache, subscriptions, router caches) re-reads it.
 */
export type ResourceKind = 'session' | 'computer';

/** A hint that a resource changed: never trusted data; whoever needs the state re-reads it. */
export interface ChangeEvent {
  kind: ResourceKind;
  id: string;
  /** Zoho's eventType, or 'mutation' / 'poll' */
  type: string;
  at: number;
}

export interface EventBus {
  /** Delivered to every replica's listeners (Redis pub/sub when REDIS_URL is set, in-process otherwise). */
  publish(event: ChangeEvent): Promise<void>;
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  close(): Promise<void>;
}

/**
 * What a change makes stale, on every replica: the read cache's resources (contract/operations.ts names, the live
 * dialect's with `live:`) and the cache tags routers and the response cache hold answers under
 * (`customer-42`, `customers`: docs/events.md).
 */
export interface Invalidation {
  resources: readonly string[];
  tags: readonly string[];
}

/** How a replica's own caches learn what changed anywhere, and how a change is announced. */
export interface Invalidations {
  /**
   * Announces a change: the shared read cache forgets `resources`, every replica's listeners hear of it, and the
   * router (ROUTER_INVALIDATION_URL) is told the tags once. Never rejects.
   */
  invalidate(change: Invalidation): Promise<void>;
  /**
   * Called on every replica (this one included) for every change, mutations and events alike, before the
   * ChangeEvents of the same change are delivered to the bus's listeners.
   */
  onInvalidate(listener: (change: Invalidation) => void): () => void;
}
