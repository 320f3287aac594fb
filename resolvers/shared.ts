/** Small helpers the resolver files share. */
import { NotFoundError } from '../src/upstream/errors.js';

/** An instant as Zoho writes them, to the second when it has no fraction: `2025-01-15T10:30:00Z`. */
export const instant = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A relation whose target no longer exists is `null`, not an error; other failures stay errors. */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
