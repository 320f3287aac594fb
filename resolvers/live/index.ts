/**
 * The live graph's resolvers, one file per type as for the seed's: the types it shares with the seed graph
 * (Session, Computer, the reports) read what Zoho's published API answers (src/graph/live-mappers.ts); the
 * rest (Me, ComputerGroup, ScheduledSession) are its own. Types whose parent already has the graph's field
 * names (Department, Organisation, ComputerGroup, ReportSummary, SessionReport) need none.
 */
import type { Resolvers } from '../../src/__generated__/live-resolvers-types.js';
import { EmailAddressResolver } from 'graphql-scalars';
import { connectionResolvers } from '../../src/graph/pagination.js';
import { DateScalar, DateTimeScalar } from '../../src/graph/scalars.js';
import { Computer } from './Computer.js';
import { Me } from './Me.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { RenameComputerPayload } from './RenameComputerPayload.js';
import { ScheduledSession } from './ScheduledSession.js';
import { Session } from './Session.js';
import { SessionReportEntry } from './SessionReportEntry.js';
import { Subscription } from './Subscription.js';

export const liveResolvers: Resolvers = {
  Computer,
  ComputerConnection: connectionResolvers,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  EmailAddress: EmailAddressResolver,
  Me,
  Mutation,
  Query,
  RenameComputerPayload,
  ScheduledSession,
  Session,
  SessionReportEntry,
  Subscription,
};
