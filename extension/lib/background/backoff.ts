export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const STREAM_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };

/**
 * "Full jitter" exponential backoff: a random delay up to base·2^attempt (capped), so that
 * many browsers do not reconnect to a restarted worker in lockstep. `random` is in [0, 1).
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = STREAM_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.max(options.baseMs / 2, Math.floor(random() * ceiling));
}

/** The backoff delay, but never shorter than the wait a rate-limited answer (429) asked for. */
export function delayAfter(
  problem: { retryAfterSeconds?: number } | null,
  attempt: number,
  options: BackoffOptions = STREAM_BACKOFF,
  random: () => number = Math.random,
): number {
  return Math.max(backoffDelay(attempt, options, random), (problem?.retryAfterSeconds ?? 0) * 1000);
}
