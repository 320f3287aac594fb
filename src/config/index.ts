/**
 * The subgraph's configuration: read from the environment once, at startup, through one zod schema.
 *
 * - `loadConfig()` returns a typed, camelCased, deeply frozen `Config`, or throws `ConfigError` listing every
 *   problem at once (one line per problem, naming the variable), so a bad deployment is fixed in one pass.
 *   A secret's value never appears in a problem.
 * - `configDocs` is derived from the same schema (each variable registers its description and default next to
 *   its parser), and `scripts/config-docs.ts` renders it into docs/configuration.md, so the documentation cannot drift.
 *
 * An empty or whitespace-only variable counts as unset (`FOO=` in an env file or compose file means "default").
 */
import {
  dataCentreOfApiUrl,
  dataCentreUrls,
  ZOHO_DATA_CENTRES,
  type ZohoDataCentre,
} from '../upstream/datacentres.js';
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------
// The parsed configuration
// ---------------------------------------------------------------------------------------------------------

export type NodeEnv = 'development' | 'production' | 'test';
export type AuthMode = 'forwarded' | 'service' | 'static';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
/** Which API the upstream speaks: Zoho's published Assist API v2 (`live`), or the project seed's (`seed`). */
export type ApiDialect = 'live' | 'seed';

const DATA_CENTRE_NAMES = ZOHO_DATA_CENTRES as [ZohoDataCentre, ...ZohoDataCentre[]];

/** How the subgraph authenticates to Zoho. Each mode carries exactly the credentials it uses. */
export type AuthConfig =
  /** Each request's own `Authorization: Zoho-oauthtoken …` header is passed upstream; no stored credential. */
  | { readonly mode: 'forwarded' }
  /** One fixed access token for every request (tokens expire after an hour: for development and tests). */
  | { readonly mode: 'static'; readonly accessToken: string }
  /** A service identity: access tokens are minted from the refresh token at the accounts server and cached. */
  | {
      readonly mode: 'service';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly refreshToken: string;
    };

export interface Config {
  /** NODE_ENV. */
  readonly env: NodeEnv;
  /** `env === 'production'`: the stricter rules apply (no emulator, closed CORS, no introspection by default). */
  readonly isProduction: boolean;

  readonly server: {
    /** HOST: the interface the HTTP server binds. */
    readonly host: string;
    /** PORT: the HTTP port (0 = ephemeral, for tests). */
    readonly port: number;
    /** CORS_ORIGINS: `'*'` allows any origin; an empty list closes CORS (no CORS headers are sent). */
    readonly corsOrigins: '*' | readonly string[];
    /** INTROSPECTION: whether GraphQL introspection is served. */
    readonly introspection: boolean;
    /** SHUTDOWN_DELAY_MS: on SIGTERM, how long the replica keeps serving (unready) before it closes its listener. */
    readonly shutdownDelayMs: number;
    /** SHUTDOWN_DRAIN_MS: on SIGTERM, how long in-flight requests may finish before the process exits. */
    readonly shutdownDrainMs: number;
  };

  readonly gateway: {
    /** GATEWAY_SHARED_SECRET: when set, every request must carry it in `secretHeader`; null = not required. */
    readonly sharedSecret: string | null;
    /** GATEWAY_SECRET_HEADER, lower-cased (Node lower-cases incoming header names). */
    readonly secretHeader: string;
    /** GATEWAY_HMAC_SECRET: when set, a request Hive Gateway signed with it is admitted; null = not used. */
    readonly hmacSecret: string | null;
  };

  readonly auth: AuthConfig;

  readonly upstream: {
    /** ZOHO_DC: the data centre the default URLs point at. */
    readonly dc: ZohoDataCentre;
    /** ZOHO_API_DIALECT, or derived: `live` when the API host is one of Zoho's data centres, else `seed`. */
    readonly dialect: ApiDialect;
    /** ZOHO_DEPARTMENT_ID (live dialect): the department every call names; null = the user's preferred one. */
    readonly departmentId: string | null;
    /**
     * The Zoho Assist API base, without a trailing slash (e.g. `https://assist.zoho.com/api/v2`).
     * `null` when the embedded emulator is enabled: its address is known only once it listens, and the
     * bootstrap substitutes it.
     */
    readonly apiUrl: string | null;
    /** The accounts (OAuth) base, without a trailing slash. `null` when the embedded emulator is enabled. */
    readonly accountsUrl: string | null;
    /** UPSTREAM_CONNECT_TIMEOUT_MS: time allowed to open a connection to Zoho. */
    readonly connectTimeoutMs: number;
    /** UPSTREAM_TIMEOUT_MS: time allowed for one upstream request, response included. */
    readonly timeoutMs: number;
    /** UPSTREAM_RETRIES: retries of an idempotent upstream call after a 429, 5xx or network failure. */
    readonly retries: number;
    /** UPSTREAM_MAX_RETRY_AFTER_SECONDS: a longer `Retry-After` fails fast instead of waiting. */
    readonly maxRetryAfterSeconds: number;
    /** UPSTREAM_CONCURRENCY: upstream calls one GraphQL operation may have in flight at once. */
    readonly concurrencyPerOperation: number;
  };

  readonly operation: {
    /** OPERATION_DEADLINE_MS: a GraphQL operation's total time budget; pending upstream calls are aborted. */
    readonly deadlineMs: number;
    /** MAX_UPSTREAM_CALLS_PER_OPERATION: upstream calls one GraphQL operation may make in total. */
    readonly maxUpstreamCalls: number;
  };

  readonly subscriptions: {
    /** LIVE_POLL_INTERVAL_MS: how often the poller reads what subscribers watch; null = no poller. */
    readonly pollIntervalMs: number | null;
    /** SUBSCRIPTION_CALLBACK_ORIGINS: where Apollo Router's callback protocol may send; empty = protocol off. */
    readonly callbackOrigins: readonly string[];
  };

  readonly events: {
    /** ZOHO_WEBHOOK_TOKEN: the path token of `POST /webhooks/zoho-assist/<token>`; null = no webhook route. */
    readonly webhookToken: string | null;
    /** ROUTER_INVALIDATION_URL and _KEY: where and with what shared key to POST cache tags; null = not sent. */
    readonly router: { readonly url: string; readonly key: string; readonly subgraph: string } | null;
  };

