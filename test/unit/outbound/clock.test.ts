import { describe, expect, it } from 'vitest';

import { nextDigestAt } from '../../../worker/outbound/digest-time';
import { inQuietHours, quietHoursEnd } from '../../../worker/outbound/quiet-hours';

const at = (iso: string) => Date.parse(iso);
const night = { start: '22:00', end: '07:00', timeZone: 'Europe/Amsterdam' };

describe('quiet hours in the channel time zone', () => {
  it('hold from start inclusive to end exclusive, across midnight', () => {
    // Amsterdam is UTC+1 in January.
    expect(inQuietHours(night, at('2026-01-15T20:59:00Z'))).toBe(false);
    expect(inQuietHours(night, at('2026-01-15T21:00:00Z'))).toBe(true);
    expect(inQuietHours(night, at('2026-01-15T23:30:00Z'))).toBe(true);
    expect(inQuietHours(night, at('2026-01-16T05:59:00Z'))).toBe(true);
    expect(inQuietHours(night, at('2026-01-16T06:00:00Z'))).toBe(false);
    expect(inQuietHours(null, at('2026-01-16T01:00:00Z'))).toBe(false);
  });

  it('within one day, and in summer time', () => {
    const lunch = { start: '12:00', end: '13:30', timeZone: 'America/New_York' };
    // New York is UTC-4 in July.
    expect(inQuietHours(lunch, at('2026-07-01T16:00:00Z'))).toBe(true);
    expect(inQuietHours(lunch, at('2026-07-01T17:29:00Z'))).toBe(true);
    expect(inQuietHours(lunch, at('2026-07-01T17:30:00Z'))).toBe(false);
    expect(inQuietHours(lunch, at('2026-07-01T15:59:00Z'))).toBe(false);
  });

  it('end at the next local end time, and not at all outside', () => {
    expect(quietHoursEnd(night, at('2026-01-15T23:30:00Z'))).toBe(at('2026-01-16T06:00:00Z'));
    expect(quietHoursEnd(night, at('2026-01-16T05:00:00Z'))).toBe(at('2026-01-16T06:00:00Z'));
    expect(quietHoursEnd(night, at('2026-01-16T12:00:00Z'))).toBeNull();
    // The night the clocks go forward (2026-03-29 in Europe): 07:00 is then UTC+2.
    expect(quietHoursEnd(night, at('2026-03-28T23:00:00Z'))).toBe(at('2026-03-29T05:00:00Z'));
  });
});

describe('the next digest', () => {
  it('is the next digestAt time on the local clock', () => {
    const nine = { time: '09:00', timeZone: 'America/Chicago' };
    // Chicago is UTC-6 in January.
    expect(nextDigestAt(nine, at('2026-01-15T14:00:00Z'))).toBe(at('2026-01-15T15:00:00Z'));
    expect(nextDigestAt(nine, at('2026-01-15T15:00:00Z'))).toBe(at('2026-01-16T15:00:00Z'));
    expect(nextDigestAt(nine, at('2026-01-15T16:00:00Z'))).toBe(at('2026-01-16T15:00:00Z'));
    // Across the spring change (2026-03-08 in the US): 09:00 is then UTC-5.
    expect(nextDigestAt(nine, at('2026-03-07T16:00:00Z'))).toBe(at('2026-03-08T14:00:00Z'));
  });

  it('handles a time skipped by the clock change', () => {
    const skipped = { time: '02:30', timeZone: 'Europe/Amsterdam' };
    const next = nextDigestAt(skipped, at('2026-03-28T12:00:00Z'));
    expect(next).toBeGreaterThan(at('2026-03-28T12:00:00Z'));
    expect(next).toBeLessThanOrEqual(at('2026-03-29T01:30:00Z'));
  });
});
