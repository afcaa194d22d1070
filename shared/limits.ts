import { z } from 'zod';

/** Streams one key, or one tenant, may hold at once; over them the worker answers 429 too_many_streams. */
export const STREAM_LIMITS = {
  socketsPerKey: 10,
  unusedTicketsPerKey: 10,
  socketsPerTenant: 500,
  /** Sockets of all keys enrolled through one enroll key, together (POST /v1/enroll). */
  socketsPerEnrolment: 100,
  /** Unused tickets of all keys together, as many as the sockets they could open. */
  unusedTicketsPerTenant: 500,
  /** `GET /v1/counts` requests waiting for a change (Prefer: wait). */
  waitsPerKey: 10,
} as const;

/**
 * Notifications one change pushes down a socket, newest first; a bigger change (a flood, a batch
 * of 100) sends its counts only, and clients read the feed. It keeps a burst from queuing megabytes
 * per socket and from raising a desktop alert per notification.
 */
export const STREAM_NOTIFICATIONS_PER_CHANGE = 10;

export type StreamLimit = keyof typeof STREAM_LIMITS;

/** Which cap a stream request reached (the tenant object's answer to the route). */
export const StreamCapReached = z.object({
  error: z.literal('too_many_streams'),
  limit: z.enum(Object.keys(STREAM_LIMITS) as [StreamLimit, ...StreamLimit[]]),
  max: z.int(),
});
export type StreamCapReached = z.infer<typeof StreamCapReached>;
