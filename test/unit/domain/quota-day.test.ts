import { describe, expect, it } from 'vitest';

import { quotaDayAt, quotaDayDaysBefore } from '../../../worker/domain/quota-day';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('quota day (America/Chicago)', () => {
  it('ends at 06:00Z in winter and 05:00Z in summer', () => {
    expect(quotaDayAt(at('2026-01-15T12:00:00Z'))).toEqual({
      day: '2026-01-15',
      startMs: at('2026-01-15T06:00:00Z'),
      endMs: at('2026-01-16T06:00:00Z'),
    });
    expect(quotaDayAt(at('2026-07-15T12:00:00Z'))).toEqual({
      day: '2026-07-15',
      startMs: at('2026-07-15T05:00:00Z'),
      endMs: at('2026-07-16T05:00:00Z'),
    });
  });

  it('belongs to the previous local day before midnight Chicago', () => {
    expect(quotaDayAt(at('2026-01-16T05:59:59.999Z')).day).toBe('2026-01-15');
    expect(quotaDayAt(at('2026-01-16T06:00:00Z')).day).toBe('2026-01-16');
  });

  it('is 23 hours long on 2026-03-08 (spring forward)', () => {
    const day = quotaDayAt(at('2026-03-08T12:00:00Z'));
    expect(day.day).toBe('2026-03-08');
    expect(day.startMs).toBe(at('2026-03-08T06:00:00Z'));
    expect(day.endMs).toBe(at('2026-03-09T05:00:00Z'));
    expect(day.endMs - day.startMs).toBe(23 * HOUR);
    // Just before and at the boundary.
    expect(quotaDayAt(at('2026-03-09T04:59:59.999Z')).day).toBe('2026-03-08');
    expect(quotaDayAt(at('2026-03-09T05:00:00Z')).day).toBe('2026-03-09');
    expect(quotaDayAt(at('2026-03-08T05:59:59.999Z')).day).toBe('2026-03-07');
  });

  it('is 25 hours long on 2026-11-01 (fall back)', () => {
    const day = quotaDayAt(at('2026-11-01T12:00:00Z'));
    expect(day.day).toBe('2026-11-01');
    expect(day.startMs).toBe(at('2026-11-01T05:00:00Z'));
    expect(day.endMs).toBe(at('2026-11-02T06:00:00Z'));
    expect(day.endMs - day.startMs).toBe(25 * HOUR);
    // The repeated 01:xx hour (06:30Z is 01:30 CST) is still 2026-11-01.
    expect(quotaDayAt(at('2026-11-01T06:30:00Z')).day).toBe('2026-11-01');
    expect(quotaDayAt(at('2026-11-02T05:59:59.999Z')).day).toBe('2026-11-01');
    expect(quotaDayAt(at('2026-11-02T06:00:00Z')).day).toBe('2026-11-02');
  });

  it('names a day some days back', () => {
    expect(quotaDayDaysBefore(at('2026-03-09T12:00:00Z'), 8)).toBe('2026-03-01');
  });
});
