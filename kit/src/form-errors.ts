/**
 * A mutation's `userErrors` as the errors map a form library takes. The graph names the input field at fault
 * by its path from the argument (`["input", "customerEmail"]`, `["input", "items", "0", "name"]`); forms name
 * fields from the form's values, which are the input object, so the argument's name is dropped and the rest is
 * the field's name: dotted (`items.0.name`: react-hook-form's `setError`, TanStack Form) or nested objects
 * (Formik's `setErrors`, Final Form's submission errors). An error with no field belongs to the whole form.
 */

/** What the kit reads of a user error (the `UserErrorFields` fragment selects exactly this). */
export interface UserErrorLike {
  readonly message: string;
  readonly code?: string | null;
  readonly field?: readonly string[] | null;
}

export interface FormErrorsOptions {
  /** Leading path segments to drop: the argument the form's values are sent as. Default `['input']`. */
  readonly argument?: readonly string[];
  /** The key for errors that name no field (or only the argument). Default `'root'` (react-hook-form's). */
  readonly formKey?: string;
}

/** `{ 'customerEmail': 'Not an e-mail address.', root: '…' }`: the first message for each field. */
export type FormErrors = Record<string, string>;

/** A nested map (`{ items: { 0: { name: '…' } } }`), for libraries whose errors mirror the values' shape. */
export interface NestedFormErrors {
  [field: string]: string | NestedFormErrors;
}

function fieldPath(error: UserErrorLike, argument: readonly string[]): string[] {
  const path = [...(error.field ?? [])];
  const skip = argument.every((segment, i) => path[i] === segment) ? argument.length : 0;
  return path.slice(skip);
}

/** Flat: one entry per field, keyed by its dotted path; the first error of a field wins, as the graph orders them. */
export function userErrorsToFormErrors(
  userErrors: readonly UserErrorLike[] | null | undefined,
  options: FormErrorsOptions = {},
): FormErrors {
  const { argument = ['input'], formKey = 'root' } = options;
  const errors: FormErrors = {};
  for (const error of userErrors ?? []) {
    const path = fieldPath(error, argument);
    const key = path.length === 0 ? formKey : path.join('.');
    errors[key] ??= error.message;
  }
  return errors;
}

/** Nested: the same errors shaped like the form's values. */
export function userErrorsToNestedFormErrors(
  userErrors: readonly UserErrorLike[] | null | undefined,
  options: FormErrorsOptions = {},
): NestedFormErrors {
  const { argument = ['input'], formKey = 'root' } = options;
  const errors: NestedFormErrors = {};
  for (const error of userErrors ?? []) {
    const path = fieldPath(error, argument);
    const [last, ...reversedParents] = (path.length === 0 ? [formKey] : path).reverse();
    let level = errors;
    let blocked = false;
    for (const segment of reversedParents.reverse()) {
      const next = level[segment];
      if (typeof next === 'string') {
        // A message on the parent already: the form shows that one.
        blocked = true;
        break;
      }
      level = level[segment] = next ?? {};
    }
    if (!blocked && last !== undefined && level[last] === undefined) level[last] = error.message;
  }
  return errors;
}
