/**
 * Structural limits on a GraphQL operation, checked before anything runs: tokens at parse time (graphql-js's
 * own `maxTokens` parse option, so an oversized document is refused while it is being read), then depth,
 * aliases and directives as validation rules (graphql-armor). A refused operation costs no upstream call.
 *
 * Why these numbers: the schema has cycles (Session → technician → sessions …) and every level of a list
 * can fan out into upstream calls, so depth is what multiplies the cost of an operation; aliases repeat a
 * root field (each a call or a list page); directives and tokens bound the work of parsing and validating a
 * hostile document. The deepest operation a frontend or a gateway's query planner needs here is 7 levels
 * (`sessions.nodes.technician.sessions.nodes.customer.name`, or the same under `_entities`), so 8 leaves one
 * level of slack. What remains within the limits is bounded by the operation cost estimator and the
 * per-operation call cap (MAX_UPSTREAM_CALLS_PER_OPERATION).
 *
 * Two shapes stay small on the wire and grow in the walking (issue 24), so they are measured first, when
 * validation enters the document, and a document that has either is refused there, before graphql-js's own
 * rules or anything after validation walks it:
 * - fragment fan-out: `fragment F0 on Query { ...F1 ...F1 }` over 21 levels is 866 bytes and two million
 *   selections once spread. The count is Apollo's `maxRecursiveSelections` count (every field, inline fragment
 *   and spread, each fragment's total worked out once), but Apollo runs that rule beside graphql-js's and defers
 *   ours to a second pass; here it comes first and ends the pass.
 * - one field repeated in one selection set: `{ a: __typename __typename … }` 600 times is 600 tokens, and
 *   graphql-js's overlapping-fields rule compares every pair (180,000 comparisons, 25 ms a document).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { SizedDocumentStore } from './document-store.js';

export interface StructuralLimits {
  /** Lexical tokens in one document. */
  readonly maxTokens: number;
  /** Nesting of selection sets, fragments flattened; introspection is exempt (it is cheap and local). */
  readonly maxDepth: number;
  /** Aliased fields in one operation, fragments included. */
  readonly maxAliases: number;
  /** Directive uses in one operation. */
  readonly maxDirectives: number;
  /** Selections (fields, inline fragments, spreads) in one operation once every fragment spread is expanded. */
  readonly maxExpandedSelections: number;
  /** Times one response name may be selected in one selection set (inline fragments flattened into it). */
  readonly maxRepeatedField: number;
}

export const DEFAULT_LIMITS: StructuralLimits = Object.freeze({
  maxTokens: 2000,
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 20,
  // A document of 2,000 tokens without fragments has fewer than 2,000 selections; reusing fragments in a few
  // places stays well below this.
  maxExpandedSelections: 5000,
  // A query planner repeats `__typename` and key fields a few times in one selection set, not more.
  maxRepeatedField: 10,
});

/**
 * Heap for parsed documents: about 65,000 tokens, a thousand ordinary operations or thirty at the token limit.
 * A router sends a fixed set of query plans, so a hit rate near 100 % needs far less.
 */
const DOCUMENT_STORE_BYTES = 64 * 1024 * 1024;

export interface LimitProtection {
  /** Apollo Server's `parseOptions`. */
  readonly parseOptions: { maxTokens: number };
  /** Apollo Server's `documentStore`: parsed documents, bounded by the memory they hold (src/graph/document-store.ts). */
  readonly documentStore: SizedDocumentStore;
  readonly validationRules: ValidationRule[];
  readonly plugins: ApolloServerPlugin[];
}

/**
 * The Apollo Server options that enforce `limits`. `hideSuggestions` drops the "Did you mean …" hints from
 * validation errors (they let a caller enumerate a schema that introspection hides).
 */
