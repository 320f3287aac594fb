/**
 * Access tokens for `Authorization: Zoho-oauthtoken <token>`.
 *
 * - StaticTokenProvider: a token given as is (the emulator, a short script). `invalidate` cannot fix it, so a
 *   401 with it is final.
 * - RefreshTokenProvider: exchanges the refresh token at `${accountsUrl}/oauth/v2/token` (Zoho's self-client
 *   flow), caches the access token until `expires_in` minus REFRESH_MARGIN_MS, and shares one in-flight mint among
 *   concurrent callers. Zoho allows 10 mints per refresh token per 10 minutes and answers the next with
 *   `{"error":"Access Denied"}` (HTTP 200 by Zoho's word, 400 as several projects recorded it), blocking minting
 *   "for the rest of the ten minutes"; retrying reportedly extends the lockout. Any answer with an `error`
 *   field is a failure whatever its status; after "Access Denied" no mint is attempted for ten minutes, and
 *   the store shares that with every replica.
 *
 * The cache sits behind `TokenStore` (token-store.ts) so that replicas can share one token (Redis with a
 * cross-replica mint lock) instead of each minting its own; the in-memory store is the default. The provider also memoises the current
 * token in process, so the store is consulted only when that one is missing, expired or rejected.
 *
 * Nothing secret (client secret, refresh token, access token) ever appears in an error message or an event.
 */
import got from 'got';
import type { Got } from 'got';
import {
  abandonedError,
  TimeoutError,
  TokenMintThrottledError,
  UnauthenticatedError,
  UnavailableError,
  ZohoError,
  type UpstreamCall,
} from './errors.js';
import { MemoryTokenStore, type StoredToken, type TokenStore } from './token-store.js';
import { describeTransportFailure, TransportError } from './transport.js';

export interface TokenProvider {
  /** A token believed valid. Rejects with a ZohoError (UnauthenticatedError, TokenMintThrottledError...). */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Zoho answered 401 to `token`: forget it, unless the cache has already moved on to another one. */
  invalidate(token: string): void;
}

export class StaticTokenProvider implements TokenProvider {
  readonly #token: Promise<string>;
  constructor(token: string) {
    if (!token) throw new Error('StaticTokenProvider needs a token');
    this.#token = Promise.resolve(token);
  }
  getToken(): Promise<string> {
    return this.#token;
  }
  invalidate(): void {
    // A fixed token cannot be replaced: the client sees the same token again and reports UnauthenticatedError.
  }
}

export type MintOutcome = 'minted' | 'throttled' | 'rejected' | 'failed';

export interface MintEvent {
  outcome: MintOutcome;
  durationMs: number;
  /** The error code or Zoho's `error` value for anything but `minted`; never a credential. */
  error?: string;
}

export interface RefreshTokenProviderOptions {
  /** `https://accounts.zoho.X` (see datacentres.ts) or the emulator's `accountsUrl`. */
  accountsUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** A got instance for the accounts server; one with a 10 s timeout and no retries is made otherwise. */
  got?: Got;
  store?: TokenStore;
  onMint?: (event: MintEvent) => void;
  now?: () => number;
}

/** A token is minted again this long before `expires_in` runs out. */
const REFRESH_MARGIN_MS = 300_000;
/** Zoho's window: "the access token creation will be blocked for the rest of the ten minutes". */
const THROTTLE_MS = 600_000;

const MINT_CALL: UpstreamCall = { method: 'POST', route: 'POST /oauth/v2/token' };

export class RefreshTokenProvider implements TokenProvider {
  readonly #tokenUrl: string;
  readonly #form: Readonly<Record<string, string>>;
  readonly #got: Got;
  readonly #store: TokenStore;
  readonly #onMint: ((event: MintEvent) => void) | undefined;
  readonly #now: () => number;

  /** The in-process copy of the store's token: the hot path reads only this. */
  #current: StoredToken | undefined;
  /** The last token Zoho rejected: never handed out again even if a store still has it. */
  #rejected: string | undefined;
  #pendingDelete: Promise<void> | undefined;
  #inflight: Promise<string> | undefined;
  #throttledUntil = 0;

