import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';

import { STREAM_CLOSE_CODES } from '../../shared/notifications';
import { KeyCreate, KeyCreated, KeyInfo, KeyList, MunchkinId } from '../../shared/tenant';
import { notFound } from '../errors';
import { createKey, listKeys, memberOf, readTenant, revokeKey } from '../keys/store';
import { KEY_ID_PATTERN } from '../keys/tokens';
import { callerKey, requireTenantAdmin, requireTenantKey } from '../middleware/auth';
import { readBody } from '../middleware/body';
import { tenantStub } from '../tenant/stub';
import { bearerSecurity, errorResponses, json, newRouter } from './resource-kit';

const postKey = createRoute({
  method: 'post',
  path: '/tenants/{id}/keys',
  summary:
    'Creates a key (root token, or an admin key of that tenant); the key is shown only in this answer. ' +
    'A read or admin key belongs to `member` (default: its own id)',
  security: bearerSecurity,
  middleware: [requireTenantAdmin, readBody()] as const,
  request: {
    params: z.object({ id: MunchkinId }),
    body: { required: true, content: { 'application/json': { schema: KeyCreate } } },
  },
  responses: { 201: json(KeyCreated, 'The new key'), ...errorResponses(400, 401, 403, 404, 413, 415, 429) },
});

const deleteKey = createRoute({
  method: 'delete',
  path: '/tenants/{id}/keys/{keyId}',
  summary: `Revokes a key at once, also for its open streams (closed with code ${STREAM_CLOSE_CODES.keyRevoked})`,
  security: bearerSecurity,
  middleware: [requireTenantAdmin] as const,
  request: {
    params: z.object({ id: MunchkinId, keyId: z.string().regex(KEY_ID_PATTERN, 'a key id like key_…') }),
  },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(400, 401, 403, 404, 429) },
});

const getKeys = createRoute({
  method: 'get',
  path: '/tenants/{id}/keys',
  summary: "Lists the tenant's keys (root token, or an admin key of that tenant), never a key itself",
  security: bearerSecurity,
  middleware: [requireTenantAdmin] as const,
  request: { params: z.object({ id: MunchkinId }) },
  responses: {
    200: json(KeyList, 'The keys, oldest first; lastUsedAt to the minute, null before first use'),
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const getOwnKey = createRoute({
  method: 'get',
  path: '/key',
  summary: 'Describes the calling key (id, tenant, role, label); changes nothing',
  security: bearerSecurity,
  middleware: [requireTenantKey] as const,
  responses: { 200: json(KeyInfo, 'The calling key'), ...errorResponses(401, 403, 429) },
});

export const keyRoutes = newRouter()
  .openapi(getOwnKey, async (c) => {
    const key = callerKey(c);
    const member = memberOf(key);
    return c.json(
      {
        id: key.id,
        tenant: key.tenant,
        role: key.role,
        label: key.label,
        ...(member === null ? {} : { member }),
      },
      200,
    );
  })
  .openapi(postKey, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await readTenant(c.env.KV, id))) throw notFound('tenant_unknown', { id });
    const { role, label, member } = c.req.valid('json');
    const { record, key } = await createKey(c.env.KV, id, role, label, member);
    return c.json(
      { id: record.id, key, role: record.role, ...(record.member ? { member: record.member } : {}) },
      201,
    );
  })
  .openapi(getKeys, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await readTenant(c.env.KV, id))) throw notFound('tenant_unknown', { id });
    const records = await listKeys(c.env.KV, id);
    const lastUsed: Record<string, string> =
      records.length === 0 ? {} : await tenantStub(c.env, id).keysLastUsed(records.map((r) => r.id));
    const keys = records.map((record) => ({
      id: record.id,
      role: record.role,
      label: record.label,
      member: memberOf(record),
      createdAt: record.createdAt,
      lastUsedAt: lastUsed[record.id] ?? null,
    }));
    return c.json({ keys }, 200);
  })
  .openapi(deleteKey, async (c) => {
    const { id, keyId } = c.req.valid('param');
    if (!(await revokeKey(c.env.KV, id, keyId))) throw notFound('key_id_unknown');
    // Live too: the tenant's object closes the key's sockets and takes back its tickets.
    await tenantStub(c.env, id).revokeKey(keyId);
    return c.body(null, 204);
  });
