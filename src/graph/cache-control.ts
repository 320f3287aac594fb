/**
 * The `Cache-Control` header of every answer, from the schema's `@cacheControl` hints, worked out once per
 * operation document instead of once per resolved field.
 *
 * Apollo's own cache-control plugin hooks every field resolution to do this: on a 50-session page that was about
 * 12 % of our CPU per operation (docs/performance.md). The rules here are Apollo's (a field takes its return type's
 * hint, its own hint replaces that, composite and root fields without a maxAge get 0 unless they inherit, the
 * answer gets the shortest maxAge and the narrowest scope), applied to every field the operation selects rather
 * than every field that resolved. The two differ only where a branch resolves to null or an empty list and its
 * fields never run: Apollo leaves those out, this counts them. The header can therefore be stricter than
 * Apollo's, never looser. `_entities` is the one field whose hint depends on the request: each representation's
 * type hint restricts it, as @apollo/subgraph's resolver does under Apollo's plugin.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { coercedVariables } from './coerced-variables.js';

/** Apollo's hint shape (what `@cacheControl` says and `overallCachePolicy.restrict` takes). */
interface CacheHint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

type CachePolicy = GraphQLRequestContext<object>['overallCachePolicy'];

interface Annotation extends CacheHint {
  inheritMaxAge?: boolean;
}

/** What an operation's document says, before its variables are known. */
interface DocumentPolicy {
  hint: CacheHint;
  /** `_entities` selections: their representations' types restrict the hint per request. */
  entities: FieldNode[];
}

const NO_STORE = 'no-store';
const CACHEABLE_HEADER = /^max-age=(\d+), (public|private)$/;

function annotationFromDirectives(
  directives: readonly ConstDirectiveNode[] | undefined,
): Annotation | undefined {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  if (!directive?.arguments) return undefined;
  const argument = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
  const scopeValue = argument('scope');
  const scopeName = scopeValue?.kind === Kind.ENUM ? scopeValue.value : undefined;
  const scope = scopeName === 'PUBLIC' || scopeName === 'PRIVATE' ? scopeName : undefined;
  const inherit = argument('inheritMaxAge');
  if (inherit?.kind === Kind.BOOLEAN && inherit.value)
    return scope ? { inheritMaxAge: true, scope } : { inheritMaxAge: true };
  const maxAge = argument('maxAge');
  return {
    ...(maxAge?.kind === Kind.INT ? { maxAge: parseInt(maxAge.value, 10) } : {}),
    ...(scope ? { scope } : {}),
  };
}

function restrict(target: CacheHint, hint: CacheHint): void {
  if (hint.maxAge !== undefined && (target.maxAge === undefined || hint.maxAge < target.maxAge))
    target.maxAge = hint.maxAge;
  if (hint.scope === 'PRIVATE') target.scope = 'PRIVATE';
  else if (hint.scope !== undefined && target.scope === undefined) target.scope = hint.scope;
}

export class StaticCachePolicy {
  readonly #schema: GraphQLSchema;
  readonly #typeAnnotations = new Map<GraphQLNamedType, Annotation>();
  readonly #fieldAnnotations = new Map<GraphQLField<unknown, unknown>, Annotation>();
  /** Apollo keeps parsed documents in its document store, so the same operation node comes back every time. */
  readonly #byOperation = new WeakMap<OperationDefinitionNode, DocumentPolicy>();

  constructor(schema: GraphQLSchema) {
    this.#schema = schema;
  }

  typeAnnotation(type: GraphQLNamedType): Annotation {
    let annotation = this.#typeAnnotations.get(type);
    if (!annotation) {
      annotation =
        [type.astNode, ...type.extensionASTNodes]
          .map((node) => annotationFromDirectives(node?.directives))
          .find((found) => found !== undefined) ?? {};
      this.#typeAnnotations.set(type, annotation);
    }
    return annotation;
  }

