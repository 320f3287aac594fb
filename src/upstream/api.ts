/**
 * The Zoho Assist API as the rest of the product sees it: one typed method per upstream operation.
 * Loaders and resolvers depend on this interface, never on HTTP, so another implementation (Zoho's live API,
 * whose paths and envelopes differ from the seed's) can be added without touching them.
 *
 * Every method rejects with a ZohoError subclass (src/upstream/errors.ts); a missing resource is NotFoundError.
 * `signal` aborts the call (the client disconnected or the operation's deadline passed).
 */
import type * as Z from '../../contract/types.js';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ZohoAssistApi {
  listSessions(query: Z.ListSessionsQuery, options?: CallOptions): Promise<Z.ZohoSessionList>;
  getSession(sessionId: string, options?: CallOptions): Promise<Z.ZohoSession>;
  createSession(body: Z.CreateSessionRequest, options?: CallOptions): Promise<Z.ZohoCreatedSession>;
  scheduleSession(body: Z.ScheduleSessionRequest, options?: CallOptions): Promise<Z.ZohoSession>;
  endSession(sessionId: string, options?: CallOptions): Promise<Z.ZohoSession>;
  getSessionDetails(sessionId: string, options?: CallOptions): Promise<Z.ZohoSessionReportEntry>;
  inviteToSession(sessionId: string, body: Z.InviteRequest, options?: CallOptions): Promise<Z.ZohoInvitation>;
  transferSession(sessionId: string, body: Z.TransferRequest, options?: CallOptions): Promise<Z.ZohoSession>;

  listSessionFiles(
    sessionId: string,
    query?: Z.ListFilesQuery,
    options?: CallOptions,
  ): Promise<Z.ZohoFileList>;
  initiateFileTransfer(
    sessionId: string,
    body: Z.InitiateFileTransferRequest,
    options?: CallOptions,
  ): Promise<Z.ZohoFile>;
  downloadSessionFile(sessionId: string, fileId: string, options?: CallOptions): Promise<Z.ZohoFileDownload>;
  getChatHistory(sessionId: string, options?: CallOptions): Promise<Z.ZohoChatHistory>;

  listTechnicians(query: Z.ListTechniciansQuery, options?: CallOptions): Promise<Z.ZohoTechnicianList>;
  getTechnician(technicianId: string, options?: CallOptions): Promise<Z.ZohoTechnician>;
  addTechnician(body: Z.AddTechnicianRequest, options?: CallOptions): Promise<Z.ZohoTechnician>;
  updateTechnician(
    technicianId: string,
    body: Z.UpdateTechnicianRequest,
    options?: CallOptions,
  ): Promise<Z.ZohoTechnician>;
  removeTechnician(technicianId: string, options?: CallOptions): Promise<void>;

  listCustomers(query: Z.ListCustomersQuery, options?: CallOptions): Promise<Z.ZohoCustomerList>;
  getCustomer(customerId: string, options?: CallOptions): Promise<Z.ZohoCustomer>;
  addCustomer(body: Z.AddCustomerRequest, options?: CallOptions): Promise<Z.ZohoCustomer>;
  updateCustomer(
    customerId: string,
    body: Z.UpdateCustomerRequest,
    options?: CallOptions,
  ): Promise<Z.ZohoCustomer>;
  removeCustomer(customerId: string, options?: CallOptions): Promise<void>;

  listComputers(query: Z.ListComputersQuery, options?: CallOptions): Promise<Z.ZohoComputerList>;
  getComputer(computerId: string, options?: CallOptions): Promise<Z.ZohoComputer>;
  connectComputer(
    computerId: string,
    body?: Z.ConnectComputerRequest,
    options?: CallOptions,
  ): Promise<Z.ZohoSession>;
  removeComputer(computerId: string, options?: CallOptions): Promise<void>;

  getSessionReport(query: Z.ReportQuery, options?: CallOptions): Promise<Z.ZohoSessionReport>;
  getTechnicianReport(query: Z.ReportQuery, options?: CallOptions): Promise<Z.ZohoTechnicianReport>;
  getCustomerReport(query: Z.ReportQuery, options?: CallOptions): Promise<Z.ZohoCustomerReport>;
}
