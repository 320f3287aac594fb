import type { SessionCustomerResolvers } from '../src/__generated__/resolvers-types.js';
import { orNull } from './shared.js';

export const SessionCustomer: SessionCustomerResolvers = {
  name: (customer) => customer.name,
  email: (customer) => customer.email,
  // Every session of the operation asks in the same tick: the loader makes one batch of their e-mails.
  record: (customer, _args, ctx) => orNull(ctx.loaders.customerByEmail.load(customer.email)),
};
