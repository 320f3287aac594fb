/**
 * The graph's custom scalars as the TypeScript types their JSON values have, for GraphQL Code Generator's
 * `scalars` option (with `strictScalars: true`, a scalar the map misses fails codegen instead of becoming `any`).
 * The kit's own codegen.ts uses it; an app's codegen config imports it from `@zoho-assist/graph-kit/scalars`.
 * Instants and dates stay strings: parsing them is the app's choice (Date, Temporal, a date library).
 */
export const scalars = {
  /** ISO-8601 instant with a zone, e.g. `2025-01-15T10:30:00Z`. */
  DateTime: 'string',
  /** Calendar date, `YYYY-MM-DD`. */
  Date: 'string',
  /** RFC 5322 addr-spec. */
  EmailAddress: 'string',
  /** An integer JavaScript holds exactly (to 2^53 - 1): byte sizes past 2 GiB, where Int stops. */
  SafeInt: 'number',
} as const;
