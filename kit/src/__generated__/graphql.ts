/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Who wrote a chat message. */
export type ChatSender =
  /** The customer being helped. */
  | 'CUSTOMER'
  /** The technician running the session. */
  | 'TECHNICIAN'
  /** A sender Zoho reported that this graph does not know yet. */
  | 'UNKNOWN';

/** Start an on-demand session. */
export type CreateSessionInput = {
  /**
   * An idempotency key the client picks (a UUID per submission, say): a retry with the same key and the same input
   * within ten minutes answers the first write's result instead of writing again, on any replica, and a concurrent
   * duplicate waits for it. Retry with it after UPSTREAM_OUTCOME_UNKNOWN, a timeout or a lost connection. The same
   * key with another input is a CONFLICT user error on this field. Keys are the caller's own.
   */
  clientMutationId?: string | null | undefined;
  /** The customer's e-mail address; a malformed one is a VALIDATION user error on this field. */
  customerEmail: string;
  /** The customer's name. */
  customerName: string;
  /** A title for the session. */
  name?: string | null | undefined;
  /** The technician who will run the session. */
  technicianId: string | number;
  /** REMOTE_SUPPORT (the default); also UNATTENDED_ACCESS in the seed's graph, SCREEN_SHARING in the live one. */
  type?: SessionTypeInput | null | undefined;
};

/** Which way a file went. */
export type FileTransferDirection =
  /** From the customer to the technician. */
  | 'CUSTOMER_TO_TECHNICIAN'
  /** From the technician to the customer. */
  | 'TECHNICIAN_TO_CUSTOMER'
  /** A direction Zoho reported that this graph does not know yet. */
  | 'UNKNOWN';

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

/** Invite someone to a session. */
export type InviteToSessionInput = {
  /**
   * An idempotency key the client picks (a UUID per submission, say): a retry with the same key and the same input
   * within ten minutes answers the first write's result instead of writing again, on any replica, and a concurrent
   * duplicate waits for it. Retry with it after UPSTREAM_OUTCOME_UNKNOWN, a timeout or a lost connection. The same
   * key with another input is a CONFLICT user error on this field. Keys are the caller's own.
   */
  clientMutationId?: string | null | undefined;
  /** Who to invite, by e-mail address; a malformed one is a VALIDATION user error on this field. */
  email: string;
  /** Whether Zoho e-mails the invitation (default true). */
  sendEmail?: boolean | null | undefined;
  /** The session to invite to. */
  sessionId: string | number;
};

/** The period and filters of a report. */
export type ReportFilter = {
  /** The first day of the period (inclusive). */
  from: string;
  /** Only sessions in this status. */
  status?: SessionStatusInput | null | undefined;
  /** Only sessions run by this technician. */
  technicianId?: string | number | null | undefined;
  /** The last day of the period (inclusive). */
  to: string;
};

/**
 * Narrows a list of sessions. Every field given must match. Zoho filters by one status, one type, technician,
 * customer e-mail and computer; the fields priced `@cost(weight: 2)` it cannot, so the graph reads the list on and
 * keeps what matches: up to 3 list calls per page instead of 1 (a page that used them up is short, even empty,
 * with `hasNextPage` true and an `endCursor` to read on from).
 */