  readonly limits: {
    /** RATE_LIMIT_PER_MINUTE: Zoho's burst limit, spent by every replica together. */
    readonly perMinute: number;
    /** RATE_LIMIT_PER_DAY: Zoho's daily limit, spent by every replica together. */
    readonly perDay: number;
    /** RATE_LIMIT_WINDOW_MS: the burst window `perMinute` applies to (a minute, except in tests). */
    readonly windowMs: number;
    /** RATE_LIMIT_SCOPE: in forwarded mode, one budget for the organisation or one per user token. */
    readonly scope: 'organisation' | 'token';
    /** UNVERIFIED_TOKEN_CALLS_PER_MINUTE: forwarded mode's window for tokens Zoho has not accepted yet. */
    readonly unverifiedPerMinute: number;
    /** RATE_LIMIT_MAX_SHARE_PER_TOKEN: most of the organisation's window one forwarded token may hold. */
    readonly maxSharePerToken: number;
    /** DEV_NO_RATE_LIMITS: the limits above are lifted to their maximums, in effect off (never in production). */
    readonly lifted: boolean;
    /** REDIS_URL: the shared budget store; null = in memory (correct for one replica only). */
    readonly redisUrl: string | null;
    /** REDIS_KEY_PREFIX: prefix of every Redis key this service writes. */
    readonly redisKeyPrefix: string;
  };

  readonly cache: {
    /** READ_CACHE: keep upstream GET answers across requests for a short, per-resource time. */
    readonly enabled: boolean;
    /** READ_CACHE_MAX_ENTRIES: bound of the in-memory cache (Redis entries expire on their own). */
    readonly maxEntries: number;
    /** RESPONSE_CACHE: keep whole query responses too (only with the read cache on); src/cache/response-cache.ts. */
    readonly responses: boolean;
    /** RESPONSE_CACHE_MAX_MB: bound of the kept responses, in MiB of their JSON. */
    readonly responsesMaxMb: number;
  };

  readonly emulator: {
    /** Whether the bootstrap starts the embedded Zoho Assist emulator and points the client at it. */
    readonly enabled: boolean;
    /** EMULATOR_PORT: the embedded emulator's port (0 = ephemeral). */
    readonly port: number;
    /** Whether the embedded emulator enforces Zoho's 50 a minute and 5,000 a day (off with DEV_NO_RATE_LIMITS). */
    readonly rateLimits: boolean;
  };

  readonly log: {
    /** LOG_LEVEL. */
    readonly level: LogLevel;
  };

  readonly metrics: {
    /** METRICS_ENABLED: whether `/metrics` is served and metrics are recorded. */
    readonly enabled: boolean;
  };

  readonly tracing: {
    /** OTEL_EXPORTER_OTLP_ENDPOINT: where OpenTelemetry spans are exported; null = tracing off. */
    readonly otlpEndpoint: string | null;
    /** OTEL_SERVICE_NAME: the resource's `service.name`; null = from `resourceAttributes`, else the default. */
    readonly serviceName: string | null;
    /** OTEL_RESOURCE_ATTRIBUTES, decoded: attributes of the resource every span carries. */
    readonly resourceAttributes: Readonly<Record<string, string>>;
    /** TRACING_SPAN_NAME_WITH_OPERATION_NAME: operation spans named `query Dashboard` rather than `query`. */
    readonly spanNameWithOperationName: boolean;
  };

  readonly federation: {
    /** FEDERATION_SECURITY_DIRECTIVES: whether `_service { sdl }` carries `@authenticated`/`@requiresScopes`. */
    readonly securityDirectives: boolean;
  };
}

/** One problem with the environment, attributed to the variable that must change. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/** Thrown by `loadConfig`; the message lists every problem, one per line. Never carries a secret's value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'),
    );
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The environment schema: one entry per variable, documentation registered beside the parser
// ---------------------------------------------------------------------------------------------------------

interface VariableDoc {
  /**
   * The default as it would be written in the environment (`4001`), prose saying how the value is derived when
   * unset (always containing a space), or `''` when unset simply means "not used".
   */
  readonly default: string;
  readonly description: string;
  /** The value is never printed: not in errors, not in logs. */
  readonly secret: boolean;
}

/** Documentation keyed by the exact schema object placed in `envSchema`'s shape. */
const variableDocs = new WeakMap<z.ZodType, VariableDoc>();

/** A variable parsed from its string form. */
type EnvParser = z.ZodType<unknown, string>;

/** A variable with a literal default: the default goes through the same parser, so it is valid by construction. */
function withDefault<S extends EnvParser>(schema: S, fallback: string, description: string) {
  // `prefault` (unlike `default`) runs the fallback through the parser. Its parameter type is the schema's input,
  // which TypeScript cannot resolve for a generic S even though EnvParser pins it to string.
  const variable = schema.prefault(fallback as never);
  variableDocs.set(variable, { default: fallback, description, secret: false });
  return variable;
}

