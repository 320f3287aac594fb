import { ConfigError, configDocs, envSchema, loadConfig, secretValues } from '../../src/config/index.js';
import type { ConfigProblem } from '../../src/config/index.js';

const SERVICE = {
  ZOHO_CLIENT_ID: '1000.CLIENTID',
  ZOHO_CLIENT_SECRET: 'client-secret-value-123',
  ZOHO_REFRESH_TOKEN: '1000.refresh-token-value-456',
};

/** The ConfigError `loadConfig` throws for `env`; fails the test when it does not throw one. */
function problemsOf(env: NodeJS.ProcessEnv): { error: ConfigError; variables: string[] } {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    return { error: configError, variables: configError.problems.map((p: ConfigProblem) => p.variable) };
  }
  throw new Error('loadConfig accepted an invalid environment');
}

describe('loadConfig defaults', () => {
  it('applies every documented default when the environment is empty', () => {
    const config = loadConfig({});

    expect(config.env).toBe('development');
    expect(config.server).toEqual({
      host: '0.0.0.0',
      port: 4001,
      corsOrigins: '*',
      introspection: true,
      shutdownDelayMs: 0,
      shutdownDrainMs: 10000,
    });
    expect(config.auth).toEqual({ mode: 'forwarded' });
    expect(config.gateway).toEqual({
      sharedSecret: null,
      secretHeader: 'x-gateway-secret',
      hmacSecret: null,
    });
    expect(config.upstream).toMatchObject({
      dc: 'us',
      connectTimeoutMs: 2000,
      timeoutMs: 10000,
      retries: 2,
      maxRetryAfterSeconds: 5,
      concurrencyPerOperation: 8,
    });
    expect(config.operation).toEqual({ deadlineMs: 15000, maxUpstreamCalls: 25 });
    expect(config.limits).toEqual({
      perMinute: 50,
      perDay: 5000,
      redisUrl: null,
      redisKeyPrefix: 'zoho-assist:',
      windowMs: 60000,
      scope: 'organisation',
      unverifiedPerMinute: 5,
      maxSharePerToken: 0.5,
      lifted: false,
    });
    expect(config.cache).toEqual({
      enabled: true,
      maxEntries: 10000,
      responses: true,
      responsesMaxMb: 32,
    });
    expect(config.log).toEqual({ level: 'info' });
    expect(config.metrics).toEqual({ enabled: true });
    expect(config.tracing).toEqual({
      otlpEndpoint: null,
      serviceName: null,
      resourceAttributes: {},
      spanNameWithOperationName: false,
    });
  });

  it('embeds the emulator in development when no ZOHO_* variable is set, leaving the upstream URLs to it', () => {
    const config = loadConfig({});

    expect(config.emulator).toEqual({ enabled: true, port: 0, rateLimits: true });
    expect(config.upstream.apiUrl).toBeNull();
    expect(config.upstream.accountsUrl).toBeNull();
  });

  it('turns the emulator off and uses the data centre hosts once any ZOHO_* variable is set', () => {
    const config = loadConfig({ ZOHO_DC: 'eu' });

    expect(config.emulator.enabled).toBe(false);
    expect(config.upstream.apiUrl).toBe('https://assist.zoho.eu/api/v2');
    expect(config.upstream.accountsUrl).toBe('https://accounts.zoho.eu');
  });

  it('lets explicit URLs override the data centre, without a trailing slash', () => {
    const config = loadConfig({
      ZOHO_ASSIST_API_URL: 'http://127.0.0.1:4010/api/v2/',
      ZOHO_ACCOUNTS_URL: 'http://127.0.0.1:4010',
    });

    expect(config.upstream.apiUrl).toBe('http://127.0.0.1:4010/api/v2');
    expect(config.upstream.accountsUrl).toBe('http://127.0.0.1:4010');
  });

  it('closes CORS, hides introspection and never embeds the emulator in production', () => {
    const config = loadConfig({ NODE_ENV: 'production' });

    expect(config.isProduction).toBe(true);
    expect(config.server.corsOrigins).toEqual([]);
    expect(config.server.introspection).toBe(false);
    expect(config.emulator.enabled).toBe(false);
    expect(config.upstream.apiUrl).toBe('https://assist.zoho.com/api/v2');
    expect(config.auth.mode).toBe('forwarded');
  });

  it('waits 5 s on SIGTERM before closing the listener in production only, unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).server.shutdownDelayMs).toBe(5000);
    expect(loadConfig({ NODE_ENV: 'production', SHUTDOWN_DELAY_MS: '0' }).server.shutdownDelayMs).toBe(0);
    expect(loadConfig({ SHUTDOWN_DELAY_MS: '1500' }).server.shutdownDelayMs).toBe(1500);
  });

  it('reads OTEL_RESOURCE_ATTRIBUTES as OpenTelemetry writes it, and refuses a malformed one by name', () => {
    const { resourceAttributes } = loadConfig({
      OTEL_RESOURCE_ATTRIBUTES: ' team = support , note=a%3Db%2Cc,, ',
    }).tracing;
    expect(resourceAttributes).toEqual({ team: 'support', note: 'a=b,c' });
    for (const malformed of ['team', 'a=b=c', '=value', 'a=%zz']) {
      const { variables } = problemsOf({ OTEL_RESOURCE_ATTRIBUTES: malformed });
      expect(variables).toEqual(['OTEL_RESOURCE_ATTRIBUTES']);
    }
  });

  it('treats empty and blank variables as unset', () => {
    const config = loadConfig({ PORT: '', LOG_LEVEL: '   ', ZOHO_ACCESS_TOKEN: '' });

    expect(config.server.port).toBe(4001);
    expect(config.log.level).toBe('info');
    expect(config.auth.mode).toBe('forwarded');
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({});

    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
    expect(Object.isFrozen(config.limits)).toBe(true);
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });
});