export type SessionFilter = {
  /** Only sessions on this unattended computer. */
  computerId?: string | number | null | undefined;
  /** Only sessions created at or after this instant. The list is newest first, so the read stops at the first older one. */
  createdAfter?: string | null | undefined;
  /** Only sessions created before this instant. */
  createdBefore?: string | null | undefined;
  /** Only sessions with this customer. */
  customerEmail?: string | null | undefined;
  /** Only sessions whose customer's name starts with this text, ignoring case and surrounding spaces. */
  customerNamePrefix?: string | null | undefined;
  /** Only sessions in this status (Zoho filters it). */
  status?: SessionStatusInput | null | undefined;
  /**
   * Only sessions in one of these statuses, e.g. `[WAITING, ACTIVE]` for the open ones. One status is sent to Zoho
   * as `status`; two or more are matched by the graph. Empty or null: any status.
   */
  statuses?: Array<SessionStatusInput> | null | undefined;
  /** Only sessions run by this technician. */
  technicianId?: string | number | null | undefined;
  /** Only sessions of this type. */
  type?: SessionTypeInput | null | undefined;
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

/** Hand a session over. */
export type TransferSessionInput = {
  /** The session to transfer. */
  sessionId: string | number;
  /** The technician who takes it over. */
  technicianId: string | number;
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

export type AvailableTechniciansQueryVariables = Exact<{
  first?: number | null | undefined;
}>;

export type AvailableTechniciansQuery = {
  technicians: {
    totalCount: number | null;
    nodes: Array<{
      activeSessionCount: number;
      maxConcurrentSessions: number | null;
      availableCapacity: number | null;
      id: string;
      name: string;
      email: string;
      status: TechnicianStatus;
    }>;
  } | null;
};

export type CreateSessionMutationVariables = Exact<{
  input: CreateSessionInput;
}>;

export type CreateSessionMutation = {
  createSession: {
    session: {
      joinUrl: string;
      joinLinkExpiresAt: string;
      id: string;
      joinKey: string;
      name: string | null;
      type: SessionType;
      status: SessionStatus;
      createdAt: string;
      startedAt: string | null;
      technician: { id: string; name: string; email: string; status: TechnicianStatus } | null;
      customer: { name: string | null; email: string } | null;
    } | null;
    userErrors: Array<{ code: UserErrorCode; message: string; field: Array<string> | null }>;
  };
};

export type InviteToSessionMutationVariables = Exact<{
  input: InviteToSessionInput;
}>;

export type InviteToSessionMutation = {
  inviteToSession: {
    invitation: { id: string; email: string; sentEmail: boolean; invitedAt: string; joinUrl: string } | null;
    userErrors: Array<{ code: UserErrorCode; message: string; field: Array<string> | null }>;
  };
};

export type SupportReportsQueryVariables = Exact<{
  filter: ReportFilter;
}>;

export type SupportReportsQuery = {
  sessionReport: {
    summary: {
      totalSessions: number;
      completedSessions: number;
      averageDurationSeconds: number;
      totalDurationSeconds: number;
    };
  } | null;
  technicianReport: {
    technicians: Array<{
      technicianName: string;
      totalSessions: number;
      completedSessions: number;
      averageDurationSeconds: number;
    }>;
  } | null;
  customerReport: {
    customers: Array<{
      totalSessions: number;
      lastSessionAt: string | null;
      customer: { name: string | null; email: string };
    }>;
  } | null;
};

export type SessionDetailQueryVariables = Exact<{
  id: string | number;
}>;

export type SessionDetailQuery = {
  session: {
    endedAt: string | null;
    id: string;
    joinKey: string;
    name: string | null;
    type: SessionType;
    status: SessionStatus;
    createdAt: string;
    startedAt: string | null;
    details: { durationSeconds: number; chatMessageCount: number; filesTransferredCount: number } | null;
    chatMessages: Array<{
      id: string;
      sender: ChatSender;
      senderName: string;
      text: string;
      sentAt: string;
    }> | null;
    files: Array<{
      id: string;
      name: string;
      size: number;
      contentType: string;
      direction: FileTransferDirection;
      status: FileTransferStatus;
      transferredAt: string;
    }> | null;
    technician: { id: string; name: string; email: string; status: TechnicianStatus } | null;
    customer: { name: string | null; email: string } | null;
  } | null;
};

export type SessionsDashboardQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: SessionFilter | null | undefined;
}>;

export type SessionsDashboardQuery = {
  sessions: {
    totalCount: number | null;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      joinKey: string;
      name: string | null;
      type: SessionType;
      status: SessionStatus;
      createdAt: string;
      startedAt: string | null;
      technician: { id: string; name: string; email: string; status: TechnicianStatus } | null;
      customer: { name: string | null; email: string } | null;
    }>;
  } | null;
};

export type TransferSessionMutationVariables = Exact<{
  input: TransferSessionInput;
}>;

export type TransferSessionMutation = {
  transferSession: {
    session: {
      id: string;
      joinKey: string;
      name: string | null;
      type: SessionType;
      status: SessionStatus;
      createdAt: string;
      startedAt: string | null;
      technician: { id: string; name: string; email: string; status: TechnicianStatus } | null;
      customer: { name: string | null; email: string } | null;
    } | null;
    userErrors: Array<{ code: UserErrorCode; message: string; field: Array<string> | null }>;
  };
};