/** A variable that may stay unset; `whenUnset` documents what then happens. */
function optional<S extends EnvParser>(
  schema: S,
  description: string,
  { whenUnset = '', secret = false }: { whenUnset?: string; secret?: boolean } = {},
) {
  const variable = schema.optional();
  variableDocs.set(variable, { default: whenUnset, description, secret });
  return variable;
}

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** A decimal in (0, 1], such as `0.5`. */
const fraction = () =>
  z
    .string()
    .regex(/^(0?\.\d+|1(\.0*)?)$/, 'expected a fraction such as 0.5 (above 0, at most 1)')
    .transform(Number)
    .pipe(z.number().gt(0, 'must be above 0').max(1, 'must be at most 1'));

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.join(', ')}` });

const flag = () => z.stringbool({ error: 'expected true or false (also 1/0, yes/no, on/off)' });

const httpUrl = () =>
  z
    .url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' })
    .transform((url) => url.replace(/\/+$/, ''));

/** Secrets are opaque; the only check is one that catches a pasted value with a line break or space in it. */
const secretString = () => z.string().regex(/^\S+$/, 'must not contain whitespace');

/** OTEL_RESOURCE_ATTRIBUTES as the OpenTelemetry specification writes it; unlike the SDK, a bad one stops start-up. */
const resourceAttributes = () =>
  z.string().transform((value, ctx): Record<string, string> => {
    const attributes: Record<string, string> = {};
    for (const pair of value.split(',').filter((entry) => entry.trim() !== '')) {
      const [key, attribute, ...extra] = pair.split('=').map((part) => part.trim());
      let decoded: [string, string] | undefined;
      try {
        if (key && attribute !== undefined && extra.length === 0)
          decoded = [decodeURIComponent(key), decodeURIComponent(attribute)];
      } catch {
        // A malformed percent-escape: reported below.
      }
      if (!decoded) {
        ctx.addIssue({
          code: 'custom',
          message: `"${pair}" is not key=value (percent-encode "," "=" and "%" inside a key or value)`,
        });
        continue;
      }
      attributes[decoded[0]] = decoded[1];
    }
    return attributes;
  });

const corsOrigins = () =>
  z.string().transform((value, ctx): '*' | string[] => {
    if (value === '*') return '*';
    if (value.toLowerCase() === 'none') return [];
    const origins = value
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter((origin) => origin !== '');
    for (const origin of origins) {
      if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
        ctx.addIssue({
          code: 'custom',
          message: `"${origin}" is not an origin (scheme://host[:port]); use *, none, or a comma-separated list of origins`,
        });
      }
    }
    return origins;
  });

/** Comma-separated http(s) origins; empty = none. */
const originList = () =>
  z.string().transform((value, ctx): string[] => {
    const origins = value
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter((origin) => origin !== '');
    for (const origin of origins) {
      if (
        !URL.canParse(origin) ||
        new URL(origin).origin !== origin ||
        !/^https?:$/.test(new URL(origin).protocol)
      )
        ctx.addIssue({
          code: 'custom',
          message: `"${origin}" is not an http(s) origin (scheme://host[:port])`,
        });
    }
    return origins;
  });

/** An HTTP field name is an RFC 9110 `token`. */
const SECRET_HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The largest budget the limiter accepts; DEV_NO_RATE_LIMITS sets these, so the limiter never refuses. */
const MAX_PER_MINUTE = 1_000_000;
const MAX_PER_DAY = 100_000_000;

/**
 * Every variable the subgraph reads. The key order is the documentation order.
 * Exported for tooling; application code uses `loadConfig`.
 */
