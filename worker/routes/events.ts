import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';

import { EventsAccepted, EventsBody, MarketoEvent, MAX_BODY_BYTES, UsageBody } from '../../shared/events';
import { QuotaState } from '../../shared/notifications';
import { requireRole } from '../middleware/auth';
import { readBody } from '../middleware/body';
import { validationHook } from '../middleware/errors';
import { nestDottedFields, withoutEmptyFields } from '../middleware/form';
import { eventsFromBody } from './event-input';
import { bearerSecurity, errorResponses, json, newRouter, onTenant } from './resource-kit';

const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      description:
        'The id of a single event sent without one: a retry with the same key is a no-op. ' +
        "Refused with a batch, and when the body's `id` differs.",
    }),
});

/** A form names nested fields with dots (campaign.name=Welcome); a field left empty counts as absent. */
const FormEvent = z.preprocess(
  (form) =>
    typeof form === 'object' && form !== null
      ? withoutEmptyFields(nestDottedFields(Object.entries(form as Record<string, string>)))
      : form,
  MarketoEvent,
);

const postEvents = createRoute({
  method: 'post',
  path: '/events',
  summary: 'Posts one event or a batch of at most 100, all or nothing',
  security: bearerSecurity,
  middleware: [requireRole('ingest'), readBody({ form: true })] as const,
  request: {
    headers: IdempotencyHeaders,
    body: {
      // Two media types: each validator runs only for its own (a body that is missing fails as an event).
      required: false,
      description:
        'JSON: one event or {"events": [...]}. Form-encoded (what a Marketo webhook sends): one event, ' +
        'nested fields named with dots (campaign.name), empty values counting as absent. ' +
        `At most ${MAX_BODY_BYTES / 1024} KiB.`,
      content: {
        'application/json': { schema: EventsBody },
        'application/x-www-form-urlencoded': { schema: FormEvent },
      },
    },
  },
  responses: {
    202: json(EventsAccepted, 'Accepted; duplicates were already seen'),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

const postUsage = createRoute({
  method: 'post',
  path: '/usage',
  summary: "Adds API calls to today's quota counter",
  security: bearerSecurity,
  middleware: [requireRole('ingest'), readBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: UsageBody } } } },
  responses: {
    200: json(QuotaState, "Today's quota after the change"),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

export const eventRoutes = newRouter()
  .openapi(postUsage, async (c) =>
    c.json(await onTenant(c, (t) => t.addUsage(c.req.valid('json').calls)), 200),
  )
  .openapi(
    postEvents,
    async (c) => {
      // The header names a single event without an id (eventsFromBody checks it against the body).
      const events = eventsFromBody(c.get('body'), c.req.valid('header')['idempotency-key']);
      return c.json(await onTenant(c, (t) => t.ingest(events)), 202);
    },
    // A body that fails the route's schema is reported as eventsFromBody reports it: at the failing
    // event of a batch, not as a mismatch of the whole union.
    (result, c) => {
      if (!result.success && (result.target === 'json' || result.target === 'form'))
        eventsFromBody(c.get('body'), c.req.header('Idempotency-Key'));
      // The shared 400 of every route (documented above); its type is not this route's typed answer.
      return validationHook(result, c) as never;
    },
  );