  constructor(options: RefreshTokenProviderOptions) {
    for (const key of ['accountsUrl', 'clientId', 'clientSecret', 'refreshToken'] as const) {
      if (!options[key]) throw new Error(`RefreshTokenProvider needs ${key}`);
    }
    this.#tokenUrl = `${options.accountsUrl.replace(/\/+$/, '')}/oauth/v2/token`;
    this.#form = {
      grant_type: 'refresh_token',
      client_id: options.clientId,
      client_secret: options.clientSecret,
      refresh_token: options.refreshToken,
    };
    this.#got =
      options.got ??
      got.extend({
        retry: { limit: 0 },
        throwHttpErrors: false,
        followRedirect: false,
        responseType: 'text',
        timeout: { request: 10_000 },
      });
    this.#store = options.store ?? new MemoryTokenStore();
    this.#onMint = options.onMint;
    this.#now = options.now ?? Date.now;
  }

  getToken(signal?: AbortSignal): Promise<string> {
    const current = this.#current;
    if (current !== undefined && current.refreshAt > this.#now()) return Promise.resolve(current.accessToken);
    // One mint for every concurrent caller; a caller's abort only stops its own wait, not the shared mint.
    this.#inflight ??= this.#refresh().finally(() => {
      this.#inflight = undefined;
    });
    return signal ? raceAbort(this.#inflight, signal) : this.#inflight;
  }

  invalidate(token: string): void {
    if (this.#current?.accessToken !== token) return; // already replaced: 20 concurrent 401s cause one refresh
    this.#current = undefined;
    this.#rejected = token;
    this.#pendingDelete = this.#store.delete(token).catch(() => undefined);
  }

  async #refresh(): Promise<string> {
    this.#assertNotThrottled();
    if (this.#pendingDelete) await this.#pendingDelete;
    const shared = this.#usable(await this.#store.get());
    if (shared) return shared;
    const mint = async (): Promise<string> => {
      if (this.#store.withMintLock) {
        // Another replica may have minted while this one waited for the lock.
        const again = this.#usable(await this.#store.get());
        if (again) return again;
      }
      // Another replica may have been told "Access Denied": asking again would extend Zoho's lockout.
      this.#throttledUntil = Math.max(this.#throttledUntil, await this.#store.mintsBlockedUntil());
      this.#assertNotThrottled();
      const minted = await this.#mint();
      await this.#store.set(minted);
      this.#current = minted;
      return minted.accessToken;
    };
    return this.#store.withMintLock ? this.#store.withMintLock(mint) : mint();
  }

  #usable(stored: StoredToken | undefined): string | undefined {
    if (!stored || stored.refreshAt <= this.#now() || stored.accessToken === this.#rejected) return undefined;
    this.#current = stored;
    return stored.accessToken;
  }

  #assertNotThrottled(): void {
    const waitMs = this.#throttledUntil - this.#now();
    if (waitMs > 0) {
      throw new TokenMintThrottledError(
        'Zoho is refusing new access tokens for this refresh token (too many mints); not asking again yet',
        Math.ceil(waitMs / 1000),
        { call: MINT_CALL },
      );
    }
  }

  async #mint(): Promise<StoredToken> {
    const started = performance.now();
    const report = (outcome: MintOutcome, error?: string) =>
      this.#onMint?.({ outcome, durationMs: performance.now() - started, ...(error ? { error } : {}) });

    let status: number;
    let text: string;
    try {
      const response = await this.#got.post(this.#tokenUrl, {
        form: this.#form,
        prefixUrl: '',
        responseType: 'text',
        throwHttpErrors: false,
        retry: { limit: 0 },
        followRedirect: false,
      });
      status = response.statusCode;
      text = String(response.body);
    } catch (error) {
      const failure = describeTransportFailure(error);
      report('failed', failure.code);
      const cause = new TransportError(failure);
      if (failure.timeout)
        throw new TimeoutError('Zoho accounts server timed out minting an access token', {
          call: MINT_CALL,
          cause,
        });
      throw new UnavailableError('Zoho accounts server unreachable while minting an access token', {
        call: MINT_CALL,
        cause,
      });
    }

    const body = parseJsonObject(text);
    if (status >= 500 || (status === 200 && !body)) {
      report('failed', `HTTP_${status}`);
      throw new UnavailableError(`Zoho accounts server answered ${status} to a token mint`, {
        status,
        call: MINT_CALL,
      });
    }
    const error = typeof body?.error === 'string' ? body.error : undefined;
    if (error === 'Access Denied') {
      report('throttled', error);
      this.#throttledUntil = this.#now() + THROTTLE_MS;
      await this.#store.blockMints(this.#throttledUntil);
      throw new TokenMintThrottledError(
        'Zoho refused a new access token: too many mints for this refresh token (Access Denied)',
        Math.ceil(THROTTLE_MS / 1000),
        { status, call: MINT_CALL },
      );
    }
    const accessToken = body?.access_token;
    const expiresIn = body?.expires_in;
    if (
      status !== 200 ||
      error !== undefined ||
      typeof accessToken !== 'string' ||
      !accessToken ||
      typeof expiresIn !== 'number'
    ) {
      // invalid_client, invalid_code (a revoked refresh token) and anything else the grant cannot recover from.
      const reason = error !== undefined ? safeWord(error) : `HTTP ${status}`;
      report('rejected', reason);
      throw new UnauthenticatedError(`Zoho refused to mint an access token (${reason})`, {
        status,
        call: MINT_CALL,
      });
    }
    this.#throttledUntil = 0;
    report('minted');
    const lifetimeMs = expiresIn * 1000;
    // A token shorter-lived than the margin is still used for half its life rather than re-minted on every call.
    const usableMs = Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2);
    return { accessToken, refreshAt: this.#now() + usableMs };
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Zoho's error codes are short words; anything else is not echoed. */
function safeWord(value: string): string {
  return /^[\w .-]{1,40}$/.test(value) ? value : 'unrecognised error';
}

/** Waits for `promise` unless `signal` fires first; the shared promise itself keeps running. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortedError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function abortedError(signal: AbortSignal): ZohoError {
  return abandonedError(signal, 'waiting for an access token', MINT_CALL);
}
