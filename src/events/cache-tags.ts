/**
 * The cache tags of each answer, for Apollo Router's response cache: `apolloCacheTags` (root fields, one list)
 * and `apolloEntityCacheTags` (one list per `_entities` item, in order), the response extensions the router
 * indexes exactly as it indexes `@cacheTag` (docs/events.md). The tags are those of src/events/changes.ts, which
 * invalidation sends: `customer-42` for an entity, `customers` for every answer that lists customers.
 *
 * Why extensions and not `@cacheTag` in the schema: Federation defines `@cacheTag` from v2.12, the schema links
 * v2.9 so that the Guild's composer accepts it (docs/changelog.md), and `Technician` and `Customer` have two keys
 * (`id`, `email`), so a tag written on the type could only name the key the router happened to use. Here every
 * tag comes from the object the resolver loaded, whichever key found it. Installed only when the router is told
 * of changes (ROUTER_INVALIDATION_URL): the field hook costs CPU on every query, which nothing else needs.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getNamedType, OperationTypeNode, type GraphQLResolveInfo } from 'graphql';
import { tagOf } from './changes.js';

type Entity = Parameters<typeof tagOf>[0];

/** The entity types tags name, and the upstream field that holds each one's id (the live graph's parents too). */
const ENTITIES: Readonly<Record<string, { entity: Entity; idField: string }>> = {
  Session: { entity: 'session', idField: 'sessionId' },
  Computer: { entity: 'computer', idField: 'computerId' },
  Customer: { entity: 'customer', idField: 'customerId' },
  Technician: { entity: 'technician', idField: 'technicianId' },
};

/** A root field's list tag: `sessions(...)` answers a SessionConnection, `session(id)` a Session. */
function listTagOf(info: GraphQLResolveInfo): string | undefined {
  const name = getNamedType(info.returnType).name.replace(/Connection$/, '');
  const entity = ENTITIES[name];
  return entity && `${entity.entity}s`;
}

/** An entity's own tag and its list's, from the object the resolver loaded. */
function entityTagsOf(info: GraphQLResolveInfo, source: unknown): [string, string] | undefined {
  const entity = ENTITIES[info.parentType.name];
  if (!entity || typeof source !== 'object' || source === null) return undefined;
  const fields = source as Record<string, unknown>;
  const id = fields[entity.idField] ?? fields.id;
  return typeof id === 'string' || typeof id === 'number'
    ? [tagOf(entity.entity, String(id)), `${entity.entity}s`]
    : undefined;
}

export function cacheTagsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const root = new Set<string>();
      const entities: Array<Set<string>> = [];
      let isQuery = false;
      return {
        async executionDidStart({ operation }) {
          isQuery = operation.operation === OperationTypeNode.QUERY;
          if (!isQuery) return;
          return {
            willResolveField({ source, info }) {
              let path = info.path;
              let below: typeof path | undefined;
              while (path.prev) [below, path] = [path, path.prev];
              if (path.key === '_entities') {
                // `_entities.<index>.<field>`: the field's source is the entity the resolver loaded.
                const index = below?.key;
                const tags = entityTagsOf(info, source);
                if (typeof index === 'number' && tags)
                  for (const tag of tags) (entities[index] ??= new Set()).add(tag);
                return;
              }
              if (typeof path.key === 'string' && path.key.startsWith('_')) return;
              if (info.path.prev === undefined) {
                const list = listTagOf(info);
                if (list) root.add(list);
                return;
              }
              const tags = entityTagsOf(info, source);
              if (tags) root.add(tags[0]);
            },
          };
        },
        async willSendResponse({ response }) {
          if (!isQuery || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const extensions: Record<string, unknown> = {};
          if (root.size > 0) extensions.apolloCacheTags = [...root];
          if (entities.length > 0) {
            const items = (result.data?._entities as unknown[] | undefined)?.length ?? entities.length;
            extensions.apolloEntityCacheTags = Array.from({ length: items }, (_, i) => [
              ...(entities[i] ?? []),
            ]);
          }
          if (Object.keys(extensions).length > 0) result.extensions = { ...result.extensions, ...extensions };
        },
      };
    },
  };
}
