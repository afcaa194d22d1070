import { createMiddleware } from 'hono/factory';
import type { KeyRole } from '../../shared/tenant';
import { forbidden, unauthorized } from '../errors';
import { findKey, type KeyRecord } from '../keys/store';
import { looksLikeKey, secretsEqual } from '../keys/tokens';
import type { AppContext, AppEnv, Principal } from './context';

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
  if (await secretsEqual(token, c.env.ROOT_TOKEN ?? '')) return { kind: 'root' };
  const key = looksLikeKey(token) ? await findKey(c.env.KV, token) : null;
  if (!key) throw unauthorized('key_unknown');
  return { kind: 'key', key };
}

/** Routes under /v1/ act on the key's own tenant; the root token only manages tenants. */
export const requireRole = (role: KeyRole) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const principal = await identify(c);
    if (principal.kind === 'root') throw forbidden('root_not_tenant_key');
    if (principal.key.role === 'enroll' && role !== 'enroll') throw forbidden('enroll_only');
    if (!ROLE_GRANTS[role].includes(principal.key.role)) {
      throw forbidden('role_needed', { role, has: principal.key.role });
    }
    c.set('principal', principal);
    await next();
  });

/** Any key of a tenant, whatever its role, except an enroll key: it serves POST /v1/enroll and nothing else. */
export const requireTenantKey = createMiddleware<AppEnv>(async (c, next) => {
  const principal = await identify(c);
  if (principal.kind === 'root') throw forbidden('root_not_tenant_key');
  if (principal.key.role === 'enroll') throw forbidden('enroll_only');
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
    if (principal.key.tenant !== c.req.param('id')) throw forbidden('own_tenant_only');
    if (principal.key.role !== 'admin') throw forbidden('role_needed', { role: 'admin', has: principal.key.role });
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
