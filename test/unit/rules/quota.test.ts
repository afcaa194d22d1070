import { describe, expect, it } from 'vitest';

import {
  quotaOccurrence,
  quotaSeverity,
  reachedThresholds,
  reportsQuotaReached,
  thresholdsToFire,
} from '../../../worker/rules/quota';
import { asNotification, event } from './support';

describe('quota thresholds', () => {
  it('reaches a threshold at exactly its share of the limit', () => {
    expect(reachedThresholds(39_999, 50_000, [80, 100])).toEqual([]);
    expect(reachedThresholds(40_000, 50_000, [80, 100])).toEqual([80]);
    expect(reachedThresholds(50_000, 50_000, [100, 80])).toEqual([80, 100]);
    expect(reachedThresholds(1, 3, [33, 34])).toEqual([33]);
  });

  it('fires only thresholds that have not fired today', () => {
    expect(thresholdsToFire(60_000, 50_000, [80, 100], new Set([80]))).toEqual([100]);
    expect(thresholdsToFire(60_000, 50_000, [80, 100], new Set([80, 100]))).toEqual([]);
  });

  it('is a warning below 100 % and critical at 100 %', () => {
    expect(quotaSeverity(80)).toBe('warning');
    expect(quotaSeverity(99)).toBe('warning');
    expect(quotaSeverity(100)).toBe('critical');
  });

  it('reads error 607 from a quota event or any event that carries it', () => {
    expect(reportsQuotaReached(event({ type: 'web_services_quota' }))).toBe(true);
    expect(reportsQuotaReached(event({ type: 'facebook', problem: 'app_removed', errorCode: 607 }))).toBe(
      true,
    );
    expect(reportsQuotaReached(event({ type: 'facebook', problem: 'app_removed', errorCode: 606 }))).toBe(
      false,
    );
    expect(reportsQuotaReached(event({ type: 'facebook', problem: 'app_removed' }))).toBe(false);
  });

  it('makes one notification per quota day and threshold, rated by the threshold', () => {
    const fact = { day: '2026-05-05', threshold: 80, used: 40_000, limit: 50_000 };
    const warning = quotaOccurrence(fact);
    expect(warning.severity).toBe('warning');
    expect(quotaOccurrence({ ...fact, used: 41_000 }).groupKey).toBe(warning.groupKey);
    expect(quotaOccurrence({ ...fact, day: '2026-05-06' }).groupKey).not.toBe(warning.groupKey);
    const reached = quotaOccurrence({ ...fact, threshold: 100 }, { errorCode: 607 });
    expect(reached.severity).toBe('critical');
    expect(reached.groupKey).not.toBe(warning.groupKey);
    expect(asNotification(reached).data).toEqual({ ...fact, threshold: 100, errorCode: 607 });
  });
});
