import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import { ApiError } from '../../shared/errors';
import { callerKey } from '../middleware/auth';
import type { AppContext, AppEnv } from '../middleware/context';
import { validationHook } from '../middleware/errors';
import { tenantObject } from '../tenant-object';

/** A resource's router: zod failures of its routes become 400 `invalid_input`. */
export const newRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const ERROR_DESCRIPTIONS = {
  400: 'Invalid input (details list the failing fields)',
  401: 'No key, or an unknown or revoked key',
  403: 'The key lacks the role, or belongs to another tenant',
  404: 'Not found',
  413: 'The body is larger than 64 KiB',
  415: 'The body has an unsupported content type',
} as const;
type DocumentedError = keyof typeof ERROR_DESCRIPTIONS;

/** The one error body, as a named schema of the document (components/schemas/ApiError). */
const DocumentedApiError = ApiError.openapi('ApiError');

/** The error answers a route can give, for the OpenAPI document. */
export function errorResponses<const S extends DocumentedError[]>(...statuses: S) {
  return Object.fromEntries(statuses.map((s) => [s, json(DocumentedApiError, ERROR_DESCRIPTIONS[s])])) as {
    [K in S[number]]: ReturnType<typeof json<typeof ApiError>>;
  };
}

export const bearerSecurity = [{ bearer: [] }];

/** The Durable Object of the calling key's tenant. */
export function tenantStub(c: AppContext) {
  return tenantObject(c.env, callerKey(c).tenant);
}
