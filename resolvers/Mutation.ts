import type { MutationResolvers } from '../src/__generated__/resolvers-types.js';
import type { Context } from '../src/graph/context.js';
import { sessionType, technicianRole, technicianStatus } from '../src/graph/enums.js';
import { attempt, userError } from '../src/graph/user-errors.js';
import type { ZohoSession, ZohoTechnician, ZohoCustomer } from '../contract/types.js';

/** A write's answer replaces whatever this request loaded before it. */
function remember(ctx: Context, session: ZohoSession): ZohoSession {
  ctx.loaders.sessionById.clear(session.sessionId).prime(session.sessionId, session);
  return session;
}
function rememberTechnician(ctx: Context, technician: ZohoTechnician): ZohoTechnician {
  ctx.loaders.technicianById.clear(technician.technicianId);
  ctx.loaders.technicianByEmail.clear(technician.email);
  ctx.loaders.primeTechnicians([technician]);
  return technician;
}
function rememberCustomer(ctx: Context, customer: ZohoCustomer): ZohoCustomer {
  ctx.loaders.customerById.clear(customer.customerId);
  ctx.loaders.customerByEmail.clear(customer.email);
  ctx.loaders.primeCustomers([customer]);
  return customer;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_CONTENT_BASE64 = 1024 * 1024;

function blank(value: string | null | undefined): boolean {
  return value != null && value.trim() === '';
}

export const Mutation: MutationResolvers = {
  createSession: async (_root, { input }, ctx) => {
    const type = input.type ?? 'REMOTE_SUPPORT';
    if (type !== 'REMOTE_SUPPORT' && type !== 'UNATTENDED_ACCESS') {
      return {
        session: null,
        userErrors: [
          userError('VALIDATION', 'Use scheduleSession for scheduled sessions.', ['input', 'type']),
        ],
      };
    }
    if (blank(input.customerName)) {
      return {
        session: null,
        userErrors: [userError('VALIDATION', 'customerName is empty.', ['input', 'customerName'])],
      };
    }
    const request = {
      sessionType: sessionType.toUpstream(type) ?? 'remote_support',
      customerName: input.customerName.trim(),
      customerEmail: input.customerEmail,
      technicianId: input.technicianId,
      ...(input.name == null ? {} : { sessionName: input.name }),
    };
    const result = await attempt(() => ctx.api.createSession(request), ['input', 'technicianId']);
    if (result.value === null) return { session: null, userErrors: result.userErrors };
    // Zoho answers the new session's own fields; the request supplied the rest, so no second call is needed.
    const session: ZohoSession = {
      ...result.value,
      technicianId: request.technicianId,
      customerName: request.customerName,
      customerEmail: request.customerEmail,
      ...(request.sessionName === undefined ? {} : { sessionName: request.sessionName }),
    };
    return { session: remember(ctx, session), userErrors: [] };
  },

  endSession: async (_root, { input }, ctx) => {
    const result = await attempt(() => ctx.api.endSession(input.sessionId), ['input', 'sessionId']);
    return { session: result.value && remember(ctx, result.value), userErrors: result.userErrors };
  },

  scheduleSession: async (_root, { input }, ctx) => {
    if (Date.parse(input.scheduledAt) <= Date.now()) {
      return {
        session: null,
        userErrors: [userError('VALIDATION', 'scheduledAt must be in the future.', ['input', 'scheduledAt'])],
      };
    }
    if (input.durationMinutes != null && (input.durationMinutes < 1 || input.durationMinutes > 1440)) {
      return {
        session: null,
        userErrors: [
          userError('VALIDATION', 'durationMinutes must be between 1 and 1440.', [
            'input',
            'durationMinutes',
          ]),
        ],
      };
    }
    const result = await attempt(
      () =>
        ctx.api.scheduleSession({
          customerName: input.customerName,
          customerEmail: input.customerEmail,
          technicianId: input.technicianId,
          scheduledTime: new Date(input.scheduledAt).toISOString(),
          ...(input.durationMinutes == null ? {} : { duration: input.durationMinutes }),
          ...(input.name == null ? {} : { sessionName: input.name }),
        }),
      ['input', 'technicianId'],
    );
    return { session: result.value && remember(ctx, result.value), userErrors: result.userErrors };
  },

  inviteToSession: async (_root, { input }, ctx) => {
    const result = await attempt(
      () =>
        ctx.api.inviteToSession(input.sessionId, { email: input.email, sendEmail: input.sendEmail ?? true }),
      ['input', 'sessionId'],
    );
    return { invitation: result.value, userErrors: result.userErrors };
  },

  transferSession: async (_root, { input }, ctx) => {
    const result = await attempt(
      () => ctx.api.transferSession(input.sessionId, { technicianId: input.technicianId }),
      ['input'],
    );
    return { session: result.value && remember(ctx, result.value), userErrors: result.userErrors };
  },

  connectComputer: async (_root, { input }, ctx) => {
    const body = input.technicianId == null ? {} : { technicianId: input.technicianId };
    const result = await attempt(
      () => ctx.api.connectComputer(input.computerId, body),
      ['input', 'computerId'],
    );
    return { session: result.value && remember(ctx, result.value), userErrors: result.userErrors };
  },

  removeComputer: async (_root, { input }, ctx) => {
    const result = await attempt(async () => {
      await ctx.api.removeComputer(input.computerId);
      ctx.loaders.computerById.clear(input.computerId);
      return input.computerId;
    }, ['input', 'computerId']);
    return { removedComputerId: result.value, userErrors: result.userErrors };
  },

  addTechnician: async (_root, { input }, ctx) => {
    const role = technicianRole.toUpstream(input.role ?? 'TECHNICIAN');
    if (role === undefined) {
      return {
        technician: null,
        userErrors: [userError('VALIDATION', 'role cannot be UNKNOWN.', ['input', 'role'])],
      };
    }
    const result = await attempt(
      () =>
        ctx.api.addTechnician({
          name: input.name,
          email: input.email,
          role,
          ...(input.maxConcurrentSessions == null
            ? {}
            : { maxConcurrentSessions: input.maxConcurrentSessions }),
        }),
      ['input'],
    );
    return {
      technician: result.value && rememberTechnician(ctx, result.value),
      userErrors: result.userErrors,
    };
  },

  updateTechnician: async (_root, { input }, ctx) => {
    const role = input.role == null ? undefined : technicianRole.toUpstream(input.role);
    const status = input.status == null ? undefined : technicianStatus.toUpstream(input.status);
    if ((input.role != null && role === undefined) || (input.status != null && status === undefined)) {
      return { technician: null, userErrors: [userError('VALIDATION', 'UNKNOWN cannot be set.', ['input'])] };
    }
    const changes = {
      ...(input.name == null ? {} : { name: input.name }),
      ...(input.email == null ? {} : { email: input.email }),
      ...(role === undefined ? {} : { role }),
      ...(status === undefined ? {} : { status }),
      ...(input.maxConcurrentSessions == null ? {} : { maxConcurrentSessions: input.maxConcurrentSessions }),
    };
    if (Object.keys(changes).length === 0) {
      return { technician: null, userErrors: [userError('VALIDATION', 'Nothing to change.', ['input'])] };
    }
    const result = await attempt(
      () => ctx.api.updateTechnician(input.technicianId, changes),
      ['input', 'technicianId'],
    );
    return {
      technician: result.value && rememberTechnician(ctx, result.value),
      userErrors: result.userErrors,
    };
  },

  removeTechnician: async (_root, { input }, ctx) => {
    const result = await attempt(async () => {
      await ctx.api.removeTechnician(input.technicianId);
      ctx.loaders.technicianById.clear(input.technicianId);
      return input.technicianId;
    }, ['input', 'technicianId']);
    return { removedTechnicianId: result.value, userErrors: result.userErrors };
  },

  addCustomer: async (_root, { input }, ctx) => {
    const result = await attempt(
      () =>
        ctx.api.addCustomer({
          name: input.name,
          email: input.email,
          ...(input.phone == null ? {} : { phone: input.phone }),
          ...(input.company == null ? {} : { company: input.company }),
          ...(input.notes == null ? {} : { notes: input.notes }),
        }),
      ['input'],
    );
    return { customer: result.value && rememberCustomer(ctx, result.value), userErrors: result.userErrors };
  },

  updateCustomer: async (_root, { input }, ctx) => {
    const changes = {
      ...(input.name == null ? {} : { name: input.name }),
      ...(input.email == null ? {} : { email: input.email }),
      ...(input.phone == null ? {} : { phone: input.phone }),
      ...(input.company == null ? {} : { company: input.company }),
      ...(input.notes == null ? {} : { notes: input.notes }),
    };
    if (Object.keys(changes).length === 0) {
      return { customer: null, userErrors: [userError('VALIDATION', 'Nothing to change.', ['input'])] };
    }
    const result = await attempt(
      () => ctx.api.updateCustomer(input.customerId, changes),
      ['input', 'customerId'],
    );
    return { customer: result.value && rememberCustomer(ctx, result.value), userErrors: result.userErrors };
  },

  removeCustomer: async (_root, { input }, ctx) => {
    const result = await attempt(async () => {
      await ctx.api.removeCustomer(input.customerId);
      ctx.loaders.customerById.clear(input.customerId);
      return input.customerId;
    }, ['input', 'customerId']);
    return { removedCustomerId: result.value, userErrors: result.userErrors };
  },

  startFileTransfer: async (_root, { input }, ctx) => {
    const content = input.contentBase64 ?? undefined;
    if (content !== undefined && (content.length > MAX_CONTENT_BASE64 || !BASE64.test(content))) {
      return {
        file: null,
        userErrors: [
          userError('VALIDATION', 'contentBase64 must be base64 of at most 1 MiB.', [
            'input',
            'contentBase64',
          ]),
        ],
      };
    }
    const direction =
      input.direction === 'CUSTOMER_TO_TECHNICIAN' ? 'customer_to_technician' : 'technician_to_customer';
    const result = await attempt(
      () =>
        ctx.api.initiateFileTransfer(input.sessionId, {
          fileName: input.fileName,
          direction,
          ...(input.contentType == null ? {} : { contentType: input.contentType }),
          ...(content === undefined ? {} : { content }),
        }),
      ['input', 'sessionId'],
    );
    if (result.value) ctx.loaders.filesBySession.clear(input.sessionId);
    return { file: result.value, userErrors: result.userErrors };
  },
};