  #fieldAnnotation(field: GraphQLField<unknown, unknown>): Annotation {
    let annotation = this.#fieldAnnotations.get(field);
    if (!annotation) {
      annotation = annotationFromDirectives(field.astNode?.directives) ?? {};
      this.#fieldAnnotations.set(field, annotation);
    }
    return annotation;
  }

  /** The hint of the whole answer: the document's, restricted by the request's `_entities` representations. */
  hintFor(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Readonly<Record<string, unknown>>,
  ): CacheHint {
    let policy = this.#byOperation.get(operation);
    if (!policy) {
      policy = this.#analyse(document, operation);
      this.#byOperation.set(operation, policy);
    }
    if (policy.entities.length === 0) return policy.hint;
    const hint = { ...policy.hint };
    for (const node of policy.entities) restrict(hint, this.#entitiesHint(node, variables));
    return hint;
  }

  #analyse(document: DocumentNode, operation: OperationDefinitionNode): DocumentPolicy {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const root = this.#schema.getRootType(operation.operation);
    const policy: DocumentPolicy = { hint: {}, entities: [] };
    if (!root) return policy;

    // Restricting a hint is idempotent, so a selection set already visited on the same type adds nothing the
    // second time: each is walked once per type however often it is spread, and a fragment that spreads the next
    // one twice over twenty levels costs twenty visits, not a million (issue 24). Also stops a cycle.
    const visited = new Map<SelectionSetNode, Set<string>>();
    const visit = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, isRoot: boolean) => {
      const key = isRoot ? `${parent.name}\u0000root` : parent.name;
      let types = visited.get(selectionSet);
      if (!types) visited.set(selectionSet, (types = new Set()));
      if (types.has(key)) return;
      types.add(key);
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition
            ? this.#schema.getType(selection.typeCondition.name.value)
            : parent;
          if (type && isCompositeType(type)) visit(selection.selectionSet, type, isRoot);
        } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = fragments.get(selection.name.value);
          if (!fragment) continue;
          const type = this.#schema.getType(fragment.typeCondition.name.value);
          if (type && isCompositeType(type)) visit(fragment.selectionSet, type, isRoot);
        } else {
          // Meta fields (__typename, introspection) carry no hint: Apollo's plugin never sees them either.
          if (selection.name.value.startsWith('__')) continue;
          if (isRoot && selection.name.value === '_entities') policy.entities.push(selection);
          for (const field of this.#definitions(parent, selection.name.value)) {
            restrict(
              policy.hint,
              this.#fieldHint(field, isRoot && selection.name.value === '_entities', isRoot),
            );
            const target = getNamedType(field.type);
            if (selection.selectionSet && isCompositeType(target))
              visit(selection.selectionSet, target, false);
          }
        }
      }
    };
    visit(operation.selectionSet, root, true);
    return policy;
  }

  /** A field selected on an interface may resolve on any implementation: every candidate counts. */
  #definitions(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown>[] {
    if (isObjectType(parent)) {
      const field = parent.getFields()[name];
      return field ? [field] : [];
    }
    if (!isInterfaceType(parent)) return [];
    const fields = [parent.getFields()[name]];
    for (const type of this.#schema.getPossibleTypes(parent)) fields.push(type.getFields()[name]);
    return fields.filter((field) => field !== undefined);
  }

  /** Apollo's per-field rule, decided from the definition alone. */
  #fieldHint(field: GraphQLField<unknown, unknown>, isEntities: boolean, isRoot: boolean): CacheHint {
    const hint: CacheHint = {};
    let inheritMaxAge = false;
    const target = getNamedType(field.type);
    const composite = isCompositeType(target);
    if (composite) {
      const typeAnnotation = this.typeAnnotation(target);
      if (typeAnnotation.maxAge !== undefined) hint.maxAge = typeAnnotation.maxAge;
      if (typeAnnotation.scope !== undefined) hint.scope = typeAnnotation.scope;
      inheritMaxAge = typeAnnotation.inheritMaxAge === true;
    }
    const fieldAnnotation = this.#fieldAnnotation(field);
    if (fieldAnnotation.inheritMaxAge && hint.maxAge === undefined) {
      inheritMaxAge = true;
      if (fieldAnnotation.scope) hint.scope = fieldAnnotation.scope;
    } else {
      if (fieldAnnotation.maxAge !== undefined) hint.maxAge = fieldAnnotation.maxAge;
      if (fieldAnnotation.scope !== undefined) hint.scope = fieldAnnotation.scope;
    }
    // `_entities` takes its maxAge from the representations (hintFor); with none it ends at the default.
    if (hint.maxAge === undefined && !isEntities && ((composite && !inheritMaxAge) || isRoot))
      hint.maxAge = 0;
    return hint;
  }

  #entitiesHint(node: FieldNode, variables: Readonly<Record<string, unknown>>): CacheHint {
    const field = this.#schema.getQueryType()?.getFields()['_entities'];
    if (!field) return { maxAge: 0 };
    let representations: unknown;
    try {
      representations = getArgumentValues(field, node, variables)['representations'];
    } catch {
      return { maxAge: 0 }; // execution rejects the same arguments, and an answer with errors is never cached
    }
    const hint: CacheHint = {};
    const typenames = new Set<unknown>();
    if (Array.isArray(representations))
      for (const representation of representations)
        typenames.add((representation as { __typename?: unknown } | null)?.__typename);
    for (const typename of typenames) {
      const type = typeof typename === 'string' ? this.#schema.getType(typename) : undefined;
      if (!type || !isCompositeType(type)) return { maxAge: 0 };
      restrict(hint, this.typeAnnotation(type));
    }
    if (hint.maxAge === undefined) hint.maxAge = 0;
    return hint;
  }
}

