import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { EventsAccepted, EventsBody, MarketoEvent, UsageBody } from '../../shared/events';
import { QuotaState } from '../../shared/notifications';
import { requireRole } from '../middleware/auth';
import { readBody } from '../middleware/body';
import { eventsFromBody } from './event-input';
import { bearerSecurity, errorResponses, json, newRouter, tenantStub } from './resource-kit';

const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(200).optional().openapi({
    description: "The id of a single event sent without one: a retry with the same key is a no-op. Refused with a batch, and when the body's `id` differs.",
  }),
});

/** Documented here; handled below without the generic validators (form bodies and the header need care). */
const postEvents = createRoute({
  method: 'post',
  path: '/events',
  summary: 'Posts one event or a batch of at most 100, all or nothing',
  security: bearerSecurity,
  request: {
    headers: IdempotencyHeaders,
    body: {
      required: true,
      description: 'JSON: one event or {"events": [...]}. Form-encoded (what a Marketo webhook sends): one event, nested fields named with dots (campaign.name), empty values counting as absent. At most 64 KiB.',
      content: {
        'application/json': { schema: EventsBody },
        'application/x-www-form-urlencoded': { schema: MarketoEvent },
      },
    },
  },
  responses: { 202: json(EventsAccepted, 'Accepted; duplicates were already seen'), ...errorResponses(400, 401, 403, 413, 415) },
});

const postUsage = createRoute({
  method: 'post',
  path: '/usage',
  summary: "Adds API calls to today's quota counter",
  security: bearerSecurity,
  middleware: [requireRole('ingest'), readBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: UsageBody } } } },
  responses: { 200: json(QuotaState, "Today's quota after the change"), ...errorResponses(400, 401, 403, 413, 415) },
});

const router = newRouter();
router.openAPIRegistry.registerPath(postEvents);

export const eventRoutes = router
  .openapi(postUsage, async (c) => c.json(await tenantStub(c).addUsage(c.req.valid('json').calls), 200))
  .post('/events', requireRole('ingest'), readBody({ form: true }), async (c) => {
    const events = eventsFromBody(c.get('body'), c.req.header('Idempotency-Key'));
    return c.json(await tenantStub(c).ingest(events), 202);
  });
