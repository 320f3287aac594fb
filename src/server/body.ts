/**
 * A request body as text, capped: the GraphQL endpoint's 1 MiB and the webhook receiver's 64 KiB. Past the cap,
 * announced by Content-Length or not, it throws BodyTooLarge; the caller answers 413 with `connection: close`.
 */
import type { IncomingMessage } from 'node:http';

export class BodyTooLarge extends Error {}

export async function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  if (Number(request.headers['content-length']) > maxBytes) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop must not destroy the request: that would reset the connection before the 413 goes out.
  for await (const chunk of request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      // The rest is read and dropped; the 413 goes out with `connection: close`.
      request.resume();
      throw new BodyTooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
