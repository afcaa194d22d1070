/** Streams one key, or one tenant, may hold at once; over them the worker answers 429 too_many_streams. */
export const STREAM_LIMITS = {
  socketsPerKey: 10,
  unusedTicketsPerKey: 10,
  socketsPerTenant: 500,
  /** Unused tickets of all keys together, as many as the sockets they could open. */
  unusedTicketsPerTenant: 500,
  /** `GET /v1/counts` requests waiting for a change (Prefer: wait). */
  waitsPerKey: 10,
} as const;

export type StreamLimit = keyof typeof STREAM_LIMITS;
