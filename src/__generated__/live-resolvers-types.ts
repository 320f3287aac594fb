import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LiveSessionParent, LiveDepartmentParent, LiveOrganisationParent, RenameComputerPayloadParent } from '../graph/live-mappers.js';
import type { ZohoComputer } from '../../contract/types.js';
import type { Page, Edge } from '../graph/mappers.js';
import type { LiveReportEntry, LiveMe, LiveComputerGroup, LiveScheduledSession } from '../../contract/live-types.js';
import type { LiveContext } from '../graph/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /** An ISO-8601 instant with a time zone, e.g. `2025-01-15T10:30:00Z`. */
  DateTime: { input: string; output: string; }
  /**
   * An e-mail address (RFC 5322 addr-spec): a malformed one is refused with BAD_USER_INPUT before any upstream call.
   * Query arguments only (filters, entity keys). Mutation inputs take e-mails as `String` and check them in the
   * resolver, so a form gets a VALIDATION user error on the field instead of a failed operation. E-mail fields in
   * answers (`Technician.email`, `Customer.email`, the e-mail keys) are `String`, the type a sibling subgraph declares
   * for the same key, since a shared field must have one type in every subgraph.
   */
  EmailAddress: { input: string; output: string; }
  /**
   * An integer that JavaScript holds exactly: a JSON number between -(2^53 - 1) and 2^53 - 1 (Number.isSafeInteger),
   * where GraphQL's Int stops at 2^31 - 1. Clients map it to `number`. Used for byte counts (`File.size`).
   */
  SafeInt: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Add a customer. */