export interface CachePolicyOptions {
  /**
   * Who may share a cacheable answer, decided by whose data it is rather than by the SDL's `scope` hints:
   * `PUBLIC` when every caller sees the same data (service and static auth modes, one Zoho credential), `PRIVATE`
   * when each caller's own token decides what Zoho answers (forwarded mode). Without it, the hints decide, as in
   * Apollo's plugin. The hints' `maxAge` applies either way.
   */
  scope?: 'PUBLIC' | 'PRIVATE';
}

/**
 * Sets `Cache-Control` on every answer: `max-age=N, public|private` when the operation is cacheable and the answer
 * has no errors, `no-store` otherwise. A header a resolver or plugin set earlier is respected as Apollo does
 * (its hint restricts ours, a `private` one stays private; `no-store` or a header we cannot read stands as it is).
 */
export function cachePolicyPlugin<TContext extends object>(
  schema: GraphQLSchema,
  options: CachePolicyOptions = {},
): ApolloServerPlugin<TContext> {
  const policies = new StaticCachePolicy(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, overallCachePolicy }) {
          if (!operation) return;
          const variables = coercedVariables(schema, operation, request.variables ?? {});
          overallCachePolicy.restrict(policies.hintFor(document, operation, variables));
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const existing = response.http.headers.get('cache-control');
          if (existing !== undefined && existing !== NO_STORE && !CACHEABLE_HEADER.test(existing)) return;
          const cacheable = existing === NO_STORE ? null : cacheableWith(overallCachePolicy, existing);
          const clean = response.body.kind === 'single' && !response.body.singleResult.errors;
          const scope =
            options.scope === undefined || existing?.endsWith('private') ? cacheable?.scope : options.scope;
          response.http.headers.set(
            'cache-control',
            cacheable && clean ? `max-age=${cacheable.maxAge}, ${scope?.toLowerCase()}` : NO_STORE,
          );
        },
      };
    },
  };
}

function cacheableWith(policy: CachePolicy, existing: string | undefined) {
  const match = existing === undefined ? null : CACHEABLE_HEADER.exec(existing);
  if (match)
    policy.restrict({ maxAge: Number(match[1]), scope: match[2] === 'public' ? 'PUBLIC' : 'PRIVATE' });
  return policy.policyIfCacheable();
}
