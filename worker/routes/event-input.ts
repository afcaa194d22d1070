import { EventBatch, MarketoEvent } from '../../shared/events';
import { ApiFailure, invalidInput } from '../errors';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The header gives a single event without an id its id; a different id in the body is a contradiction. */
function withIdempotencyKey(body: unknown, idempotencyKey: string | undefined): unknown {
  if (idempotencyKey === undefined || !isRecord(body)) return body;
  if (body.id === undefined) return { ...body, id: idempotencyKey };
  // Compared as text, as ids are stored: 42 in the body matches the header 42.
  const bodyId = typeof body.id === 'number' ? String(body.id) : body.id;
  if (bodyId !== idempotencyKey) {
    throw new ApiFailure(400, 'invalid_input', 'idempotency_differs', {
      details: { fields: [{ path: ['id'], key: 'differs_from_header' }] },
    });
  }
  return body;
}

/**
 * One event or `{events: [...]}`, validated all or nothing (the shared EventsBody, one branch at a time
 * so that the issues point at the failing event's index rather than at a union).
 */
export function eventsFromBody(body: unknown, idempotencyKey: string | undefined): MarketoEvent[] {
  if (isRecord(body) && Object.hasOwn(body, 'events')) {
    if (idempotencyKey !== undefined) {
      throw new ApiFailure(400, 'invalid_input', 'idempotency_batch');
    }
    const batch = EventBatch.safeParse(body);
    if (!batch.success) throw invalidInput(batch.error);
    return batch.data.events;
  }
  const event = MarketoEvent.safeParse(withIdempotencyKey(body, idempotencyKey));
  if (!event.success) throw invalidInput(event.error);
  return [event.data];
}
