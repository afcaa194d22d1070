import type { Severity } from '../../shared/notification-types';

/** Error 607 (daily quota reached) always means this threshold. */
export const QUOTA_REACHED_THRESHOLD = 100;

/** Thresholds (percent of the limit) that `used` has reached, ascending. */
export function reachedThresholds(used: number, limit: number, thresholds: readonly number[]): number[] {
  // Integer comparison avoids rounding at exact boundaries.
  return thresholds.filter((t) => used * 100 >= t * limit).sort((a, b) => a - b);
}

/** Reached thresholds that have not fired yet today: each fires at most once per day. */
export function thresholdsToFire(
  used: number,
  limit: number,
  thresholds: readonly number[],
  alreadyFired: ReadonlySet<number>,
): number[] {
  return reachedThresholds(used, limit, thresholds).filter((t) => !alreadyFired.has(t));
}

export function quotaSeverity(threshold: number): Severity {
  return threshold >= QUOTA_REACHED_THRESHOLD ? 'critical' : 'warning';
}
