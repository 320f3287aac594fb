/**
 * Whose credentials a request's upstream calls carry. Service and static modes: one token provider for the
 * process. Forwarded mode: the caller's own `Authorization: Zoho-oauthtoken …` header, read once per request and
 * used both as the upstream token and as the caller's identity for the budget.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { AuthConfig } from '../config/index.js';
import type { Metrics } from '../observability/metrics.js';
import type { TokenStore } from '../upstream/token-store.js';
import { RefreshTokenProvider, StaticTokenProvider, type TokenProvider } from '../upstream/tokens.js';
import { forwardedToken, NO_FORWARDED_TOKEN } from './auth.js';

/** A request's credentials. */
export interface Credentials {
  /** Where the request's upstream calls get their access token. */
  readonly tokens: TokenProvider;
  /** Forwarded mode: the caller's own token (its fingerprint names the caller's budget); undefined otherwise. */
  readonly forwardedToken: string | undefined;
  /** False when forwarded mode received no usable `Authorization` header (src/server/auth.ts). */
  readonly hasCredentials: boolean;
}

export type CredentialsOf = (headers: IncomingHttpHeaders) => Credentials;

/** The client credentials of the embedded emulator (`EMULATOR_CREDENTIALS`). */
export interface ServiceCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

/**
 * The auth mode that runs. With the embedded emulator and no credentials configured, service mode against the
 * emulator's own client: the same token minting and refresh path production uses.
 */
export function effectiveAuth(configured: AuthConfig, emulator: ServiceCredentials | undefined): AuthConfig {
  return emulator && configured.mode === 'forwarded' ? { mode: 'service', ...emulator } : configured;
}

/** How each request's credentials are found under `auth`. */
export function credentialsFor(
  auth: AuthConfig,
  options: {
    accountsUrl: string;
    /** Where the service token lives (src/budget/runtime.ts: Redis or memory). */
    tokenStore: TokenStore;
    logger: Logger;
    metrics: Metrics | undefined;
  },
): CredentialsOf {
  if (auth.mode === 'forwarded') {
    return (headers) => {
      const token = forwardedToken(headers.authorization);
      return token === undefined
        ? { tokens: NO_FORWARDED_TOKEN, forwardedToken: undefined, hasCredentials: false }
        : { tokens: new StaticTokenProvider(token), forwardedToken: token, hasCredentials: true };
    };
  }
  const { logger, metrics } = options;
  const shared: Credentials = {
    tokens:
      auth.mode === 'static'
        ? new StaticTokenProvider(auth.accessToken)
        : new RefreshTokenProvider({
            accountsUrl: options.accountsUrl,
            clientId: auth.clientId,
            clientSecret: auth.clientSecret,
            refreshToken: auth.refreshToken,
            store: options.tokenStore,
            onMint: (event) => {
              metrics?.tokenMints.inc({ outcome: event.outcome });
              logger.info({ outcome: event.outcome, ms: Math.round(event.durationMs) }, 'token mint');
            },
          }),
    forwardedToken: undefined,
    hasCredentials: true,
  };
  return () => shared;
}
