/**
 * The live graph's mutations: each one call to Zoho's published API (src/upstream/live-api.ts), its expected
 * failures as `userErrors` (src/graph/user-errors.ts), its input checked first (src/graph/validation.ts).
 */
import type { MutationResolvers, SessionType } from '../../src/__generated__/live-resolvers-types.js';
import type { LiveContext } from '../../src/graph/context.js';
import type { LiveSessionParent } from '../../src/graph/live-mappers.js';
import { attempt, userError } from '../../src/graph/user-errors.js';
import { between, email, id, instant, problems, text } from '../../src/graph/validation.js';
import type { ScheduleSupportSessionInput } from '../../contract/live-types.js';

/** What `POST /session` starts (Zoho's `type`): unattended sessions start through connectComputer. */
const SESSION_TYPES: Partial<Record<SessionType, 'rs' | 'dm'>> = {
  REMOTE_SUPPORT: 'rs',
  SCREEN_SHARING: 'dm',
};

const REMINDERS: ReadonlyArray<ScheduleSupportSessionInput['reminderMinutes']> = [
  0, 5, 10, 15, 30, 45, 60, 1440,
];
const DEFAULT_REMINDER = 15;

/** A Zoho id is digits (a Long); anything else names nothing. */
function digits(value: string | null | undefined, field: string) {
  if (value == null || /^\d{1,19}$/.test(value)) return undefined;
  return userError('VALIDATION', `${field} is not a Zoho id.`, ['input', field]);
}

function allDigits(values: readonly string[] | null | undefined, field: string) {
  const bad = values?.find((value) => !/^\d{1,19}$/.test(value));
  return bad === undefined
    ? undefined
    : userError('VALIDATION', `${field} holds ${JSON.stringify(bad.slice(0, 40))}, not a Zoho id.`, [
        'input',
        field,
      ]);
}

function timeZone(value: string, field: string) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return undefined;
  } catch {
    return userError('VALIDATION', `${field} is not an IANA time zone, e.g. Europe/London.`, [
      'input',
      field,
    ]);
  }
}

/** A write's effect on what this request already loaded. */
function forgetComputer(ctx: LiveContext, computerId: string): void {
  ctx.loaders.computerById.clear(computerId);
}

