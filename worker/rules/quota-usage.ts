import type { MarketoEvent } from '../../shared/events';
import type { Occurrence } from '../domain/occurrence';
import { quotaDayAt } from '../domain/quota-day';
import type { Recorded } from '../store/notifications';
import { addQuotaUsage, firedThresholds, markThresholdFired, quotaUsed } from '../store/quota';
import { carriedFields } from './occurrence';
import { QUOTA_REACHED_THRESHOLD, quotaOccurrence, thresholdsToFire } from './quota';
import { type ApplyContext, recordIfEnabled } from './record';

/** Error 607 (a quota event, or any event with that code): today's 100 % notification, once a day. */
export function quotaReached(ctx: ApplyContext, event: MarketoEvent): Occurrence | null {
  const { day } = quotaDayAt(ctx.nowMs);
  if (firedThresholds(ctx.sql, day).has(QUOTA_REACHED_THRESHOLD)) return null;
  markThresholdFired(ctx.sql, day, QUOTA_REACHED_THRESHOLD);
  const used = quotaUsed(ctx.sql, day);
  const fact = { day, threshold: QUOTA_REACHED_THRESHOLD, used, limit: ctx.settings.quota.dailyLimit };
  return quotaOccurrence(fact, carriedFields(event));
}

/** Adds API calls to today's counter and fires each threshold reached for the first time today. */
export function applyUsage(ctx: ApplyContext, calls: number): { used: number; recorded: Recorded[] } {
  const { day } = quotaDayAt(ctx.nowMs);
  const used = addQuotaUsage(ctx.sql, day, calls);
  return { used, recorded: fireReachedThresholds(ctx, day, used) };
}

/**
 * Today's usage against the (possibly new) limit and thresholds: a lower limit or a new threshold that
 * today's usage already crosses fires now, not at the next call. Each threshold still fires once per day.
 */
export function applyQuotaSettings(ctx: ApplyContext): Recorded[] {
  const { day } = quotaDayAt(ctx.nowMs);
  return fireReachedThresholds(ctx, day, quotaUsed(ctx.sql, day));
}

function fireReachedThresholds(ctx: ApplyContext, day: string, used: number): Recorded[] {
  const { dailyLimit: limit, thresholds } = ctx.settings.quota;
  const recorded: Recorded[] = [];
  for (const threshold of thresholdsToFire(used, limit, thresholds, firedThresholds(ctx.sql, day))) {
    markThresholdFired(ctx.sql, day, threshold);
    recorded.push(...recordIfEnabled(ctx, quotaOccurrence({ day, threshold, used, limit }), ctx.nowMs));
  }
  return recorded;
}
