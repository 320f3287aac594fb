import type { SubscriptionResolvers } from '../../src/__generated__/live-resolvers-types.js';
import { changesOf } from '../../src/graph/subscriptions.js';

/** Computers only: Zoho's published API has no session lookup to re-read a changed session with. */
export const Subscription: SubscriptionResolvers = {
  computerUpdated: changesOf('computer'),
};
