import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createLogger, scrubText, REDACTED } from '../../src/observability/logger.js';
import type { Logger } from '../../src/observability/logger.js';

interface LogLine {
  body?: string;
  err?: { message: string; type: string };
  [key: string]: unknown;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

const SECRETS = {
  headerToken: '1000.header-token-aaaa',
  requestCookie: 'session=cookie-value-bbbb',
  gatewaySecret: 'gateway-secret-cccc',
  accessToken: '1000.access-token-dddd',
  refreshToken: '1000.refresh-token-eeee',
  clientSecret: 'client-secret-ffff',
  password: 'password-gggg',
  deepToken: '1000.deep-token-hhhh',
  messageToken: '1000.message-token-iiii',
  errorToken: '1000.error-token-jjjj',
  causeToken: '1000.cause-token-kkkk',
  formatToken: '1000.format-token-llll',
  literal: 'literal-secret-mmmm',
  formSecret: 'form-secret-nnnn',
  bodyToken: '1000.body-token-oooo',
  childToken: '1000.child-token-pppp',
  redisPassword: 'redis-password-qqqq',
};

function capture(level = 'trace'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    secrets: [SECRETS.literal, null, undefined],
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { logger, lines };
}

/** One call of each kind a developer might write, every one carrying a secret somewhere. */
function logEverything(logger: Logger, level: (typeof LEVELS)[number]) {
  logger[level](
    {
      route: 'GET /sessions/{sessionId}',
      headers: { authorization: `Zoho-oauthtoken ${SECRETS.headerToken}` },
      req: {
        headers: { cookie: SECRETS.requestCookie, 'x-gateway-secret': SECRETS.gatewaySecret, accept: 'json' },
      },
      accessToken: SECRETS.accessToken,
      grant: { refresh_token: SECRETS.refreshToken },
      config: {
        auth: { clientSecret: SECRETS.clientSecret },
        limits: { redisUrl: `redis://:${SECRETS.redisPassword}@r` },
      },
      user: { password: SECRETS.password },
      a: { b: { c: { d: { accessToken: SECRETS.deepToken } } } },
      body: `grant_type=refresh_token&client_id=id&client_secret=${SECRETS.formSecret}`,
      upstreamBody: JSON.stringify({ access_token: SECRETS.bodyToken, expires_in: 3600 }),
      note: `the literal ${SECRETS.literal} appears in text`,
    },
    `calling Zoho with Zoho-oauthtoken ${SECRETS.messageToken}`,
  );

  const cause = Object.assign(new Error('request failed'), {
    options: { headers: { Authorization: `Zoho-oauthtoken ${SECRETS.causeToken}` } },
  });
  logger[level](
    { err: new Error(`401 for Zoho-oauthtoken ${SECRETS.errorToken}`, { cause }) },
    'upstream failed',
  );
  logger[level]('formatted %s', `Zoho-oauthtoken ${SECRETS.formatToken}`);
  logger.child({ token: SECRETS.childToken })[level]('from a child');
}

describe('createLogger redaction', () => {
  it.each(LEVELS)('writes no secret at level %s', (level) => {
    const { logger, lines } = capture();

    logEverything(logger, level);

    expect(lines).toHaveLength(4);
    const output = lines.join('');
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect({ name, leaked: output.includes(secret) }).toEqual({ name, leaked: false });
    }
    expect(output).toContain(REDACTED);
  });

  it('keeps the non-secret context around what it redacts', () => {
    const { logger, lines } = capture('info');

    logEverything(logger, 'info');

    const [first, second] = lines.map((line) => JSON.parse(line) as LogLine);
    expect(first).toMatchObject({
      level: 'info',
      route: 'GET /sessions/{sessionId}',
      msg: `calling Zoho with Zoho-oauthtoken ${REDACTED}`,
      headers: { authorization: REDACTED },
      req: { headers: { cookie: REDACTED, 'x-gateway-secret': REDACTED, accept: 'json' } },
      user: { password: REDACTED },
    });
    expect(first!.body).toBe(`grant_type=refresh_token&client_id=id&client_secret=${REDACTED}`);
    expect(second!.err?.message).toBe(`401 for Zoho-oauthtoken ${REDACTED}`);
    expect(second!.err?.type).toBe('Error');
  });

  it('writes nothing below the configured level', () => {
    const { logger, lines } = capture('warn');

    logger.info({ accessToken: SECRETS.accessToken }, 'quiet');
    logger.warn('loud');

    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"msg":"loud"');
  });
});

describe('secret-named keys', () => {
  it('are censored at any depth whatever their value, and lines without one are written as they are', () => {
    const { logger, lines } = capture('info');

    logger.info(
      {
        req: { headers: { authorization: 'Zoho-oauthtoken abc', 'set-cookie': ['a=1', 'b=2'] } },
        config: { auth: { clientSecret: { nested: 'value' } } },
        deep: { a: { b: { c: { refresh_token: 42 } } } },
      },
      'with secrets',
    );
    logger.info({ requestId: 'req-1', operation: 'Dashboard', upstreamCalls: 2 }, 'operation');

    const withSecrets = JSON.parse(lines[0]!) as {
      req: { headers: unknown };
      config: { auth: { clientSecret: unknown } };
      deep: { a: { b: { c: { refresh_token: unknown } } } };
    };
    expect(withSecrets.req.headers).toEqual({ authorization: REDACTED, 'set-cookie': REDACTED });
    expect(withSecrets.config.auth.clientSecret).toBe(REDACTED);
    expect(withSecrets.deep.a.b.c.refresh_token).toBe(REDACTED);
    expect(JSON.parse(lines[1]!)).toMatchObject({
      requestId: 'req-1',
      operation: 'Dashboard',
      upstreamCalls: 2,
    });
  });
});

describe('stdout', () => {
  it('still gets the last lines when the process exits right after logging them', () => {
    const logger = fileURLToPath(new URL('../../src/observability/logger.ts', import.meta.url));
    const script = `import { createLogger } from ${JSON.stringify(logger)};
      const log = createLogger({ level: 'info' });
      log.info('starting');
      log.fatal('last words');
      process.exit(3);`;

    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });

    expect(child.status).toBe(3);
    expect(
      child.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { msg?: string }).msg),
    ).toEqual(['starting', 'last words']);
  });
});

describe('scrubText', () => {
  it('replaces Zoho and bearer tokens and OAuth form fields but keeps ordinary text', () => {
    expect(scrubText('Authorization: Zoho-oauthtoken 1000.abc.def failed')).toBe(
      `Authorization: Zoho-oauthtoken ${REDACTED} failed`,
    );
    expect(scrubText('Bearer eyJhbGciOi.x.y')).toBe(`Bearer ${REDACTED}`);
    expect(scrubText('refresh_token=1000.r&client_id=abc')).toBe(`refresh_token=${REDACTED}&client_id=abc`);
    expect(scrubText('session 42 ended with status code 500')).toBe('session 42 ended with status code 500');
  });
});