export type PageInfoFieldsFragment = { hasNextPage: boolean; endCursor: string | null };

export type SessionRowFragment = {
  id: string;
  joinKey: string;
  name: string | null;
  type: SessionType;
  status: SessionStatus;
  createdAt: string;
  startedAt: string | null;
  technician: { id: string; name: string; email: string; status: TechnicianStatus } | null;
  customer: { name: string | null; email: string } | null;
};

export type TechnicianSummaryFragment = { id: string; name: string; email: string; status: TechnicianStatus };

export type UserErrorFieldsFragment = { code: UserErrorCode; message: string; field: Array<string> | null };

export const PageInfoFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PageInfoFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PageInfo' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const TechnicianSummaryFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TechnicianSummary' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Technician' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TechnicianSummaryFragment, unknown>;
export const SessionRowFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionRow' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'joinKey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'technician' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TechnicianSummary' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customer' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TechnicianSummary' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Technician' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SessionRowFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'UserErrorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'UserError' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'code' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'field' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const AvailableTechniciansDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AvailableTechnicians' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
          defaultValue: { kind: 'IntValue', value: '50' },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'technicians' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'status' },
                      value: { kind: 'EnumValue', value: 'ONLINE' },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'TechnicianSummary' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'activeSessionCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'maxConcurrentSessions' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'availableCapacity' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TechnicianSummary' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Technician' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AvailableTechniciansQuery, AvailableTechniciansQueryVariables>;
export const CreateSessionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateSession' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateSessionInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createSession' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'session' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionRow' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'joinUrl' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'joinLinkExpiresAt' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'UserErrorFields' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionRow' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'joinKey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'technician' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TechnicianSummary' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customer' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TechnicianSummary' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Technician' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'UserErrorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'UserError' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'code' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'field' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateSessionMutation, CreateSessionMutationVariables>;
export const InviteToSessionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'InviteToSession' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'InviteToSessionInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'inviteToSession' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'invitation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'sentEmail' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'invitedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'joinUrl' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'UserErrorFields' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'UserErrorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'UserError' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'code' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'field' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<InviteToSessionMutation, InviteToSessionMutationVariables>;
export const SupportReportsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'SupportReports' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportFilter' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'sessionReport' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'summary' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'totalSessions' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'completedSessions' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'averageDurationSeconds' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'totalDurationSeconds' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'technicianReport' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'technicians' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'technicianName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'totalSessions' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'completedSessions' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'averageDurationSeconds' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customerReport' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'customers' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'customer' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'totalSessions' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'lastSessionAt' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SupportReportsQuery, SupportReportsQueryVariables>;
export const SessionDetailDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'SessionDetail' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'session' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionRow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endedAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'details' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'durationSeconds' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'chatMessageCount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'filesTransferredCount' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'chatMessages' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'sender' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'senderName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'sentAt' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'files' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'size' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'direction' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'transferredAt' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionRow' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'joinKey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'technician' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TechnicianSummary' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customer' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TechnicianSummary' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Technician' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SessionDetailQuery, SessionDetailQueryVariables>;
export const SessionsDashboardDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'SessionsDashboard' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
          defaultValue: { kind: 'IntValue', value: '20' },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'SessionFilter' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'sessions' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PageInfoFields' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionRow' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PageInfoFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PageInfo' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
          { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionRow' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'joinKey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'technician' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TechnicianSummary' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customer' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TechnicianSummary' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Technician' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SessionsDashboardQuery, SessionsDashboardQueryVariables>;
export const TransferSessionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'TransferSession' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'TransferSessionInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'transferSession' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'session' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionRow' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'userErrors' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'UserErrorFields' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionRow' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'joinKey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'type' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'startedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'technician' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TechnicianSummary' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customer' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TechnicianSummary' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Technician' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'UserErrorFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'UserError' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'code' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
          { kind: 'Field', name: { kind: 'Name', value: 'field' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TransferSessionMutation, TransferSessionMutationVariables>;
