/**
 * Marketo's limits (marketo-integration-best-practices.md): 100 calls per 20 s (606), 10 at once (615),
 * a daily quota (607) that resets at midnight America/Chicago; and the tenant's own maxDailyCalls.
 */
export const MAX_BACKOFF_MINUTES = 60;

/** 606 or 615: double the interval (from the configured one), at most an hour; a success ends it. */
export function nextBackoffMinutes(
  currentBackoff: number | null,
  pollMinutes: number,
  code: string | null,
): number | null {
  if (code !== '606' && code !== '615') return null;
  return Math.min(MAX_BACKOFF_MINUTES, 2 * (currentBackoff ?? pollMinutes));
}

export function pollIntervalMinutes(pollMinutes: number, backoffMinutes: number | null): number {
  return backoffMinutes ?? pollMinutes;
}

export interface CallBudget {
  callsToday: number;
  maxDailyCalls: number;
  /** No call before this instant (a 607 or a spent budget pause until the quota day resets). */
  pausedUntilMs: number | null;
}

export type CallPermission = { ok: true } | { ok: false; reason: 'paused' | 'max_daily_calls' };

export function mayCall(budget: CallBudget, nowMs: number): CallPermission {
  if (budget.pausedUntilMs !== null && budget.pausedUntilMs > nowMs) return { ok: false, reason: 'paused' };
  if (budget.callsToday >= budget.maxDailyCalls) return { ok: false, reason: 'max_daily_calls' };
  return { ok: true };
}
