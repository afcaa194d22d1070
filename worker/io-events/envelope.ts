import { z } from 'zod';

/** One event as Adobe delivers it, whichever envelope carried it. */
export interface IoEvent {
  eventId: string;
  /** `recipient_client_id` (or `recipientclientid`): the client id the event was meant for. */
  recipient: string | null;
  /** `com.adobe.platform.marketo.notification.<component>` or `...audit.user.<component>`. */
  type: string;
  time: string | null;
  data: Record<string, unknown>;
}

/** At most this many events in one delivery (a batch of 1 MiB holds a few thousand). */
export const MAX_IO_BATCH = 5_000;

const Id = z.union([z.string().min(1).max(200), z.int().nonnegative()]).transform(String);
const Body = z.looseObject({
  type: z.string().min(1).max(200),
  time: z.string().max(100).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
const Item = z.looseObject({
  eventid: Id.optional(),
  event_id: Id.optional(),
  recipientclientid: z.string().max(200).optional(),
  recipient_client_id: z.string().max(200).optional(),
  event: z.record(z.string(), z.unknown()),
});

/**
 * Both of Adobe's envelopes: Marketo's data-streams page shows `{event_id, event: {..., data},
 * recipient_client_id}`; Adobe's setup pages show `{eventid, event: {body: {..., data}},
 * recipientclientid}`, alone or in a JSON array (batch delivery). Null when the value is neither.
 */
export function parseEnvelope(value: unknown): IoEvent[] | null {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0 || items.length > MAX_IO_BATCH) return null;
  const events: IoEvent[] = [];
  for (const raw of items) {
    const item = Item.safeParse(raw);
    if (!item.success) return null;
    const eventId = item.data.eventid ?? item.data.event_id;
    const inner = item.data.event.body ?? item.data.event;
    const body = Body.safeParse(inner);
    if (eventId === undefined || !body.success) return null;
    events.push({
      eventId,
      recipient: item.data.recipientclientid ?? item.data.recipient_client_id ?? null,
      type: body.data.type,
      time: body.data.time ?? null,
      data: body.data.data ?? {},
    });
  }
  return events;
}
