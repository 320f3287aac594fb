/** Small helpers the resolver files share. */
import { NotFoundError } from '../src/upstream/errors.js';

/** A relation whose target no longer exists is `null`, not an error; other failures stay errors. */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
