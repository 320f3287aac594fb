/**
 * The one table of the live dialect's upstream operations (Zoho's published Assist API v2), beside the seed's
 * contract/operations.ts and built the same way: each operation of contract/live.openapi.yaml once, with its
 * route (a compile error when it is not the contract's), where Zoho wants the department, and what a read cache
 * does with its answers. From it follow:
 * - `LiveOperationMethods`, a method per row typed from the contract (src/upstream/live-client.ts implements
 *   every row with one generic function);
 * - the emulator's live handler map (emulator/live/front.ts), typed `{ [K in LiveOperationName]: … }`, so a
 *   missing handler does not compile.
 * The department is the client's to add, never the caller's: the arguments below leave `department_id` out.
 */
import type { operations as ContractOperations, paths } from './__generated__/live-api.js';

/** Every operation of the live contract except the accounts server's token endpoint. */
export type LiveOperationName = Exclude<keyof ContractOperations, 'mintAccessToken'>;

/** What a cached answer belongs to: a write forgets every answer of the resources it names. */
export type LiveCachedResource = 'user' | 'devices' | 'groups' | 'reports';

export interface LiveCachedRead {
  readonly resource: LiveCachedResource;
  readonly maxAgeSeconds: number;
}

/**
 * Where the operation names the department, as each page documents it: the `x-com-zoho-assist-department-id`
 * header (devices), the `department_id` query parameter (unattended connect, group list) or body field
 * (schedule, group writes), or nowhere (user, session create, reports).
 */
export type DepartmentPlacement = 'header' | 'query' | 'body' | 'none';

export const DEPARTMENT_HEADER = 'x-com-zoho-assist-department-id';

type HttpVerb = 'get' | 'put' | 'post' | 'delete';

/** The contract's `METHOD /path` of operation K. */
export type LiveRouteOf<K extends LiveOperationName> = {
  [P in keyof paths]: {
    [M in HttpVerb]: [paths[P][M]] extends [ContractOperations[K]]
      ? [ContractOperations[K]] extends [paths[P][M]]
        ? `${Uppercase<M>} ${P & string}`
        : never
      : never;
  }[HttpVerb];
}[keyof paths];

type MethodOf<K extends LiveOperationName> = LiveRouteOf<K> extends `${infer M} ${string}` ? M : never;

type StringPerParameter<Path extends string> = Path extends `${string}{${string}}${infer Rest}`
  ? [string, ...StringPerParameter<Rest>]
  : [];

type Parameters_<K extends LiveOperationName> = ContractOperations[K]['parameters'];

type WithoutDepartment<T> = [T] extends [never] ? never : Omit<T, 'department_id'>;

/** The path parameters by name. */
export type LivePathParamsOf<K extends LiveOperationName> = NonNullable<Parameters_<K>['path']>;

/** The query as the contract has it, department included (what the emulator receives). */
export type LiveContractQueryOf<K extends LiveOperationName> = NonNullable<Parameters_<K>['query']>;

/** The query a caller gives: the contract's, without the department. */
export type LiveQueryOf<K extends LiveOperationName> = WithoutDepartment<LiveContractQueryOf<K>>;

type RequestBody<K extends LiveOperationName> = NonNullable<ContractOperations[K]['requestBody']>;

/** The JSON body as the contract has it, department included. */
export type LiveContractBodyOf<K extends LiveOperationName> = [RequestBody<K>] extends [never]
  ? never
  : RequestBody<K> extends { content: { 'application/json': infer B } }
    ? B
    : never;

/** The body a caller gives: the contract's, without the department. */
export type LiveBodyOf<K extends LiveOperationName> = WithoutDepartment<LiveContractBodyOf<K>>;

/** Optional when every remaining property is. */
type Arg<T> = [T] extends [never] ? [] : Record<never, never> extends T ? [input?: T] : [input: T];

/** A method's arguments: the path parameters in route order, then the body or the query. */
export type LiveOperationArgs<K extends LiveOperationName> = [
  ...StringPerParameter<LiveRouteOf<K>>,
  ...Arg<LiveBodyOf<K>>,
  ...Arg<LiveQueryOf<K>>,
];

