/**
 * Mutations answer expected business failures as data (`userErrors`) and let infrastructure and authorisation
 * failures stay GraphQL errors (mapped in src/graph/errors.ts).
 */
import type { UserError, UserErrorCode } from '../__generated__/resolvers-types.js';
import { ZohoError } from '../upstream/errors.js';

export type UserErrors = UserError[];

export function userError(code: UserErrorCode, message: string, field?: string[]): UserError {
  return { code, message, field: field ?? null };
}

/** What the 409s of Zoho mean, told apart by their message (Zoho gives no sub-code). */
function conflictCode(message: string): UserErrorCode {
  // Zoho's messages embed the e-mails and ids they refer to: only phrases with spaces, which neither can hold,
  // decide the code (an address like nolimit@example.com must not read as a session limit).
  if (/already exists|^duplicate /i.test(message)) return 'ALREADY_EXISTS';
  if (/session limit|open sessions limit/i.test(message)) return 'SESSION_LIMIT_REACHED';
  if (/is offline|computer offline/i.test(message)) return 'COMPUTER_OFFLINE';
  if (/already (ended|completed)|has ended|not active|is (ended|completed)/i.test(message))
    return 'SESSION_ALREADY_ENDED';
  return 'CONFLICT';
}

const MAX_MESSAGE = 300;

/**
 * Runs one upstream write. Business failures (400, 404, 409) become user errors; `notFoundField` names the input
 * field a 404 points at, `conflictFields` the field each kind of 409 points at (a form puts
 * SESSION_LIMIT_REACHED under the technician it picked), the input as a whole otherwise. Anything else is thrown
 * on, to become a GraphQL error.
 */
export async function attempt<T>(
  run: () => Promise<T>,
  notFoundField: string[],
  conflictFields: Partial<Record<UserErrorCode, string[]>> = {},
): Promise<{ value: T; userErrors: UserErrors } | { value: null; userErrors: UserErrors }> {
  try {
    return { value: await run(), userErrors: [] };
  } catch (error) {
    if (!(error instanceof ZohoError)) throw error;
    const message = error.message.slice(0, MAX_MESSAGE);
    switch (error.kind) {
      case 'BAD_REQUEST':
        return { value: null, userErrors: [userError('VALIDATION', message, ['input'])] };
      case 'NOT_FOUND':
        return { value: null, userErrors: [userError('NOT_FOUND', message, notFoundField)] };
      case 'CONFLICT': {
        const code = conflictCode(message);
        return { value: null, userErrors: [userError(code, message, conflictFields[code] ?? ['input'])] };
      }
      default:
        throw error;
    }
  }
}
