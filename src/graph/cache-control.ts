/**
 * `Cache-Control` is Apollo's: its cache-control plugin (on by default) works out the policy from the schema's
 * `@cacheControl` hints for every field that resolves, and @apollo/subgraph restricts `_entities` by each
 * representation's type. What the hints cannot say is whose data an answer is, which depends on how this
 * replica calls Zoho, not on the schema: with one shared credential (service and static modes) every caller gets
 * the same answer, so it is `public`; when each caller's forwarded token decides what Zoho answers, `private`.
 * The hints' `maxAge` applies either way; an uncacheable answer stays `no-store`.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

export type CacheScope = 'PUBLIC' | 'PRIVATE';

/**
 * Sets the scope of the policy Apollo worked out. After execution: Apollo's plugin skips its per-field hints when
 * the policy is already restricted as execution starts, and a header set by a resolver still restricts the result
 * when Apollo's plugin writes it (a `private` one stays private).
 */
export function cacheScopePlugin<TContext extends BaseContext>(
  scope: CacheScope,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ overallCachePolicy }) {
          return {
            async executionDidEnd() {
              overallCachePolicy.replace({ scope });
            },
          };
        },
      };
    },
  };
}