describe('loadConfig parsing', () => {
  it('parses numbers, booleans, lists and lower-cases the secret header name', () => {
    const config = loadConfig({
      PORT: '8080',
      INTROSPECTION: 'off',
      METRICS_ENABLED: 'no',
      CORS_ORIGINS: 'https://app.example.com, https://admin.example.com/',
      GATEWAY_SECRET_HEADER: 'X-Router-Secret',
      RATE_LIMIT_PER_MINUTE: '10',
      REDIS_URL: 'redis://redis:6379/0',
    });

    expect(config.server.port).toBe(8080);
    expect(config.server.introspection).toBe(false);
    expect(config.metrics.enabled).toBe(false);
    expect(config.server.corsOrigins).toEqual(['https://app.example.com', 'https://admin.example.com']);
    expect(config.gateway.secretHeader).toBe('x-router-secret');
    expect(config.limits.perMinute).toBe(10);
    expect(config.limits.redisUrl).toBe('redis://redis:6379/0');
  });

  it('derives service mode from the three service credentials', () => {
    const config = loadConfig(SERVICE);

    expect(config.auth).toEqual({
      mode: 'service',
      clientId: SERVICE.ZOHO_CLIENT_ID,
      clientSecret: SERVICE.ZOHO_CLIENT_SECRET,
      refreshToken: SERVICE.ZOHO_REFRESH_TOKEN,
    });
  });

  it('derives static mode from an access token alone', () => {
    expect(loadConfig({ ZOHO_ACCESS_TOKEN: '1000.static-token' }).auth).toEqual({
      mode: 'static',
      accessToken: '1000.static-token',
    });
  });

  it('accepts CORS_ORIGINS=none as closed even in development', () => {
    expect(loadConfig({ CORS_ORIGINS: 'none' }).server.corsOrigins).toEqual([]);
  });
});

