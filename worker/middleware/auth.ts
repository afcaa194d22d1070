import { createMiddleware } from 'hono/factory';

import type { KeyRole } from '../../shared/tenant';
import { forbidden, unauthorized } from '../errors';
import { usableRootToken } from '../keys/root-token';
import { findKey, type KeyRecord } from '../keys/store';
import { looksLikeKey, secretsEqual } from '../keys/tokens';
import { tenantStub } from '../tenant/stub';
import type { AppContext, AppEnv, Principal } from './context';
import { limitKeyRequest, limitRootFailure } from './rate-limit';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** Which roles a route needs: admin includes everything read can do. */
const ROLE_GRANTS: Record<KeyRole, readonly KeyRole[]> = {
  ingest: ['ingest'],
  read: ['read', 'admin'],
  admin: ['admin'],
  enroll: ['enroll'],
};

async function identify(c: AppContext): Promise<Principal> {
  const match = BEARER.exec(c.req.header('Authorization') ?? '');
  const token = match?.[1];
  if (!token) throw unauthorized();
  const root = usableRootToken(c.env.ROOT_TOKEN);
  if (root !== null && (await secretsEqual(token, root))) return { kind: 'root' };
  if (looksLikeKey(token)) {
    const key = await findKey(c.env.KV, token);
    if (!key) throw unauthorized('key_unknown');
    return { kind: 'key', key };
  }
  // Not a key: a guess at the root token, limited per client address.
  await limitRootFailure(c);
  throw unauthorized(root === null ? 'root_disabled' : 'key_unknown');
}

/** The calling key, when it may use a route of `role` and is within its rate limits. */
async function keyWithRole(c: AppContext, role: KeyRole): Promise<Extract<Principal, { kind: 'key' }>> {
  const principal = await identify(c);
  if (principal.kind === 'root') throw forbidden('root_not_tenant_key');
  if (principal.key.role === 'enroll' && role !== 'enroll') throw forbidden('enroll_only');
  await limitKeyRequest(c, role, principal.key);
  if (!ROLE_GRANTS[role].includes(principal.key.role)) {
    throw forbidden('role_needed', { role, has: principal.key.role });
  }
  return principal;
}

/**
 * Routes under /v1/ act on the key's own tenant; the root token only manages tenants. Their
 * handlers reach the tenant's object through a KeySession (onTenant), which checks revocation.
 */
export const requireRole = (role: KeyRole) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('principal', await keyWithRole(c, role));
    await next();
  });

/** requireRole for routes whose handlers never reach the tenant's object: it is asked here instead. */
export const requireRoleAdmitted = (role: KeyRole) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const principal = await keyWithRole(c, role);
    await admitByTenant(c, principal.key);
    c.set('principal', principal);
    await next();
  });

/**
 * Routes that do not reach the tenant's object through a KeySession ask it directly whether the key
 * was revoked (KV may still answer for it elsewhere for a while), which also notes the key's use.
 */
async function admitByTenant(c: AppContext, key: KeyRecord): Promise<void> {
  if (!(await tenantStub(c.env, key.tenant).admitKey(key.id))) throw unauthorized('key_unknown');
}

/** Any key of a tenant, whatever its role, except an enroll key: it serves POST /v1/enroll and nothing else. */
export const requireTenantKey = createMiddleware<AppEnv>(async (c, next) => {
  const principal = await identify(c);
  if (principal.kind === 'root') throw forbidden('root_not_tenant_key');
  if (principal.key.role === 'enroll') throw forbidden('enroll_only');
  await limitKeyRequest(c, principal.key.role, principal.key);
  await admitByTenant(c, principal.key);
  c.set('principal', principal);
  await next();
});

export const requireRoot = createMiddleware<AppEnv>(async (c, next) => {
  const principal = await identify(c);
  if (principal.kind !== 'root') throw forbidden('root_only');
  c.set('principal', principal);
  await next();
});

/** The root token, or an admin key of the tenant named in the path (`:id`). */
export const requireTenantAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const principal = await identify(c);
  if (principal.kind === 'key') {
    await limitKeyRequest(c, 'admin', principal.key);
    if (principal.key.tenant !== c.req.param('id')) throw forbidden('own_tenant_only');
    if (principal.key.role !== 'admin')
      throw forbidden('role_needed', { role: 'admin', has: principal.key.role });
    await admitByTenant(c, principal.key);
  }
  c.set('principal', principal);
  await next();
});

/** The key behind a route guarded by `requireRole`. */
export function callerKey(c: AppContext): KeyRecord {
  const principal = c.get('principal');
  if (principal.kind !== 'key') throw forbidden('root_not_tenant_key');
  return principal.key;
}
