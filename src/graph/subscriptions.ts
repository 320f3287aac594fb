/**
 * A subscription root field over the caller's change feed. Each change arrives with the context it was read
 * through, shared by every subscriber of the caller's group: the field adopts it, so the selection below resolves
 * through the loaders that already hold the state (and batch what else it needs across all those subscribers).
 */
import { GraphQLError } from 'graphql';
import type { Delivery, GraphContext } from './context.js';

type ValueOf<K extends Delivery['kind']> = Extract<Delivery, { kind: K }>['value'];

export function changesOf<K extends Delivery['kind']>(kind: K) {
  return {
    subscribe: (
      _root: unknown,
      args: { id?: string | null },
      ctx: GraphContext,
    ): AsyncIterableIterator<Delivery> => {
      if (!ctx.feed)
        throw new GraphQLError('Subscriptions are not served here.', { extensions: { code: 'BAD_REQUEST' } });
      return ctx.feed.watch(kind, args.id ?? undefined);
    },
    resolve: (delivery: Delivery, _args: unknown, ctx: GraphContext): ValueOf<K> => {
      const { feed } = ctx;
      // graphql-js runs one change at a time per subscription: the swap cannot meet another change's selection.
      Object.assign(ctx, delivery.context, { feed });
      return delivery.value as ValueOf<K>;
    },
  };
}