describe('loadConfig errors', () => {
  it('names every bad variable at once, one per line', () => {
    const { error, variables } = problemsOf({
      PORT: 'eighty',
      ZOHO_DC: 'mars',
      LOG_LEVEL: 'loud',
      UPSTREAM_RETRIES: '-1',
      INTROSPECTION: 'maybe',
      ZOHO_ASSIST_API_URL: 'not a url',
      CORS_ORIGINS: 'https://ok.example.com,https://bad.example.com/path',
      REDIS_URL: 'http://cache:6379',
    });

    expect(variables).toEqual(
      expect.arrayContaining([
        'PORT',
        'ZOHO_DC',
        'LOG_LEVEL',
        'UPSTREAM_RETRIES',
        'INTROSPECTION',
        'ZOHO_ASSIST_API_URL',
        'CORS_ORIGINS',
        'REDIS_URL',
      ]),
    );
    const lines = error.message.split('\n').slice(1);
    expect(lines).toHaveLength(error.problems.length);
    for (const variable of variables) {
      expect(lines.some((line) => line.startsWith(`  - ${variable}: `))).toBe(true);
    }
    expect(error.message).toContain('expected one of us, eu, in, au, cn, jp, uk, ca, sa (got "mars")');
  });

  it('never prints a secret value, even when the secret itself is malformed', () => {
    const secrets = {
      ZOHO_CLIENT_SECRET: 'leaky client secret',
      ZOHO_REFRESH_TOKEN: '1000.refresh\ntoken',
      ZOHO_ACCESS_TOKEN: '1000.static-access-token',
      GATEWAY_SHARED_SECRET: 'gate way',
      REDIS_URL: 'http://:hunter2hunter2@cache:6379',
    };

    const { error, variables } = problemsOf({ ...secrets, AUTH_MODE: 'service', PORT: 'x' });

    expect(variables).toEqual(
      expect.arrayContaining([
        'ZOHO_CLIENT_SECRET',
        'ZOHO_REFRESH_TOKEN',
        'ZOHO_ACCESS_TOKEN',
        'GATEWAY_SHARED_SECRET',
        'REDIS_URL',
        'ZOHO_CLIENT_ID',
      ]),
    );
    for (const value of Object.values(secrets)) {
      expect(error.message).not.toContain(value.trim());
    }
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error.problems)).not.toContain('leaky');
  });

  it('rejects AUTH_MODE=service without the three credentials, naming each missing one', () => {
    const { variables } = problemsOf({ AUTH_MODE: 'service' });

    expect(variables).toEqual(['ZOHO_CLIENT_ID', 'ZOHO_CLIENT_SECRET', 'ZOHO_REFRESH_TOKEN']);
  });

  it('rejects partial service credentials even when AUTH_MODE is unset', () => {
    const { variables } = problemsOf({ ZOHO_CLIENT_ID: 'id' });

    expect(variables).toEqual(['ZOHO_CLIENT_SECRET', 'ZOHO_REFRESH_TOKEN']);
  });

  it('rejects AUTH_MODE=static without a token', () => {
    const { variables, error } = problemsOf({ AUTH_MODE: 'static' });

    expect(variables).toEqual(['ZOHO_ACCESS_TOKEN']);
    expect(error.message).toContain('required when AUTH_MODE=static');
  });

  it('rejects credentials the chosen mode would silently ignore', () => {
    expect(problemsOf({ AUTH_MODE: 'forwarded', ZOHO_ACCESS_TOKEN: 'tok-123456' }).variables).toEqual([
      'ZOHO_ACCESS_TOKEN',
    ]);
    expect(
      problemsOf({ ...SERVICE, AUTH_MODE: 'static', ZOHO_ACCESS_TOKEN: 'tok-123456' }).variables,
    ).toEqual(['ZOHO_CLIENT_ID', 'ZOHO_CLIENT_SECRET', 'ZOHO_REFRESH_TOKEN']);
  });

  it('asks for AUTH_MODE when both a static token and service credentials are set', () => {
    expect(problemsOf({ ...SERVICE, ZOHO_ACCESS_TOKEN: 'tok-123456' }).variables).toEqual(['AUTH_MODE']);
  });

  it('rejects the emulator in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', EMULATOR: 'on' }).variables).toEqual(['EMULATOR']);
  });

  it('rejects an explicit upstream together with EMULATOR=on', () => {
    const { variables } = problemsOf({
      EMULATOR: 'on',
      ZOHO_ASSIST_API_URL: 'https://assist.zoho.eu/api/v2',
    });

    expect(variables).toEqual(['ZOHO_ASSIST_API_URL']);
  });

  it('rejects clear-text upstreams in production except on loopback', () => {
    expect(
      problemsOf({ NODE_ENV: 'production', ZOHO_ASSIST_API_URL: 'http://assist.internal/api/v2' }).variables,
    ).toEqual(['ZOHO_ASSIST_API_URL']);
    expect(
      loadConfig({ NODE_ENV: 'production', ZOHO_ASSIST_API_URL: 'http://127.0.0.1:4010/api/v2' }).upstream
        .apiUrl,
    ).toBe('http://127.0.0.1:4010/api/v2');
  });

  it('rejects service mode in production without its credentials', () => {
    expect(problemsOf({ NODE_ENV: 'production', AUTH_MODE: 'service' }).variables).toEqual([
      'ZOHO_CLIENT_ID',
      'ZOHO_CLIENT_SECRET',
      'ZOHO_REFRESH_TOKEN',
      // and nothing to tell the gateway from other callers (test/security/gateway-admission.test.ts)
      'GATEWAY_SHARED_SECRET',
    ]);
  });

  it('rejects limits that contradict each other', () => {
    const { variables } = problemsOf({
      UPSTREAM_CONNECT_TIMEOUT_MS: '5000',
      UPSTREAM_TIMEOUT_MS: '1000',
      RATE_LIMIT_PER_MINUTE: '100',
      RATE_LIMIT_PER_DAY: '50',
    });

    expect(variables).toEqual(['UPSTREAM_CONNECT_TIMEOUT_MS', 'RATE_LIMIT_PER_MINUTE']);
  });

  it('rejects an embedded emulator on the subgraph port', () => {
    expect(problemsOf({ PORT: '4001', EMULATOR_PORT: '4001' }).variables).toEqual(['EMULATOR_PORT']);
  });

  it('reports a cross-variable rule only when the variables it reads are valid', () => {
    const { variables } = problemsOf({ AUTH_MODE: 'sevrice', RATE_LIMIT_PER_MINUTE: 'lots' });

    expect(variables).toEqual(['AUTH_MODE', 'RATE_LIMIT_PER_MINUTE']);
  });
});

