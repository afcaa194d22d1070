import { createRoute } from '@hono/zod-openapi';
import { MarkRead, MarkReadResult, NotificationPage, FeedQuery } from '../../shared/notifications';
import { ApiFailure } from '../errors';
import { requireRole } from '../middleware/auth';
import { readBody } from '../middleware/body';
import { admitted, bearerSecurity, errorResponses, json, newRouter, tenantStub } from './resource-kit';

const listNotifications = createRoute({
  method: 'get',
  path: '/notifications',
  summary: 'The feed, newest lastAt first',
  security: bearerSecurity,
  middleware: [requireRole('read')] as const,
  request: { query: FeedQuery },
  responses: { 200: json(NotificationPage, 'One page of notifications'), ...errorResponses(400, 401, 403) },
});

const markRead = createRoute({
  method: 'post',
  path: '/notifications/read',
  summary: 'Marks notifications read, by id or all of them',
  security: bearerSecurity,
  middleware: [requireRole('read'), readBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: MarkRead } } } },
  responses: { 200: json(MarkReadResult, 'How many notifications changed'), ...errorResponses(400, 401, 403, 413, 415, 429) },
});

export const notificationRoutes = newRouter()
  .openapi(listNotifications, async (c) => {
    const page = await admitted(tenantStub(c).list(c.req.valid('query')));
    if ('error' in page) {
      throw new ApiFailure(400, 'invalid_input', 'cursor_invalid', { details: { fields: [{ path: ['cursor'], key: 'cursor_field' }] } });
    }
    return c.json(page, 200);
  })
  .openapi(markRead, async (c) => c.json(await admitted(tenantStub(c).markRead(c.req.valid('json'))), 200));
