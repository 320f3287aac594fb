/**
 * The Zoho Assist contract (contract/seed.openapi.yaml, loaded as its generated JSON twin) at run time: the operation
 * table and request/response validation. The emulator validates what it receives with it and the REST client
 * validates what it gets back, so both sides are held to the one document. `loadContract` does the same for the
 * live dialect's document (contract/live-contract.ts), loaded only by what speaks it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ContractOperation {
  operationId: string;
  method: HttpMethod;
  /** Path template relative to the server URL, e.g. `/sessions/{sessionId}`. */
  path: string;
  /** `${method} ${path}`. */
  route: string;
  /** The operation's `x-scopes`. */
  scopes: string[];
  /** Whether it takes a request body. */
  hasRequestBody: boolean;
}

export interface RequestInput {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  body?: unknown;
  contentType?: string;
}

export interface RequestValidation {
  errors?: string;
  /** The query, coerced: integers and booleans parsed, defaults applied. */
  query: Record<string, unknown>;
}

type Json = Record<string, unknown>;

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}

interface OperationObject {
  operationId?: string;
  parameters?: Json[];
  requestBody?: Json;
  responses?: Record<string, Json>;
  'x-scopes'?: string[];
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];
const MAX_REPORTED_ERRORS = 3;

function findSpecFile(fileName: string): string {
  // Walk up from this module: it runs from contract/ (ts-jest) and from dist/contract/ (compiled).
  let dir = dirname(fileURLToPath(new URL(import.meta.url)));
  for (;;) {
    const candidate = join(dir, 'contract', '__generated__', fileName);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`contract/__generated__/${fileName} not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

const addFormats = addFormatsModule.default;

/** One OpenAPI document at run time: its operations, and validation of requests and responses against it. */
export interface Contract {
  readonly operations: ReadonlyMap<string, ContractOperation>;
  readonly validateResponse: (operationId: string, status: number, body: unknown) => string | undefined;
  readonly validateRequest: (operationId: string, input: RequestInput) => RequestValidation;
}

/**
 * Loads `contract/__generated__/<fileName>` (the YAML's JSON twin, written by `npm run codegen`,
 * scripts/contract-json.ts: parsing YAML at start-up kept about 20 MB of memory resident). `specId` names the
 * document for Ajv, so two contracts never share a compiled schema.
 */
export function loadContract(fileName: string, specId: string): Contract {
  const SPEC_ID = specId;
  const spec = JSON.parse(readFileSync(findSpecFile(fileName), 'utf8')) as Json;
  const specComponents = (spec.components ?? {}) as Json;

  /** Rewrites document-local `#/...` references so a schema compiled on its own still resolves them. */
  function absolutize(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(absolutize);
    if (value && typeof value === 'object') {
      const out: Json = {};
      for (const [key, child] of Object.entries(value as Json)) {
        out[key] =
          key === '$ref' && typeof child === 'string' && child.startsWith('#/')
            ? SPEC_ID + child
            : absolutize(child);
      }
      return out;
    }
    return value;
  }

  /** Follows a `$ref` inside the spec document (parameters, request bodies, responses). */
  function deref(node: Json): Json {
    let current = node;
    for (let hops = 0; typeof current.$ref === 'string' && hops < 10; hops++) {
      const pointer = current.$ref.replace(/^#\//, '').split('/');
      let target: unknown = spec;
      for (const part of pointer)
        target = (target as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      if (!target || typeof target !== 'object') throw new Error(`Unresolvable $ref ${current.$ref}`);
      current = target as Json;
    }
    return current;
  }

  function newAjv(coerce: boolean, formats: 'full' | 'fast'): Ajv2020 {
    const ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      coerceTypes: coerce ? 'array' : false,
      useDefaults: coerce,
      validateFormats: true,
    });
    addFormats(ajv, { mode: formats });
    // The document's components are registered under one id; every compiled schema reaches them by `$ref`.
    ajv.addSchema({ $id: SPEC_ID, components: { schemas: specComponents.schemas ?? {} } });
    return ajv;
  }

  // Responses are checked as they are; requests (query strings) need coercion and defaults.
  // Each is built on first use: the subgraph only ever validates responses, the emulator mostly requests.
  // Responses check formats by shape only (ajv-formats' fast mode): the full date-time check (calendar days,
  // leap seconds) cost 0.085 ms on every 100-session page, more than parsing the page. A drift in a field's form
  // (epoch numbers, another date layout) still fails. Requests, which the emulator judges as Zoho would, keep the
  // full checks.
  let responseAjvInstance: Ajv2020 | undefined;
  let requestAjvInstance: Ajv2020 | undefined;
  let bodyAjvInstance: Ajv2020 | undefined;
  const responseAjv = () => (responseAjvInstance ??= newAjv(false, 'fast'));
  const requestAjv = () => (requestAjvInstance ??= newAjv(true, 'full'));
  const bodyAjv = () => (bodyAjvInstance ??= newAjv(false, 'full'));

  interface OperationEntry {
    op: ContractOperation;
    raw: OperationObject;
    parameters: ParameterObject[];
  }

  const entries = new Map<string, OperationEntry>();
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Record<string, Json>)) {
    const shared = (item.parameters ?? []) as Json[];
    for (const method of METHODS) {
      const raw = item[method.toLowerCase()] as OperationObject | undefined;
      if (!raw?.operationId) continue;
      const byKey = new Map<string, ParameterObject>();
      for (const p of [...shared, ...(raw.parameters ?? [])]) {
        const param = deref(p) as unknown as ParameterObject;
        byKey.set(`${param.in}:${param.name}`, param);
      }
      entries.set(raw.operationId, {
        op: {
          operationId: raw.operationId,
          method,
          path,
          route: `${method} ${path}`,
          scopes: [...(raw['x-scopes'] ?? [])],
          hasRequestBody: raw.requestBody !== undefined,
        },
        raw,
        parameters: [...byKey.values()],
      });
    }
  }

  const operations: ReadonlyMap<string, ContractOperation> = new Map(
    [...entries].map(([id, entry]) => [id, entry.op]),
  );

  function entryFor(operationId: string): OperationEntry {
    const entry = entries.get(operationId);
    if (!entry) throw new Error(`Unknown operationId ${operationId}`);
    return entry;
  }

  function describe(where: string, errors: ErrorObject[] | null | undefined): string {
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const e of errors ?? []) {
      // anyOf branches repeat the same complaint for each alternative; report each place once.
      if (e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
      let text = `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}`;
      const params = e.params as Record<string, unknown>;
      if (e.keyword === 'additionalProperties')
        text = `${where}${e.instancePath} has unknown property '${String(params.additionalProperty)}'`;
      if (e.keyword === 'enum') text += `: ${(params.allowedValues as unknown[]).join(', ')}`;
      if (seen.has(text)) continue;
      seen.add(text);
      lines.push(text);
    }
    if (lines.length === 0) return `${where} is invalid`;
    const shown = lines.slice(0, MAX_REPORTED_ERRORS);
    return (
      shown.join('; ') + (lines.length > shown.length ? ` (and ${lines.length - shown.length} more)` : '')
    );
  }

  function mediaType(contentType: string | undefined): string {
    return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  }

  // ---------------------------------------------------------------------------------------------- responses

  const responseValidators = new Map<string, ValidateFunction | null>();

  const isSuccess = (status: number): boolean => status >= 200 && status < 300;

  /**
   * The seed's status table gives 200 ("Request completed") and 201 ("Created") without saying which operation
   * answers which, and no example shows a status. A write that landed must not be read as a failure for the
   * status alone, so an undeclared 2xx is read with the operation's declared success body.
   */
  function declaredSuccess(responses: Record<string, Json>): Json | undefined {
    const success = Object.keys(responses).find((key) => /^2\d\d$/.test(key));
    return success === undefined ? undefined : responses[success];
  }

  function responseValidator(operationId: string, status: number): ValidateFunction | null | 'undeclared' {
    const key = `${operationId} ${status}`;
    const cached = responseValidators.get(key);
    if (cached !== undefined) return cached;
    const responses = entryFor(operationId).raw.responses ?? {};
    const declared =
      responses[String(status)] ??
      responses[`${String(status)[0]}XX`] ??
      (isSuccess(status) ? declaredSuccess(responses) : undefined) ??
      responses.default;
    if (!declared) return 'undeclared';
    const content = deref(declared).content as Record<string, Json> | undefined;
    const schema = content?.['application/json']?.schema;
    const validator = schema ? responseAjv().compile(absolutize(schema) as Json) : null;
    responseValidators.set(key, validator);
    return validator;
  }

  /** `undefined` when `body` is what the contract says `operationId` answers with `status`; else the first problems. */
  function validateResponse(operationId: string, status: number, body: unknown): string | undefined {
    const validator = responseValidator(operationId, status);
    if (validator === 'undeclared') return `${operationId} does not declare a ${status} response`;
    if (validator === null) return undefined; // not a JSON response (204, file bytes)
    return validator(body) ? undefined : describe('response', validator.errors);
  }

  // ----------------------------------------------------------------------------------------------- requests

  interface RequestValidators {
    path: ValidateFunction;
    query: ValidateFunction;
    body?: { required: boolean; byMediaType: Map<string, ValidateFunction> };
  }

  const requestValidators = new Map<string, RequestValidators>();

  function objectSchema(params: ParameterObject[]): Json {
    const properties: Json = {};
    const required: string[] = [];
    for (const p of params) {
      properties[p.name] = absolutize(p.schema ?? {});
      if (p.required || p.in === 'path') required.push(p.name);
    }
    return { type: 'object', properties, required };
  }

  function requestValidatorsFor(operationId: string): RequestValidators {
    const cached = requestValidators.get(operationId);
    if (cached) return cached;
    const entry = entryFor(operationId);
    const built: RequestValidators = {
      path: requestAjv().compile(objectSchema(entry.parameters.filter((p) => p.in === 'path'))),
      query: requestAjv().compile(objectSchema(entry.parameters.filter((p) => p.in === 'query'))),
    };
    if (entry.raw.requestBody) {
      const requestBody = deref(entry.raw.requestBody);
      const byMediaType = new Map<string, ValidateFunction>();
      for (const [type, media] of Object.entries((requestBody.content ?? {}) as Record<string, Json>)) {
        byMediaType.set(type.toLowerCase(), bodyAjv().compile(absolutize(media.schema ?? {}) as Json));
      }
      built.body = { required: requestBody.required === true, byMediaType };
    }
    requestValidators.set(operationId, built);
    return built;
  }

  function isEmptyBody(body: unknown): boolean {
    return body === undefined || body === null || body === '';
  }

  /** Checks path parameters, query and body against the contract; the query comes back coerced. */
  function validateRequest(operationId: string, input: RequestInput): RequestValidation {
    const validators = requestValidatorsFor(operationId);
    const query: Record<string, unknown> = { ...input.query };
    const problems: string[] = [];
    if (!validators.path({ ...input.path })) problems.push(describe('path', validators.path.errors));
    if (!validators.query(query)) problems.push(describe('query', validators.query.errors));
    const body = validators.body;
    if (body) {
      if (isEmptyBody(input.body)) {
        if (body.required) problems.push('body is required');
      } else {
        const type =
          mediaType(input.contentType) ||
          (body.byMediaType.size === 1 ? [...body.byMediaType.keys()][0]! : '');
        const validator = body.byMediaType.get(type);
        if (!validator) {
          problems.push(
            `body must be sent as ${[...body.byMediaType.keys()].join(' or ')}, not '${type || 'unknown'}'`,
          );
        } else if (!validator(input.body)) {
          problems.push(describe('body', validator.errors));
        }
      }
    }
    return problems.length ? { errors: problems.join('; '), query } : { query };
  }

  return { operations, validateResponse, validateRequest };
}

const seed = loadContract('seed.openapi.json', 'https://contract.zoho-assist.local/openapi.json');

export const contractOperations: ReadonlyMap<string, ContractOperation> = seed.operations;
/** `undefined` when `body` is what the contract says `operationId` answers with `status`; else the first problems. */
export const validateResponse = seed.validateResponse;
/** Checks path parameters, query and body against the contract; the query comes back coerced. */
export const validateRequest = seed.validateRequest;
