import { describe, expect, it } from 'vitest';
import { quotaSeverity, reachedThresholds, thresholdsToFire } from '../../../worker/rules/quota-thresholds';

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
});
