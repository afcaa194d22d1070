import type { MarketoEvent } from '../../shared/events';
import { QUOTA_REACHED_ERROR } from '../../shared/marketo-errors';
import type { SeverityOf } from '../../shared/notification-types';
import { defined, type Occurrence } from '../domain/occurrence';
import { type Carried, groupKey } from './occurrence';

/** Error 607 (daily quota reached) always means this threshold. */
export const QUOTA_REACHED_THRESHOLD = 100;

/** The 607 rule: a quota event, or any event that carries error 607, says today's quota is used up. */
export function reportsQuotaReached(event: MarketoEvent): boolean {
  return event.type === 'web_services_quota' || event.errorCode === QUOTA_REACHED_ERROR;
}

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

export function quotaSeverity(threshold: number): SeverityOf<'web_services_quota'> {
  return threshold >= QUOTA_REACHED_THRESHOLD ? 'critical' : 'warning';
}

export interface QuotaFact {
  day: string;
  threshold: number;
  used: number;
  limit: number;
}

/** One notification per quota day and threshold. */
export function quotaOccurrence(fact: QuotaFact, extra: Carried = {}): Occurrence {
  return {
    type: 'web_services_quota',
    groupKey: groupKey('web_services_quota', fact.day, fact.threshold),
    severity: quotaSeverity(fact.threshold),
    data: { ...defined(extra), ...fact },
  };
}
