/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  'query AvailableTechnicians($first: Int = 50) {\n  technicians(first: $first, filter: {status: ONLINE}) {\n    totalCount\n    nodes {\n      ...TechnicianSummary\n      activeSessionCount\n      maxConcurrentSessions\n      availableCapacity\n    }\n  }\n}': typeof types.AvailableTechniciansDocument;
  'mutation CreateSession($input: CreateSessionInput!) {\n  createSession(input: $input) {\n    session {\n      ...SessionRow\n      joinUrl\n      joinLinkExpiresAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}': typeof types.CreateSessionDocument;
  'mutation InviteToSession($input: InviteToSessionInput!) {\n  inviteToSession(input: $input) {\n    invitation {\n      id\n      email\n      sentEmail\n      invitedAt\n      joinUrl\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}': typeof types.InviteToSessionDocument;
  'query SupportReports($filter: ReportFilter!) {\n  sessionReport(filter: $filter) {\n    summary {\n      totalSessions\n      completedSessions\n      averageDurationSeconds\n      totalDurationSeconds\n    }\n  }\n  technicianReport(filter: $filter) {\n    technicians {\n      technicianName\n      totalSessions\n      completedSessions\n      averageDurationSeconds\n    }\n  }\n  customerReport(filter: $filter) {\n    customers {\n      customer {\n        name\n        email\n      }\n      totalSessions\n      lastSessionAt\n    }\n  }\n}': typeof types.SupportReportsDocument;
  'query SessionDetail($id: ID!) {\n  session(id: $id) {\n    ...SessionRow\n    endedAt\n    details {\n      durationSeconds\n      chatMessageCount\n      filesTransferredCount\n    }\n    chatMessages {\n      id\n      sender\n      senderName\n      text\n      sentAt\n    }\n    files {\n      id\n      name\n      size\n      contentType\n      direction\n      status\n      transferredAt\n    }\n  }\n}': typeof types.SessionDetailDocument;
  'query SessionsDashboard($first: Int = 20, $after: String, $filter: SessionFilter) {\n  sessions(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    nodes {\n      ...SessionRow\n    }\n  }\n}': typeof types.SessionsDashboardDocument;
  'mutation TransferSession($input: TransferSessionInput!) {\n  transferSession(input: $input) {\n    session {\n      ...SessionRow\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}': typeof types.TransferSessionDocument;
  'fragment PageInfoFields on PageInfo {\n  hasNextPage\n  endCursor\n}': typeof types.PageInfoFieldsFragmentDoc;
  'fragment SessionRow on Session {\n  id\n  joinKey\n  name\n  type\n  status\n  createdAt\n  startedAt\n  technician {\n    ...TechnicianSummary\n  }\n  customer {\n    name\n    email\n  }\n}': typeof types.SessionRowFragmentDoc;
  'fragment TechnicianSummary on Technician {\n  id\n  name\n  email\n  status\n}': typeof types.TechnicianSummaryFragmentDoc;
  'fragment UserErrorFields on UserError {\n  code\n  message\n  field\n}': typeof types.UserErrorFieldsFragmentDoc;
};
const documents: Documents = {
  'query AvailableTechnicians($first: Int = 50) {\n  technicians(first: $first, filter: {status: ONLINE}) {\n    totalCount\n    nodes {\n      ...TechnicianSummary\n      activeSessionCount\n      maxConcurrentSessions\n      availableCapacity\n    }\n  }\n}':
    types.AvailableTechniciansDocument,
  'mutation CreateSession($input: CreateSessionInput!) {\n  createSession(input: $input) {\n    session {\n      ...SessionRow\n      joinUrl\n      joinLinkExpiresAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}':
    types.CreateSessionDocument,
  'mutation InviteToSession($input: InviteToSessionInput!) {\n  inviteToSession(input: $input) {\n    invitation {\n      id\n      email\n      sentEmail\n      invitedAt\n      joinUrl\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}':
    types.InviteToSessionDocument,
  'query SupportReports($filter: ReportFilter!) {\n  sessionReport(filter: $filter) {\n    summary {\n      totalSessions\n      completedSessions\n      averageDurationSeconds\n      totalDurationSeconds\n    }\n  }\n  technicianReport(filter: $filter) {\n    technicians {\n      technicianName\n      totalSessions\n      completedSessions\n      averageDurationSeconds\n    }\n  }\n  customerReport(filter: $filter) {\n    customers {\n      customer {\n        name\n        email\n      }\n      totalSessions\n      lastSessionAt\n    }\n  }\n}':
    types.SupportReportsDocument,
  'query SessionDetail($id: ID!) {\n  session(id: $id) {\n    ...SessionRow\n    endedAt\n    details {\n      durationSeconds\n      chatMessageCount\n      filesTransferredCount\n    }\n    chatMessages {\n      id\n      sender\n      senderName\n      text\n      sentAt\n    }\n    files {\n      id\n      name\n      size\n      contentType\n      direction\n      status\n      transferredAt\n    }\n  }\n}':
    types.SessionDetailDocument,
  'query SessionsDashboard($first: Int = 20, $after: String, $filter: SessionFilter) {\n  sessions(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    nodes {\n      ...SessionRow\n    }\n  }\n}':
    types.SessionsDashboardDocument,
  'mutation TransferSession($input: TransferSessionInput!) {\n  transferSession(input: $input) {\n    session {\n      ...SessionRow\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}':
    types.TransferSessionDocument,
  'fragment PageInfoFields on PageInfo {\n  hasNextPage\n  endCursor\n}': types.PageInfoFieldsFragmentDoc,
  'fragment SessionRow on Session {\n  id\n  joinKey\n  name\n  type\n  status\n  createdAt\n  startedAt\n  technician {\n    ...TechnicianSummary\n  }\n  customer {\n    name\n    email\n  }\n}':
    types.SessionRowFragmentDoc,
  'fragment TechnicianSummary on Technician {\n  id\n  name\n  email\n  status\n}':
    types.TechnicianSummaryFragmentDoc,
  'fragment UserErrorFields on UserError {\n  code\n  message\n  field\n}': types.UserErrorFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query AvailableTechnicians($first: Int = 50) {\n  technicians(first: $first, filter: {status: ONLINE}) {\n    totalCount\n    nodes {\n      ...TechnicianSummary\n      activeSessionCount\n      maxConcurrentSessions\n      availableCapacity\n    }\n  }\n}',
): (typeof documents)['query AvailableTechnicians($first: Int = 50) {\n  technicians(first: $first, filter: {status: ONLINE}) {\n    totalCount\n    nodes {\n      ...TechnicianSummary\n      activeSessionCount\n      maxConcurrentSessions\n      availableCapacity\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation CreateSession($input: CreateSessionInput!) {\n  createSession(input: $input) {\n    session {\n      ...SessionRow\n      joinUrl\n      joinLinkExpiresAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}',
): (typeof documents)['mutation CreateSession($input: CreateSessionInput!) {\n  createSession(input: $input) {\n    session {\n      ...SessionRow\n      joinUrl\n      joinLinkExpiresAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation InviteToSession($input: InviteToSessionInput!) {\n  inviteToSession(input: $input) {\n    invitation {\n      id\n      email\n      sentEmail\n      invitedAt\n      joinUrl\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}',
): (typeof documents)['mutation InviteToSession($input: InviteToSessionInput!) {\n  inviteToSession(input: $input) {\n    invitation {\n      id\n      email\n      sentEmail\n      invitedAt\n      joinUrl\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SupportReports($filter: ReportFilter!) {\n  sessionReport(filter: $filter) {\n    summary {\n      totalSessions\n      completedSessions\n      averageDurationSeconds\n      totalDurationSeconds\n    }\n  }\n  technicianReport(filter: $filter) {\n    technicians {\n      technicianName\n      totalSessions\n      completedSessions\n      averageDurationSeconds\n    }\n  }\n  customerReport(filter: $filter) {\n    customers {\n      customer {\n        name\n        email\n      }\n      totalSessions\n      lastSessionAt\n    }\n  }\n}',
): (typeof documents)['query SupportReports($filter: ReportFilter!) {\n  sessionReport(filter: $filter) {\n    summary {\n      totalSessions\n      completedSessions\n      averageDurationSeconds\n      totalDurationSeconds\n    }\n  }\n  technicianReport(filter: $filter) {\n    technicians {\n      technicianName\n      totalSessions\n      completedSessions\n      averageDurationSeconds\n    }\n  }\n  customerReport(filter: $filter) {\n    customers {\n      customer {\n        name\n        email\n      }\n      totalSessions\n      lastSessionAt\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SessionDetail($id: ID!) {\n  session(id: $id) {\n    ...SessionRow\n    endedAt\n    details {\n      durationSeconds\n      chatMessageCount\n      filesTransferredCount\n    }\n    chatMessages {\n      id\n      sender\n      senderName\n      text\n      sentAt\n    }\n    files {\n      id\n      name\n      size\n      contentType\n      direction\n      status\n      transferredAt\n    }\n  }\n}',
): (typeof documents)['query SessionDetail($id: ID!) {\n  session(id: $id) {\n    ...SessionRow\n    endedAt\n    details {\n      durationSeconds\n      chatMessageCount\n      filesTransferredCount\n    }\n    chatMessages {\n      id\n      sender\n      senderName\n      text\n      sentAt\n    }\n    files {\n      id\n      name\n      size\n      contentType\n      direction\n      status\n      transferredAt\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SessionsDashboard($first: Int = 20, $after: String, $filter: SessionFilter) {\n  sessions(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    nodes {\n      ...SessionRow\n    }\n  }\n}',
): (typeof documents)['query SessionsDashboard($first: Int = 20, $after: String, $filter: SessionFilter) {\n  sessions(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    nodes {\n      ...SessionRow\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation TransferSession($input: TransferSessionInput!) {\n  transferSession(input: $input) {\n    session {\n      ...SessionRow\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}',
): (typeof documents)['mutation TransferSession($input: TransferSessionInput!) {\n  transferSession(input: $input) {\n    session {\n      ...SessionRow\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'fragment PageInfoFields on PageInfo {\n  hasNextPage\n  endCursor\n}',
): (typeof documents)['fragment PageInfoFields on PageInfo {\n  hasNextPage\n  endCursor\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'fragment SessionRow on Session {\n  id\n  joinKey\n  name\n  type\n  status\n  createdAt\n  startedAt\n  technician {\n    ...TechnicianSummary\n  }\n  customer {\n    name\n    email\n  }\n}',
): (typeof documents)['fragment SessionRow on Session {\n  id\n  joinKey\n  name\n  type\n  status\n  createdAt\n  startedAt\n  technician {\n    ...TechnicianSummary\n  }\n  customer {\n    name\n    email\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'fragment TechnicianSummary on Technician {\n  id\n  name\n  email\n  status\n}',
): (typeof documents)['fragment TechnicianSummary on Technician {\n  id\n  name\n  email\n  status\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'fragment UserErrorFields on UserError {\n  code\n  message\n  field\n}',
): (typeof documents)['fragment UserErrorFields on UserError {\n  code\n  message\n  field\n}'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
