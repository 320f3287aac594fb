/**
 * Apollo Router's HTTP callback protocol, by Apollo's own plugin (`check`, `next`, `complete` and heartbeats
 * POSTed to the router's callback URL), behind one guard: the callback URL is the caller's to name, so this
 * subgraph would POST wherever a request told it to. Only the configured origins
 * (SUBSCRIPTION_CALLBACK_ORIGINS: the router's) are served; any other callback URL, and any subscription over
 * HTTP without one, is refused before the plugin sends anything.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginSubscriptionCallback } from '@apollo/server/plugin/subscriptionCallback';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { Logger } from 'pino';

function refusal(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

/** The callback URL's origin when it is one of `origins`; undefined otherwise. */
function allowedCallback(extension: unknown, origins: ReadonlySet<string>): string | undefined {
  if (typeof extension !== 'object' || extension === null) return undefined;
  const { callbackUrl, callback_url } = extension as { callbackUrl?: unknown; callback_url?: unknown };
  const url = callbackUrl ?? callback_url;
  if (typeof url !== 'string' || !URL.canParse(url)) return undefined;
  return origins.has(new URL(url).origin) ? url : undefined;
}

export function subscriptionCallbackPlugin<C extends BaseContext>(options: {
  origins: readonly string[];
  logger: Logger;
}): ApolloServerPlugin<C> {
  const origins = new Set(options.origins);
  const apollo = ApolloServerPluginSubscriptionCallback({ logger: options.logger }) as ApolloServerPlugin<C>;
  return {
    ...apollo,
    async requestDidStart(context) {
      const extension: unknown = context.request.extensions?.subscription;
      if (extension !== undefined && allowedCallback(extension, origins) !== undefined)
        return apollo.requestDidStart?.(context);
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return;
          throw refusal(
            extension === undefined
              ? 'Subscribe over graphql-ws on this path, or through a router with the HTTP callback protocol.'
              : 'This callback URL is not one this subgraph delivers to (SUBSCRIPTION_CALLBACK_ORIGINS).',
          );
        },
      };
    },
  };
}
