import type { CustomerResolvers } from '../src/__generated__/resolvers-types.js';
import type { Context } from '../src/graph/context.js';
import { sessionsPage } from '../src/graph/lists.js';
import type { CustomerParent } from '../src/graph/mappers.js';
import type { ZohoCustomer } from '../contract/types.js';
import { orNull } from './shared.js';

/** A reference from a session knows only name and e-mail; the rest needs the customer record. */
const record = (customer: CustomerParent, ctx: Context): Promise<ZohoCustomer> =>
  'reference' in customer ? ctx.loaders.customerByEmail.load(customer.email) : Promise.resolve(customer);

export const Customer: CustomerResolvers = {
  __resolveReference: (reference, ctx) =>
    orNull(
      'id' in reference
        ? ctx.loaders.customerById.load(reference.id)
        : ctx.loaders.customerByEmail.load(reference.email),
    ),
  id: async (customer, _args, ctx) => (await record(customer, ctx)).customerId,
  name: (customer) => customer.name,
  email: (customer) => customer.email,
  phone: async (customer, _args, ctx) => (await record(customer, ctx)).phone ?? null,
  company: async (customer, _args, ctx) => (await record(customer, ctx)).company ?? null,
  notes: async (customer, _args, ctx) => (await record(customer, ctx)).notes ?? null,
  createdAt: async (customer, _args, ctx) => (await record(customer, ctx)).createdTime ?? null,
  sessions: (customer, args, ctx) => sessionsPage(ctx, args, { customerEmail: customer.email }),
};
