/**
 * `clientMutationId` on the mutations that create something (createSession, scheduleSession, inviteToSession):
 * the payload of the first write for a key is every retry's payload (src/upstream/idempotency.ts keeps it, ten
 * minutes, across replicas). A key reused with another input is a CONFLICT user error on the key.
 */
import type { ZohoSession } from '../../contract/types.js';
import type { ZohoAssistApi } from '../upstream/api.js';
import type { Context } from './context.js';
import { userError, type UserErrors } from './user-errors.js';

type Payload = { userErrors: UserErrors };

/**
 * Runs `write` once per `input.clientMutationId` of this caller (every time when there is none). `empty` is the
 * payload without its result, for a refused key. `landed` finds what an earlier write whose outcome was unknown
 * made, so that its retry answers it instead of writing again.
 */
export async function writeOnce<P extends Payload>(
  ctx: Context,
  mutation: string,
  input: { clientMutationId?: string | null | undefined },
  steps: {
    empty: Omit<P, 'userErrors'>;
    write: () => Promise<P>;
    landed?: (since: number) => Promise<P | undefined>;
  },
): Promise<P> {
  const { clientMutationId, ...rest } = input;
  if (clientMutationId == null) return steps.write();
  const result = await ctx.writes.once<P>(
    { mutation, key: clientMutationId, input: rest, signal: ctx.signal },
    { write: steps.write, ...(steps.landed ? { landed: steps.landed } : {}) },
  );
  if (!result.mismatch) return result.value;
  return {
    ...steps.empty,
    userErrors: [
      userError(
        'CONFLICT',
        'This clientMutationId was used for a different input in the last ten minutes; use a new one for a new write.',
        ['input', 'clientMutationId'],
      ),
    ],
  } as P;
}

/** Zoho's clock and ours may differ: a session created this long before our claim can still be the write's. */
const CLOCK_SKEW_MS = 60_000;

/**
 * The session an earlier write with this request made, if it landed: the newest sessions of that customer and
 * technician (one list call), matched on every field the request set, created since the write began.
 */
export async function landedSession(
  api: ZohoAssistApi,
  request: {
    sessionType: string;
    customerName: string;
    customerEmail: string;
    technicianId: string;
    sessionName?: string;
    scheduledTime?: string;
  },
  since: number,
): Promise<ZohoSession | undefined> {
  const page = await api.listSessions({
    customerEmail: request.customerEmail,
    technicianId: request.technicianId,
    count: 20,
  });
  return page.sessions.find(
    (session) =>
      Date.parse(session.createdTime) >= since - CLOCK_SKEW_MS &&
      session.sessionType === request.sessionType &&
      session.customerName === request.customerName &&
      session.sessionName === request.sessionName &&
      (request.scheduledTime === undefined ||
        (session.scheduledTime !== undefined &&
          Date.parse(session.scheduledTime) === Date.parse(request.scheduledTime))),
  );
}
