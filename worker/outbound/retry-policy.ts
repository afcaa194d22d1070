import type { ChannelKind } from '../../shared/channels';

/** After each failed attempt, the wait before the next; after the last, the delivery has failed. */
export const RETRY_DELAYS_MS = [
  5_000,
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
] as const;
/** A receiver's Retry-After is honoured within these bounds. */
const MIN_RETRY_AFTER_MS = 1000;
const MAX_RETRY_AFTER_MS = 12 * 3_600_000;

/** One attempt as the sender saw it: the HTTP status (null after a timeout or network failure). */
export interface AttemptResult {
  status: number | null;
  retryAfter: string | null;
}

export type AttemptOutcome =
  | { state: 'delivered' }
  | { state: 'pending'; nextAttemptAt: number }
  /** `disable`: the receiver says the channel is gone (410, Slack's 403 and 404). */
  | { state: 'failed'; disable: boolean };

/** Retry-After as seconds or an HTTP date, bounded; null when absent or unreadable. */
export function retryAfterMs(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  let ms: number;
  if (/^\d{1,10}$/.test(text)) ms = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (!Number.isFinite(at)) return null;
    ms = at - nowMs;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(MIN_RETRY_AFTER_MS, ms));
}

/** What follows attempt number `attempts` (1 for the first) of a delivery to a channel of `kind`. */
export function attemptOutcome(
  kind: ChannelKind,
  result: AttemptResult,
  attempts: number,
  nowMs: number,
): AttemptOutcome {
  const { status } = result;
  if (status !== null && status >= 200 && status < 300) return { state: 'delivered' };
  if (status === 410 || (kind === 'slack' && (status === 403 || status === 404)))
    return { state: 'failed', disable: true };
  const retryable = status === null || status === 429 || status >= 500;
  const delay = RETRY_DELAYS_MS[attempts - 1];
  if (!retryable || delay === undefined) return { state: 'failed', disable: false };
  const asked = status === 429 ? retryAfterMs(result.retryAfter, nowMs) : null;
  return { state: 'pending', nextAttemptAt: nowMs + (asked ?? delay) };
}