export const envSchema = z.object({
  NODE_ENV: withDefault(
    oneOf(['development', 'production', 'test']),
    'development',
    '`production` turns on the strict rules: no emulator, closed CORS and no introspection by default, https upstreams.',
  ),
  PORT: withDefault(wholeNumber(0, 65535), '4001', 'HTTP port of the subgraph (0 = ephemeral).'),
  HOST: withDefault(
    z.string().regex(/^\S+$/, 'must not contain whitespace'),
    '0.0.0.0',
    'Interface the HTTP server binds.',
  ),

  ZOHO_DC: withDefault(
    oneOf(DATA_CENTRE_NAMES),
    'us',
    `Zoho data centre whose Assist and accounts hosts are used: ${DATA_CENTRE_NAMES.join(', ')}.`,
  ),
  ZOHO_ASSIST_API_URL: optional(
    httpUrl(),
    'Full Zoho Assist API base, e.g. `http://127.0.0.1:4010/api/v2`; overrides the data centre.',
    { whenUnset: 'from `ZOHO_DC`' },
  ),
  ZOHO_ACCOUNTS_URL: optional(
    httpUrl(),
    'Zoho accounts (OAuth) base used to mint tokens; overrides the data centre.',
    {
      whenUnset: 'from `ZOHO_DC`',
    },
  ),
  ZOHO_API_DIALECT: optional(
    oneOf(['live', 'seed']),
    "Which API the upstream speaks: `live` is Zoho's published Assist API v2 (`/session`, `/devices`, `/reports`…); `seed` is the API the project seed describes (`/sessions`, `/technicians`…), which only the emulator serves. It also picks the graph served: the live graph (`docs/subgraph.live.graphql`) has only what Zoho's API can serve. Setting it alone does not turn the embedded emulator off: it serves both.",
    {
      whenUnset:
        "`live` when the API host is one of Zoho's data centres (`ZOHO_DC`, or `ZOHO_ASSIST_API_URL` on an `assist.zoho…` host), `seed` otherwise (the embedded emulator, any other URL)",
    },
  ),
  ZOHO_DEPARTMENT_ID: optional(
    z.string().regex(/^\d{1,19}$/, 'expected a Zoho department id (digits only)'),
    'Live dialect: the Zoho Assist department every device, group, schedule and unattended call names (Zoho requires one).',
    {
      whenUnset:
        "the token user's `preferred_department` (`GET /api/v2/user`, once per credential and process)",
    },
  ),

  AUTH_MODE: optional(
    oneOf(['forwarded', 'service', 'static']),
    '`forwarded`: each request passes its own `Authorization: Zoho-oauthtoken …` header upstream. ' +
      '`service`: tokens are minted from `ZOHO_CLIENT_ID`, `ZOHO_CLIENT_SECRET` and `ZOHO_REFRESH_TOKEN`. ' +
      '`static`: every request uses `ZOHO_ACCESS_TOKEN`.',
    {
      whenUnset:
        '`service` if any service credential is set, else `static` if `ZOHO_ACCESS_TOKEN` is set, else `forwarded`',
    },
  ),
  ZOHO_ACCESS_TOKEN: optional(secretString(), 'Access token for `AUTH_MODE=static`.', { secret: true }),
  ZOHO_CLIENT_ID: optional(
    z.string().regex(/^\S+$/, 'must not contain whitespace'),
    'OAuth client id for `AUTH_MODE=service`.',
  ),
  ZOHO_CLIENT_SECRET: optional(secretString(), 'OAuth client secret for `AUTH_MODE=service`.', {
    secret: true,
  }),
  ZOHO_REFRESH_TOKEN: optional(secretString(), 'OAuth refresh token for `AUTH_MODE=service`.', {
    secret: true,
  }),
  GATEWAY_SHARED_SECRET: optional(
    secretString(),
    'When set, every request must carry this value in the `GATEWAY_SECRET_HEADER` header (only the gateway may call the subgraph).',
    { whenUnset: 'unset (not required)', secret: true },
  ),
  GATEWAY_SECRET_HEADER: withDefault(
    z
      .string()
      .regex(SECRET_HEADER_NAME, 'expected an HTTP header name')
      .transform((name) => name.toLowerCase()),
    'x-gateway-secret',
    'Header that carries `GATEWAY_SHARED_SECRET`.',
  ),
  GATEWAY_HMAC_SECRET: optional(
    secretString(),
    'Hive Gateway\'s `hmacSignature` secret: when set, a request whose `extensions["hmac-signature"]` is the HMAC-SHA256 of its query and variables under this key is admitted (an alternative to `GATEWAY_SHARED_SECRET`; with both set, either proof admits).',
    { whenUnset: 'unset (not used)', secret: true },
  ),
  ALLOW_UNAUTHENTICATED_CALLERS: withDefault(
    flag(),
    'false',
    'With `NODE_ENV=production` in `service` or `static` mode, the subgraph refuses to start unless `GATEWAY_SHARED_SECRET` or `GATEWAY_HMAC_SECRET` is set: any caller would read Zoho data with the stored credential. `true` starts it anyway, for a network where only the gateway can reach the port.',
  ),

  EMULATOR: withDefault(
    oneOf(['auto', 'on', 'off']),
    'auto',
    '`on` starts the embedded Zoho Assist emulator and points the client at it. ' +
      '`auto` = on when no `ZOHO_*` variable is set and `NODE_ENV` is not `production`.',
  ),
  EMULATOR_PORT: withDefault(wholeNumber(0, 65535), '0', 'Port of the embedded emulator (0 = ephemeral).'),

  UPSTREAM_CONNECT_TIMEOUT_MS: withDefault(
    wholeNumber(1, 600_000),
    '2000',
    'Time allowed to open a connection to Zoho, in milliseconds.',
  ),
  UPSTREAM_TIMEOUT_MS: withDefault(
    wholeNumber(1, 600_000),
    '10000',
    'Time allowed for one upstream request, response included, in milliseconds.',
  ),
  UPSTREAM_RETRIES: withDefault(
    wholeNumber(0, 10),
    '2',
    'Retries of an idempotent upstream call after a 429, a 5xx or a network failure.',
  ),
  UPSTREAM_MAX_RETRY_AFTER_SECONDS: withDefault(
    wholeNumber(0, 3600),
    '5',
    'Longest `Retry-After` worth waiting for; a longer one fails the call at once with `RATE_LIMITED`.',
  ),
  UPSTREAM_CONCURRENCY: withDefault(
    wholeNumber(1, 1000),
    '8',
    'Upstream calls one GraphQL operation may have in flight at once.',
  ),
  OPERATION_DEADLINE_MS: withDefault(
    wholeNumber(1, 3_600_000),
    '15000',
    'Total time budget of one GraphQL operation, in milliseconds; pending upstream calls are aborted.',
  ),
  MAX_UPSTREAM_CALLS_PER_OPERATION: withDefault(
    wholeNumber(1, 100_000),
    '25',
    'Upstream calls one GraphQL operation may make in total; beyond it the operation fails. Below `RATE_LIMIT_PER_MINUTE` (half of it by default), so one operation cannot take the whole window.',
  ),

  RATE_LIMIT_PER_MINUTE: withDefault(
    wholeNumber(1, MAX_PER_MINUTE),
    '50',
    "Zoho's burst limit: upstream calls per minute, shared by every replica.",
  ),
  RATE_LIMIT_PER_DAY: withDefault(
    wholeNumber(1, MAX_PER_DAY),
    '5000',
    "Zoho's daily limit: upstream calls per day, shared by every replica.",
  ),
  RATE_LIMIT_WINDOW_MS: withDefault(
    wholeNumber(1000, 3_600_000),
    '60000',
    "Length of the burst window `RATE_LIMIT_PER_MINUTE` counts in, in milliseconds (Zoho's is a minute; shorter only for tests).",
  ),
  RATE_LIMIT_SCOPE: withDefault(
    oneOf(['organisation', 'token']),
    'organisation',
    "Whose budget a call spends in `forwarded` mode: `organisation` = one budget for every user (one Zoho organisation behind the gateway), `token` = one per user token. Service and static modes spend their credential's budget.",
  ),
  UNVERIFIED_TOKEN_CALLS_PER_MINUTE: withDefault(
    wholeNumber(1, 1_000_000),
    '5',
    '`forwarded` mode: upstream calls per window for all tokens Zoho has not accepted yet, together, taken out of `RATE_LIMIT_PER_MINUTE` (at most all but one call of it); made-up tokens cannot spend the rest. A token Zoho rejected (401) is refused at once for 10 minutes.',
  ),
  RATE_LIMIT_MAX_SHARE_PER_TOKEN: withDefault(
    fraction(),
    '0.5',
    '`forwarded` mode with `RATE_LIMIT_SCOPE=organisation`: the most of `RATE_LIMIT_PER_MINUTE` one token may spend in a window, so one busy user always leaves room for the others; `1` turns the limit off.',
  ),
  DEV_NO_RATE_LIMITS: withDefault(
    flag(),
    'false',
    "Development only (refused with `NODE_ENV=production`): turns off the subgraph's rate limits (`RATE_LIMIT_PER_MINUTE`, `RATE_LIMIT_PER_DAY` and the per-token share lifted to their maximums) and the embedded emulator's, so clicking around a UI never meets `RATE_LIMITED`. `MAX_UPSTREAM_CALLS_PER_OPERATION` still applies. Against Zoho itself, Zoho's own limits still answer 429.",
  ),
  REDIS_URL: optional(
    z.url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL' }),
    'Redis holding the shared rate-limit budget (and shared caches). May carry a password.',
    { whenUnset: 'in memory (one replica only)', secret: true },
  ),
  REDIS_KEY_PREFIX: withDefault(
    z.string().regex(/^\S+$/, 'must not contain whitespace'),
    'zoho-assist:',
    'Prefix of every Redis key this service writes.',
  ),
  READ_CACHE: withDefault(
    flag(),
    'true',
    'Keep upstream GET answers across requests (technicians and customers 60 s, computers 30 s, sessions 5 s, reports 300 s), per user token in `forwarded` mode; mutations invalidate what they change. In Redis when `REDIS_URL` is set.',
  ),
  READ_CACHE_MAX_ENTRIES: withDefault(
    wholeNumber(1, 10_000_000),
    '10000',
    'Most answers the in-memory read cache holds (least recently used go first).',
  ),
  RESPONSE_CACHE: withDefault(
    flag(),
    'true',
    "With `READ_CACHE` on, also keep whole query responses in each process's memory for the lifetime the schema's `@cacheControl` hints give them (the read cache's lifetimes), so a repeated query runs no resolver and calls nothing. Per caller (a fingerprint of its `Authorization` header) in `forwarded` mode; answers with errors are never kept. Whatever makes the read cache forget something (a write that may have reached Zoho, a change event) drops every kept response, on every replica with `REDIS_URL`. Ignored when `READ_CACHE=false`.",
  ),
  RESPONSE_CACHE_MAX_MB: withDefault(
    wholeNumber(1, 100_000),
    '32',
    "Most MiB of responses the response cache holds in each process's memory (least recently used go first).",
  ),

  LOG_LEVEL: withDefault(
    oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    'info',
    'Lowest level written to the JSON log.',
  ),
  CORS_ORIGINS: optional(
    corsOrigins(),
    'Comma-separated origins allowed by CORS, `*` for any, `none` for closed.',
    { whenUnset: '`*` in development and test, closed in production' },
  ),
  INTROSPECTION: optional(flag(), 'Serve GraphQL introspection.', {
    whenUnset: 'true, except in production',
  }),
  FEDERATION_SECURITY_DIRECTIVES: withDefault(
    flag(),
    'true',
    "Whether `_service { sdl }` carries `@authenticated` and `@requiresScopes` (and imports them). `false` for Apollo Gateway (JavaScript) composing with `IntrospectAndCompose`: it refuses a supergraph with these directives. Zoho still enforces every scope on the caller's token.",
  ),
  METRICS_ENABLED: withDefault(flag(), 'true', 'Record Prometheus metrics and serve them at `/metrics`.'),
  OTEL_EXPORTER_OTLP_ENDPOINT: optional(httpUrl(), 'OTLP endpoint receiving OpenTelemetry traces.', {
    whenUnset: 'unset (tracing off)',
  }),
  OTEL_SERVICE_NAME: optional(
    z.string(),
    "`service.name` of the traces' resource (OpenTelemetry's standard variable); overrides a `service.name` in `OTEL_RESOURCE_ATTRIBUTES`.",
    { whenUnset: '`service.name` of `OTEL_RESOURCE_ATTRIBUTES`, else `zoho-assist-subgraph`' },
  ),
  OTEL_RESOURCE_ATTRIBUTES: optional(
    resourceAttributes(),
    "More attributes of the traces' resource (OpenTelemetry's standard variable): `key=value` pairs separated by commas, `,` `=` and `%` in them percent-encoded, e.g. `deployment.environment.name=production,service.version=1.4.0`.",
  ),
  TRACING_SPAN_NAME_WITH_OPERATION_NAME: withDefault(
    flag(),
    'false',
    "Name each operation's span `query Dashboard` (type and the client's operation name) instead of `query`. Off by default, as OpenTelemetry's GraphQL conventions advise: clients choose operation names, so span names would multiply with them.",
  ),
  SHUTDOWN_DELAY_MS: optional(
    wholeNumber(0, 600_000),
    'On SIGTERM, how long the replica keeps serving, with `/health/ready` answering 503, before it stops taking requests, in milliseconds: the time Kubernetes endpoints, kube-proxy and gateways take to stop sending it new ones.',
    { whenUnset: '`5000` in production, `0` otherwise' },
  ),
  SHUTDOWN_DRAIN_MS: withDefault(
    wholeNumber(0, 600_000),
    '10000',
    'On SIGTERM, how long in-flight requests may finish before the process exits, in milliseconds.',
  ),
  LIVE_POLL_INTERVAL_MS: optional(
    wholeNumber(100, 3_600_000),
    'For subscriptions where no webhook comes: every this many milliseconds, while someone on this replica is subscribed, read what subscribers watch (the first page of a list, or the watched ids) and publish what really changed. Its calls spend the same budget as every call; with nobody subscribed it makes none. Each replica with subscribers polls for its own (docs/subscriptions.md).',
    { whenUnset: 'off' },
  ),
  SUBSCRIPTION_CALLBACK_ORIGINS: withDefault(
    originList(),
    '',
    "Origins (`https://router.internal:4000`, comma-separated) to which subscriptions may be delivered by Apollo Router's HTTP callback protocol: the router names its callback URL in each request, and this subgraph POSTs changes there, so only the router's own origin belongs here. Empty: the callback protocol is off and subscriptions run over `graphql-ws` only.",
  ),
  ZOHO_WEBHOOK_TOKEN: optional(
    z.string().regex(/^[A-Za-z0-9_-]{32,256}$/, 'expected 32 to 256 characters of A-Z a-z 0-9 _ -'),
    "Receive Zoho Assist's webhooks at `POST /webhooks/zoho-assist/<this token>` (the URL to configure in Zoho's webhook settings). Zoho signs nothing, so this path token is the only proof of the sender: make it random, e.g. `openssl rand -hex 32`. Each event makes the caches forget what it names and reaches subscribers on every replica (docs/events.md).",
    { whenUnset: 'unset (no webhook route: 404)', secret: true },
  ),
  ROUTER_INVALIDATION_URL: optional(
    httpUrl(),
    "Apollo Router's response cache invalidation endpoint (its `invalidation.listen` and `path`): after each mutation and each change event, the replica where it happened POSTs the affected cache tags there (docs/events.md). Needs `ROUTER_INVALIDATION_KEY`.",
    { whenUnset: 'unset (routers are not told)' },
  ),
  ROUTER_INVALIDATION_KEY: optional(
    secretString(),
    "The router's `invalidation.shared_key` for this subgraph, sent as the `Authorization` header of each invalidation request.",
    { whenUnset: 'unset', secret: true },
  ),
  ROUTER_INVALIDATION_SUBGRAPH: withDefault(
    z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a subgraph name'),
    'zoho-assist',
    "This subgraph's name in the supergraph, which the router's invalidation requests name.",
  ),
});

