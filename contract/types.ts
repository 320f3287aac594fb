/**
 * Upstream types, generated from contract/seed.openapi.yaml. These are what the REST client returns and what the
 * GraphQL codegen mappers point at, so the compiler checks every field mapping against the contract.
 */
import type { components, operations } from './__generated__/seed-api.js';

type Schemas = components['schemas'];

export type ZohoSession = Schemas['Session'];
export type ZohoCreatedSession = Schemas['CreatedSession'];
export type ZohoSessionList = Schemas['SessionList'];
export type ZohoSessionReportEntry = Schemas['SessionReportEntry'];
export type ZohoSessionReport = Schemas['SessionReport'];
export type ZohoReportSummary = Schemas['SessionReportSummary'];
export type ZohoTechnicianReportEntry = Schemas['TechnicianReportEntry'];
export type ZohoTechnicianReport = Schemas['TechnicianReport'];
export type ZohoCustomerReportEntry = Schemas['CustomerReportEntry'];
export type ZohoCustomerReport = Schemas['CustomerReport'];
export type ZohoInvitation = Schemas['Invitation'];
export type ZohoFile = Schemas['File'];
export type ZohoFileList = Schemas['FileList'];
export type ZohoChatMessage = Schemas['ChatMessage'];
export type ZohoChatHistory = Schemas['ChatHistory'];
export type ZohoTechnician = Schemas['Technician'];
export type ZohoTechnicianList = Schemas['TechnicianList'];
export type ZohoCustomer = Schemas['Customer'];
export type ZohoCustomerList = Schemas['CustomerList'];
export type ZohoComputer = Schemas['Computer'];
export type ZohoComputerList = Schemas['ComputerList'];
export type ZohoAccessToken = Schemas['AccessToken'];
export type ZohoTokenError = Schemas['TokenError'];

export type ZohoSessionStatus = Schemas['SessionStatus'];
export type ZohoSessionType = Schemas['SessionType'];
export type ZohoTechnicianRole = Schemas['TechnicianRole'];
export type ZohoTechnicianStatus = Schemas['TechnicianStatus'];
export type ZohoComputerStatus = Schemas['ComputerStatus'];

export type CreateSessionRequest = Schemas['CreateSessionRequest'];
export type ScheduleSessionRequest = Schemas['ScheduleSessionRequest'];
export type InviteRequest = Schemas['InviteRequest'];
export type TransferRequest = Schemas['TransferRequest'];
export type InitiateFileTransferRequest = Schemas['InitiateFileTransferRequest'];
export type AddTechnicianRequest = Schemas['AddTechnicianRequest'];
export type UpdateTechnicianRequest = Schemas['UpdateTechnicianRequest'];
export type AddCustomerRequest = Schemas['AddCustomerRequest'];
export type UpdateCustomerRequest = Schemas['UpdateCustomerRequest'];
export type ConnectComputerRequest = Schemas['ConnectComputerRequest'];

type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

export type ListSessionsQuery = Query<'listSessions'>;
export type ReportQuery = Query<'getSessionReport'>;

/** A downloaded file: the bytes and what the Content-Type and Content-Disposition headers said of them. */
export interface ZohoFileDownload {
  fileName: string;
  contentType: string;
  content: Buffer;
}
