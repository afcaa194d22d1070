import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';

import { ApiError } from '../../shared/errors';
import { MAX_BODY_BYTES } from '../../shared/events';
import { unauthorized } from '../errors';
import { memberOf } from '../keys/store';
import { callerKey } from '../middleware/auth';
import type { AppContext, AppEnv } from '../middleware/context';
import { validationHook } from '../middleware/errors';
import { isKeyRevoked, type KeyRevoked } from '../tenant/key-session';
import { tenantStub } from '../tenant/stub';

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
  409: 'The request conflicts with the state of the worker or tenant',
  413: `The body is larger than ${MAX_BODY_BYTES / 1024} KiB`,
  415: 'The body has an unsupported content type',
  503: 'A service the worker depends on did not answer in time: `unavailable`, retry after Retry-After',
  429:
    'Too many requests: `rate_limited` (per key, or failed root-token attempts per client address; ' +
    'see Retry-After) or `too_many_streams`',
} as const;
type DocumentedError = keyof typeof ERROR_DESCRIPTIONS;

/** The one error body, as a named schema of the document (components/schemas/ApiError). */
export const DocumentedApiError = ApiError.openapi('ApiError');

const RetryAfter = z.object({
  'Retry-After': z.string().openapi({ description: 'Seconds until the limit allows requests again' }),
});

/**
 * The error answers a route can give, for the OpenAPI document. Every route behind a key can also
 * answer 429 (rate limits) and lists it; a 429 comes with Retry-After.
 */
export function errorResponses<const S extends DocumentedError[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((s) => {
      const response = json(DocumentedApiError, ERROR_DESCRIPTIONS[s]);
      return [s, s === 429 || s === 503 ? { ...response, headers: RetryAfter } : response];
    }),
  ) as {
    [K in S[number]]: ReturnType<typeof json<typeof ApiError>>;
  };
}

export const bearerSecurity = [{ bearer: [] }];

/**
 * The calling key's tenant object as that key sees it (see KeySession). The session is used
 * pipelined, and disposed explicitly: a stub left to the garbage collector is logged from inside
 * the collector, which can crash a local runtime with the inspector attached (`wrangler dev`).
 */
function sessionOf(c: AppContext) {
  const key = callerKey(c);
  const stub = tenantStub(c.env, key.tenant);
  const session = stub.forKey(key.id, memberOf(key) ?? key.id, key.enrolledBy ?? null);
  return session as ReturnType<TenantStub['forKey']> & Disposable;
}
type TenantStub = ReturnType<typeof tenantStub>;
type Session = ReturnType<typeof sessionOf>;

/**
 * One call on the calling key's tenant object, checked there against revocation in the same round
 * trip; 401 when the object refused the key as revoked.
 */
export async function onTenant<P>(
  c: AppContext,
  call: (session: Session) => P,
): Promise<Exclude<Awaited<P>, KeyRevoked>> {
  const session = sessionOf(c);
  try {
    const value = await call(session);
    if (isKeyRevoked(value)) throw unauthorized('key_unknown');
    return value as Exclude<Awaited<P>, KeyRevoked>;
  } finally {
    session[Symbol.dispose]();
  }
}