type EnvShape = typeof envSchema.shape;
export type EnvVariable = keyof EnvShape;
type Env = z.output<typeof envSchema>;

/** Every variable, in schema order, with its default and description: the table of docs/configuration.md. */
export const configDocs: ReadonlyArray<{
  name: string;
  default: string;
  description: string;
  secret: boolean;
}> = Object.freeze(
  (Object.entries(envSchema.shape) as Array<[EnvVariable, z.ZodType]>).map(([name, schema]) => {
    const doc = variableDocs.get(schema);
    // A variable added without withDefault/optional would be undocumented: fail at import, not in review.
    if (!doc) throw new Error(`config: variable ${name} has no documentation`);
    return Object.freeze({ name, ...doc });
  }),
);

const SECRET_VARIABLES: ReadonlySet<string> = new Set(configDocs.filter((d) => d.secret).map((d) => d.name));
const SERVICE_CREDENTIALS = ['ZOHO_CLIENT_ID', 'ZOHO_CLIENT_SECRET', 'ZOHO_REFRESH_TOKEN'] as const;

// ---------------------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------------------

/**
 * Reads and validates the configuration. Call once at startup and pass the result down; nothing else in the
 * product reads `process.env`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const names = Object.keys(envSchema.shape) as EnvVariable[];
  const raw: Partial<Record<EnvVariable, string>> = {};
  for (const name of names) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const isSet = (name: EnvVariable) => raw[name] !== undefined;

  // Each variable is parsed on its own so one bad value does not hide the problems of the others, and the
  // cross-variable rules can still run on every variable that did parse.
  const problems: ConfigProblem[] = [];
  const parsed: Partial<Env> = {};
  const failed = new Set<EnvVariable>();
  for (const name of names) {
    const result = envSchema.shape[name].safeParse(raw[name]);
    if (result.success) {
      (parsed as Record<string, unknown>)[name] = result.data;
      continue;
    }
    failed.add(name);
    for (const issue of result.error.issues) {
      problems.push({ variable: name, message: withReceived(name, issue.message, raw[name]) });
    }
  }

  problems.push(...crossVariableProblems(parsed, failed, isSet));
  if (problems.length > 0) throw new ConfigError(problems);

  return deepFreeze(build(envSchema.parse(raw), isSet));
}

function withReceived(name: EnvVariable, message: string, value: string | undefined): string {
  if (value === undefined || SECRET_VARIABLES.has(name)) return message;
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return `${message} (got ${JSON.stringify(shown)})`;
}

/** `service` or `static` when the credentials of exactly one kind are set; `ambiguous` when both are. */
function deriveAuthMode(
  explicit: AuthMode | undefined,
  isSet: (name: EnvVariable) => boolean,
): AuthMode | 'ambiguous' {
  if (explicit) return explicit;
  const service = SERVICE_CREDENTIALS.some(isSet);
  const token = isSet('ZOHO_ACCESS_TOKEN');
  if (service && token) return 'ambiguous';
  if (service) return 'service';
  if (token) return 'static';
  return 'forwarded';
}

