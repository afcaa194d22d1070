import { createRoute } from '@hono/zod-openapi';
import { Counts } from '../../shared/notifications';
import { requireRole } from '../middleware/auth';
import { bearerSecurity, errorResponses, json, newRouter, tenantStub } from './router';

const getCounts = createRoute({
  method: 'get',
  path: '/counts',
  summary: 'Unread counts by type and severity, and the daily API quota',
  security: bearerSecurity,
  middleware: [requireRole('read')] as const,
  responses: { 200: json(Counts, 'The counts'), ...errorResponses(401, 403) },
});

export const countsRoutes = newRouter().openapi(getCounts, async (c) => c.json(await tenantStub(c).counts(), 200));
