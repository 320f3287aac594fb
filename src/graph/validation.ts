/**
 * Mutation inputs are checked here, by the resolver, so that a form gets every problem at once as a `VALIDATION`
 * user error on the input field at fault (`["input", "customerEmail"]`), in the response's data, where a gateway
 * leaves it alone. A scalar's refusal would fail the whole operation as BAD_USER_INPUT with the field only in the
 * message text. Queries' arguments keep their scalars (`EmailAddress`, `DateTime`): a filter is not a form.
 *
 * The rules are the contract's (contract/seed.openapi.yaml), so what passes here is what Zoho accepts: e-mails by
 * the `format: email` rule the emulator judges requests with (ajv-formats' full check), lengths by each
 * property's bounds. Strings longer than 256 characters never get here: src/graph/argument-limits.ts refuses them
 * before anything runs.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { UserError } from '../__generated__/resolvers-types.js';
import { isDateTime } from './scalars.js';
import { userError } from './user-errors.js';

/** One check's verdict: a user error, or undefined when the value is fine (or absent and optional). */
type Check = UserError | undefined;

const EMAIL = fullFormats.email as RegExp;
/** RFC 5321's limit on a forward path, and the contract's `maxLength` on every e-mail. */
const EMAIL_MAX = 254;

/** The user errors among `checks`, in the order given (the form's order). */
export function problems(...checks: Check[]): UserError[] {
  return checks.filter((check): check is UserError => check !== undefined);
}

function pathOf(field: string): string[] {
  return ['input', field];
}

/** An e-mail address as Zoho accepts one. */
export function email(value: string | null | undefined, field: string): Check {
  if (value == null) return undefined;
  if (value.length <= EMAIL_MAX && EMAIL.test(value)) return undefined;
  return userError('VALIDATION', `${field} is not an e-mail address.`, pathOf(field));
}

/** Text with at least one non-space character (when `min` is 1) and at most `max` characters. */
export function text(
  value: string | null | undefined,
  field: string,
  bounds: { min?: 0 | 1; max: number },
): Check {
  if (value == null) return undefined;
  if ((bounds.min ?? 1) === 1 && value.trim() === '')
    return userError('VALIDATION', `${field} is empty.`, pathOf(field));
  if (value.length > bounds.max)
    return userError('VALIDATION', `${field} is longer than ${bounds.max} characters.`, pathOf(field));
  return undefined;
}

/** An id: any non-blank string (Zoho's ids have no documented form). */
export function id(value: string | null | undefined, field: string): Check {
  if (value == null || value.trim() !== '') return undefined;
  return userError('VALIDATION', `${field} is empty.`, pathOf(field));
}

/** A whole number within `min`..`max`. */
export function between(value: number | null | undefined, field: string, min: number, max: number): Check {
  if (value == null || (value >= min && value <= max)) return undefined;
  return userError('VALIDATION', `${field} must be between ${min} and ${max}.`, pathOf(field));
}

/** An ISO-8601 instant with a time zone, after `now` when `future` is set. */
export function instant(
  value: string | null | undefined,
  field: string,
  options: { future?: boolean; now?: number } = {},
): Check {
  if (value == null) return undefined;
  if (!isDateTime(value))
    return userError(
      'VALIDATION',
      `${field} must be an ISO-8601 date-time with a time zone, e.g. 2025-01-15T10:30:00Z.`,
      pathOf(field),
    );
  if (options.future && Date.parse(value) <= (options.now ?? Date.now()))
    return userError('VALIDATION', `${field} must be in the future.`, pathOf(field));
  return undefined;
}