describe('configDocs', () => {
  it('documents every variable of the schema, in schema order, each with a description', () => {
    expect(configDocs.map((doc) => doc.name)).toEqual(Object.keys(envSchema.shape));
    for (const doc of configDocs) {
      expect(doc.description.length).toBeGreaterThan(10);
    }
  });

  it('covers every variable the brief names', () => {
    const names = configDocs.map((doc) => doc.name);

    expect(names).toEqual(
      expect.arrayContaining([
        'NODE_ENV',
        'PORT',
        'HOST',
        'ZOHO_DC',
        'ZOHO_ASSIST_API_URL',
        'ZOHO_ACCOUNTS_URL',
        'AUTH_MODE',
        'ZOHO_ACCESS_TOKEN',
        'ZOHO_CLIENT_ID',
        'ZOHO_CLIENT_SECRET',
        'ZOHO_REFRESH_TOKEN',
        'GATEWAY_SHARED_SECRET',
        'GATEWAY_SECRET_HEADER',
        'EMULATOR',
        'EMULATOR_PORT',
        'UPSTREAM_CONNECT_TIMEOUT_MS',
        'UPSTREAM_TIMEOUT_MS',
        'UPSTREAM_RETRIES',
        'UPSTREAM_MAX_RETRY_AFTER_SECONDS',
        'UPSTREAM_CONCURRENCY',
        'OPERATION_DEADLINE_MS',
        'MAX_UPSTREAM_CALLS_PER_OPERATION',
        'RATE_LIMIT_PER_MINUTE',
        'RATE_LIMIT_PER_DAY',
        'REDIS_URL',
        'REDIS_KEY_PREFIX',
        'LOG_LEVEL',
        'CORS_ORIGINS',
        'INTROSPECTION',
        'METRICS_ENABLED',
        'OTEL_EXPORTER_OTLP_ENDPOINT',
        'SHUTDOWN_DRAIN_MS',
      ]),
    );
  });

  it('marks exactly the credentials as secret', () => {
    expect(configDocs.filter((doc) => doc.secret).map((doc) => doc.name)).toEqual([
      'ZOHO_ACCESS_TOKEN',
      'ZOHO_CLIENT_SECRET',
      'ZOHO_REFRESH_TOKEN',
      'GATEWAY_SHARED_SECRET',
      'GATEWAY_HMAC_SECRET',
      'REDIS_URL',
      'ZOHO_WEBHOOK_TOKEN',
      'ROUTER_INVALIDATION_KEY',
    ]);
  });

  it('needs ROUTER_INVALIDATION_URL and ROUTER_INVALIDATION_KEY together, and keeps the key and the webhook token secret', () => {
    expect(() => loadConfig({ ROUTER_INVALIDATION_URL: 'http://router:8088/invalidation' })).toThrow(
      /ROUTER_INVALIDATION_KEY: required when the other/,
    );
    expect(() => loadConfig({ ROUTER_INVALIDATION_KEY: 'k' })).toThrow(/ROUTER_INVALIDATION_URL: required/);
    const token = 'a'.repeat(40);
    const config = loadConfig({
      ROUTER_INVALIDATION_URL: 'http://router:8088/invalidation',
      ROUTER_INVALIDATION_KEY: 'router-key-123',
      ZOHO_WEBHOOK_TOKEN: token,
    });
    expect(config.events).toEqual({
      webhookToken: token,
      router: { url: 'http://router:8088/invalidation', key: 'router-key-123', subgraph: 'zoho-assist' },
    });
    expect(secretValues(config)).toEqual(expect.arrayContaining([token, 'router-key-123']));
    expect(() => loadConfig({ ZOHO_WEBHOOK_TOKEN: 'short' })).toThrow(/ZOHO_WEBHOOK_TOKEN/);
  });

  it('documents the same defaults the parser applies', () => {
    const config = loadConfig({});

    const documented = Object.fromEntries(configDocs.map((doc) => [doc.name, doc.default]));
    expect(documented.PORT).toBe(String(config.server.port));
    expect(documented.UPSTREAM_TIMEOUT_MS).toBe(String(config.upstream.timeoutMs));
    expect(documented.RATE_LIMIT_PER_DAY).toBe(String(config.limits.perDay));
    expect(documented.REDIS_KEY_PREFIX).toBe(config.limits.redisKeyPrefix);
  });
});

describe('secretValues', () => {
  const env = {
    ...SERVICE,
    GATEWAY_SHARED_SECRET: 'gateway-shared-secret-789',
    REDIS_URL: 'redis://default:redis-password-000@cache:6379/0',
  };

  it('lists every secret value for the log scrubber', () => {
    expect(secretValues(loadConfig(env))).toEqual(
      expect.arrayContaining([
        SERVICE.ZOHO_CLIENT_SECRET,
        SERVICE.ZOHO_REFRESH_TOKEN,
        'gateway-shared-secret-789',
        'redis-password-000',
      ]),
    );
  });
});
