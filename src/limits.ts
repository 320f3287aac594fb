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
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';

export interface StructuralLimits {
  /** Lexical tokens in one document. */
  readonly maxTokens: number;
  /** Nesting of selection sets, fragments flattened; introspection is exempt (it is cheap and local). */
  readonly maxDepth: number;
  /** Aliased fields in one operation, fragments included. */
  readonly maxAliases: number;
  /** Directive uses in one operation. */
  readonly maxDirectives: number;
}

export const DEFAULT_LIMITS: StructuralLimits = Object.freeze({
  maxTokens: 2000,
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 20,
});

export interface LimitProtection {
  /** Apollo Server's `parseOptions`. */
  readonly parseOptions: { maxTokens: number };
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
    validationRules,
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
