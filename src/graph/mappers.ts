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

/** A page of a list, as src/graph/pagination.ts read it: the items with their cursors and where the page stands. */
export interface Page<T> {
  readonly items: T[];
  /** One per item: where the next page starts if it starts after that item. */
  readonly cursors: string[];
  /** Where the next page starts: the last item's cursor; null when the page is empty. */
  readonly endCursor: string | null;
  readonly hasPreviousPage: boolean;
  readonly hasNextPage: boolean;
  /** null when Zoho sent no count and the reads did not reach the list's end. */
  readonly totalCount: number | null;
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
