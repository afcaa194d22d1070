import { describe, expect, it } from 'vitest';

import {
  formatPercent,
  formatResetTime,
  maskKey,
  quotaRatio,
  relativeTime,
} from '../../extension/lib/notification/format';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('relative time', () => {
  it('uses the largest whole unit in the chosen language', () => {
    expect(relativeTime('2026-11-22T11:57:00Z', NOW, 'en')).toBe('3 minutes ago');
    expect(relativeTime('2026-11-22T10:00:00Z', NOW, 'nl')).toBe('2 uur geleden');
    expect(relativeTime('2026-11-21T12:00:00Z', NOW, 'fr')).toBe('hier');
    expect(relativeTime('2026-11-22T11:59:50Z', NOW, 'en')).toBe('now');
    expect(relativeTime('2026-11-15T12:00:00Z', NOW, 'sv')).toBe('förra veckan');
  });
});

describe('quota', () => {
  it('shows the reset instant in the given time zone', () => {
    // Midnight in Chicago (CST, UTC-6) is 07:00 in Amsterdam.
    const chicago = formatResetTime('2026-11-23T06:00:00.000Z', 'en', 'America/Chicago');
    expect(chicago).toMatch(/12:00\s?AM/);
    expect(chicago).toContain('CST');
    expect(formatResetTime('2026-11-23T06:00:00.000Z', 'nl', 'Europe/Amsterdam')).toContain('07:00');
    expect(formatResetTime('not a date', 'en', 'UTC')).toBe('');
  });

  it('computes the share used and formats it as a percentage', () => {
    expect(quotaRatio(40_000, 50_000)).toBe(0.8);
    expect(quotaRatio(60_000, 50_000)).toBe(1);
    expect(quotaRatio(1, 0)).toBe(1);
    expect(formatPercent(40_000, 50_000, 'en')).toBe('80%');
    expect(formatPercent(40_000, 50_000, 'fr')).toMatch(/^80\s%$/);
  });
});

describe('key masking', () => {
  it('shows only the prefix and the last four characters', () => {
    expect(maskKey('mn_abcdefghijklmnop1234')).toBe('mn_…1234');
    expect(maskKey('short')).toBe('…');
    expect(maskKey('mn_abcdefghijklmnop1234')).not.toContain('abcdef');
  });
});
