import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';

/** Marketo resets the daily API quota at midnight in this zone. */
export const QUOTA_TIME_ZONE = 'America/Chicago';

export interface QuotaDay {
  /** The local calendar day, YYYY-MM-DD. */
  day: string;
  startMs: number;
  /** The next local midnight: when the quota resets. */
  endMs: number;
}

/** The quota day that contains `nowMs`; 23 or 25 hours long on DST change days. */
export function quotaDayAt(nowMs: number): QuotaDay {
  const local = new TZDate(nowMs, QUOTA_TIME_ZONE);
  const start = startOfDay(local);
  const end = addDays(start, 1);
  return { day: format(local, 'yyyy-MM-dd'), startMs: start.getTime(), endMs: end.getTime() };
}

/** A day string far enough back that its quota state can be dropped. */
export function quotaDayDaysBefore(nowMs: number, days: number): string {
  return format(addDays(new TZDate(nowMs, QUOTA_TIME_ZONE), -days), 'yyyy-MM-dd');
}
