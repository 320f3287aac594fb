import type { CustomerResolvers } from '../src/__generated__/resolvers-types.js';
import { sessionsPage } from '../src/graph/lists.js';
import { orNull } from './shared.js';

export const Customer: CustomerResolvers = {
  __resolveReference: (reference, ctx) =>
    orNull(
      'id' in reference
        ? ctx.loaders.customerById.load(reference.id)
        : ctx.loaders.customerByEmail.load(reference.email),
    ),
  id: (customer) => customer.customerId,
  name: (customer) => customer.name,
  email: (customer) => customer.email,
  phone: (customer) => customer.phone ?? null,
  company: (customer) => customer.company ?? null,
  notes: (customer) => customer.notes ?? null,
  createdAt: (customer) => customer.createdTime ?? null,
  sessions: (customer, args, ctx) => sessionsPage(ctx, args, { customerEmail: customer.email }),
};
