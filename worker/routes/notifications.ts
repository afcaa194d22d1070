import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';

import { SnoozeBody, snoozeProblem } from '../../shared/members';
import {
  FeedQuery,
  MarkRead,
  MarkReadResult,
  Notification,
  NotificationPage,
} from '../../shared/notifications';
import { ApiFailure, notFound } from '../errors';
import { requireRole } from '../middleware/auth';
import { readBody } from '../middleware/body';
import { bearerSecurity, errorResponses, json, newRouter, onTenant } from './resource-kit';

const listNotifications = createRoute({
  method: 'get',
  path: '/notifications',
  summary: "The feed, newest lastAt first, with the caller's member's read state",
  security: bearerSecurity,
  middleware: [requireRole('read')] as const,
  request: { query: FeedQuery },
  responses: {
    200: json(NotificationPage, 'One page of notifications'),
    ...errorResponses(400, 401, 403, 429),
  },
});

const markRead = createRoute({
  method: 'post',
  path: '/notifications/read',
  summary: "Marks notifications read for the caller's member, by id or all of them",
  security: bearerSecurity,
  middleware: [requireRole('read'), readBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: MarkRead } } } },
  responses: {
    200: json(MarkReadResult, 'How many notifications changed'),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

const NotificationParams = z.object({ id: z.string().min(1).max(100) });

const triageRoute = (action: 'ack' | 'resolve', summary: string) =>
  createRoute({
    method: 'post',
    path: `/notifications/{id}/${action}`,
    summary,
    security: bearerSecurity,
    middleware: [requireRole('read')] as const,
    request: { params: NotificationParams },
    responses: {
      200: json(Notification, 'The notification as the caller sees it now'),
      ...errorResponses(400, 401, 403, 404, 429),
    },
  });

const ack = triageRoute('ack', '"I\'m on it": sets `ack: {member, at}` for every member');
const resolveRoute = triageRoute(
  'resolve',
  'Sets `resolved: {member, at}`; a resolved notification counts as read for every member',
);

const snooze = createRoute({
  method: 'post',
  path: '/notifications/{id}/snooze',
  summary:
    "Hides an unread notification from the caller's member's unread until `until` (at most 7 days ahead)",
  security: bearerSecurity,
  middleware: [requireRole('read'), readBody()] as const,
  request: {
    params: NotificationParams,
    body: { required: true, content: { 'application/json': { schema: SnoozeBody } } },
  },
  responses: {
    200: json(Notification, 'The notification as the caller sees it now'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
  },
});

const unknownNotification = () => notFound('notification_unknown');

export const notificationRoutes = newRouter()
  .openapi(listNotifications, async (c) => {
    const page = await onTenant(c, (t) => t.list(c.req.valid('query')));
    if ('error' in page) {
      throw new ApiFailure(400, 'invalid_input', 'cursor_invalid', {
        details: { fields: [{ path: ['cursor'], key: 'cursor_field' }] },
      });
    }
    return c.json(page, 200);
  })
  .openapi(markRead, async (c) => c.json(await onTenant(c, (t) => t.markRead(c.req.valid('json'))), 200))
  .openapi(ack, async (c) => {
    const result = await onTenant(c, (t) => t.acknowledge(c.req.valid('param').id));
    if ('error' in result) throw unknownNotification();
    return c.json(result, 200);
  })
  .openapi(resolveRoute, async (c) => {
    const result = await onTenant(c, (t) => t.resolve(c.req.valid('param').id));
    if ('error' in result) throw unknownNotification();
    return c.json(result, 200);
  })
  .openapi(snooze, async (c) => {
    const untilMs = Date.parse(c.req.valid('json').until);
    const problem = snoozeProblem(untilMs, Date.now());
    if (problem !== null)
      throw new ApiFailure(400, 'invalid_input', problem, {
        details: { fields: [{ path: ['until'], key: problem }] },
      });
    const result = await onTenant(c, (t) => t.snooze(c.req.valid('param').id, untilMs));
    if ('error' in result)
      throw result.error === 'read' ? new ApiFailure(409, 'conflict', 'snooze_read') : unknownNotification();
    return c.json(result, 200);
  });
