/**
 * The Zoho Assist API as the rest of the product sees it: one typed method per upstream operation, derived from
 * the table in contract/operations.ts. Loaders and resolvers depend on this type, never on HTTP, so another
 * implementation (Zoho's live API, whose paths and envelopes differ from the seed's) can be added without
 * touching them.
 *
 * Every method rejects with a ZohoError subclass (src/upstream/errors.ts); a missing resource is NotFoundError.
 * The abort signal and the concurrency cap belong to the per-request client (src/upstream/client.ts), not to
 * the call.
 */
import {
  OPERATION_NAMES,
  type OperationAnswer,
  type OperationArgs,
  type OperationMethods,
  type OperationName,
} from '../../contract/operations.js';

export type ZohoAssistApi = OperationMethods;

/** What an implementation writes: one generic call; `withOperationMethods` gives it the named methods. */
export interface OperationCaller {
  call<K extends OperationName>(name: K, args: OperationArgs<K>): Promise<OperationAnswer<K>>;
}

/**
 * Puts one method per name on `Impl.prototype`, each `this.call(name, args)`: an implementation is its generic `call`,
 * and an instance is one object whatever the number of operations. Both dialects' tables use it.
 */
export function defineCallMethods(Impl: { prototype: object }, names: readonly string[]): void {
  for (const name of names) {
    Object.defineProperty(Impl.prototype, name, {
      value: function (this: { call(name: string, args: unknown[]): unknown }, ...args: unknown[]) {
        return this.call(name, args);
      },
      writable: false,
      enumerable: false,
      configurable: false,
    });
  }
}

/** One method per row of the seed's table on `Impl.prototype` (`defineCallMethods`). */
export function withOperationMethods<A extends unknown[], T extends OperationCaller>(
  Impl: new (...args: A) => T,
): new (...args: A) => T & ZohoAssistApi {
  defineCallMethods(Impl, OPERATION_NAMES);
  // That defined every method the type promises.
  return Impl as new (...args: A) => T & ZohoAssistApi;
}
