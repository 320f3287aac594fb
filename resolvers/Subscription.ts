import type { SubscriptionResolvers } from '../src/__generated__/resolvers-types.js';
import { changesOf } from '../src/graph/subscriptions.js';

/** Changes re-read once for all subscribers (src/subscriptions/feed.ts); the field only adopts them. */
export const Subscription: SubscriptionResolvers = {
  computerUpdated: changesOf('computer'),
  sessionUpdated: changesOf('session'),
};
