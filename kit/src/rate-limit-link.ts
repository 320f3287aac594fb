/**
 * An Apollo link that waits out `RATE_LIMITED` and tries again. The graph answers RATE_LIMITED before it calls
 * Zoho (its shared budget of 50 calls a minute is spent) or when Zoho said 429, with `extensions.retryAfter` in
 * seconds; nothing was done upstream for the refused fields, so asking again after that wait is safe for a query,
 * and for a mutation whose every root field came back null. Attempts are bounded, and a wait longer than
 * `maxDelayMs` is not waited for: the app gets the error (with its retryAfter) to show instead.
 */
import { ApolloLink } from '@apollo/client';
import { OperationTypeNode, type GraphQLFormattedError } from 'graphql';
import { Observable, type Subscription } from 'rxjs';

export interface RateLimitRetryOptions {
  /** Tries in all, the first included. Default 3. */
  readonly maxAttempts?: number;
  /** The longest `retryAfter` waited for, in ms. Default 60 000 (Zoho's window is a minute). */
  readonly maxDelayMs?: number;
  /** Told before each wait: for a "retrying in N s" notice, or metrics. */
  readonly onRetry?: (retry: { operationName: string | undefined; attempt: number; delayMs: number }) => void;
}

/** The wait a result asks for, in ms, or undefined when it is not a RATE_LIMITED refusal worth repeating. */
function requestedDelayMs(operation: ApolloLink.Operation, result: ApolloLink.Result): number | undefined {
  if (!('errors' in result) || !Array.isArray(result.errors)) return undefined;
  const limited = (result.errors as GraphQLFormattedError[]).find(
    (e) => e.extensions?.code === 'RATE_LIMITED',
  );
  const retryAfter = limited?.extensions?.retryAfter;
  if (typeof retryAfter !== 'number' || !Number.isFinite(retryAfter) || retryAfter < 0) return undefined;
  if (operation.operationType === OperationTypeNode.SUBSCRIPTION) return undefined;
  if (operation.operationType === OperationTypeNode.MUTATION) {
    // A mutation's root field that answered was applied: repeating the operation would apply it twice.
    const data = 'data' in result ? (result.data as Record<string, unknown> | null | undefined) : undefined;
    if (data && Object.values(data).some((value) => value !== null)) return undefined;
  }
  return retryAfter * 1000;
}

export function createRateLimitRetryLink(options: RateLimitRetryOptions = {}): ApolloLink {
  const { maxAttempts = 3, maxDelayMs = 60_000, onRetry } = options;
  return new ApolloLink(
    (operation, forward) =>
      new Observable<ApolloLink.Result>((observer) => {
        let attempt = 0;
        let inner: Subscription | undefined;
        let timer: ReturnType<typeof setTimeout> | undefined;
        let delivered = false;

        const run = () => {
          attempt += 1;
          let retrying = false;
          inner = forward(operation).subscribe({
            next(result) {
              if (retrying) return;
              const delayMs = delivered ? undefined : requestedDelayMs(operation, result);
              if (delayMs !== undefined && attempt < maxAttempts && delayMs <= maxDelayMs) {
                retrying = true;
                onRetry?.({ operationName: operation.operationName, attempt, delayMs });
                timer = setTimeout(run, delayMs);
                return;
              }
              delivered = true;
              observer.next(result);
            },
            error(error: unknown) {
              observer.error(error);
            },
            complete() {
              if (!retrying) observer.complete();
            },
          });
        };

        run();
        return () => {
          clearTimeout(timer);
          inner?.unsubscribe();
        };
      }),
  );
}
