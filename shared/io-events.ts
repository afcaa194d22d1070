import { z } from 'zod';

/** Marketo's own streams through Adobe I/O Events (DESIGN: "Marketo's own streams"). */
export const IO_EVENTS_MAX_BODY_BYTES = 1024 * 1024;
/** Characters of the random part of a receiving URL (`<worker>/io/<token>`). */
export const IO_TOKEN_CHARS = 24;
export const IO_TOKEN_PATTERN = /^[a-z0-9]{24}$/;

/** The project's client id in Adobe's Developer Console: every event names it as its recipient. */
export const IoClientId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.-]+$/, 'letters, digits, "_", "-" or "."');
export const IoEventsRegister = z.strictObject({ clientId: IoClientId });
export type IoEventsRegister = z.infer<typeof IoEventsRegister>;

/** Answered once, at creation or rotation: the token is never answered again. */
export const IoEventsCreated = z.object({ url: z.string(), clientId: z.string() });
export type IoEventsCreated = z.infer<typeof IoEventsCreated>;

/** What GET /v1/io-events answers: the receiving URL's state, never its token. */
export const IoEventsState = z.object({
  clientId: z.string(),
  createdAt: z.string(),
  /** When the last verified event arrived; null before the first. */
  lastEventAt: z.string().nullable(),
  /** Verified, new events per Adobe event type (`com.adobe.platform.marketo...`). */
  byType: z.record(z.string(), z.int()),
  /** Events of a type the product does not show (counted only). */
  unknown: z.int(),
  /** Events for another Munchkin ID than the tenant's (not shown). */
  mismatched: z.int(),
  /** Repeats of an event_id already received (Adobe delivers at least once). */
  duplicates: z.int(),
});
export type IoEventsState = z.infer<typeof IoEventsState>;

/** What a delivery to the receiving URL is answered. */
export const IoEventsReceived = z.object({ received: z.int(), duplicates: z.int() });
export type IoEventsReceived = z.infer<typeof IoEventsReceived>;

export const IoEventsDeleted = z.object({ deleted: z.literal(true) });

export const IoChallenge = z.object({ challenge: z.string() });
