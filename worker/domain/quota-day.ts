// Calendar arithmetic in one zone with the runtime's Intl (no date library in the worker bundle).

/** Marketo resets the daily API quota at midnight in this zone. */
export const QUOTA_TIME_ZONE = 'America/Chicago';

export interface QuotaDay {
  /** The local calendar day, YYYY-MM-DD. */
  day: string;
  startMs: number;
  /** The next local midnight: when the quota resets. */
  endMs: number;
}

const WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: QUOTA_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The zone's wall clock at `ms`, read as if it were UTC. */
function wallClockMs(ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of WALL_CLOCK.formatToParts(ms))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return (
    Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) +
    (((ms % 1000) + 1000) % 1000)
  );
}

/** The local calendar day of `ms`, as midnight UTC of that date. */
function localDate(ms: number): number {
  const wall = wallClockMs(ms);
  return wall - (((wall % 86_400_000) + 86_400_000) % 86_400_000);
}

/**
 * The instant of local midnight starting a date (given as midnight UTC of it). Chicago changes
 * clocks at 02:00, so midnight always exists once.
 */
function localMidnight(dateUtcMs: number): number {
  const guess = dateUtcMs - (wallClockMs(dateUtcMs) - dateUtcMs);
  return dateUtcMs - (wallClockMs(guess) - guess);
}

const dayString = (dateUtcMs: number) => new Date(dateUtcMs).toISOString().slice(0, 10);

/** The quota day that contains `nowMs`; 23 or 25 hours long on DST change days. */
export function quotaDayAt(nowMs: number): QuotaDay {
  const date = localDate(nowMs);
  return { day: dayString(date), startMs: localMidnight(date), endMs: localMidnight(date + 86_400_000) };
}

/** A day string far enough back that its quota state can be dropped. */
export function quotaDayDaysBefore(nowMs: number, days: number): string {
  return dayString(localDate(nowMs) - days * 86_400_000);
}
