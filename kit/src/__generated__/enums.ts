/** Who wrote a chat message. */
export type ChatSender =
  /** The customer being helped. */
  | 'CUSTOMER'
  /** The technician running the session. */
  | 'TECHNICIAN'
  /** A sender Zoho reported that this graph does not know yet. */
  | 'UNKNOWN';

/** Whether an unattended computer can be reached. */
export type ComputerStatus =
  /** The computer cannot be reached. */
  | 'OFFLINE'
  /** The computer's agent is connected: a session can start. */
  | 'ONLINE'
  /** A status Zoho reported that this graph does not know yet. */
  | 'UNKNOWN';

/** A computer status a filter can name: ComputerStatus without UNKNOWN. */
export type ComputerStatusInput =
  /** The computer cannot be reached. */
  | 'OFFLINE'
  /** The computer's agent is connected. */
  | 'ONLINE';

/** Which way a file went. */
export type FileTransferDirection =
  /** From the customer to the technician. */
  | 'CUSTOMER_TO_TECHNICIAN'
  /** From the technician to the customer. */
  | 'TECHNICIAN_TO_CUSTOMER'
  /** A direction Zoho reported that this graph does not know yet. */
  | 'UNKNOWN';

/** A direction an input can name: FileTransferDirection without UNKNOWN. */
export type FileTransferDirectionInput =
  /** From the customer to the technician. */
  | 'CUSTOMER_TO_TECHNICIAN'
  /** From the technician to the customer. */
  | 'TECHNICIAN_TO_CUSTOMER';

/** How far a file transfer got. */
export type FileTransferStatus =
  /** Delivered. */
  | 'COMPLETED'
  /** Not delivered. */
  | 'FAILED'
  /** Started, not yet complete. */
  | 'PENDING'
  /** A status Zoho reported that this graph does not know yet. */
  | 'UNKNOWN';

/**
 * Where a session is in its life: WAITING for the customer, ACTIVE, then COMPLETED or ENDED; SCHEDULED ones wait
 * for their time.
 */
export type SessionStatus =
  /** The technician and the customer are connected. */
  | 'ACTIVE'
  /** Finished normally. */
  | 'COMPLETED'
  /** Ended by a technician or through the API before completing. */
  | 'ENDED'
  /** Booked for a later time. */
  | 'SCHEDULED'
  /** A status Zoho reported that this graph does not know yet. */
  | 'UNKNOWN'
  /** Created; the customer has not joined yet. */
  | 'WAITING';

/** A session status a filter can name: SessionStatus without UNKNOWN, which names no status Zoho can be asked for. */
export type SessionStatusInput =
  /** The technician and the customer are connected. */
  | 'ACTIVE'
  /** Finished normally. */
  | 'COMPLETED'
  /** Ended by a technician or through the API before completing. */
  | 'ENDED'
  /** Booked for a later time. */
  | 'SCHEDULED'
  /** Created; the customer has not joined yet. */
  | 'WAITING';

/** What a session is for. */
export type SessionType =
  /** On-demand remote support: the customer joins with a key or link. */
  | 'REMOTE_SUPPORT'
  /** A session booked for a later time. */
  | 'SCHEDULED_SESSION'
  /** Unattended access to a computer with no one at it. */
  | 'UNATTENDED_ACCESS'
  /** A type Zoho reported that this graph does not know yet. */
  | 'UNKNOWN';

/** A session type an input can name: SessionType without UNKNOWN. */
export type SessionTypeInput =
  /** On-demand remote support. */
  | 'REMOTE_SUPPORT'
  /** A session booked for a later time. */
  | 'SCHEDULED_SESSION'
  /** Unattended access to a computer. */
  | 'UNATTENDED_ACCESS';

/** What a technician may do in the organisation. */
export type TechnicianRole =
  /** Manages the organisation and its technicians. */
  | 'ADMIN'
  /** Runs sessions. */
  | 'TECHNICIAN'
  /** A role Zoho reported that this graph does not know yet. */
  | 'UNKNOWN';

