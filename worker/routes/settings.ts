import { createRoute } from '@hono/zod-openapi';

import { Settings, SettingsPatch } from '../../shared/settings';
import { requireRole } from '../middleware/auth';
import { readBody } from '../middleware/body';
import { bearerSecurity, errorResponses, json, newRouter, onTenant } from './resource-kit';

const getSettings = createRoute({
  method: 'get',
  path: '/settings',
  summary: "The tenant's settings",
  security: bearerSecurity,
  middleware: [requireRole('read')] as const,
  responses: { 200: json(Settings, 'The whole settings document'), ...errorResponses(401, 403, 429) },
});

const putSettings = createRoute({
  method: 'put',
  path: '/settings',
  summary: 'Changes settings: a partial document; what it omits is kept',
  security: bearerSecurity,
  middleware: [requireRole('admin'), readBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: SettingsPatch } } } },
  responses: {
    200: json(Settings, 'The whole settings document after the change'),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

export const settingsRoutes = newRouter()
  .openapi(getSettings, async (c) => c.json(await onTenant(c, (t) => t.getSettings()), 200))
  .openapi(putSettings, async (c) =>
    c.json(await onTenant(c, (t) => t.updateSettings(c.req.valid('json'))), 200),
  );
