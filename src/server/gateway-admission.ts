/**
 * Who may call the subgraph. With a stored credential (service or static mode) every caller reads Zoho data as
 * that credential, so a request must show it came through the gateway: the shared secret in a header (any
 * gateway can send one), or Hive Gateway's HMAC signature (its `hmacSignature` option). With both configured,
 * either proof admits; with neither, every request is admitted (src/config/index.ts refuses that in production
 * unless ALLOW_UNAUTHENTICATED_CALLERS says the network already keeps others out).
 *
 * The signature is verified as Hive's own subgraph-side check does (`useHmacSignatureValidation` of
 * @graphql-mesh/hmac-upstream-signature): HMAC-SHA256 under the shared key of the key-sorted JSON of
 * `{ query, variables }` (variables left out when empty), base64 in `extensions["hmac-signature"]`. It binds the
 * document and variables, not a time: a captured request can be replayed as it is (as a captured header can),
 * but not altered.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Config } from '../config/index.js';

/** The extension Hive Gateway puts the signature in (the plugin's default `extensionName`). */
const HMAC_EXTENSION = 'hmac-signature';

/** The GraphQL request parameters as they arrived: a POST's parsed body, or a GET's query string. */
export type RequestParams = unknown;

export type Admission = (headers: IncomingHttpHeaders, params: RequestParams) => boolean;

/** The admission check for this configuration; undefined when every caller is admitted. */
export function gatewayAdmission(gateway: Config['gateway']): Admission | undefined {
  const { sharedSecret, secretHeader, hmacSecret } = gateway;
  if (sharedSecret === null && hmacSecret === null) return undefined;
  const expectedHeader = sharedSecret === null ? null : Buffer.from(sharedSecret);
  return (headers, params) => {
    if (expectedHeader && sameSecret(headers[secretHeader], expectedHeader)) return true;
    if (hmacSecret === null) return false;
    // A batch is admitted only when every operation in it is signed.
    const operations = Array.isArray(params) ? params : [params];
    return operations.length > 0 && operations.every((operation) => isSigned(operation, hmacSecret));
  };
}

function sameSecret(value: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof value !== 'string') return false;
  const given = Buffer.from(value);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function isSigned(operation: unknown, secret: string): boolean {
  if (operation === null || typeof operation !== 'object') return false;
  const { query, variables, extensions } = operation as Record<string, unknown>;
  const signature = (extensions as Record<string, unknown> | null | undefined)?.[HMAC_EXTENSION];
  if (typeof signature !== 'string' || typeof query !== 'string') return false;
  const given = Buffer.from(signature, 'base64');
  const expected = createHmac('sha256', secret).update(signedContent(query, variables)).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What Hive signs: json-stable-stringify of `{ query, variables }`, the variables omitted when there are none. */
function signedContent(query: string, variables: unknown): string {
  const hasVariables =
    variables !== null && typeof variables === 'object' && Object.keys(variables).length > 0;
  return stableJson(hasVariables ? { query, variables } : { query });
}

/**
 * JSON with every object's keys in sorted order, as json-stable-stringify writes it for parsed JSON (the input
 * here always is): arrays keep their order, keys sort by UTF-16 code units, `undefined` members are left out.
 */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${stableJson(member)}`);
  }
  return `{${members.join(',')}}`;
}
