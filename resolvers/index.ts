/** Every type's resolvers, alphabetically; one file per type. */
import type { Resolvers } from '../src/__generated__/resolvers-types.js';
import { EmailAddressResolver, SafeIntResolver } from 'graphql-scalars';
import { connectionResolvers } from '../src/graph/pagination.js';
import { DateScalar, DateTimeScalar } from '../src/graph/scalars.js';
import { ChatMessage } from './ChatMessage.js';
import { Computer } from './Computer.js';
import { Customer } from './Customer.js';
import { CustomerReportEntry } from './CustomerReportEntry.js';
import { File } from './File.js';
import { Invitation } from './Invitation.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { ReportSummary } from './ReportSummary.js';
import { Session } from './Session.js';
import { SessionCustomer } from './SessionCustomer.js';
import { SessionDetails } from './SessionDetails.js';
import { SessionReportEntry } from './SessionReportEntry.js';
import { Subscription } from './Subscription.js';
import { Technician } from './Technician.js';
import { TechnicianReportEntry } from './TechnicianReportEntry.js';
import { TransferSessionPayload } from './TransferSessionPayload.js';

export const resolvers: Resolvers = {
  ChatMessage,
  Computer,
  ComputerConnection: connectionResolvers,
  Customer,
  CustomerConnection: connectionResolvers,
  CustomerReportEntry,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  EmailAddress: EmailAddressResolver,
  File,
  Invitation,
  Mutation,
  Query,
  ReportSummary,
  SafeInt: SafeIntResolver,
  Session,
  SessionConnection: connectionResolvers,
  SessionCustomer,
  SessionDetails,
  SessionReportEntry,
  Subscription,
  Technician,
  TechnicianConnection: connectionResolvers,
  TechnicianReportEntry,
  TransferSessionPayload,
};
