/**
 * @zoho-assist/graph-kit: what an app on the Zoho Assist graph needs on day one, for Apollo Client 4.
 * kit/README.md shows it in use.
 */
export * from './__generated__/graphql.js';
export { createSessionUpdate, endSessionUpdate, transferSessionUpdate } from './cache-updates.js';
export type { SessionPayloadResult } from './cache-updates.js';
export { findZohoError, isZohoError } from './errors.js';
export type { ZohoErrorCode, ZohoGraphQLError } from './errors.js';
export { userErrorsToFormErrors, userErrorsToNestedFormErrors } from './form-errors.js';
export type { FormErrors, FormErrorsOptions, NestedFormErrors, UserErrorLike } from './form-errors.js';
export { createRateLimitRetryLink } from './rate-limit-link.js';
export type { RateLimitRetryOptions } from './rate-limit-link.js';
export { scalars } from './scalars.js';
export { connectionFieldPolicy, typePolicies } from './type-policies.js';
export { kitFragments, withKitFragments } from './fragments.js';