export type AddCustomerInput = {
  /** The customer's company. */
  company?: InputMaybe<Scalars['String']['input']>;
  /** The customer's e-mail address; a malformed one is a VALIDATION user error on this field. */
  email: Scalars['String']['input'];
  /** The customer's name. */
  name: Scalars['String']['input'];
  /** Notes on the customer (internal, as `Customer.notes` is: a public client cannot read them back). */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The customer's phone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** The result of addCustomer. */
export type AddCustomerPayload = {
  __typename?: 'AddCustomerPayload';
  /** The new customer. */
  customer?: Maybe<Customer>;
  /** Why the customer was not added, if they were not. */
  userErrors: Array<UserError>;
};

/** Add a technician. */
export type AddTechnicianInput = {
  /** The technician's e-mail address; a malformed one is a VALIDATION user error on this field. */
  email: Scalars['String']['input'];
  /** How many concurrent sessions to allow (1 to 100). */
  maxConcurrentSessions?: InputMaybe<Scalars['Int']['input']>;
  /** The technician's name. */
  name: Scalars['String']['input'];
  /** What the technician may do (default TECHNICIAN). */
  role?: InputMaybe<TechnicianRoleInput>;
};

/** The result of addTechnician. */
export type AddTechnicianPayload = {
  __typename?: 'AddTechnicianPayload';
  /** The new technician. */
  technician?: Maybe<Technician>;
  /** Why the technician was not added, if they were not. */
  userErrors: Array<UserError>;
};

/** Who may cache a response: PUBLIC caches may share it across users, PRIVATE ones only per user. */
export type CacheControlScope =
  /** Only a per-user cache may store the response. */
  | 'PRIVATE'
  /** Any cache may store the response and share it across users. */
  | 'PUBLIC';

/** One message of a session's chat. */
export type ChatMessage = {
  __typename?: 'ChatMessage';
  /** The message's id. */
  id: Scalars['ID']['output'];
  /** Who wrote it. */
  sender: ChatSender;
  /** The writer's name. */
  senderName: Scalars['String']['output'];
  /** When it was sent. */
  sentAt: Scalars['DateTime']['output'];
  /** What was written. */
  text: Scalars['String']['output'];
};

/** Who wrote a chat message. */
export type ChatSender =
  /** The customer being helped. */
  | 'CUSTOMER'
  /** The technician running the session. */
  | 'TECHNICIAN'
  /** A sender Zoho reported that this graph does not know yet. */
  | 'UNKNOWN';

/** A computer enrolled for unattended access. */
export type Computer = {
  __typename?: 'Computer';
  /** The group the computer belongs to. */
  groupName?: Maybe<Scalars['String']['output']>;
  /** The computer's id. */
  id: Scalars['ID']['output'];
  /** The computer's last known IP address. */
  ipAddress?: Maybe<Scalars['String']['output']>;
  /** When the computer was last seen online. */
  lastSeenAt?: Maybe<Scalars['DateTime']['output']>;
  /** The computer's name. */
  name: Scalars['String']['output'];
  /** The operating system, e.g. `Windows 11`. */
  os: Scalars['String']['output'];
  /** Sessions on this computer, newest first. */
  sessions?: Maybe<SessionConnection>;
  /** Whether the computer can be reached. */
  status: ComputerStatus;
};


/** A computer enrolled for unattended access. */
export type ComputerSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SessionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of computers. */
export type ComputerConnection = {
  __typename?: 'ComputerConnection';
  /** The computers of this page with their cursors. */
  edges: Array<ComputerEdge>;
  /** The computers of this page. */
  nodes: Array<Computer>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many computers match in all; null when Zoho did not say and this page does not show where the list ends (a full page). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** A computer with its cursor. */
export type ComputerEdge = {
  __typename?: 'ComputerEdge';
  /** Pass as `after` to start the next page after this computer. */
  cursor: Scalars['String']['output'];
  /** The computer. */
  node: Computer;
};

/** Narrows a list of computers. */
export type ComputerFilter = {
  /** Only computers in this group. */
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** Only computers whose name contains this text (Zoho's `display_name`). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Only computers in this status. */
  status?: InputMaybe<ComputerStatusInput>;
};

/** A group of unattended computers. */
export type ComputerGroup = {
  __typename?: 'ComputerGroup';
  /** How many computers the group holds, when Zoho says. */
  computerCount?: Maybe<Scalars['Int']['output']>;
  /** When the group was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The group's description. */
  description?: Maybe<Scalars['String']['output']>;
  /** The group's id; `UNGROUPED` for the built-in group of computers in none. */
  id: Scalars['ID']['output'];
  /** The group's name. */
  name: Scalars['String']['output'];
};

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

/** Start an unattended session. */
export type ConnectComputerInput = {
  /** The computer to connect to. */
  computerId: Scalars['ID']['input'];
  /** The technician who connects; the token's own technician when omitted. */
  technicianId?: InputMaybe<Scalars['ID']['input']>;
};

/** The result of connectComputer. */
export type ConnectComputerPayload = {
  __typename?: 'ConnectComputerPayload';
  /** The unattended session started. */
  session?: Maybe<Session>;
  /** Why no session started, if none did. */
  userErrors: Array<UserError>;
};

/** Create a computer group. */
export type CreateComputerGroupInput = {
  /** Computers to put in the group. */
  computerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The group's description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The group's name. */
  name: Scalars['String']['input'];
};

/** The result of createComputerGroup. */
export type CreateComputerGroupPayload = {
  __typename?: 'CreateComputerGroupPayload';
  /** The new group, when it was created. */
  group?: Maybe<ComputerGroup>;
  /** Why the group was not created, if it was not. */
  userErrors: Array<UserError>;
};

/** Start an on-demand session. */
export type CreateSessionInput = {
  /**
   * An idempotency key the client picks (a UUID per submission, say): a retry with the same key and the same input
   * within ten minutes answers the first write's result instead of writing again, on any replica, and a concurrent
   * duplicate waits for it. Retry with it after UPSTREAM_OUTCOME_UNKNOWN, a timeout or a lost connection. The same
   * key with another input is a CONFLICT user error on this field. Keys are the caller's own.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The customer's e-mail address; a malformed one is a VALIDATION user error on this field. */
  customerEmail?: InputMaybe<Scalars['String']['input']>;
  /** The customer's name. */
  customerName: Scalars['String']['input'];
  /** A title for the session. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The technician who will run the session. */
  technicianId: Scalars['ID']['input'];
  /** REMOTE_SUPPORT (the default); also UNATTENDED_ACCESS in the seed's graph, SCREEN_SHARING in the live one. */
  type?: InputMaybe<SessionTypeInput>;
};

/** The result of createSession. */
export type CreateSessionPayload = {
  __typename?: 'CreateSessionPayload';
  /** The new session, when it was created. */
  session?: Maybe<Session>;
  /** Why the session was not created, if it was not. */
  userErrors: Array<UserError>;
};

/** A person who receives remote support. */
export type Customer = {
  __typename?: 'Customer';
  /** The customer's company. */
  company?: Maybe<Scalars['String']['output']>;
  /** When the customer was added. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The customer's e-mail address. */
  email: Scalars['String']['output'];
  /** The customer's id. */
  id: Scalars['ID']['output'];
  /** The customer's name, as the record holds it now. */
  name: Scalars['String']['output'];
  /** Notes the support team keeps on the customer. */
  notes?: Maybe<Scalars['String']['output']>;
  /** The customer's phone number. */
  phone?: Maybe<Scalars['String']['output']>;
  /** The customer's sessions, newest first. */
  sessions?: Maybe<SessionConnection>;
};


/** A person who receives remote support. */
export type CustomerSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SessionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of customers. */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  /** The customers of this page with their cursors. */
  edges: Array<CustomerEdge>;
  /** The customers of this page. */
  nodes: Array<Customer>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many customers match in all; null when Zoho did not say and this page does not show where the list ends (a full page). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** A customer with its cursor. */
export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  /** Pass as `after` to start the next page after this customer. */
  cursor: Scalars['String']['output'];
  /** The customer. */
  node: Customer;
};

/** Narrows a list of customers. */
export type CustomerFilter = {
  /** Only customers of this company, exactly (Zoho filters it). */
  company?: InputMaybe<Scalars['String']['input']>;
  /** Only customers whose company starts with this text, ignoring case and surrounding spaces (read on, as namePrefix). */
  companyPrefix?: InputMaybe<Scalars['String']['input']>;
  /** Only the customer with this e-mail address. */
  email?: InputMaybe<Scalars['EmailAddress']['input']>;
  /**
   * Only customers whose name starts with this text, ignoring case and surrounding spaces. Zoho cannot filter by
   * it: the graph reads the list on (up to 3 list calls per page, as SessionFilter says).
   */
  namePrefix?: InputMaybe<Scalars['String']['input']>;
};

/** Customer activity in a period. */
export type CustomerReport = {
  __typename?: 'CustomerReport';
  /** One entry per customer. */
  customers: Array<CustomerReportEntry>;
  /** Totals over all the sessions counted. */
  summary: ReportSummary;
};

/** One customer's figures in a customer report. */
export type CustomerReportEntry = {
  __typename?: 'CustomerReportEntry';
  /** Their average session length, in seconds. */
  averageDurationSeconds: Scalars['Int']['output'];
  /** How many of those completed. */
  completedSessions: Scalars['Int']['output'];
  /** The customer as the report's sessions name them (name and e-mail cost nothing; `record` loads the customer). */
  customer: SessionCustomer;
  /** When their latest session in the period started. */
  lastSessionAt?: Maybe<Scalars['DateTime']['output']>;
  /** Their total session time, in seconds. */
  totalDurationSeconds: Scalars['Int']['output'];
  /** How many sessions they had. */
  totalSessions: Scalars['Int']['output'];
};

/** Delete computer groups. */
export type DeleteComputerGroupsInput = {
  /** The groups to delete (1 to 100). */
  groupIds: Array<Scalars['ID']['input']>;
};

/** The result of deleteComputerGroups. */
export type DeleteComputerGroupsPayload = {
  __typename?: 'DeleteComputerGroupsPayload';
  /** The ids of the deleted groups, when they were deleted. */
  deletedGroupIds?: Maybe<Array<Scalars['ID']['output']>>;
  /** Why the groups were not deleted, if they were not. */
  userErrors: Array<UserError>;
};

/** A department of the organisation: devices, groups and schedules belong to one. */
export type Department = {
  __typename?: 'Department';
  /** The department's id. */
  id: Scalars['ID']['output'];
  /** The department's display name. */
  name?: Maybe<Scalars['String']['output']>;
  /** Whether Zoho created it with the organisation. */
  systemGenerated?: Maybe<Scalars['Boolean']['output']>;
};

/**
 * Which upstream dialect's graph an element belongs to. Build-time only: src/graph/dialect.ts reads and removes it,
 * so no published SDL carries it.
 */
export type Dialect =
  /** Zoho's published Assist API v2. */
  | 'LIVE'
  /** The seed's API (the embedded emulator's default). */
  | 'SEED';

/** End a session. */
export type EndSessionInput = {
  /** The session to end. */
  sessionId: Scalars['ID']['input'];
};

/** The result of endSession. */
export type EndSessionPayload = {
  __typename?: 'EndSessionPayload';
  /** The ended session. */
  session?: Maybe<Session>;
  /** Why the session was not ended, if it was not. */
  userErrors: Array<UserError>;
};

/** A file transferred in a session. */
export type File = {
  __typename?: 'File';
  /** The file's bytes, base64-encoded. Costs one upstream call per file: select it only when needed. */
  contentBase64?: Maybe<Scalars['String']['output']>;
  /** The file's media type, e.g. `application/pdf`. */
  contentType: Scalars['String']['output'];
  /** Which way the file went. */
  direction: FileTransferDirection;
  /** The file's id. */
  id: Scalars['ID']['output'];
  /** The file's name. */
  name: Scalars['String']['output'];
  /** The session the file was transferred in. */
  session?: Maybe<Session>;
  /** The file's size in bytes: a SafeInt, since files of 2 GiB and more do not fit GraphQL's 32-bit Int. */
  size: Scalars['SafeInt']['output'];
  /** How far the transfer got. */
  status: FileTransferStatus;
  /** When the file was transferred. */
  transferredAt: Scalars['DateTime']['output'];
};

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

/** An invitation to join a session. */
export type Invitation = {
  __typename?: 'Invitation';
  /** Who was invited. */
  email: Scalars['String']['output'];
  /** The invitation's id. */
  id: Scalars['ID']['output'];
  /** When the invitation was made. */
  invitedAt: Scalars['DateTime']['output'];
  /** The link the invitee opens to join. */
  joinUrl: Scalars['String']['output'];
  /** Whether Zoho e-mailed the invitation. */
  sentEmail: Scalars['Boolean']['output'];
  /** The session invited to. */
  session?: Maybe<Session>;
};

/** Invite someone to a session. */
export type InviteToSessionInput = {
  /**
   * An idempotency key the client picks (a UUID per submission, say): a retry with the same key and the same input
   * within ten minutes answers the first write's result instead of writing again, on any replica, and a concurrent
   * duplicate waits for it. Retry with it after UPSTREAM_OUTCOME_UNKNOWN, a timeout or a lost connection. The same
   * key with another input is a CONFLICT user error on this field. Keys are the caller's own.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Who to invite, by e-mail address; a malformed one is a VALIDATION user error on this field. */
  email: Scalars['String']['input'];
  /** Whether Zoho e-mails the invitation (default true). */
  sendEmail?: InputMaybe<Scalars['Boolean']['input']>;
  /** The session to invite to. */
  sessionId: Scalars['ID']['input'];
};

/** The result of inviteToSession. */
export type InviteToSessionPayload = {
  __typename?: 'InviteToSessionPayload';
  /** The invitation made. */
  invitation?: Maybe<Invitation>;
  /** Why no invitation was made, if none was. */
  userErrors: Array<UserError>;
};

/** The Zoho Assist user the token belongs to. */
export type Me = {
  __typename?: 'Me';
  /** The departments the user belongs to. */
  departments: Array<Department>;
  /** Zoho's user id (zuid). */
  id?: Maybe<Scalars['ID']['output']>;
  /** The organisation the token is bound to. */
  organisation: Organisation;
  /** The department Zoho acts in when none is named; null when Zoho names none. */
  preferredDepartment?: Maybe<Department>;
  /** The user's role, e.g. `SUPER_ADMIN` or `TECHNICIAN`. */
  role?: Maybe<Scalars['String']['output']>;
};

/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Add a customer. */
  addCustomer: AddCustomerPayload;
  /** Add a technician to the organisation. */
  addTechnician: AddTechnicianPayload;
  /** Start an unattended-access session on a computer. */
  connectComputer: ConnectComputerPayload;
  /** Create a group of unattended computers in the department. */
  createComputerGroup: CreateComputerGroupPayload;
  /** Start an on-demand remote-support session for a customer. */
  createSession: CreateSessionPayload;
  /** Delete computer groups (their computers stay, ungrouped). One upstream call for all of them. */
  deleteComputerGroups: DeleteComputerGroupsPayload;
  /** End a waiting or active session. */
  endSession: EndSessionPayload;
  /** Invite someone to join a session by e-mail. */
  inviteToSession: InviteToSessionPayload;
  /** Remove an unattended computer. */
  removeComputer: RemoveComputerPayload;
  /** Remove a customer. */
  removeCustomer: RemoveCustomerPayload;
  /** Remove a technician. */
  removeTechnician: RemoveTechnicianPayload;
  /** Rename an unattended computer (its display name). */
  renameComputer: RenameComputerPayload;
  /** Schedule a session for a later time. */
  scheduleSession: ScheduleSessionPayload;
  /** Send a file within a session. */
  startFileTransfer: StartFileTransferPayload;
  /** Hand a session over to another technician. */
  transferSession: TransferSessionPayload;
  /** Rename a computer group, change its description, add or remove computers. */
  updateComputerGroup: UpdateComputerGroupPayload;
  /** Change a customer. */
  updateCustomer: UpdateCustomerPayload;
  /** Change a technician. */
  updateTechnician: UpdateTechnicianPayload;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationAddCustomerArgs = {
  input: AddCustomerInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationAddTechnicianArgs = {
  input: AddTechnicianInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationConnectComputerArgs = {
  input: ConnectComputerInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationCreateComputerGroupArgs = {
  input: CreateComputerGroupInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationCreateSessionArgs = {
  input: CreateSessionInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationDeleteComputerGroupsArgs = {
  input: DeleteComputerGroupsInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationEndSessionArgs = {
  input: EndSessionInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationInviteToSessionArgs = {
  input: InviteToSessionInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationRemoveComputerArgs = {
  input: RemoveComputerInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationRemoveCustomerArgs = {
  input: RemoveCustomerInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationRemoveTechnicianArgs = {
  input: RemoveTechnicianInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationRenameComputerArgs = {
  input: RenameComputerInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationScheduleSessionArgs = {
  input: ScheduleSessionInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationStartFileTransferArgs = {
  input: StartFileTransferInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationTransferSessionArgs = {
  input: TransferSessionInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationUpdateComputerGroupArgs = {
  input: UpdateComputerGroupInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationUpdateCustomerArgs = {
  input: UpdateCustomerInput;
};


/**
 * Change the Zoho Assist state. Every mutation takes one `input` and answers a payload whose `userErrors` carry the
 * expected business failures; infrastructure and authorisation failures are GraphQL errors.
 */
export type MutationUpdateTechnicianArgs = {
  input: UpdateTechnicianInput;
};

/** A Zoho Assist organisation. */
export type Organisation = {
  __typename?: 'Organisation';
  /** The organisation's id (zsoid). */
  id?: Maybe<Scalars['ID']['output']>;
  /** The organisation's name. */
  name?: Maybe<Scalars['String']['output']>;
};

/**
 * Where a page of a connection stands in the whole list: the Relay connection spec's PageInfo, shared with every
 * subgraph that declares the same type. It carries no access control: the connection fields that return it do, and
 * composition would impose a type's `@authenticated` on every other subgraph's PageInfo.
 */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last edge of this page, to pass as `after` for the next page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether a page comes before this one: true when the page starts after `after`, i.e. is not the first. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first edge of this page; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type Query = {
  __typename?: 'Query';
  /** An unattended computer by id; `null` with a NOT_FOUND error when there is none. */
  computer?: Maybe<Computer>;
  /** The department's unattended computer groups, optionally only those whose name matches. One upstream call (Zoho does not page them). */
  computerGroups?: Maybe<Array<ComputerGroup>>;
  /** Unattended computers, a page at a time. */
  computers?: Maybe<ComputerConnection>;
  /** A customer by id; `null` with a NOT_FOUND error when there is none. */
  customer?: Maybe<Customer>;
  /** Per-customer activity in a period. */
  customerReport?: Maybe<CustomerReport>;
  /** Customers, a page at a time. */
  customers?: Maybe<CustomerConnection>;
  /** The token's own Zoho Assist user: role, organisation, departments. One upstream call (`GET /user`). */
  me?: Maybe<Me>;
  /** A remote-support session by id; `null` with a NOT_FOUND error when there is none. */
  session?: Maybe<Session>;
  /** Sessions in a period with a computed summary. */
  sessionReport?: Maybe<SessionReport>;
  /** Sessions, newest first, a page at a time. */
  sessions?: Maybe<SessionConnection>;
  /** A technician by id; `null` with a NOT_FOUND error when there is none. */
  technician?: Maybe<Technician>;
  /** Per-technician performance in a period. */
  technicianReport?: Maybe<TechnicianReport>;
  /** Technicians, a page at a time. */
  technicians?: Maybe<TechnicianConnection>;
};


/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type QueryComputerArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type QueryComputerGroupsArgs = {
  name?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type QueryComputersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ComputerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type QueryCustomerReportArgs = {
  filter: ReportFilter;
};


/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type QuerySessionArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type QuerySessionReportArgs = {
  filter: ReportFilter;
};


/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type QuerySessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SessionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type QueryTechnicianArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type QueryTechnicianReportArgs = {
  filter: ReportFilter;
};


/**
 * Read the Zoho Assist graph. Every root field is nullable so that one failing field (a missing scope, an
 * upstream outage) leaves the others' data in the response.
 */
export type QueryTechniciansArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TechnicianFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Remove an unattended computer. */
export type RemoveComputerInput = {
  /** The computer to remove. */
  computerId: Scalars['ID']['input'];
};

/** The result of removeComputer. */
export type RemoveComputerPayload = {
  __typename?: 'RemoveComputerPayload';
  /** The id of the removed computer, when one was removed. */
  removedComputerId?: Maybe<Scalars['ID']['output']>;
  /** Why the computer was not removed, if it was not. */
  userErrors: Array<UserError>;
};

/** Remove a customer. */
export type RemoveCustomerInput = {
  /** The customer to remove. */
  customerId: Scalars['ID']['input'];
};

/** The result of removeCustomer. */
export type RemoveCustomerPayload = {
  __typename?: 'RemoveCustomerPayload';
  /** The id of the removed customer, when one was removed. */
  removedCustomerId?: Maybe<Scalars['ID']['output']>;
  /** Why the customer was not removed, if they were not. */
  userErrors: Array<UserError>;
};

/** Remove a technician. */
export type RemoveTechnicianInput = {
  /** The technician to remove. */
  technicianId: Scalars['ID']['input'];
};

/** The result of removeTechnician. */
export type RemoveTechnicianPayload = {
  __typename?: 'RemoveTechnicianPayload';
  /** The id of the removed technician, when one was removed. */
  removedTechnicianId?: Maybe<Scalars['ID']['output']>;
  /** Why the technician was not removed, if they were not. */
  userErrors: Array<UserError>;
};

/** Rename an unattended computer. */
export type RenameComputerInput = {
  /** The computer to rename. */
  computerId: Scalars['ID']['input'];
  /** Its new name. */
  name: Scalars['String']['input'];
};

/** The result of renameComputer. */
export type RenameComputerPayload = {
  __typename?: 'RenameComputerPayload';
  /** The renamed computer (one upstream call when selected: Zoho's rename answers nothing). */
  computer?: Maybe<Computer>;
  /** Why the computer was not renamed, if it was not. */
  userErrors: Array<UserError>;
};

/** The period and filters of a report. */
export type ReportFilter = {
  /** The first day of the period (inclusive). */
  from: Scalars['Date']['input'];
  /** Only sessions in this status. */
  status?: InputMaybe<SessionStatusInput>;
  /** Only sessions run by the technician with this e-mail address. */
  technicianEmail?: InputMaybe<Scalars['EmailAddress']['input']>;
  /** Only sessions run by this technician. */
  technicianId?: InputMaybe<Scalars['ID']['input']>;
  /** The last day of the period (inclusive). */
  to: Scalars['Date']['input'];
  /** Only sessions of this type. */
  type?: InputMaybe<SessionTypeInput>;
};

/** Totals over a report's sessions: the seed's API computes them, the live graph counts them from the rows. */
export type ReportSummary = {
  __typename?: 'ReportSummary';
  /** Their average length, in seconds. */
  averageDurationSeconds: Scalars['Int']['output'];
  /** How many of them completed. */
  completedSessions: Scalars['Int']['output'];
  /** Their total length, in seconds. */
  totalDurationSeconds: Scalars['Int']['output'];
  /** How many sessions the report covers. */
  totalSessions: Scalars['Int']['output'];
};

/** Book a session for later. */
export type ScheduleSessionInput = {
  /**
   * An idempotency key the client picks (a UUID per submission, say): a retry with the same key and the same input
   * within ten minutes answers the first write's result instead of writing again, on any replica, and a concurrent
   * duplicate waits for it. Retry with it after UPSTREAM_OUTCOME_UNKNOWN, a timeout or a lost connection. The same
   * key with another input is a CONFLICT user error on this field. Keys are the caller's own.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The customer's e-mail address; a malformed one is a VALIDATION user error on this field. */
  customerEmail: Scalars['String']['input'];
  /** The customer's name. */
  customerName: Scalars['String']['input'];
  /** How long to book, in minutes (1 to 1440). */
  durationMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** A title for the session. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Notes for the session. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Minutes before the session Zoho reminds the customer: 0, 5, 10, 15, 30, 45, 60 or 1440 (default 15). */
  reminderMinutes?: InputMaybe<Scalars['Int']['input']>;
  /**
   * When the session starts: an ISO-8601 date-time with a time zone (`2025-01-15T10:30:00Z`), in the future. One
   * without a zone, or in the past, is a VALIDATION user error on this field.
   */
  scheduledAt: Scalars['String']['input'];
  /** The technician who will run the session. */
  technicianId: Scalars['ID']['input'];
  /** The IANA time zone the session is booked in, e.g. `Europe/London` (Zoho shows it to the customer). */
  timeZone: Scalars['String']['input'];
};

/** The result of scheduleSession. */
export type ScheduleSessionPayload = {
  __typename?: 'ScheduleSessionPayload';
  /** The booked schedule, when one was booked: Zoho lists no schedules, so this is all there is to keep. */
  schedule?: Maybe<ScheduledSession>;
  /** The scheduled session. */
  session?: Maybe<Session>;
  /** Why the session was not scheduled, if it was not. */
  userErrors: Array<UserError>;
};

/** A session booked for later (Zoho's schedule: its own id space, not a session id). */
export type ScheduledSession = {
  __typename?: 'ScheduledSession';
  /** The schedule's id. */
  id: Scalars['ID']['output'];
  /** The link the technician opens to start. */
  technicianUrl?: Maybe<Scalars['String']['output']>;
  /** The link the customer opens to join. */
  url?: Maybe<Scalars['String']['output']>;
};

/** A Zoho Assist remote-support or unattended-access session. */
export type Session = {
  __typename?: 'Session';
  /** The session's chat, oldest message first; null (with an error) when Zoho could not answer for it. */
  chatMessages?: Maybe<Array<ChatMessage>>;
  /** The unattended computer the session runs on, for unattended-access sessions. */
  computer?: Maybe<Computer>;
  /** When the session was created. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * Who the session is for, as given when it was created: a snapshot that never changes with the customer record
   * (see SessionCustomer). Null when Zoho's answer names no customer e-mail.
   */
  customer?: Maybe<SessionCustomer>;
  /** The session's report: duration and activity counts. */
  details?: Maybe<SessionDetails>;
  /** How long a scheduled session is booked for, in minutes. */
  durationMinutes?: Maybe<Scalars['Int']['output']>;
  /**
   * How long the session ran, in seconds: from `startedAt` to `endedAt`. Null until it has both (it has not started,
   * or is still running: count a running session from `startedAt` in the client, which stays right every second).
   */
  durationSeconds?: Maybe<Scalars['Int']['output']>;
  /** When the session ended. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Seconds until the join link expires, counted from `createdAt`. */
  expiresIn: Scalars['Int']['output'];
  /** The files transferred in the session; null (with an error) when Zoho could not answer for them. */
  files?: Maybe<Array<File>>;
  /** The session's id. */
  id: Scalars['ID']['output'];
  /** The key a customer types to join, e.g. `123-456-789`. */
  joinKey: Scalars['String']['output'];
  /**
   * When the join link stops working: `createdAt` plus `expiresIn`. The seed states `expiresIn` ("seconds until the
   * join link expires") only in the create-session answer; this assumes every answer counts it from the session's
   * creation, as the create answer does, so the instant is the same whichever answer it is read from.
   */
  joinLinkExpiresAt: Scalars['DateTime']['output'];
  /** The link a customer opens to join. */
  joinUrl?: Maybe<Scalars['String']['output']>;
  /**
   * The key a customer types to join.
   * @deprecated Use joinKey: a field named `key` collides with React's `key` prop when a row is spread into a component.
   */
  key: Scalars['String']['output'];
  /** The session's title, e.g. `Software Installation Support`. */
  name?: Maybe<Scalars['String']['output']>;
  /** When a scheduled session is due to start. */
  scheduledAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the session started. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the session is in its life. */
  status: SessionStatus;
  /** The technician running the session. */
  technician?: Maybe<Technician>;
  /** The link the technician opens to start the session; null where the upstream gives none (the seed never does). */
  technicianUrl?: Maybe<Scalars['String']['output']>;
  /** What the session is for. */
  type: SessionType;
  /**
   * The link a customer opens to join.
   * @deprecated Use joinUrl, named as joinKey is.
   */
  url?: Maybe<Scalars['String']['output']>;
};

/** A page of sessions. */
export type SessionConnection = {
  __typename?: 'SessionConnection';
  /** The sessions of this page with their cursors. */
  edges: Array<SessionEdge>;
  /** The sessions of this page. */
  nodes: Array<Session>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many sessions match in all; null when Zoho did not say and this page does not show where the list ends (a full page). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/**
 * The person a session was opened for, with the name and e-mail given at the time: a value of the session, not the
 * customer record. It has no id, so a normalised cache keeps it inside its session (two sessions of one person may
 * carry different names); the record, with its own id and current fields, is `record`.
 */
export type SessionCustomer = {
  __typename?: 'SessionCustomer';
  /** The e-mail address given for the session. */
  email: Scalars['String']['output'];
  /** The name given for the session; null when Zoho's answer names only the e-mail (the record may know it). */
  name?: Maybe<Scalars['String']['output']>;
  /**
   * The customer record with this e-mail address; null when there is none (the person was never added as a
   * customer, or was removed). Loaded for every session of the operation in one batch.
   */
  record?: Maybe<Customer>;
};

/** A session's report: how long it ran and what happened in it. */
export type SessionDetails = {
  __typename?: 'SessionDetails';
  /** How many chat messages were exchanged. */
  chatMessageCount: Scalars['Int']['output'];
  /** The customer's name at the time of the session. */
  customerName: Scalars['String']['output'];
  /** How long the session ran, in seconds. */
  durationSeconds: Scalars['Int']['output'];
  /** When the session ended, if it has. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many files were transferred. */
  filesTransferredCount: Scalars['Int']['output'];
  /** When the session started. */
  startedAt: Scalars['DateTime']['output'];
  /** The technician's name at the time of the session. */
  technicianName: Scalars['String']['output'];
};

/** A session with its cursor. */
export type SessionEdge = {
  __typename?: 'SessionEdge';
  /** Pass as `after` to start the next page after this session. */
  cursor: Scalars['String']['output'];
  /** The session. */
  node: Session;
};

/**
 * Narrows a list of sessions. Every field given must match. Zoho filters by one status, one type, technician,
 * customer e-mail and computer; the fields priced `@cost(weight: 2)` it cannot, so the graph reads the list on and
 * keeps what matches: up to 3 list calls per page instead of 1 (a page that used them up is short, even empty,
 * with `hasNextPage` true and an `endCursor` to read on from).
 */
export type SessionFilter = {
  /** Only sessions on this unattended computer. */
  computerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only sessions created at or after this instant. The list is newest first, so the read stops at the first older one. */
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only sessions created before this instant. */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only sessions with this customer. */
  customerEmail?: InputMaybe<Scalars['EmailAddress']['input']>;
  /** Only sessions whose customer's name starts with this text, ignoring case and surrounding spaces. */
  customerNamePrefix?: InputMaybe<Scalars['String']['input']>;
  /** Only sessions in this status (Zoho filters it). */
  status?: InputMaybe<SessionStatusInput>;
  /**
   * Only sessions in one of these statuses, e.g. `[WAITING, ACTIVE]` for the open ones. One status is sent to Zoho
   * as `status`; two or more are matched by the graph. Empty or null: any status.
   */
  statuses?: InputMaybe<Array<SessionStatusInput>>;
  /** Only sessions run by this technician. */
  technicianId?: InputMaybe<Scalars['ID']['input']>;
  /** Only sessions of this type. */
  type?: InputMaybe<SessionTypeInput>;
};

/** Sessions in a period. */
export type SessionReport = {
  __typename?: 'SessionReport';
  /** One entry per session. */
  sessions: Array<SessionReportEntry>;
  /** Totals over the entries. */
  summary: ReportSummary;
};

/** One session in a session report. */
export type SessionReportEntry = {
  __typename?: 'SessionReportEntry';
  /** How many chat messages were exchanged. */
  chatMessageCount: Scalars['Int']['output'];
  /** The customer's e-mail address. */
  customerEmail?: Maybe<Scalars['String']['output']>;
  /** The customer's name at the time. */
  customerName?: Maybe<Scalars['String']['output']>;
  /** How long it ran, in seconds. */
  durationSeconds?: Maybe<Scalars['Int']['output']>;
  /** When the session ended. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many files were transferred. */
  filesTransferredCount: Scalars['Int']['output'];
  /** The session (costs one upstream call per entry unless already loaded). */
  session?: Maybe<Session>;
  /** The session's key, as Zoho's report names it. */
  sessionKey?: Maybe<Scalars['String']['output']>;
  /** When the session started. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the session is in its life. */
  status: SessionStatus;
  /** The technician's e-mail address. */
  technicianEmail?: Maybe<Scalars['String']['output']>;
  /** The technician's name at the time. */
  technicianName: Scalars['String']['output'];
  /** What the session was for. */
  type: SessionType;
};

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
  /** Screen sharing: the technician shows their screen (Zoho's `dm`). */
  | 'SCREEN_SHARING'
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
  /** Screen sharing (Zoho's `dm`). */
  | 'SCREEN_SHARING'
  /** Unattended access to a computer. */
  | 'UNATTENDED_ACCESS';

/** Send a file within a session. */
export type StartFileTransferInput = {
  /** The file's bytes, base64-encoded (at most 1 MiB encoded). */
  contentBase64?: InputMaybe<Scalars['String']['input']>;
  /** The file's media type. */
  contentType?: InputMaybe<Scalars['String']['input']>;
  /** Which way the file goes (default TECHNICIAN_TO_CUSTOMER). */
  direction?: InputMaybe<FileTransferDirectionInput>;
  /** The file's name. */
  fileName: Scalars['String']['input'];
  /** The session to send the file in. */
  sessionId: Scalars['ID']['input'];
};

/** The result of startFileTransfer. */
export type StartFileTransferPayload = {
  __typename?: 'StartFileTransferPayload';
  /** The file record created. */
  file?: Maybe<File>;
  /** Why no transfer started, if none did. */
  userErrors: Array<UserError>;
};

/**
 * Changes as they happen: Zoho Assist's webhooks where the organisation has them, the budgeted poller
 * (LIVE_POLL_INTERVAL_MS) where it has not, and this graph's own mutations. Each change is re-read once, within the
 * budget, however many subscribers wait for it (docs/subscriptions.md). Over `graphql-ws` on `/graphql`, or Apollo
 * Router's HTTP callback protocol.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** A computer's new state each time it changes (every computer's when `id` is omitted): online, offline, renamed. One upstream read per change, shared by every subscriber. */
  computerUpdated: Computer;
  /** A session's new state each time it changes (every session's when `id` is omitted). One upstream read per change, shared by every subscriber. Not in the live graph: Zoho's published API has no session lookup to re-read one. */
  sessionUpdated: Session;
};


/**
 * Changes as they happen: Zoho Assist's webhooks where the organisation has them, the budgeted poller
 * (LIVE_POLL_INTERVAL_MS) where it has not, and this graph's own mutations. Each change is re-read once, within the
 * budget, however many subscribers wait for it (docs/subscriptions.md). Over `graphql-ws` on `/graphql`, or Apollo
 * Router's HTTP callback protocol.
 */
export type SubscriptionComputerUpdatedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Changes as they happen: Zoho Assist's webhooks where the organisation has them, the budgeted poller
 * (LIVE_POLL_INTERVAL_MS) where it has not, and this graph's own mutations. Each change is re-read once, within the
 * budget, however many subscribers wait for it (docs/subscriptions.md). Over `graphql-ws` on `/graphql`, or Apollo
 * Router's HTTP callback protocol.
 */
export type SubscriptionSessionUpdatedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};

/** A member of the support team who runs sessions. */
export type Technician = {
  __typename?: 'Technician';
  /** How many sessions the technician is in now. */
  activeSessionCount: Scalars['Int']['output'];
  /**
   * How many more sessions the technician can have open now: `maxConcurrentSessions` minus `activeSessionCount`,
   * never below 0 (0 means createSession would answer SESSION_LIMIT_REACHED). Null when Zoho does not say the
   * allowance. Computed from the technician's own answer, no call.
   */
  availableCapacity?: Maybe<Scalars['Int']['output']>;
  /** The technician's e-mail address. */
  email: Scalars['String']['output'];
  /** The technician's id. */
  id: Scalars['ID']['output'];
  /** How many concurrent sessions the technician's plan allows, when Zoho says. */
  maxConcurrentSessions?: Maybe<Scalars['Int']['output']>;
  /** The technician's name. */
  name: Scalars['String']['output'];
  /** What the technician may do. */
  role: TechnicianRole;
  /** The technician's sessions, newest first. */
  sessions?: Maybe<SessionConnection>;
  /** Whether the technician can take a session now. */
  status: TechnicianStatus;
  /** How many sessions the technician has run in all. */
  totalSessionCount: Scalars['Int']['output'];
};


/** A member of the support team who runs sessions. */
export type TechnicianSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SessionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of technicians. */
export type TechnicianConnection = {
  __typename?: 'TechnicianConnection';
  /** The technicians of this page with their cursors. */
  edges: Array<TechnicianEdge>;
  /** The technicians of this page. */
  nodes: Array<Technician>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** How many technicians match in all; null when Zoho did not say and this page does not show where the list ends (a full page). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** A technician with its cursor. */
export type TechnicianEdge = {
  __typename?: 'TechnicianEdge';
  /** Pass as `after` to start the next page after this technician. */
  cursor: Scalars['String']['output'];
  /** The technician. */
  node: Technician;
};

/** Narrows a list of technicians. */
export type TechnicianFilter = {
  /** Only the technician with this e-mail address. */
  email?: InputMaybe<Scalars['EmailAddress']['input']>;
  /** Only technicians with this role. */
  role?: InputMaybe<TechnicianRoleInput>;
  /** Only technicians in this status. */
  status?: InputMaybe<TechnicianStatusInput>;
};

/** Technician performance in a period. */
export type TechnicianReport = {
  __typename?: 'TechnicianReport';
  /** Totals over all the sessions counted. */
  summary: ReportSummary;
  /** One entry per technician. */
  technicians: Array<TechnicianReportEntry>;
};

/** One technician's figures in a technician report. */
export type TechnicianReportEntry = {
  __typename?: 'TechnicianReportEntry';
  /** Their average session length, in seconds. */
  averageDurationSeconds: Scalars['Int']['output'];
  /** How many of those completed. */
  completedSessions: Scalars['Int']['output'];
  /** The technician. */
  technician?: Maybe<Technician>;
  /** The technician's name. */
  technicianName: Scalars['String']['output'];
  /** Their total session time, in seconds. */
  totalDurationSeconds: Scalars['Int']['output'];
  /** How many sessions they ran. */
  totalSessions: Scalars['Int']['output'];
};

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

/** Hand a session over. */
export type TransferSessionInput = {
  /** The session to transfer. */
  sessionId: Scalars['ID']['input'];
  /** The technician who takes it over. */
  technicianId: Scalars['ID']['input'];
};

/** The result of transferSession. */
export type TransferSessionPayload = {
  __typename?: 'TransferSessionPayload';
  /**
   * The technician who had the session before, as this graph knew it before the transfer: from its read cache (a
   * session is kept 5 s, per user), never from a call of its own; null when the graph had not read the session
   * recently (read `session(id) { technician { id } }` first when you need it for sure) or when it had none. Its
   * fields load like `Session.technician`'s, free when the technician was read recently too.
   */
  previousTechnician?: Maybe<Technician>;
  /** The session with its new technician. */
  session?: Maybe<Session>;
  /** Why the session was not transferred, if it was not. */
  userErrors: Array<UserError>;
};

/** Change a computer group. Zoho renames on every update, so `name` is required. */
export type UpdateComputerGroupInput = {
  /** Computers to add to the group. */
  addComputerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The group's new description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The group to change. */
  groupId: Scalars['ID']['input'];
  /** The group's name. */
  name: Scalars['String']['input'];
  /** Computers to take out of the group. */
  removeComputerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** The result of updateComputerGroup. */
export type UpdateComputerGroupPayload = {
  __typename?: 'UpdateComputerGroupPayload';
  /** The id of the changed group, when it was changed (Zoho's update answers nothing more). */
  updatedGroupId?: Maybe<Scalars['ID']['output']>;
  /** Why the group was not changed, if it was not. */
  userErrors: Array<UserError>;
};

/** Change a customer: only the fields given change. */
export type UpdateCustomerInput = {
  /** A new company. */
  company?: InputMaybe<Scalars['String']['input']>;
  /** The customer to change. */
  customerId: Scalars['ID']['input'];
  /** A new e-mail address; a malformed one is a VALIDATION user error on this field. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New notes (internal, as `Customer.notes` is: a public client cannot read them back). */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** A new phone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** The result of updateCustomer. */
export type UpdateCustomerPayload = {
  __typename?: 'UpdateCustomerPayload';
  /** The changed customer. */
  customer?: Maybe<Customer>;
  /** Why the customer was not changed, if they were not. */
  userErrors: Array<UserError>;
};

/** Change a technician: only the fields given change. */
export type UpdateTechnicianInput = {
  /** A new e-mail address; a malformed one is a VALIDATION user error on this field. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** A new concurrent-session allowance (1 to 100). */
  maxConcurrentSessions?: InputMaybe<Scalars['Int']['input']>;
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new role. */
  role?: InputMaybe<TechnicianRoleInput>;
  /** A new status. */
  status?: InputMaybe<TechnicianStatusInput>;
  /** The technician to change. */
  technicianId: Scalars['ID']['input'];
};

/** The result of updateTechnician. */
export type UpdateTechnicianPayload = {
  __typename?: 'UpdateTechnicianPayload';
  /** The changed technician. */
  technician?: Maybe<Technician>;
  /** Why the technician was not changed, if they were not. */
  userErrors: Array<UserError>;
};

/** An expected business failure of a mutation: returned as data, not as a GraphQL error. */
export type UserError = {
  __typename?: 'UserError';
  /** A machine-readable code. */
  code: UserErrorCode;
  /** The path of the input field at fault, e.g. `["input", "technicianId"]`, when one is. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** A sentence a person can read. */
  message: Scalars['String']['output'];
};

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

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Computer: Computer;
  Customer: Customer;
  Session: Session;
  Technician: Technician;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Computer:
    ( { __typename: 'Computer' }
    & GraphQLRecursivePick<FederationTypes['Computer'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & ( GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"email":true}> ) );
  Session:
    ( { __typename: 'Session' }
    & GraphQLRecursivePick<FederationTypes['Session'], {"id":true}> );
  Technician:
    ( { __typename: 'Technician' }
    & ( GraphQLRecursivePick<FederationTypes['Technician'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['Technician'], {"email":true}> ) );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AddCustomerInput: AddCustomerInput;
  AddCustomerPayload: ResolverTypeWrapper<Omit<AddCustomerPayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  AddTechnicianInput: AddTechnicianInput;
  AddTechnicianPayload: ResolverTypeWrapper<Omit<AddTechnicianPayload, 'technician'> & { technician?: Maybe<ResolversTypes['Technician']> }>;
  CacheControlScope: CacheControlScope;
  ChatMessage: ResolverTypeWrapper<ChatMessage>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ChatSender: ChatSender;
  Computer: ResolverTypeWrapper<ZohoComputer>;
  ComputerConnection: ResolverTypeWrapper<Page<ZohoComputer>>;
  ComputerEdge: ResolverTypeWrapper<Edge<ZohoComputer>>;
  ComputerFilter: ComputerFilter;
  ComputerGroup: ResolverTypeWrapper<LiveComputerGroup>;
  ComputerStatus: ComputerStatus;
  ComputerStatusInput: ComputerStatusInput;
  ConnectComputerInput: ConnectComputerInput;
  ConnectComputerPayload: ResolverTypeWrapper<Omit<ConnectComputerPayload, 'session'> & { session?: Maybe<ResolversTypes['Session']> }>;
  CreateComputerGroupInput: CreateComputerGroupInput;
  CreateComputerGroupPayload: ResolverTypeWrapper<Omit<CreateComputerGroupPayload, 'group'> & { group?: Maybe<ResolversTypes['ComputerGroup']> }>;
  CreateSessionInput: CreateSessionInput;
  CreateSessionPayload: ResolverTypeWrapper<Omit<CreateSessionPayload, 'session'> & { session?: Maybe<ResolversTypes['Session']> }>;
  Customer: ResolverTypeWrapper<Omit<Customer, 'sessions'> & { sessions?: Maybe<ResolversTypes['SessionConnection']> }>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['CustomerEdge']>, nodes: Array<ResolversTypes['Customer']> }>;
  CustomerEdge: ResolverTypeWrapper<Omit<CustomerEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  CustomerFilter: CustomerFilter;
  CustomerReport: ResolverTypeWrapper<Omit<CustomerReport, 'customers'> & { customers: Array<ResolversTypes['CustomerReportEntry']> }>;
  CustomerReportEntry: ResolverTypeWrapper<Omit<CustomerReportEntry, 'customer'> & { customer: ResolversTypes['SessionCustomer'] }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeleteComputerGroupsInput: DeleteComputerGroupsInput;
  DeleteComputerGroupsPayload: ResolverTypeWrapper<DeleteComputerGroupsPayload>;
  Department: ResolverTypeWrapper<LiveDepartmentParent>;
  Dialect: Dialect;
  EmailAddress: ResolverTypeWrapper<Scalars['EmailAddress']['output']>;
  EndSessionInput: EndSessionInput;
  EndSessionPayload: ResolverTypeWrapper<Omit<EndSessionPayload, 'session'> & { session?: Maybe<ResolversTypes['Session']> }>;
  File: ResolverTypeWrapper<Omit<File, 'session'> & { session?: Maybe<ResolversTypes['Session']> }>;
  FileTransferDirection: FileTransferDirection;
  FileTransferDirectionInput: FileTransferDirectionInput;
  FileTransferStatus: FileTransferStatus;
  Invitation: ResolverTypeWrapper<Omit<Invitation, 'session'> & { session?: Maybe<ResolversTypes['Session']> }>;
  InviteToSessionInput: InviteToSessionInput;
  InviteToSessionPayload: ResolverTypeWrapper<Omit<InviteToSessionPayload, 'invitation'> & { invitation?: Maybe<ResolversTypes['Invitation']> }>;
  Me: ResolverTypeWrapper<LiveMe>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Organisation: ResolverTypeWrapper<LiveOrganisationParent>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RemoveComputerInput: RemoveComputerInput;
  RemoveComputerPayload: ResolverTypeWrapper<RemoveComputerPayload>;
  RemoveCustomerInput: RemoveCustomerInput;
  RemoveCustomerPayload: ResolverTypeWrapper<RemoveCustomerPayload>;
  RemoveTechnicianInput: RemoveTechnicianInput;
  RemoveTechnicianPayload: ResolverTypeWrapper<RemoveTechnicianPayload>;
  RenameComputerInput: RenameComputerInput;
  RenameComputerPayload: ResolverTypeWrapper<RenameComputerPayloadParent>;
  ReportFilter: ReportFilter;
  ReportSummary: ResolverTypeWrapper<ReportSummary>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  ScheduleSessionInput: ScheduleSessionInput;
  ScheduleSessionPayload: ResolverTypeWrapper<Omit<ScheduleSessionPayload, 'schedule' | 'session'> & { schedule?: Maybe<ResolversTypes['ScheduledSession']>, session?: Maybe<ResolversTypes['Session']> }>;
  ScheduledSession: ResolverTypeWrapper<LiveScheduledSession>;
  Session: ResolverTypeWrapper<LiveSessionParent>;
  SessionConnection: ResolverTypeWrapper<Omit<SessionConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['SessionEdge']>, nodes: Array<ResolversTypes['Session']> }>;
  SessionCustomer: ResolverTypeWrapper<Omit<SessionCustomer, 'record'> & { record?: Maybe<ResolversTypes['Customer']> }>;
  SessionDetails: ResolverTypeWrapper<SessionDetails>;
  SessionEdge: ResolverTypeWrapper<Omit<SessionEdge, 'node'> & { node: ResolversTypes['Session'] }>;
  SessionFilter: SessionFilter;
  SessionReport: ResolverTypeWrapper<Omit<SessionReport, 'sessions'> & { sessions: Array<ResolversTypes['SessionReportEntry']> }>;
  SessionReportEntry: ResolverTypeWrapper<LiveReportEntry>;
  SessionStatus: SessionStatus;
  SessionStatusInput: SessionStatusInput;
  SessionType: SessionType;
  SessionTypeInput: SessionTypeInput;
  StartFileTransferInput: StartFileTransferInput;
  StartFileTransferPayload: ResolverTypeWrapper<Omit<StartFileTransferPayload, 'file'> & { file?: Maybe<ResolversTypes['File']> }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Technician: ResolverTypeWrapper<Omit<Technician, 'sessions'> & { sessions?: Maybe<ResolversTypes['SessionConnection']> }>;
  TechnicianConnection: ResolverTypeWrapper<Omit<TechnicianConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['TechnicianEdge']>, nodes: Array<ResolversTypes['Technician']> }>;
  TechnicianEdge: ResolverTypeWrapper<Omit<TechnicianEdge, 'node'> & { node: ResolversTypes['Technician'] }>;
  TechnicianFilter: TechnicianFilter;
  TechnicianReport: ResolverTypeWrapper<Omit<TechnicianReport, 'technicians'> & { technicians: Array<ResolversTypes['TechnicianReportEntry']> }>;
  TechnicianReportEntry: ResolverTypeWrapper<Omit<TechnicianReportEntry, 'technician'> & { technician?: Maybe<ResolversTypes['Technician']> }>;
  TechnicianRole: TechnicianRole;
  TechnicianRoleInput: TechnicianRoleInput;
  TechnicianStatus: TechnicianStatus;
  TechnicianStatusInput: TechnicianStatusInput;
  TransferSessionInput: TransferSessionInput;
  TransferSessionPayload: ResolverTypeWrapper<Omit<TransferSessionPayload, 'previousTechnician' | 'session'> & { previousTechnician?: Maybe<ResolversTypes['Technician']>, session?: Maybe<ResolversTypes['Session']> }>;
  UpdateComputerGroupInput: UpdateComputerGroupInput;
  UpdateComputerGroupPayload: ResolverTypeWrapper<UpdateComputerGroupPayload>;
  UpdateCustomerInput: UpdateCustomerInput;
  UpdateCustomerPayload: ResolverTypeWrapper<Omit<UpdateCustomerPayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  UpdateTechnicianInput: UpdateTechnicianInput;
  UpdateTechnicianPayload: ResolverTypeWrapper<Omit<UpdateTechnicianPayload, 'technician'> & { technician?: Maybe<ResolversTypes['Technician']> }>;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
  ZohoErrorCode: ZohoErrorCode;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AddCustomerInput: AddCustomerInput;
  AddCustomerPayload: Omit<AddCustomerPayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  AddTechnicianInput: AddTechnicianInput;
  AddTechnicianPayload: Omit<AddTechnicianPayload, 'technician'> & { technician?: Maybe<ResolversParentTypes['Technician']> };
  ChatMessage: ChatMessage;
  ID: Scalars['ID']['output'];
  Computer: ZohoComputer;
  ComputerConnection: Page<ZohoComputer>;
  ComputerEdge: Edge<ZohoComputer>;
  ComputerFilter: ComputerFilter;
  ComputerGroup: LiveComputerGroup;
  ConnectComputerInput: ConnectComputerInput;
  ConnectComputerPayload: Omit<ConnectComputerPayload, 'session'> & { session?: Maybe<ResolversParentTypes['Session']> };
  CreateComputerGroupInput: CreateComputerGroupInput;
  CreateComputerGroupPayload: Omit<CreateComputerGroupPayload, 'group'> & { group?: Maybe<ResolversParentTypes['ComputerGroup']> };
  CreateSessionInput: CreateSessionInput;
  CreateSessionPayload: Omit<CreateSessionPayload, 'session'> & { session?: Maybe<ResolversParentTypes['Session']> };
  Customer: Omit<Customer, 'sessions'> & { sessions?: Maybe<ResolversParentTypes['SessionConnection']> } | FederationReferenceTypes['Customer'];
  CustomerConnection: Omit<CustomerConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['CustomerEdge']>, nodes: Array<ResolversParentTypes['Customer']> };
  CustomerEdge: Omit<CustomerEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  CustomerFilter: CustomerFilter;
  CustomerReport: Omit<CustomerReport, 'customers'> & { customers: Array<ResolversParentTypes['CustomerReportEntry']> };
  CustomerReportEntry: Omit<CustomerReportEntry, 'customer'> & { customer: ResolversParentTypes['SessionCustomer'] };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DeleteComputerGroupsInput: DeleteComputerGroupsInput;
  DeleteComputerGroupsPayload: DeleteComputerGroupsPayload;
  Department: LiveDepartmentParent;
  EmailAddress: Scalars['EmailAddress']['output'];
  EndSessionInput: EndSessionInput;
  EndSessionPayload: Omit<EndSessionPayload, 'session'> & { session?: Maybe<ResolversParentTypes['Session']> };
  File: Omit<File, 'session'> & { session?: Maybe<ResolversParentTypes['Session']> };
  Invitation: Omit<Invitation, 'session'> & { session?: Maybe<ResolversParentTypes['Session']> };
  InviteToSessionInput: InviteToSessionInput;
  InviteToSessionPayload: Omit<InviteToSessionPayload, 'invitation'> & { invitation?: Maybe<ResolversParentTypes['Invitation']> };
  Me: LiveMe;
  Mutation: Record<PropertyKey, never>;
  Organisation: LiveOrganisationParent;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RemoveComputerInput: RemoveComputerInput;
  RemoveComputerPayload: RemoveComputerPayload;
  RemoveCustomerInput: RemoveCustomerInput;
  RemoveCustomerPayload: RemoveCustomerPayload;
  RemoveTechnicianInput: RemoveTechnicianInput;
  RemoveTechnicianPayload: RemoveTechnicianPayload;
  RenameComputerInput: RenameComputerInput;
  RenameComputerPayload: RenameComputerPayloadParent;
  ReportFilter: ReportFilter;
  ReportSummary: ReportSummary;
  SafeInt: Scalars['SafeInt']['output'];
  ScheduleSessionInput: ScheduleSessionInput;
  ScheduleSessionPayload: Omit<ScheduleSessionPayload, 'schedule' | 'session'> & { schedule?: Maybe<ResolversParentTypes['ScheduledSession']>, session?: Maybe<ResolversParentTypes['Session']> };
  ScheduledSession: LiveScheduledSession;
  Session: LiveSessionParent;
  SessionConnection: Omit<SessionConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['SessionEdge']>, nodes: Array<ResolversParentTypes['Session']> };
  SessionCustomer: Omit<SessionCustomer, 'record'> & { record?: Maybe<ResolversParentTypes['Customer']> };
  SessionDetails: SessionDetails;
  SessionEdge: Omit<SessionEdge, 'node'> & { node: ResolversParentTypes['Session'] };
  SessionFilter: SessionFilter;
  SessionReport: Omit<SessionReport, 'sessions'> & { sessions: Array<ResolversParentTypes['SessionReportEntry']> };
  SessionReportEntry: LiveReportEntry;
  StartFileTransferInput: StartFileTransferInput;
  StartFileTransferPayload: Omit<StartFileTransferPayload, 'file'> & { file?: Maybe<ResolversParentTypes['File']> };
  Subscription: Record<PropertyKey, never>;
  Technician: Omit<Technician, 'sessions'> & { sessions?: Maybe<ResolversParentTypes['SessionConnection']> } | FederationReferenceTypes['Technician'];
  TechnicianConnection: Omit<TechnicianConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['TechnicianEdge']>, nodes: Array<ResolversParentTypes['Technician']> };
  TechnicianEdge: Omit<TechnicianEdge, 'node'> & { node: ResolversParentTypes['Technician'] };
  TechnicianFilter: TechnicianFilter;
  TechnicianReport: Omit<TechnicianReport, 'technicians'> & { technicians: Array<ResolversParentTypes['TechnicianReportEntry']> };
  TechnicianReportEntry: Omit<TechnicianReportEntry, 'technician'> & { technician?: Maybe<ResolversParentTypes['Technician']> };
  TransferSessionInput: TransferSessionInput;
  TransferSessionPayload: Omit<TransferSessionPayload, 'previousTechnician' | 'session'> & { previousTechnician?: Maybe<ResolversParentTypes['Technician']>, session?: Maybe<ResolversParentTypes['Session']> };
  UpdateComputerGroupInput: UpdateComputerGroupInput;
  UpdateComputerGroupPayload: UpdateComputerGroupPayload;
  UpdateCustomerInput: UpdateCustomerInput;
  UpdateCustomerPayload: Omit<UpdateCustomerPayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  UpdateTechnicianInput: UpdateTechnicianInput;
  UpdateTechnicianPayload: Omit<UpdateTechnicianPayload, 'technician'> & { technician?: Maybe<ResolversParentTypes['Technician']> };
  UserError: UserError;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = LiveContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type DialectDirectiveArgs = {
  only?: Maybe<Dialect>;
  required?: Maybe<Dialect>;
};

export type DialectDirectiveResolver<Result, Parent, ContextType = LiveContext, Args = DialectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LiveScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['String']['input']>>;
};

export type LiveScopesDirectiveResolver<Result, Parent, ContextType = LiveContext, Args = LiveScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddCustomerPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['AddCustomerPayload'] = ResolversParentTypes['AddCustomerPayload']> = ResolversObject<{
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type AddTechnicianPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['AddTechnicianPayload'] = ResolversParentTypes['AddTechnicianPayload']> = ResolversObject<{
  technician?: Resolver<Maybe<ResolversTypes['Technician']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ChatMessageResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['ChatMessage'] = ResolversParentTypes['ChatMessage']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sender?: Resolver<ResolversTypes['ChatSender'], ParentType, ContextType>;
  senderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ComputerResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['Computer'] = ResolversParentTypes['Computer'], FederationReferenceType extends FederationReferenceTypes['Computer'] = FederationReferenceTypes['Computer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Computer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  groupName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ipAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSeenAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  os?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sessions?: Resolver<Maybe<ResolversTypes['SessionConnection']>, ParentType, ContextType, RequireFields<ComputerSessionsArgs, 'first'>>;
  status?: Resolver<ResolversTypes['ComputerStatus'], ParentType, ContextType>;
}>;

export type ComputerConnectionResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['ComputerConnection'] = ResolversParentTypes['ComputerConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ComputerEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Computer']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ComputerEdgeResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['ComputerEdge'] = ResolversParentTypes['ComputerEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Computer'], ParentType, ContextType>;
}>;

export type ComputerGroupResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['ComputerGroup'] = ResolversParentTypes['ComputerGroup']> = ResolversObject<{
  computerCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ConnectComputerPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['ConnectComputerPayload'] = ResolversParentTypes['ConnectComputerPayload']> = ResolversObject<{
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CreateComputerGroupPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['CreateComputerGroupPayload'] = ResolversParentTypes['CreateComputerGroupPayload']> = ResolversObject<{
  group?: Resolver<Maybe<ResolversTypes['ComputerGroup']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CreateSessionPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['CreateSessionPayload'] = ResolversParentTypes['CreateSessionPayload']> = ResolversObject<{
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  company?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sessions?: Resolver<Maybe<ResolversTypes['SessionConnection']>, ParentType, ContextType, RequireFields<CustomerSessionsArgs, 'first'>>;
}>;

export type CustomerConnectionResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CustomerEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type CustomerEdgeResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['CustomerEdge'] = ResolversParentTypes['CustomerEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
}>;

export type CustomerReportResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['CustomerReport'] = ResolversParentTypes['CustomerReport']> = ResolversObject<{
  customers?: Resolver<Array<ResolversTypes['CustomerReportEntry']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['ReportSummary'], ParentType, ContextType>;
}>;

export type CustomerReportEntryResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['CustomerReportEntry'] = ResolversParentTypes['CustomerReportEntry']> = ResolversObject<{
  averageDurationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completedSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['SessionCustomer'], ParentType, ContextType>;
  lastSessionAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  totalDurationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeleteComputerGroupsPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['DeleteComputerGroupsPayload'] = ResolversParentTypes['DeleteComputerGroupsPayload']> = ResolversObject<{
  deletedGroupIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type DepartmentResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  systemGenerated?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
}>;

export interface EmailAddressScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['EmailAddress'], any> {
  name: 'EmailAddress';
}

export type EndSessionPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['EndSessionPayload'] = ResolversParentTypes['EndSessionPayload']> = ResolversObject<{
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type FileResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['File'] = ResolversParentTypes['File']> = ResolversObject<{
  contentBase64?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['FileTransferDirection'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  size?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FileTransferStatus'], ParentType, ContextType>;
  transferredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type InvitationResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['Invitation'] = ResolversParentTypes['Invitation']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  joinUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sentEmail?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
}>;

export type InviteToSessionPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['InviteToSessionPayload'] = ResolversParentTypes['InviteToSessionPayload']> = ResolversObject<{
  invitation?: Resolver<Maybe<ResolversTypes['Invitation']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type MeResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['Me'] = ResolversParentTypes['Me']> = ResolversObject<{
  departments?: Resolver<Array<ResolversTypes['Department']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  preferredDepartment?: Resolver<Maybe<ResolversTypes['Department']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addCustomer?: Resolver<ResolversTypes['AddCustomerPayload'], ParentType, ContextType, RequireFields<MutationAddCustomerArgs, 'input'>>;
  addTechnician?: Resolver<ResolversTypes['AddTechnicianPayload'], ParentType, ContextType, RequireFields<MutationAddTechnicianArgs, 'input'>>;
  connectComputer?: Resolver<ResolversTypes['ConnectComputerPayload'], ParentType, ContextType, RequireFields<MutationConnectComputerArgs, 'input'>>;
  createComputerGroup?: Resolver<ResolversTypes['CreateComputerGroupPayload'], ParentType, ContextType, RequireFields<MutationCreateComputerGroupArgs, 'input'>>;
  createSession?: Resolver<ResolversTypes['CreateSessionPayload'], ParentType, ContextType, RequireFields<MutationCreateSessionArgs, 'input'>>;
  deleteComputerGroups?: Resolver<ResolversTypes['DeleteComputerGroupsPayload'], ParentType, ContextType, RequireFields<MutationDeleteComputerGroupsArgs, 'input'>>;
  endSession?: Resolver<ResolversTypes['EndSessionPayload'], ParentType, ContextType, RequireFields<MutationEndSessionArgs, 'input'>>;
  inviteToSession?: Resolver<ResolversTypes['InviteToSessionPayload'], ParentType, ContextType, RequireFields<MutationInviteToSessionArgs, 'input'>>;
  removeComputer?: Resolver<ResolversTypes['RemoveComputerPayload'], ParentType, ContextType, RequireFields<MutationRemoveComputerArgs, 'input'>>;
  removeCustomer?: Resolver<ResolversTypes['RemoveCustomerPayload'], ParentType, ContextType, RequireFields<MutationRemoveCustomerArgs, 'input'>>;
  removeTechnician?: Resolver<ResolversTypes['RemoveTechnicianPayload'], ParentType, ContextType, RequireFields<MutationRemoveTechnicianArgs, 'input'>>;
  renameComputer?: Resolver<ResolversTypes['RenameComputerPayload'], ParentType, ContextType, RequireFields<MutationRenameComputerArgs, 'input'>>;
  scheduleSession?: Resolver<ResolversTypes['ScheduleSessionPayload'], ParentType, ContextType, RequireFields<MutationScheduleSessionArgs, 'input'>>;
  startFileTransfer?: Resolver<ResolversTypes['StartFileTransferPayload'], ParentType, ContextType, RequireFields<MutationStartFileTransferArgs, 'input'>>;
  transferSession?: Resolver<ResolversTypes['TransferSessionPayload'], ParentType, ContextType, RequireFields<MutationTransferSessionArgs, 'input'>>;
  updateComputerGroup?: Resolver<ResolversTypes['UpdateComputerGroupPayload'], ParentType, ContextType, RequireFields<MutationUpdateComputerGroupArgs, 'input'>>;
  updateCustomer?: Resolver<ResolversTypes['UpdateCustomerPayload'], ParentType, ContextType, RequireFields<MutationUpdateCustomerArgs, 'input'>>;
  updateTechnician?: Resolver<ResolversTypes['UpdateTechnicianPayload'], ParentType, ContextType, RequireFields<MutationUpdateTechnicianArgs, 'input'>>;
}>;

export type OrganisationResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['Organisation'] = ResolversParentTypes['Organisation']> = ResolversObject<{
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  computer?: Resolver<Maybe<ResolversTypes['Computer']>, ParentType, ContextType, RequireFields<QueryComputerArgs, 'id'>>;
  computerGroups?: Resolver<Maybe<Array<ResolversTypes['ComputerGroup']>>, ParentType, ContextType, Partial<QueryComputerGroupsArgs>>;
  computers?: Resolver<Maybe<ResolversTypes['ComputerConnection']>, ParentType, ContextType, RequireFields<QueryComputersArgs, 'first'>>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customerReport?: Resolver<Maybe<ResolversTypes['CustomerReport']>, ParentType, ContextType, RequireFields<QueryCustomerReportArgs, 'filter'>>;
  customers?: Resolver<Maybe<ResolversTypes['CustomerConnection']>, ParentType, ContextType, RequireFields<QueryCustomersArgs, 'first'>>;
  me?: Resolver<Maybe<ResolversTypes['Me']>, ParentType, ContextType>;
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType, RequireFields<QuerySessionArgs, 'id'>>;
  sessionReport?: Resolver<Maybe<ResolversTypes['SessionReport']>, ParentType, ContextType, RequireFields<QuerySessionReportArgs, 'filter'>>;
  sessions?: Resolver<Maybe<ResolversTypes['SessionConnection']>, ParentType, ContextType, RequireFields<QuerySessionsArgs, 'first'>>;
  technician?: Resolver<Maybe<ResolversTypes['Technician']>, ParentType, ContextType, RequireFields<QueryTechnicianArgs, 'id'>>;
  technicianReport?: Resolver<Maybe<ResolversTypes['TechnicianReport']>, ParentType, ContextType, RequireFields<QueryTechnicianReportArgs, 'filter'>>;
  technicians?: Resolver<Maybe<ResolversTypes['TechnicianConnection']>, ParentType, ContextType, RequireFields<QueryTechniciansArgs, 'first'>>;
}>;

export type RemoveComputerPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['RemoveComputerPayload'] = ResolversParentTypes['RemoveComputerPayload']> = ResolversObject<{
  removedComputerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type RemoveCustomerPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['RemoveCustomerPayload'] = ResolversParentTypes['RemoveCustomerPayload']> = ResolversObject<{
  removedCustomerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type RemoveTechnicianPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['RemoveTechnicianPayload'] = ResolversParentTypes['RemoveTechnicianPayload']> = ResolversObject<{
  removedTechnicianId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type RenameComputerPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['RenameComputerPayload'] = ResolversParentTypes['RenameComputerPayload']> = ResolversObject<{
  computer?: Resolver<Maybe<ResolversTypes['Computer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ReportSummaryResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['ReportSummary'] = ResolversParentTypes['ReportSummary']> = ResolversObject<{
  averageDurationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completedSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalDurationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type ScheduleSessionPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['ScheduleSessionPayload'] = ResolversParentTypes['ScheduleSessionPayload']> = ResolversObject<{
  schedule?: Resolver<Maybe<ResolversTypes['ScheduledSession']>, ParentType, ContextType>;
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ScheduledSessionResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['ScheduledSession'] = ResolversParentTypes['ScheduledSession']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  technicianUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type SessionResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session'], FederationReferenceType extends FederationReferenceTypes['Session'] = FederationReferenceTypes['Session']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Session']> | FederationReferenceType, FederationReferenceType, ContextType>;
  chatMessages?: Resolver<Maybe<Array<ResolversTypes['ChatMessage']>>, ParentType, ContextType>;
  computer?: Resolver<Maybe<ResolversTypes['Computer']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['SessionCustomer']>, ParentType, ContextType>;
  details?: Resolver<Maybe<ResolversTypes['SessionDetails']>, ParentType, ContextType>;
  durationMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  durationSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  expiresIn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  files?: Resolver<Maybe<Array<ResolversTypes['File']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  joinKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  joinLinkExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  joinUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scheduledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SessionStatus'], ParentType, ContextType>;
  technician?: Resolver<Maybe<ResolversTypes['Technician']>, ParentType, ContextType>;
  technicianUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['SessionType'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type SessionConnectionResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['SessionConnection'] = ResolversParentTypes['SessionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['SessionEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Session']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type SessionCustomerResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['SessionCustomer'] = ResolversParentTypes['SessionCustomer']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  record?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
}>;

export type SessionDetailsResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['SessionDetails'] = ResolversParentTypes['SessionDetails']> = ResolversObject<{
  chatMessageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  customerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  filesTransferredCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  technicianName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SessionEdgeResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['SessionEdge'] = ResolversParentTypes['SessionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Session'], ParentType, ContextType>;
}>;

export type SessionReportResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['SessionReport'] = ResolversParentTypes['SessionReport']> = ResolversObject<{
  sessions?: Resolver<Array<ResolversTypes['SessionReportEntry']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['ReportSummary'], ParentType, ContextType>;
}>;

export type SessionReportEntryResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['SessionReportEntry'] = ResolversParentTypes['SessionReportEntry']> = ResolversObject<{
  chatMessageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  customerEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  durationSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  filesTransferredCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  sessionKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SessionStatus'], ParentType, ContextType>;
  technicianEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  technicianName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['SessionType'], ParentType, ContextType>;
}>;

export type StartFileTransferPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['StartFileTransferPayload'] = ResolversParentTypes['StartFileTransferPayload']> = ResolversObject<{
  file?: Resolver<Maybe<ResolversTypes['File']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  computerUpdated?: SubscriptionResolver<ResolversTypes['Computer'], "computerUpdated", ParentType, ContextType, Partial<SubscriptionComputerUpdatedArgs>>;
  sessionUpdated?: SubscriptionResolver<ResolversTypes['Session'], "sessionUpdated", ParentType, ContextType, Partial<SubscriptionSessionUpdatedArgs>>;
}>;

export type TechnicianResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['Technician'] = ResolversParentTypes['Technician'], FederationReferenceType extends FederationReferenceTypes['Technician'] = FederationReferenceTypes['Technician']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Technician']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activeSessionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  availableCapacity?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxConcurrentSessions?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['TechnicianRole'], ParentType, ContextType>;
  sessions?: Resolver<Maybe<ResolversTypes['SessionConnection']>, ParentType, ContextType, RequireFields<TechnicianSessionsArgs, 'first'>>;
  status?: Resolver<ResolversTypes['TechnicianStatus'], ParentType, ContextType>;
  totalSessionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TechnicianConnectionResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['TechnicianConnection'] = ResolversParentTypes['TechnicianConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['TechnicianEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Technician']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type TechnicianEdgeResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['TechnicianEdge'] = ResolversParentTypes['TechnicianEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Technician'], ParentType, ContextType>;
}>;

export type TechnicianReportResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['TechnicianReport'] = ResolversParentTypes['TechnicianReport']> = ResolversObject<{
  summary?: Resolver<ResolversTypes['ReportSummary'], ParentType, ContextType>;
  technicians?: Resolver<Array<ResolversTypes['TechnicianReportEntry']>, ParentType, ContextType>;
}>;

export type TechnicianReportEntryResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['TechnicianReportEntry'] = ResolversParentTypes['TechnicianReportEntry']> = ResolversObject<{
  averageDurationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completedSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  technician?: Resolver<Maybe<ResolversTypes['Technician']>, ParentType, ContextType>;
  technicianName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalDurationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TransferSessionPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['TransferSessionPayload'] = ResolversParentTypes['TransferSessionPayload']> = ResolversObject<{
  previousTechnician?: Resolver<Maybe<ResolversTypes['Technician']>, ParentType, ContextType>;
  session?: Resolver<Maybe<ResolversTypes['Session']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UpdateComputerGroupPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['UpdateComputerGroupPayload'] = ResolversParentTypes['UpdateComputerGroupPayload']> = ResolversObject<{
  updatedGroupId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UpdateCustomerPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['UpdateCustomerPayload'] = ResolversParentTypes['UpdateCustomerPayload']> = ResolversObject<{
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UpdateTechnicianPayloadResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['UpdateTechnicianPayload'] = ResolversParentTypes['UpdateTechnicianPayload']> = ResolversObject<{
  technician?: Resolver<Maybe<ResolversTypes['Technician']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = LiveContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['UserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = LiveContext> = ResolversObject<{
  AddCustomerPayload?: AddCustomerPayloadResolvers<ContextType>;
  AddTechnicianPayload?: AddTechnicianPayloadResolvers<ContextType>;
  ChatMessage?: ChatMessageResolvers<ContextType>;
  Computer?: ComputerResolvers<ContextType>;
  ComputerConnection?: ComputerConnectionResolvers<ContextType>;
  ComputerEdge?: ComputerEdgeResolvers<ContextType>;
  ComputerGroup?: ComputerGroupResolvers<ContextType>;
  ConnectComputerPayload?: ConnectComputerPayloadResolvers<ContextType>;
  CreateComputerGroupPayload?: CreateComputerGroupPayloadResolvers<ContextType>;
  CreateSessionPayload?: CreateSessionPayloadResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  CustomerReport?: CustomerReportResolvers<ContextType>;
  CustomerReportEntry?: CustomerReportEntryResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DeleteComputerGroupsPayload?: DeleteComputerGroupsPayloadResolvers<ContextType>;
  Department?: DepartmentResolvers<ContextType>;
  EmailAddress?: GraphQLScalarType;
  EndSessionPayload?: EndSessionPayloadResolvers<ContextType>;
  File?: FileResolvers<ContextType>;
  Invitation?: InvitationResolvers<ContextType>;
  InviteToSessionPayload?: InviteToSessionPayloadResolvers<ContextType>;
  Me?: MeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organisation?: OrganisationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RemoveComputerPayload?: RemoveComputerPayloadResolvers<ContextType>;
  RemoveCustomerPayload?: RemoveCustomerPayloadResolvers<ContextType>;
  RemoveTechnicianPayload?: RemoveTechnicianPayloadResolvers<ContextType>;
  RenameComputerPayload?: RenameComputerPayloadResolvers<ContextType>;
  ReportSummary?: ReportSummaryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  ScheduleSessionPayload?: ScheduleSessionPayloadResolvers<ContextType>;
  ScheduledSession?: ScheduledSessionResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  SessionConnection?: SessionConnectionResolvers<ContextType>;
  SessionCustomer?: SessionCustomerResolvers<ContextType>;
  SessionDetails?: SessionDetailsResolvers<ContextType>;
  SessionEdge?: SessionEdgeResolvers<ContextType>;
  SessionReport?: SessionReportResolvers<ContextType>;
  SessionReportEntry?: SessionReportEntryResolvers<ContextType>;
  StartFileTransferPayload?: StartFileTransferPayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Technician?: TechnicianResolvers<ContextType>;
  TechnicianConnection?: TechnicianConnectionResolvers<ContextType>;
  TechnicianEdge?: TechnicianEdgeResolvers<ContextType>;
  TechnicianReport?: TechnicianReportResolvers<ContextType>;
  TechnicianReportEntry?: TechnicianReportEntryResolvers<ContextType>;
  TransferSessionPayload?: TransferSessionPayloadResolvers<ContextType>;
  UpdateComputerGroupPayload?: UpdateComputerGroupPayloadResolvers<ContextType>;
  UpdateCustomerPayload?: UpdateCustomerPayloadResolvers<ContextType>;
  UpdateTechnicianPayload?: UpdateTechnicianPayloadResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = LiveContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
  dialect?: DialectDirectiveResolver<any, any, ContextType>;
  liveScopes?: LiveScopesDirectiveResolver<any, any, ContextType>;
}>;
