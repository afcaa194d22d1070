import { z } from 'zod';

export const API_ERROR_CODES = [
  'invalid_input',
  'invalid_json',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'member_exists',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'host_not_allowed',
  /** PUT /v1/connector: a restUrl on another origin without the clientSecret. */
  'secret_required',
  'too_many_streams',
  'too_many_channels',
  /** A service the worker depends on did not answer in time (Adobe's key host): retry after Retry-After. */
  'unavailable',
  'internal',
] as const;
export const ApiErrorCode = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/** One failing field: where it is in the input, and what is wrong with it, in the caller's language. */
export const IssueDetail = z.object({ path: z.array(z.union([z.string(), z.int()])), message: z.string() });
export type IssueDetail = z.infer<typeof IssueDetail>;

/** Every error the worker answers has this body. */
export const ApiError = z.object({
  error: z.object({ code: ApiErrorCode, message: z.string(), details: z.array(IssueDetail).optional() }),
});
export type ApiError = z.infer<typeof ApiError>;
