/**
 * The parent types the GraphQL resolvers receive (codegen `mappers`). Mostly the upstream types themselves;
 * the few that are not say why.
 */
import type { ZohoCustomer, ZohoSession } from '../../contract/types.js';

export type SessionParent = ZohoSession;

/**
 * A session names its customer only by name and e-mail. Resolving `customer { name email }` from that costs no
 * upstream call, so Session.customer hands over this reference when nothing more is selected.
 */
export interface CustomerReference {
  readonly reference: 'byEmail';
  readonly name: string;
  readonly email: string;
}

export type CustomerParent = ZohoCustomer | CustomerReference;

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