type Responses<K extends LiveOperationName> = ContractOperations[K]['responses'];
type SuccessContent<K extends LiveOperationName> = NonNullable<
  Responses<K>[Extract<keyof Responses<K>, 200 | 204>] extends { content?: infer C } ? C : never
>;

/** What the operation answers: the contract's JSON envelope, or nothing (a 204, or a 200 Zoho shows no body for). */
export type LiveOperationAnswer<K extends LiveOperationName> = [SuccessContent<K>] extends [never]
  ? void
  : SuccessContent<K> extends { 'application/json': infer J }
    ? J
    : void;

export type LiveOperationMethods = {
  readonly [K in LiveOperationName]: (...args: LiveOperationArgs<K>) => Promise<LiveOperationAnswer<K>>;
};

type AnswerSpec<K extends LiveOperationName> = [LiveOperationAnswer<K>] extends [void]
  ? { readonly answer: 'none' }
  : { readonly answer?: never };

type CacheSpec<K extends LiveOperationName> =
  MethodOf<K> extends 'GET'
    ? { readonly cache: LiveCachedRead | 'never' }
    : { readonly invalidates: readonly LiveCachedResource[] };

export type LiveOperationSpec<K extends LiveOperationName> = {
  readonly route: LiveRouteOf<K>;
  readonly department: DepartmentPlacement;
} & CacheSpec<K> &
  AnswerSpec<K>;

/**
 * How long an answer stays fresh. The user and its departments change by hand, rarely; devices come and go
 * and go on- and offline; reports cover finished sessions.
 */
const USER: LiveCachedRead = { resource: 'user', maxAgeSeconds: 300 };
const DEVICES: LiveCachedRead = { resource: 'devices', maxAgeSeconds: 30 };
const GROUPS: LiveCachedRead = { resource: 'groups', maxAgeSeconds: 60 };
const REPORTS: LiveCachedRead = { resource: 'reports', maxAgeSeconds: 300 };

/** A device carries its group's name, and a group its device count. */
const DEVICE_WRITE = ['devices', 'groups'] as const;
const GROUP_WRITE = ['groups', 'devices'] as const;

export const LIVE_OPERATIONS = {
  getUser: { route: 'GET /user', department: 'none', cache: USER },
  // A new or scheduled session is not in the reports until it ends.
  createSession: { route: 'POST /session', department: 'none', invalidates: [] },
  scheduleSession: { route: 'POST /session/schedule', department: 'body', invalidates: [] },
  listDevices: { route: 'GET /devices', department: 'header', cache: DEVICES },
  getDevice: { route: 'GET /devices/{resource_id}', department: 'header', cache: DEVICES },
  updateDevice: {
    route: 'PUT /devices/{resource_id}',
    department: 'header',
    answer: 'none',
    invalidates: DEVICE_WRITE,
  },
  deleteDevice: {
    route: 'DELETE /devices/{resource_id}',
    department: 'header',
    answer: 'none',
    invalidates: DEVICE_WRITE,
  },
  bulkDeleteDevices: {
    route: 'DELETE /devices',
    department: 'header',
    answer: 'none',
    invalidates: DEVICE_WRITE,
  },
  connectUnattended: {
    route: 'POST /unattended/{resource_id}/connect',
    department: 'query',
    invalidates: ['devices'],
  },
  getSessionReports: { route: 'GET /reports', department: 'none', cache: REPORTS },
  listGroups: { route: 'GET /unattended_computer/group', department: 'query', cache: GROUPS },
  createGroup: { route: 'POST /unattended_computer/group', department: 'body', invalidates: GROUP_WRITE },
  updateGroup: {
    route: 'PUT /unattended_computer/group',
    department: 'body',
    answer: 'none',
    invalidates: GROUP_WRITE,
  },
  deleteGroups: {
    route: 'DELETE /unattended_computer/group',
    department: 'body',
    answer: 'none',
    invalidates: GROUP_WRITE,
  },
} as const satisfies { readonly [K in LiveOperationName]: LiveOperationSpec<K> };

export const LIVE_OPERATION_NAMES = Object.keys(LIVE_OPERATIONS) as readonly LiveOperationName[];