export function structuralLimits(
  limits: StructuralLimits = DEFAULT_LIMITS,
  options: { hideSuggestions: boolean } = { hideSuggestions: false },
): LimitProtection {
  const armor = new ApolloArmor({
    // Tokens are counted by graphql-js itself (parseOptions): armor's own token plugin throws from a hook,
    // which Apollo Server answers with a 500 instead of a 400.
    maxTokens: { enabled: false },
    // Upstream cost is what matters here and armor's generic field-count cost knows nothing of it; the
    // operation cost estimator and the per-operation call cap bound it instead.
    costLimit: { enabled: false },
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Armor's plugin is typed against Apollo's CommonJS build; ours below is the same four lines.
    blockFieldSuggestion: { enabled: false },
  });
  const { validationRules } = armor.protect();
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    documentStore: new SizedDocumentStore(DOCUMENT_STORE_BYTES),
    validationRules: [documentShapeRule(limits), ...validationRules],
    plugins: options.hideSuggestions ? [hideSuggestions] : [],
  };
}

const hideSuggestions: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      didEncounterErrors: ({ errors }) => {
        for (const error of errors) error.message = error.message.replace(/ ?Did you mean .+\?$/s, '');
        return Promise.resolve();
      },
    }),
};

/**
 * Refuses fragment fan-out and repeated fields (see the header) when validation enters the document. A refused
 * document ends the validation pass: returning `null` from the document's `enter` makes graphql-js's visitor skip
 * the whole tree for every rule, so the walks that would grow with the shape never start. The refusal is a
 * validation error, answered 400 GRAPHQL_VALIDATION_FAILED like the other structural limits.
 */
function documentShapeRule(limits: StructuralLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document: {
      enter(document) {
        const problem =
          expansionProblem(document, limits.maxExpandedSelections) ??
          repetitionProblem(document, limits.maxRepeatedField);
        if (!problem) return undefined;
        context.reportError(problem);
        return null;
      },
    },
  });
}

function expansionProblem(document: DocumentNode, max: number): GraphQLError | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  /** Each fragment's expanded size, worked out once; 0 while in progress, so a cycle cannot recurse. */
  const expanded = new Map<string, number>();
  const size = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      total++;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        let fragment = expanded.get(name);
        if (fragment === undefined) {
          expanded.set(name, 0);
          const definition = fragments.get(name);
          fragment = definition ? size(definition.selectionSet) : 0;
          expanded.set(name, fragment);
        }
        total += fragment;
      } else if (selection.selectionSet) {
        total += size(selection.selectionSet);
      }
    }
    return total;
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const selections = size(definition.selectionSet);
    if (selections <= max) continue;
    const name = definition.name ? `Operation "${definition.name.value}"` : 'The operation';
    const found = selections < 1e12 ? selections.toLocaleString('en-US') : 'over a trillion';
    return new GraphQLError(
      `${name} expands to ${found} selections once its fragments are spread; the most one operation may have is ` +
        `${max.toLocaleString('en-US')}. Spread each fragment fewer times.`,
      { nodes: [definition] },
    );
  }
  return undefined;
}

function repetitionProblem(document: DocumentNode, max: number): GraphQLError | undefined {
  const pending: SelectionSetNode[] = [];
  for (const definition of document.definitions)
    if ('selectionSet' in definition && definition.selectionSet) pending.push(definition.selectionSet);
  for (let set = pending.pop(); set; set = pending.pop()) {
    const counts = new Map<string, number>();
    const collect = (selections: SelectionSetNode['selections']): GraphQLError | undefined => {
      for (const selection of selections) {
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const problem = collect(selection.selectionSet.selections);
          if (problem) return problem;
        } else if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const count = (counts.get(key) ?? 0) + 1;
          if (count > max)
            return new GraphQLError(
              `"${key}" is selected more than ${max} times in one selection set; select it once.`,
              { nodes: [selection] },
            );
          counts.set(key, count);
          if (selection.selectionSet) pending.push(selection.selectionSet);
        }
      }
      return undefined;
    };
    const problem = collect(set.selections);
    if (problem) return problem;
  }
  return undefined;
}
