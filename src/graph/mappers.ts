/**
 * The parent types the GraphQL resolvers receive (codegen `mappers`). Mostly the upstream types themselves;
 * the few that are not say why.
 */
import type { ZohoSession, ZohoTechnician } from '../../contract/types.js';

export type SessionParent = ZohoSession;

/**
 * The customer a session (or a customer report's row) names: the name and e-mail given at the time, a value of
 * its parent, never the Customer record, which it reaches by e-mail only when `record` is selected.
 */
export interface SessionCustomerParent {
  readonly name: string | null;
  readonly email: string;
}

/** A page of a list, as the upstream answered it: the items, where they start and how many match in all. */
export interface Page<T> {
  readonly items: T[];
  /** 0-based position of the first item in the whole list. */
  readonly offset: number;
  /** null when Zoho sent no count and the page does not show where the list ends (src/graph/pagination.ts). */
  readonly totalCount: number | null;
  readonly hasNextPage: boolean;
}

export interface Edge<T> {
  readonly node: T;
  readonly cursor: string;
}

/**
 * A transfer's answer, and the technician the session had before it as far as the read cache knew (no call is
 * made to find out): TransferSessionPayload.previousTechnician loads it only when selected.
 */
export interface TransferSessionPayloadParent {
  readonly session: SessionParent | null;
  /** As src/graph/user-errors.ts builds them (its type is generated from the schema, which maps to this file). */
  readonly userErrors: Array<{ code: string; message: string; field?: string[] | null | undefined }>;
  readonly previousTechnicianId: string | null;
  /** That technician as the read cache held it before the transfer, when it did. */
  readonly previousTechnician: ZohoTechnician | null;
}