function emulatorEnabled(
  mode: 'auto' | 'on' | 'off',
  production: boolean,
  isSet: (name: EnvVariable) => boolean,
) {
  if (mode !== 'auto') return mode === 'on';
  // The dialect says how to speak, not to whom: the embedded emulator speaks both.
  const anyZoho = (Object.keys(envSchema.shape) as EnvVariable[]).some(
    (n) => n.startsWith('ZOHO_') && n !== 'ZOHO_API_DIALECT' && isSet(n),
  );
  return !production && !anyZoho;
}

/** Live on Zoho's own hosts; seed on the embedded emulator or any other URL, unless ZOHO_API_DIALECT says. */
function deriveDialect(
  explicit: ApiDialect | undefined,
  emulator: boolean,
  apiUrl: string | undefined,
  dc: ZohoDataCentre,
): ApiDialect {
  if (explicit) return explicit;
  if (emulator) return 'seed';
  return dataCentreOfApiUrl(apiUrl ?? dataCentreUrls(dc).apiUrl) ? 'live' : 'seed';
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}

/** Rules between variables. Each runs only when the variables it reads parsed, so it never reports noise. */
function crossVariableProblems(
  v: Partial<Env>,
  failed: ReadonlySet<EnvVariable>,
  isSet: (name: EnvVariable) => boolean,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const problem = (variable: EnvVariable, message: string) => problems.push({ variable, message });
  const ok = (...names: EnvVariable[]) => names.every((n) => !failed.has(n));
  const production = v.NODE_ENV === 'production';

  if (isSet('ROUTER_INVALIDATION_URL') !== isSet('ROUTER_INVALIDATION_KEY')) {
    const missing = isSet('ROUTER_INVALIDATION_URL') ? 'ROUTER_INVALIDATION_KEY' : 'ROUTER_INVALIDATION_URL';
    problem(missing, 'required when the other of ROUTER_INVALIDATION_URL and ROUTER_INVALIDATION_KEY is set');
  }

  if (ok('AUTH_MODE')) {
    const mode = deriveAuthMode(v.AUTH_MODE, isSet);
    const how = v.AUTH_MODE ? `AUTH_MODE=${mode}` : `AUTH_MODE (derived: ${mode})`;
    if (mode === 'ambiguous') {
      problem(
        'AUTH_MODE',
        'unset, but both ZOHO_ACCESS_TOKEN (static) and service credentials (ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ' +
          'ZOHO_REFRESH_TOKEN) are set; set AUTH_MODE to service or static, and remove the unused ones',
      );
    } else if (mode === 'service') {
      for (const name of SERVICE_CREDENTIALS) {
        if (!isSet(name)) problem(name, `required when ${how}`);
      }
      if (isSet('ZOHO_ACCESS_TOKEN')) {
        problem('ZOHO_ACCESS_TOKEN', `is set but unused: ${how} mints its own tokens; remove it`);
      }
    } else if (mode === 'static') {
      if (!isSet('ZOHO_ACCESS_TOKEN')) problem('ZOHO_ACCESS_TOKEN', `required when ${how}`);
      for (const name of SERVICE_CREDENTIALS) {
        if (isSet(name)) problem(name, `is set but unused: ${how} sends ZOHO_ACCESS_TOKEN; remove it`);
      }
    } else {
      for (const name of ['ZOHO_ACCESS_TOKEN', ...SERVICE_CREDENTIALS] as const) {
        if (isSet(name)) problem(name, `is set but unused: ${how} passes each caller's own token; remove it`);
      }
    }
  }

  if (ok('EMULATOR') && v.EMULATOR === 'on') {
    if (ok('NODE_ENV') && production) {
      problem('EMULATOR', 'must not be on when NODE_ENV=production (the emulator is not Zoho)');
    }
    for (const name of ['ZOHO_DC', 'ZOHO_ASSIST_API_URL', 'ZOHO_ACCOUNTS_URL'] as const) {
      if (isSet(name))
        problem(name, 'contradicts EMULATOR=on: the embedded emulator is the upstream; unset one of them');
    }
  }

  if (ok('EMULATOR', 'NODE_ENV', 'PORT', 'EMULATOR_PORT') && v.EMULATOR && v.PORT !== undefined) {
    const enabled = emulatorEnabled(v.EMULATOR, production, isSet);
    if (enabled && v.EMULATOR_PORT !== 0 && v.EMULATOR_PORT === v.PORT) {
      problem('EMULATOR_PORT', `must differ from PORT (${v.PORT})`);
    }
  }

  if (ok('NODE_ENV') && production) {
    // Tokens travel in every upstream request; in production they must not cross the network in clear text.
    for (const name of ['ZOHO_ASSIST_API_URL', 'ZOHO_ACCOUNTS_URL'] as const) {
      const url = v[name];
      if (url && ok(name) && url.startsWith('http:') && !isLoopback(url)) {
        problem(name, 'must use https when NODE_ENV=production (it carries Zoho tokens)');
      }
    }
  }

  // A stored credential answers whoever reaches the port: in production a caller must prove it is the gateway,
  // unless the operator says the network already sees to that.
  if (
    ok('NODE_ENV', 'AUTH_MODE', 'ALLOW_UNAUTHENTICATED_CALLERS') &&
    production &&
    !isSet('GATEWAY_SHARED_SECRET') &&
    !isSet('GATEWAY_HMAC_SECRET') &&
    v.ALLOW_UNAUTHENTICATED_CALLERS !== true
  ) {
    const mode = deriveAuthMode(v.AUTH_MODE, isSet);
    if (mode === 'service' || mode === 'static') {
      problem(
        'GATEWAY_SHARED_SECRET',
        `required when NODE_ENV=production and AUTH_MODE=${mode}: without it any caller reads Zoho data with the ` +
          `stored credential. Set it (or GATEWAY_HMAC_SECRET for Hive Gateway's signed requests), or ` +
          `ALLOW_UNAUTHENTICATED_CALLERS=true if only the gateway can reach this port`,
      );
    }
  }

  if (
    isSet('ZOHO_DEPARTMENT_ID') &&
    ok('ZOHO_API_DIALECT', 'EMULATOR', 'NODE_ENV', 'ZOHO_ASSIST_API_URL', 'ZOHO_DC') &&
    v.EMULATOR &&
    v.ZOHO_DC &&
    deriveDialect(
      v.ZOHO_API_DIALECT,
      emulatorEnabled(v.EMULATOR, production, isSet),
      v.ZOHO_ASSIST_API_URL,
      v.ZOHO_DC,
    ) === 'seed'
  ) {
    problem('ZOHO_DEPARTMENT_ID', 'is set but unused: the seed dialect has no departments; remove it');
  }

  if (ok('DEV_NO_RATE_LIMITS') && v.DEV_NO_RATE_LIMITS) {
    if (ok('NODE_ENV') && production) {
      problem(
        'DEV_NO_RATE_LIMITS',
        "must not be true when NODE_ENV=production: Zoho's budget is the organisation's",
      );
    }
    for (const name of [
      'RATE_LIMIT_PER_MINUTE',
      'RATE_LIMIT_PER_DAY',
      'RATE_LIMIT_MAX_SHARE_PER_TOKEN',
    ] as const) {
      if (isSet(name))
        problem(name, 'contradicts DEV_NO_RATE_LIMITS=true, which lifts it; unset one of them');
    }
  }

  if (
    ok('UPSTREAM_CONNECT_TIMEOUT_MS', 'UPSTREAM_TIMEOUT_MS') &&
    v.UPSTREAM_CONNECT_TIMEOUT_MS !== undefined &&
    v.UPSTREAM_TIMEOUT_MS !== undefined &&
    v.UPSTREAM_CONNECT_TIMEOUT_MS > v.UPSTREAM_TIMEOUT_MS
  ) {
    problem(
      'UPSTREAM_CONNECT_TIMEOUT_MS',
      `(${v.UPSTREAM_CONNECT_TIMEOUT_MS}) must not exceed UPSTREAM_TIMEOUT_MS (${v.UPSTREAM_TIMEOUT_MS})`,
    );
  }

  if (
    ok('RATE_LIMIT_PER_MINUTE', 'RATE_LIMIT_PER_DAY') &&
    v.RATE_LIMIT_PER_MINUTE !== undefined &&
    v.RATE_LIMIT_PER_DAY !== undefined &&
    v.RATE_LIMIT_PER_MINUTE > v.RATE_LIMIT_PER_DAY
  ) {
    problem(
      'RATE_LIMIT_PER_MINUTE',
      `(${v.RATE_LIMIT_PER_MINUTE}) must not exceed RATE_LIMIT_PER_DAY (${v.RATE_LIMIT_PER_DAY})`,
    );
  }

  return problems;
}

