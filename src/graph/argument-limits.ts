/**
 * Every string a client passes in an argument ends in a Zoho URL or body, so each has a length bound, checked on
 * the values execution will use (literals, variables and defaults, coerced) before anything runs: one over its
 * bound is 400 BAD_USER_INPUT naming the argument, with nothing spent. A 900 KB `customers(filter: { company })`
 * went upstream as a URL.
 *
 * The bound is STRING_ARGUMENT_MAX for every string (ids, cursors, names, e-mails, filters: Zoho's own limits
 * for these are 50–255 characters, contract/seed.openapi.yaml), and Zoho's own where an input field carries more.
 *
 * Which fields take arguments is worked out once per parsed document (Apollo keeps documents, so a repeat costs a
 * lookup), then each request reads only those arguments' values.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  GraphQLError,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { coercedVariables } from './coerced-variables.js';

/** The longest string accepted in any argument or input field not listed in LONGER_TEXT. */
const STRING_ARGUMENT_MAX = 256;

/** Input fields that carry longer text, by schema coordinate, with Zoho's limit for them (contract/seed.openapi.yaml). */
const LONGER_TEXT: Readonly<Record<string, number>> = {
  'AddCustomerInput.notes': 5000,
  'UpdateCustomerInput.notes': 5000,
  // A file's bytes, base64: Zoho takes 1 MiB; the request body's own 1 MiB cap (src/server/http.ts) binds first.
  'StartFileTransferInput.contentBase64': 1024 * 1024,
};

/** A field in the document whose arguments may hold a string. */
interface Site {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
  /** `Query.customers`, for the message. */
  coordinate: string;
}

const sitesByDocument = new WeakMap<DocumentNode, Map<DefinitionNode, Site[]>>();

export function argumentLimitsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const sites = sitesOf(schema, document);
          const variables = coercedVariables(schema, operation, request.variables ?? {});
          for (const [definition, list] of sites) {
            // Fragments, and the operation that runs; another operation's arguments are not this request's.
            if (definition.kind === Kind.OPERATION_DEFINITION && definition !== operation) continue;
            for (const site of list) checkSite(site, variables);
          }
        },
      };
    },
  };
}

function checkSite(site: Site, variables: Readonly<Record<string, unknown>>): void {
  let values: Record<string, unknown>;
  try {
    values = getArgumentValues(site.field, site.node, variables);
  } catch {
    // Arguments execution will refuse anyway (a fragment's variable this operation does not define, say).
    return;
  }
  for (const argument of site.field.args) {
    const value = values[argument.name];
    if (value === undefined) continue;
    const problem = tooLong(value, argument.type, argument.name, STRING_ARGUMENT_MAX);
    if (!problem) continue;
    throw new GraphQLError(
      `Argument \`${problem.path}\` of \`${site.coordinate}\` is ${problem.length} characters long; ` +
        `the most accepted is ${problem.max}.`,
      {
        extensions: {
          code: 'BAD_USER_INPUT',
          argument: problem.path,
          maxLength: problem.max,
          http: { status: 400 },
        },
      },
    );
  }
}

/** The first string in `value` longer than its bound, with its path (`filter.company`, `ids[3]`). */
function tooLong(
  value: unknown,
  type: GraphQLInputType,
  path: string,
  max: number,
): { path: string; length: number; max: number } | undefined {
  if (value === null || value === undefined) return undefined;
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  if (isListType(unwrapped)) {
    if (!Array.isArray(value)) return tooLong(value, unwrapped.ofType, path, max);
    for (const [i, item] of value.entries()) {
      const problem = tooLong(item, unwrapped.ofType, `${path}[${i}]`, max);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isInputObjectType(unwrapped)) {
    if (typeof value !== 'object') return undefined;
    const fields = unwrapped.getFields();
    for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (!field) continue;
      const bound = LONGER_TEXT[`${unwrapped.name}.${name}`] ?? STRING_ARGUMENT_MAX;
      const problem = tooLong(child, field.type, `${path}.${name}`, bound);
      if (problem) return problem;
    }
    return undefined;
  }
  return longString(value, path, max);
}

/** In a scalar's value: the string itself, or any string in a JSON value (`_Any` representations carry ids). */
function longString(
  value: unknown,
  path: string,
  max: number,
  depth = 0,
): { path: string; length: number; max: number } | undefined {
  if (typeof value === 'string') return value.length > max ? { path, length: value.length, max } : undefined;
  if (value === null || typeof value !== 'object' || depth > 16) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const problem = longString(
      child,
      Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`,
      max,
      depth + 1,
    );
    if (problem) return problem;
  }
  return undefined;
}

/** Per top-level definition, the fields whose arguments can hold a string. One pass over the document. */
function sitesOf(schema: GraphQLSchema, document: DocumentNode): Map<DefinitionNode, Site[]> {
  const known = sitesByDocument.get(document);
  if (known) return known;
  const sites = new Map<DefinitionNode, Site[]>();
  const typeInfo = new TypeInfo(schema);
  let current: Site[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: {
        enter(node) {
          current = [];
          sites.set(node, current);
        },
      },
      FragmentDefinition: {
        enter(node) {
          current = [];
          sites.set(node, current);
        },
      },
      Field(node) {
        if (!node.arguments?.length) return;
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!field || !parent || !field.args.some((argument) => holdsString(argument.type))) return;
        current.push({ field, node, coordinate: `${parent.name}.${field.name}` });
      },
    }),
  );
  sitesByDocument.set(document, sites);
  return sites;
}

const NUMERIC_OR_BOOLEAN: ReadonlySet<string> = new Set(['Int', 'Float', 'Boolean']);

/** Whether a value of this input type can contain a string (enums, numbers and booleans cannot). */
function holdsString(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isEnumType(named)) return false;
  if (isScalarType(named)) return !NUMERIC_OR_BOOLEAN.has(named.name);
  if (seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => holdsString(field.type, seen));
}
