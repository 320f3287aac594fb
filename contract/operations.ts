/**
 * The one table of upstream operations: each of the contract's API operations with its route and what the read
 * cache does with its answers. Everything else follows from it:
 * - `ZohoAssistApi` (src/upstream/api.ts) is `OperationMethods`, a method per row, typed from the contract;
 * - the REST client (src/upstream/client.ts) and the read cache (src/cache/cached-api.ts) implement every row
 *   with one generic function each;
 * - the emulator's handler map (emulator/server.ts) is typed `{ [K in OperationName]: Handler<K> }`.
 * Adding an operation is the contract (contract/seed.openapi.yaml, then `npm run codegen`), a row here (the
 * compiler asks for it, and checks its route against the contract) and a resolver.
 *
 * Cache lifetimes live here and nowhere else: the schema's `@cacheControl` hints must say the same
 * (test/scale/cache-lifetimes.test.ts compares them).
 */
import type { operations as ContractOperations, paths } from './__generated__/seed-api.js';
import type { ZohoFileDownload } from './types.js';

/** Every operation of the contract except the accounts server's token endpoint. */
export type OperationName = Exclude<keyof ContractOperations, 'mintAccessToken'>;

/** What a cached answer belongs to: a write forgets every answer of the resources it names. */
export type CachedResource =
  'sessions' | 'files' | 'chat' | 'technicians' | 'customers' | 'computers' | 'reports';

/** A GET's answers are kept for `maxAgeSeconds` (the same unit as `@cacheControl(maxAge:)`) under `resource`. */
export interface CachedRead {
  readonly resource: CachedResource;
  readonly maxAgeSeconds: number;
}

type HttpVerb = 'get' | 'put' | 'post' | 'delete';

/** The contract's `METHOD /path` of operation K (a compile error in the table when a row names another). */
export type RouteOf<K extends OperationName> = {
  [P in keyof paths]: {
    [M in HttpVerb]: [paths[P][M]] extends [ContractOperations[K]]
      ? [ContractOperations[K]] extends [paths[P][M]]
        ? `${Uppercase<M>} ${P & string}`
        : never
      : never;
  }[HttpVerb];
}[keyof paths];

type MethodOf<K extends OperationName> = RouteOf<K> extends `${infer M} ${string}` ? M : never;

/** One string per `{parameter}` of the path, in its order. */
type StringPerParameter<Path extends string> = Path extends `${string}{${string}}${infer Rest}`
  ? [string, ...StringPerParameter<Rest>]
  : [];

type PathArgs<K extends OperationName> = StringPerParameter<RouteOf<K>>;

type Parameters_<K extends OperationName> = ContractOperations[K]['parameters'];

/** The path parameters by name, or never when the route has none. */
export type PathParamsOf<K extends OperationName> = NonNullable<Parameters_<K>['path']>;

/** The query object, or never when the operation takes none. */
export type QueryOf<K extends OperationName> = NonNullable<Parameters_<K>['query']>;

/** The JSON body, or never when the operation takes none. */
export type BodyOf<K extends OperationName> = [RequestBody<K>] extends [never]
  ? never
  : RequestBody<K> extends { content: { 'application/json': infer B } }
    ? B
    : never;

type RequestBody<K extends OperationName> = NonNullable<ContractOperations[K]['requestBody']>;

type BodyArgs<K extends OperationName> = [BodyOf<K>] extends [never]
  ? []
  : undefined extends ContractOperations[K]['requestBody']
    ? [body?: BodyOf<K>]
    : [body: BodyOf<K>];

type QueryArgs<K extends OperationName> = [QueryOf<K>] extends [never]
  ? []
  : undefined extends Parameters_<K>['query']
    ? [query?: QueryOf<K>]
    : [query: QueryOf<K>];

/** A method's arguments: the path parameters in route order, then the body or the query. */
export type OperationArgs<K extends OperationName> = [...PathArgs<K>, ...BodyArgs<K>, ...QueryArgs<K>];

type Responses<K extends OperationName> = ContractOperations[K]['responses'];
type SuccessContent<K extends OperationName> = NonNullable<
  Responses<K>[Extract<keyof Responses<K>, 200 | 201 | 202 | 204>] extends { content?: infer C } ? C : never
>;

/** What the operation answers: the contract's JSON, nothing (204), or a file's bytes. */
export type OperationAnswer<K extends OperationName> = [SuccessContent<K>] extends [never]
  ? void
  : SuccessContent<K> extends { 'application/json': infer J }
    ? J
    : ZohoFileDownload;

/** `ZohoAssistApi`: one method per operation. */
export type OperationMethods = {
  readonly [K in OperationName]: (...args: OperationArgs<K>) => Promise<OperationAnswer<K>>;
};

/** Rows whose answer is not JSON say so: a file's bytes, or nothing (whatever body Zoho sends is ignored). */
type AnswerSpec<K extends OperationName> = [OperationAnswer<K>] extends [void]
  ? { readonly answer: 'none' }
  : [OperationAnswer<K>] extends [ZohoFileDownload]
    ? { readonly answer: 'bytes' }
    : { readonly answer?: never };