/** A technician role an input can name: TechnicianRole without UNKNOWN. */
export type TechnicianRoleInput =
  /** Manages the organisation and its technicians. */
  | 'ADMIN'
  /** Runs sessions. */
  | 'TECHNICIAN';

/** Whether a technician can take a session now. */
export type TechnicianStatus =
  /** Signed in, in sessions. */
  | 'BUSY'
  /** Not signed in. */
  | 'OFFLINE'
  /** Signed in and available. */
  | 'ONLINE'
  /** A status Zoho reported that this graph does not know yet. */
  | 'UNKNOWN';

/** A technician status an input can name: TechnicianStatus without UNKNOWN. */
export type TechnicianStatusInput =
  /** Signed in, in sessions. */
  | 'BUSY'
  /** Not signed in. */
  | 'OFFLINE'
  /** Signed in and available. */
  | 'ONLINE';

/** What kind of expected business failure a mutation met. */
export type UserErrorCode =
  /** A record with the same unique value (such as an e-mail address) already exists. */
  | 'ALREADY_EXISTS'
  /** The unattended computer is offline, so no session can start on it. */
  | 'COMPUTER_OFFLINE'
  /** The request conflicts with the current state of the resource. */
  | 'CONFLICT'
  /** Something the input names (a session, technician, customer or computer) does not exist. */
  | 'NOT_FOUND'
  /** The session has already ended. */
  | 'SESSION_ALREADY_ENDED'
  /** The technician already has as many concurrent sessions as their plan allows. */
  | 'SESSION_LIMIT_REACHED'
  /** The input is invalid (a field is missing, malformed or out of range). */
  | 'VALIDATION';

/**
 * The vocabulary of `extensions.code` on this graph's GraphQL errors: every code the subgraph emits, and nothing
 * else (test/frontend/error-codes.test.ts holds the server to it). No field returns it; it is declared so that code
 * generators give clients a union to branch on. Expected business failures of mutations are not errors: they are
 * `userErrors`, coded by `UserErrorCode`. A gateway may add codes of its own.
 */
export type ZohoErrorCode =
  /** The HTTP request itself is malformed: not JSON, too large, or a persisted-query mismatch. */
  | 'BAD_REQUEST'
  /** An argument or variable is invalid (a malformed value, a string over its length bound, a bad cursor). */
  | 'BAD_USER_INPUT'
  /** The client closed the connection before the answer (logged; nobody receives it). */
  | 'CLIENT_CLOSED'
  /** The request conflicts with the current state in Zoho Assist. */
  | 'CONFLICT'
  /** The token lacks the scope a field needs, or the caller is not the gateway this subgraph answers. */
  | 'FORBIDDEN'
  /** The request is not GraphQL the server can parse. */
  | 'GRAPHQL_PARSE_FAILED'
  /** The operation does not validate against the schema, or breaks a limit on depth, aliases or size. */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** Something failed inside the subgraph; the message says nothing more, the logs do. */
  | 'INTERNAL_SERVER_ERROR'
  /** What the field names does not exist in Zoho Assist. */
  | 'NOT_FOUND'
  /** The request names an operation the document does not define, or several without saying which. */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** The operation would make more upstream calls than one operation may; ask for fewer items. */
  | 'OPERATION_TOO_EXPENSIVE'
  /** An automatic persisted query's hash is unknown: send the query text with it. */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** Persisted queries are not accepted here. */
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  /** The Zoho Assist budget is spent for now; `extensions.retryAfter` says in how many seconds to try again. */
  | 'RATE_LIMITED'
  /** No credentials, or Zoho rejected them: get a new token. */
  | 'UNAUTHENTICATED'
  /**
   * A write may or may not have been applied: Zoho Assist did not confirm it. Retry with the same `clientMutationId`
   * where the mutation takes one (it answers the write that landed, or writes once); otherwise check before retrying.
   */
  | 'UPSTREAM_OUTCOME_UNKNOWN'
  /** Zoho Assist did not answer in time. */
  | 'UPSTREAM_TIMEOUT'
  /** Zoho Assist is unavailable or answered something this graph cannot read; try again shortly. */
  | 'UPSTREAM_UNAVAILABLE';
