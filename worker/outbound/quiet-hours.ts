import type { QuietHours } from '../../shared/channels';
import { localParts, minutesOf, nextLocalTime } from './zoned-time';

/**
 * True at `ms` when the channel's local clock is from `start` (inclusive) to `end` (exclusive),
 * across midnight too.
 */
export function inQuietHours(quiet: QuietHours | null, ms: number): boolean {
  if (quiet === null) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const local = localParts(ms, quiet.timeZone);
  const now = local.hour * 60 + local.minute;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** When the quiet hours that hold at `ms` end; null when they do not hold. */
export function quietHoursEnd(quiet: QuietHours | null, ms: number): number | null {
  if (quiet === null || !inQuietHours(quiet, ms)) return null;
  return nextLocalTime(quiet.end, quiet.timeZone, ms);
}
