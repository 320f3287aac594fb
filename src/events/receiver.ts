/**
 * `POST /webhooks/zoho-assist/<token>`: where Zoho Assist delivers its webhooks (ZOHO_WEBHOOK_TOKEN).
 *
 * Zoho signs nothing, so the path's token is the only proof of the sender: compared in constant time, and a
 * wrong or missing one is answered exactly like any unknown path (404, nothing read, nothing done), so the route
 * cannot be told from one that does not exist. Past the token: a 64 KiB body cap (413), malformed JSON or a
 * payload without what it needs 400, an event type we do not act on 204 (logged and counted: Zoho would
 * otherwise retry it), and a delivery seen in the last minute 204 without a second announcement. A replay after
 * that is harmless too: an event only makes caches forget and subscribers re-read.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Metrics } from '../observability/metrics.js';
import { readBody } from '../server/body.js';
import type { ChangeEvent } from './types.js';
import { readWebhook } from './zoho-webhook.js';

const WEBHOOK_PATH = '/webhooks/zoho-assist/';
const MAX_BODY_BYTES = 64 * 1024;
/** How long a delivery's key is remembered, and how many at most. */
const DUPLICATE_WINDOW_MS = 60_000;
const MAX_REMEMBERED = 10_000;

/** Answers a request when it is a webhook delivery with the right token; false leaves it to the 404. */
export type WebhookRoute = (
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
) => Promise<boolean>;

const digest = (value: string) => createHash('sha256').update(value).digest();

export function createWebhookRoute(options: {
  token: string;
  /** Announces the event; the delivery is answered once it has been. */
  announce: (event: ChangeEvent) => Promise<void>;
  logger: Logger;
  metrics?: Metrics | undefined;
  now?: () => number;
}): WebhookRoute {
  const expected = digest(options.token);
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  const count = (result: string) => options.metrics?.webhooks.inc({ result });

  function remember(key: string): boolean {
    const at = now();
    for (const [old, when] of seen) {
      if (at - when < DUPLICATE_WINDOW_MS && seen.size < MAX_REMEMBERED) break;
      seen.delete(old);
    }
    if (seen.has(key)) return false;
    seen.set(key, at);
    return true;
  }

  const reply = (
    response: ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    if (body === undefined) response.writeHead(status, headers).end();
    else
      response
        .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
        .end(JSON.stringify(body));
  };

  return async (request, response, pathname) => {
    if (!pathname.startsWith(WEBHOOK_PATH)) return false;
    // Hashing both sides first makes the comparison constant-time whatever the lengths.
    if (!timingSafeEqual(digest(pathname.slice(WEBHOOK_PATH.length)), expected)) return false;
    if (request.method !== 'POST') {
      reply(response, 405, { error: 'POST only' }, { allow: 'POST' });
      return true;
    }
    let text: string;
    try {
      text = await readBody(request, MAX_BODY_BYTES);
    } catch {
      count('refused');
      reply(response, 413, { error: 'The body is too large.' }, { connection: 'close' });
      return true;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      count('refused');
      reply(response, 400, { error: 'The body is not valid JSON.' });
      return true;
    }
    const reading = readWebhook(body, now());
    if (reading.result === 'malformed') {
      count('refused');
      reply(response, 400, { error: reading.reason });
      return true;
    }
    if (reading.result === 'unknown') {
      count('ignored');
      options.logger.info({ eventType: reading.eventType }, 'webhook of an unknown event type ignored');
      reply(response, 204);
      return true;
    }
    if (!remember(reading.key)) {
      count('duplicate');
      reply(response, 204);
      return true;
    }
    count('accepted');
    options.logger.info(
      { eventType: reading.event.type, kind: reading.event.kind, id: reading.event.id },
      'webhook',
    );
    await options.announce(reading.event);
    reply(response, 204);
    return true;
  };
}
