/**
 * The structured JSON logger (pino). Credentials never reach the output, by three independent layers:
 *
 * 1. The `log` formatter: a logged object holding a secret-named key at any depth (headers, token fields, the
 *    config object) is copied with those keys censored, whatever their values' types.
 * 2. The `err` serializer: an error (and its `cause` chain, and whatever an HTTP library hung on it, such as
 *    request options with headers) is copied with every secret-named key censored and every string scrubbed.
 * 3. A last pass over each serialized line (pino's `streamWrite` hook): Zoho and bearer tokens in free text,
 *    OAuth form fields (`refresh_token=…`), secret-named JSON keys at any depth, and the literal values of the
 *    running process's own secrets (`secrets` option) are replaced before a byte is written.
 *
 * No line grows with what a client sends: a string longer than LOGGED_TEXT_MAX, wherever it sits in a logged
 * object, an error or a message, is cut to that length (a 1 MB operation name made a 1 MB line). Fields known to
 * be client-chosen are cut shorter where they are logged (`loggableText`).
 */
import { pino, stdSerializers } from 'pino';
import type { DestinationStream, Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

export const REDACTED = '[Redacted]';

/** The longest string any log line carries whole. */
export const LOGGED_TEXT_MAX = 2048;

/** `text` as a log line may carry it: at most `max` characters, a cut marked with the original length. */
export function loggableText(text: string, max = LOGGED_TEXT_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length} characters)`;
}

/** Object keys whose value is a secret wherever they appear. Matched case-insensitively by the scrubbers. */
const SECRET_KEYS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-gateway-secret',
  'password',
  'secret',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'clientSecret',
  'client_secret',
  'sharedSecret',
  'gatewaySharedSecret',
  'apiKey',
  'api_key',
  'redisUrl',
];

/**
 * Whether a logged object holds a secret-named key or an over-long string anywhere (bounded depth). Most lines
 * (one per operation) hold neither, and this walk is all they cost: pino's own path redaction with wildcards cost
 * about 60 µs a line, more than the rest of logging together.
 */
function needsScrubbing(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.length > LOGGED_TEXT_MAX;
  if (value === null || typeof value !== 'object' || depth > 8) return false;
  if (Array.isArray(value)) return value.some((item) => needsScrubbing(item, depth + 1));
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (SECRET_KEY_SET.has(key.toLowerCase()) || needsScrubbing(record[key], depth + 1)) return true;
  }
  return false;
}

const SECRET_KEY_SET: ReadonlySet<string> = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `Zoho-oauthtoken 1000.abc…`, `Bearer eyJ…`: the scheme stays, the credential goes. */
const AUTH_SCHEME = /\b(Zoho-oauthtoken|Bearer)(\s+)[^\s"'\\,;]+/gi;
/** OAuth form and query fields, as in the token mint request body or a logged URL. */
const FORM_FIELD = /\b(access_token|refresh_token|client_secret|password)=[^&\s"'\\]+/gi;
/** A secret-named key with a string value in serialized JSON, at any depth. */
const JSON_FIELD = new RegExp(
  `"(${SECRET_KEYS.map(escapeRegExp).join('|')})"\\s*:\\s*"(?:[^"\\\\]|\\\\.)*"`,
  'gi',
);
/** The same inside a JSON string (a response body quoted in a message): `\"access_token\":\"…\"`. */
const ESCAPED_JSON_FIELD = new RegExp(
  `\\\\"(${SECRET_KEYS.map(escapeRegExp).join('|')})\\\\"\\s*:\\s*\\\\"[^"\\\\]*\\\\"`,
  'gi',
);

/** Removes credentials from free text: messages, error messages and stacks, URLs. */
export function scrubText(text: string): string {
  return text.replace(AUTH_SCHEME, `$1$2${REDACTED}`).replace(FORM_FIELD, `$1=${REDACTED}`);
}

/** A deep copy with secret-named keys censored and every string scrubbed and cut; cycles and depth are bounded. */
function scrubValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(loggableText(value));
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth > 8) return '[Truncated]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] = SECRET_KEY_SET.has(key.toLowerCase()) ? REDACTED : scrubValue(child, depth + 1, seen);
  }
  return copy;
}

/** pino's error serializer (message, stack, `cause` chain, own properties), then scrubbed. */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return scrubValue(error);
  return scrubValue(stdSerializers.errWithCause(error));
}

export interface LoggerOptions {
  /** The lowest level written: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. */
  level: string;
  /**
   * Literal secret values of this process (e.g. from `secretValues(config)`); any occurrence in any line is
   * replaced. Values shorter than 6 characters are ignored (replacing them would mangle ordinary text).
   */
  secrets?: ReadonlyArray<string | null | undefined>;
  /** Where lines go; stdout by default. Tests pass a capturing stream. */
  destination?: DestinationStream | undefined;
}

export function createLogger(options: LoggerOptions): Logger {
  const literalSecrets = [...new Set(options.secrets ?? [])]
    .filter((secret): secret is string => typeof secret === 'string' && secret.length >= 6)
    // The longest first, so a secret containing another is replaced whole.
    .sort((a, b) => b.length - a.length)
    // A secret is matched both as written and as JSON escapes it inside a string.
    .flatMap((secret) => [...new Set([secret, JSON.stringify(secret).slice(1, -1)])]);

  const scrubLine = (line: string): string => {
    let out = scrubText(line)
      .replace(JSON_FIELD, (_match, key: string) => `"${key}":"${REDACTED}"`)
      .replace(ESCAPED_JSON_FIELD, (_match, key: string) => `\\"${key}\\":\\"${REDACTED}\\"`);
    for (const secret of literalSecrets) out = out.split(secret).join(REDACTED);
    return out;
  };

  const destination = options.destination ?? (stdoutSink ??= pino.destination({ sync: true }));

  return pino(
    {
      level: options.level,
      base: { service: 'zoho-assist-subgraph' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // Secret-named keys are censored and over-long strings cut at any depth, whatever their value's type;
        // objects with neither pass through uncopied.
        log: (object) => (needsScrubbing(object) ? (scrubValue(object) as Record<string, unknown>) : object),
      },
      serializers: { err: serializeError, error: serializeError },
      hooks: {
        // A message (Apollo's, or a library's) may quote what a client sent.
        logMethod(args, method) {
          for (let i = 0; i < args.length; i++) {
            const arg: unknown = args[i];
            if (typeof arg === 'string' && arg.length > LOGGED_TEXT_MAX) args[i] = loggableText(arg);
          }
          method.apply(this, args);
        },
        streamWrite: scrubLine,
      },
    },
    destination,
  );
}

/**
 * pino's own stdout destination, one per process however many loggers write to it. Synchronous: each line is
 * out before the call returns, so the last lines before an exit are written, in order (the asynchronous one
 * wrote `fatal`'s line, flushed at once, ahead of an earlier line still queued).
 */
let stdoutSink: DestinationStream | undefined;