function build(v: Env, isSet: (name: EnvVariable) => boolean): Config {
  const production = v.NODE_ENV === 'production';
  const mode = deriveAuthMode(v.AUTH_MODE, isSet);
  let auth: AuthConfig;
  if (mode === 'service' && v.ZOHO_CLIENT_ID && v.ZOHO_CLIENT_SECRET && v.ZOHO_REFRESH_TOKEN) {
    auth = {
      mode,
      clientId: v.ZOHO_CLIENT_ID,
      clientSecret: v.ZOHO_CLIENT_SECRET,
      refreshToken: v.ZOHO_REFRESH_TOKEN,
    };
  } else if (mode === 'static' && v.ZOHO_ACCESS_TOKEN) {
    auth = { mode, accessToken: v.ZOHO_ACCESS_TOKEN };
  } else if (mode === 'forwarded') {
    auth = { mode };
  } else {
    // crossVariableProblems rejected every other combination before build runs.
    throw new Error(`config: unreachable auth combination (${mode})`);
  }

  const emulator = emulatorEnabled(v.EMULATOR, production, isSet);
  const lifted = v.DEV_NO_RATE_LIMITS;
  const dc = dataCentreUrls(v.ZOHO_DC);

  return {
    env: v.NODE_ENV,
    isProduction: production,
    server: {
      host: v.HOST,
      port: v.PORT,
      corsOrigins: v.CORS_ORIGINS ?? (production ? [] : '*'),
      introspection: v.INTROSPECTION ?? !production,
      shutdownDelayMs: v.SHUTDOWN_DELAY_MS ?? (production ? 5000 : 0),
      shutdownDrainMs: v.SHUTDOWN_DRAIN_MS,
    },
    gateway: {
      sharedSecret: v.GATEWAY_SHARED_SECRET ?? null,
      secretHeader: v.GATEWAY_SECRET_HEADER,
      hmacSecret: v.GATEWAY_HMAC_SECRET ?? null,
    },
    auth,
    upstream: {
      dc: v.ZOHO_DC,
      dialect: deriveDialect(v.ZOHO_API_DIALECT, emulator, v.ZOHO_ASSIST_API_URL, v.ZOHO_DC),
      departmentId: v.ZOHO_DEPARTMENT_ID ?? null,
      apiUrl: emulator ? null : (v.ZOHO_ASSIST_API_URL ?? dc.apiUrl),
      accountsUrl: emulator ? null : (v.ZOHO_ACCOUNTS_URL ?? dc.accountsUrl),
      connectTimeoutMs: v.UPSTREAM_CONNECT_TIMEOUT_MS,
      timeoutMs: v.UPSTREAM_TIMEOUT_MS,
      retries: v.UPSTREAM_RETRIES,
      maxRetryAfterSeconds: v.UPSTREAM_MAX_RETRY_AFTER_SECONDS,
      concurrencyPerOperation: v.UPSTREAM_CONCURRENCY,
    },
    operation: { deadlineMs: v.OPERATION_DEADLINE_MS, maxUpstreamCalls: v.MAX_UPSTREAM_CALLS_PER_OPERATION },
    subscriptions: {
      pollIntervalMs: v.LIVE_POLL_INTERVAL_MS ?? null,
      callbackOrigins: v.SUBSCRIPTION_CALLBACK_ORIGINS,
    },
    events: {
      webhookToken: v.ZOHO_WEBHOOK_TOKEN ?? null,
      router:
        v.ROUTER_INVALIDATION_URL && v.ROUTER_INVALIDATION_KEY
          ? {
              url: v.ROUTER_INVALIDATION_URL,
              key: v.ROUTER_INVALIDATION_KEY,
              subgraph: v.ROUTER_INVALIDATION_SUBGRAPH,
            }
          : null,
    },
    limits: {
      perMinute: lifted ? MAX_PER_MINUTE : v.RATE_LIMIT_PER_MINUTE,
      perDay: lifted ? MAX_PER_DAY : v.RATE_LIMIT_PER_DAY,
      lifted,
      redisUrl: v.REDIS_URL ?? null,
      redisKeyPrefix: v.REDIS_KEY_PREFIX,
      windowMs: v.RATE_LIMIT_WINDOW_MS,
      scope: v.RATE_LIMIT_SCOPE,
      unverifiedPerMinute: v.UNVERIFIED_TOKEN_CALLS_PER_MINUTE,
      maxSharePerToken: lifted ? 1 : v.RATE_LIMIT_MAX_SHARE_PER_TOKEN,
    },
    cache: {
      enabled: v.READ_CACHE,
      maxEntries: v.READ_CACHE_MAX_ENTRIES,
      responses: v.READ_CACHE && v.RESPONSE_CACHE,
      responsesMaxMb: v.RESPONSE_CACHE_MAX_MB,
    },
    emulator: { enabled: emulator, port: v.EMULATOR_PORT, rateLimits: !lifted },
    log: { level: v.LOG_LEVEL },
    metrics: { enabled: v.METRICS_ENABLED },
    tracing: {
      otlpEndpoint: v.OTEL_EXPORTER_OTLP_ENDPOINT ?? null,
      serviceName: v.OTEL_SERVICE_NAME ?? null,
      resourceAttributes: v.OTEL_RESOURCE_ATTRIBUTES ?? {},
      spanNameWithOperationName: v.TRACING_SPAN_NAME_WITH_OPERATION_NAME,
    },
    federation: { securityDirectives: v.FEDERATION_SECURITY_DIRECTIVES },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The literal secret values in this configuration, for the logger's last-line scrubber (`createLogger`). */
export function secretValues(config: Config): string[] {
  const values: Array<string | null> = [
    config.gateway.sharedSecret,
    config.gateway.hmacSecret,
    config.limits.redisUrl,
    config.events.webhookToken,
    config.events.router?.key ?? null,
  ];
  if (config.auth.mode === 'static') values.push(config.auth.accessToken);
  if (config.auth.mode === 'service') values.push(config.auth.clientSecret, config.auth.refreshToken);
  if (config.limits.redisUrl)
    values.push(decodeURIComponent(new URL(config.limits.redisUrl).password) || null);
  return values.filter((value): value is string => value !== null && value !== '');
}
