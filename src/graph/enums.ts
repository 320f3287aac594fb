/**
 * Zoho's enum values and the graph's, both ways. Zoho may add values at any time (the contract marks these enums
 * open), so an unknown value becomes UNKNOWN instead of breaking the response.
 */
import type {
  ChatSender,
  ComputerStatus,
  FileTransferDirection,
  FileTransferStatus,
  SessionStatus,
  SessionType,
  TechnicianRole,
  TechnicianStatus,
} from '../__generated__/resolvers-types.js';
import type {
  ZohoComputerStatus,
  ZohoSessionStatus,
  ZohoSessionType,
  ZohoTechnicianRole,
  ZohoTechnicianStatus,
} from '../../contract/types.js';

type Known<G extends string> = Exclude<G, 'UNKNOWN'>;

function openEnum<U extends string, G extends string>(table: Record<U, Known<G>>) {
  const entries = Object.entries(table) as Array<[U, Known<G>]>;
  const toGraph = new Map<string, Known<G>>(entries);
  const toUpstream = new Map<string, U>(entries.map(([u, g]) => [g, u]));
  return {
    fromUpstream: (value: string): G => (toGraph.get(value) ?? 'UNKNOWN') as G,
    /** undefined for UNKNOWN: it names no upstream value, so it cannot be sent. */
    toUpstream: (value: G): U | undefined => toUpstream.get(value),
  };
}

export const sessionStatus = openEnum<ZohoSessionStatus, SessionStatus>({
  waiting: 'WAITING',
  active: 'ACTIVE',
  completed: 'COMPLETED',
  ended: 'ENDED',
  scheduled: 'SCHEDULED',
});

export const sessionType = openEnum<ZohoSessionType, SessionType>({
  remote_support: 'REMOTE_SUPPORT',
  unattended_access: 'UNATTENDED_ACCESS',
  scheduled_session: 'SCHEDULED_SESSION',
});

export const technicianRole = openEnum<ZohoTechnicianRole, TechnicianRole>({
  admin: 'ADMIN',
  technician: 'TECHNICIAN',
});

export const technicianStatus = openEnum<ZohoTechnicianStatus, TechnicianStatus>({
  online: 'ONLINE',
  offline: 'OFFLINE',
  busy: 'BUSY',
});

export const computerStatus = openEnum<ZohoComputerStatus, ComputerStatus>({
  online: 'ONLINE',
  offline: 'OFFLINE',
});

export const chatSender = openEnum<'technician' | 'customer', ChatSender>({
  technician: 'TECHNICIAN',
  customer: 'CUSTOMER',
});

export const fileDirection = openEnum<
  'technician_to_customer' | 'customer_to_technician',
  FileTransferDirection
>({
  technician_to_customer: 'TECHNICIAN_TO_CUSTOMER',
  customer_to_technician: 'CUSTOMER_TO_TECHNICIAN',
});

export const fileStatus = openEnum<'pending' | 'completed' | 'failed', FileTransferStatus>({
  pending: 'PENDING',
  completed: 'COMPLETED',
  failed: 'FAILED',
});
