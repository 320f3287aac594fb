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
