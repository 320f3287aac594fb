/**
 * The graph's date scalars. Values stay strings end to end (Zoho speaks ISO-8601 text, resolvers pass it
 * through), but input is validated, so a malformed date is BAD_USER_INPUT before any upstream call.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function stringScalar(
  name: string,
  description: string,
  valid: (value: string) => boolean,
  expected: string,
) {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value)) {
      throw new GraphQLError(`${name} must be ${expected}.`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => {
      if (typeof value !== 'string') throw new GraphQLError(`${name} cannot represent a non-string value.`);
      return value;
    },
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const DateScalar = stringScalar(
  'Date',
  'A calendar date, `YYYY-MM-DD`.',
  isCalendarDate,
  'a date as YYYY-MM-DD',
);

/** An ISO-8601 instant with a time zone, on a real calendar day; mutation inputs are checked with it too. */
export function isDateTime(value: string): boolean {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) && isCalendarDate(value.slice(0, 10));
}

export const DateTimeScalar = stringScalar(
  'DateTime',
  'An ISO-8601 instant with a time zone, e.g. `2025-01-15T10:30:00Z`.',
  isDateTime,
  'an ISO-8601 date-time with a time zone, e.g. 2025-01-15T10:30:00Z',
);
