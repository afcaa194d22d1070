import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';

import { MunchkinId, Tenant, TenantCreate } from '../../shared/tenant';
import { ensureTenant } from '../keys/store';
import { requireRoot } from '../middleware/auth';
import { readBody } from '../middleware/body';
import { bearerSecurity, errorResponses, json, newRouter } from './resource-kit';

export const TenantParams = z.object({ id: MunchkinId });

const putTenant = createRoute({
  method: 'put',
  path: '/tenants/{id}',
  summary: 'Creates a tenant (root token only); answers 200 if it exists',
  security: bearerSecurity,
  middleware: [requireRoot, readBody()] as const,
  request: {
    params: TenantParams,
    body: { required: false, content: { 'application/json': { schema: TenantCreate } } },
  },
  responses: {
    200: json(Tenant, 'The tenant existed already'),
    201: json(Tenant, 'The tenant was created'),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

export const tenantRoutes = newRouter().openapi(putTenant, async (c) => {
  const { tenant, created } = await ensureTenant(c.env.KV, c.req.valid('param').id, c.req.valid('json').name);
  return created ? c.json(tenant, 201) : c.json(tenant, 200);
});
