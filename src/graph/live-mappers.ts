/**
 * The parent types the live graph's resolvers receive (codegen `mappers` of src/__generated__/live-resolvers-types.ts):
 * the normalised answers of src/upstream/live-api.ts, or what the resolvers make of them where a shared type
 * (Session) is built from several of Zoho's answers.
 */
import type { LiveMe } from '../../contract/live-types.js';
import type { UserErrors } from './user-errors.js';

/**
 * A session the live API started: `POST /session` (remote support or screen sharing, both links) or `POST
 * /unattended/{id}/connect` (its key and the technician's link; no customer joins, so no customer link). Zoho
 * names a session by its join key: the id is the key.
 */
export interface LiveSessionParent {
  readonly sessionId: string;
  readonly sessionKey: string;
  /** The customer's join link; null for an unattended session. */
  readonly url: string | null;
  readonly technicianUrl: string | null;
  readonly type: 'REMOTE_SUPPORT' | 'SCREEN_SHARING' | 'UNATTENDED_ACCESS';
}

export type LiveDepartmentParent = LiveMe['departments'][number];
export type LiveOrganisationParent = LiveMe['organisation'];

/** renameComputer's answer: Zoho's rename answers nothing, so the computer is loaded only when selected. */
export interface RenameComputerPayloadParent {
  readonly computerId: string | null;
  readonly userErrors: UserErrors;
}