/** A read names its cache lifetime, or `'never'` with the reason in a comment; a write names what it changes. */
type CacheSpec<K extends OperationName> =
  MethodOf<K> extends 'GET'
    ? { readonly cache: CachedRead | 'never' }
    : { readonly invalidates: readonly CachedResource[] };

export type OperationSpec<K extends OperationName> = { readonly route: RouteOf<K> } & CacheSpec<K> &
  AnswerSpec<K>;

/**
 * What each write may change. A session carries its customer's name and e-mail and its technician's id; reports
 * are computed from sessions, technicians and customers; connecting a computer starts a session on it.
 */
const SESSION_WRITE = ['sessions', 'technicians', 'reports'] as const;
const TECHNICIAN_WRITE = ['technicians', 'sessions', 'reports'] as const;
const CUSTOMER_WRITE = ['customers', 'sessions', 'reports'] as const;
const COMPUTER_WRITE = ['computers', 'sessions', 'reports'] as const;

/**
 * How long an answer stays fresh: how often each kind of thing changes behind our back in Zoho. Sessions, chat
 * and files move while a session runs; people and machines are edited by hand; reports cover past days.
 */
const SESSIONS: CachedRead = { resource: 'sessions', maxAgeSeconds: 5 };
const SESSION_DETAILS: CachedRead = { resource: 'sessions', maxAgeSeconds: 10 };
const FILES: CachedRead = { resource: 'files', maxAgeSeconds: 10 };
const CHAT: CachedRead = { resource: 'chat', maxAgeSeconds: 5 };
const TECHNICIANS: CachedRead = { resource: 'technicians', maxAgeSeconds: 60 };
const CUSTOMERS: CachedRead = { resource: 'customers', maxAgeSeconds: 60 };
const COMPUTERS: CachedRead = { resource: 'computers', maxAgeSeconds: 30 };
const REPORTS: CachedRead = { resource: 'reports', maxAgeSeconds: 300 };

export const OPERATIONS = {
  listSessions: { route: 'GET /sessions', cache: SESSIONS },
  createSession: { route: 'POST /sessions', invalidates: SESSION_WRITE },
  scheduleSession: { route: 'POST /sessions/schedule', invalidates: SESSION_WRITE },
  getSession: { route: 'GET /sessions/{sessionId}', cache: SESSIONS },
  endSession: { route: 'DELETE /sessions/{sessionId}', invalidates: SESSION_WRITE },
  getSessionDetails: { route: 'GET /sessions/{sessionId}/details', cache: SESSION_DETAILS },
  inviteToSession: { route: 'POST /sessions/{sessionId}/invite', invalidates: ['sessions'] },
  transferSession: { route: 'POST /sessions/{sessionId}/transfer', invalidates: SESSION_WRITE },

  listSessionFiles: { route: 'GET /sessions/{sessionId}/files', cache: FILES },
  initiateFileTransfer: { route: 'POST /sessions/{sessionId}/files', invalidates: ['files'] },
  // Bytes, possibly large: not worth a shared cache.
  downloadSessionFile: { route: 'GET /sessions/{sessionId}/files/{fileId}', answer: 'bytes', cache: 'never' },
  getChatHistory: { route: 'GET /sessions/{sessionId}/chat', cache: CHAT },

  listTechnicians: { route: 'GET /technicians', cache: TECHNICIANS },
  addTechnician: { route: 'POST /technicians', invalidates: TECHNICIAN_WRITE },
  getTechnician: { route: 'GET /technicians/{technicianId}', cache: TECHNICIANS },
  updateTechnician: { route: 'PUT /technicians/{technicianId}', invalidates: TECHNICIAN_WRITE },
  removeTechnician: {
    route: 'DELETE /technicians/{technicianId}',
    answer: 'none',
    invalidates: TECHNICIAN_WRITE,
  },

  listCustomers: { route: 'GET /customers', cache: CUSTOMERS },
  addCustomer: { route: 'POST /customers', invalidates: CUSTOMER_WRITE },
  getCustomer: { route: 'GET /customers/{customerId}', cache: CUSTOMERS },
  updateCustomer: { route: 'PUT /customers/{customerId}', invalidates: CUSTOMER_WRITE },
  removeCustomer: { route: 'DELETE /customers/{customerId}', answer: 'none', invalidates: CUSTOMER_WRITE },

  listComputers: { route: 'GET /computers', cache: COMPUTERS },
  getComputer: { route: 'GET /computers/{computerId}', cache: COMPUTERS },
  removeComputer: { route: 'DELETE /computers/{computerId}', answer: 'none', invalidates: COMPUTER_WRITE },
  connectComputer: { route: 'POST /computers/{computerId}/connect', invalidates: COMPUTER_WRITE },

  getSessionReport: { route: 'GET /reports/sessions', cache: REPORTS },
  getTechnicianReport: { route: 'GET /reports/technicians', cache: REPORTS },
  getCustomerReport: { route: 'GET /reports/customers', cache: REPORTS },
} as const satisfies { readonly [K in OperationName]: OperationSpec<K> };

export const OPERATION_NAMES = Object.keys(OPERATIONS) as readonly OperationName[];
