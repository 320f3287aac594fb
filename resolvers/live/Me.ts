import type { MeResolvers } from '../../src/__generated__/live-resolvers-types.js';

export const Me: MeResolvers = {
  id: (me) => me.userId,
  role: (me) => me.role,
  organisation: (me) => me.organisation,
  departments: (me) => me.departments,
  preferredDepartment: (me) =>
    me.departments.find((department) => department.id === me.preferredDepartmentId) ??
    (me.preferredDepartmentId === null
      ? null
      : { id: me.preferredDepartmentId, name: null, systemGenerated: null }),
};