export const Mutation: MutationResolvers = {
  createSession: async (_root, { input }, ctx) => {
    const type = input.type ?? 'REMOTE_SUPPORT';
    const zohoType = SESSION_TYPES[type];
    if (zohoType === undefined)
      return {
        session: null,
        userErrors: [
          userError(
            'VALIDATION',
            'type is REMOTE_SUPPORT or SCREEN_SHARING; unattended sessions start with connectComputer.',
            ['input', 'type'],
          ),
        ],
      };
    const invalid = problems(email(input.customerEmail, 'customerEmail'));
    if (invalid.length > 0) return { session: null, userErrors: invalid };
    const result = await attempt(
      () =>
        ctx.api.createSupportSession({
          type: zohoType,
          ...(input.customerEmail == null ? {} : { customerEmail: input.customerEmail }),
        }),
      ['input'],
    );
    if (result.value === null) return { session: null, userErrors: result.userErrors };
    const created = result.value;
    const session: LiveSessionParent = {
      sessionId: created.sessionId,
      sessionKey: created.sessionKey,
      url: created.url,
      technicianUrl: created.technicianUrl,
      type: zohoType === 'rs' ? 'REMOTE_SUPPORT' : 'SCREEN_SHARING',
    };
    return { session, userErrors: [] };
  },

  scheduleSession: async (_root, { input }, ctx) => {
    // Optional in the seed's graph, required in this one (src/graph/dialect.ts): GraphQL has checked them.
    const name = input.name!;
    const durationMinutes = input.durationMinutes!;
    const reminder = input.reminderMinutes ?? DEFAULT_REMINDER;
    const invalid = problems(
      email(input.customerEmail, 'customerEmail'),
      text(name, 'name', { max: 200 }),
      instant(input.scheduledAt, 'scheduledAt', { future: true }),
      between(durationMinutes, 'durationMinutes', 1, 1440),
      timeZone(input.timeZone, 'timeZone'),
      text(input.notes, 'notes', { min: 0, max: 256 }),
      REMINDERS.includes(reminder as ScheduleSupportSessionInput['reminderMinutes'])
        ? undefined
        : userError('VALIDATION', `reminderMinutes is one of ${REMINDERS.join(', ')}.`, [
            'input',
            'reminderMinutes',
          ]),
    );
    if (invalid.length > 0) return { schedule: null, userErrors: invalid };
    const result = await attempt(
      () =>
        ctx.api.scheduleSupportSession({
          customerEmail: input.customerEmail,
          name,
          scheduledAt: input.scheduledAt,
          durationMinutes,
          timeZone: input.timeZone,
          reminderMinutes: reminder as ScheduleSupportSessionInput['reminderMinutes'],
          ...(input.notes == null ? {} : { notes: input.notes }),
        }),
      ['input'],
    );
    return { schedule: result.value, userErrors: result.userErrors };
  },

  connectComputer: async (_root, { input }, ctx) => {
    const invalid = problems(digits(input.computerId, 'computerId'));
    if (invalid.length > 0) return { session: null, userErrors: invalid };
    const result = await attempt(
      () => ctx.api.startUnattendedSession(input.computerId),
      ['input', 'computerId'],
      { COMPUTER_OFFLINE: ['input', 'computerId'] },
    );
    if (result.value === null) return { session: null, userErrors: result.userErrors };
    // Zoho names an unattended session by its key; no customer joins it, so it has no customer link.
    const session: LiveSessionParent = {
      sessionId: result.value.sessionKey,
      sessionKey: result.value.sessionKey,
      url: null,
      technicianUrl: result.value.technicianUrl,
      type: 'UNATTENDED_ACCESS',
    };
    return { session, userErrors: [] };
  },

  removeComputer: async (_root, { input }, ctx) => {
    const invalid = problems(digits(input.computerId, 'computerId'));
    if (invalid.length > 0) return { removedComputerId: null, userErrors: invalid };
    const result = await attempt(async () => {
      await ctx.api.removeComputer(input.computerId);
      forgetComputer(ctx, input.computerId);
      return input.computerId;
    }, ['input', 'computerId']);
    return { removedComputerId: result.value, userErrors: result.userErrors };
  },

  renameComputer: async (_root, { input }, ctx) => {
    const invalid = problems(digits(input.computerId, 'computerId'), text(input.name, 'name', { max: 256 }));
    if (invalid.length > 0) return { computerId: null, userErrors: invalid };
    const result = await attempt(async () => {
      await ctx.api.renameComputer(input.computerId, input.name);
      forgetComputer(ctx, input.computerId);
      return input.computerId;
    }, ['input', 'computerId']);
    return { computerId: result.value, userErrors: result.userErrors };
  },

  createComputerGroup: async (_root, { input }, ctx) => {
    const invalid = problems(
      text(input.name, 'name', { max: 200 }),
      text(input.description, 'description', { min: 0, max: 1000 }),
      allDigits(input.computerIds, 'computerIds'),
    );
    if (invalid.length > 0) return { group: null, userErrors: invalid };
    const result = await attempt(
      () =>
        ctx.api.createComputerGroup({
          name: input.name,
          ...(input.description == null ? {} : { description: input.description }),
          ...(input.computerIds == null ? {} : { computerIds: input.computerIds }),
        }),
      ['input', 'computerIds'],
    );
    return { group: result.value, userErrors: result.userErrors };
  },

  updateComputerGroup: async (_root, { input }, ctx) => {
    const invalid = problems(
      id(input.groupId, 'groupId'),
      text(input.name, 'name', { max: 200 }),
      text(input.description, 'description', { min: 0, max: 1000 }),
      allDigits(input.addComputerIds, 'addComputerIds'),
      allDigits(input.removeComputerIds, 'removeComputerIds'),
    );
    if (invalid.length > 0) return { updatedGroupId: null, userErrors: invalid };
    const result = await attempt(async () => {
      await ctx.api.updateComputerGroup({
        id: input.groupId,
        name: input.name,
        ...(input.description == null ? {} : { description: input.description }),
        ...(input.addComputerIds == null ? {} : { addComputerIds: input.addComputerIds }),
        ...(input.removeComputerIds == null ? {} : { removeComputerIds: input.removeComputerIds }),
      });
      return input.groupId;
    }, ['input', 'groupId']);
    return { updatedGroupId: result.value, userErrors: result.userErrors };
  },

  deleteComputerGroups: async (_root, { input }, ctx) => {
    const invalid = problems(
      input.groupIds.length < 1 || input.groupIds.length > 100
        ? userError('VALIDATION', 'groupIds holds 1 to 100 ids.', ['input', 'groupIds'])
        : undefined,
      allDigits(input.groupIds, 'groupIds'),
    );
    if (invalid.length > 0) return { deletedGroupIds: null, userErrors: invalid };
    const result = await attempt(async () => {
      await ctx.api.deleteComputerGroups(input.groupIds);
      return [...input.groupIds];
    }, ['input', 'groupIds']);
    return { deletedGroupIds: result.value, userErrors: result.userErrors };
  },
};
