import type { DigestAt } from '../../shared/channels';
import { nextLocalTime } from './zoned-time';

/** A digest lists what became unread in the 24 hours before it. */
export const DIGEST_PERIOD_MS = 24 * 3_600_000;

/** The next digest after `afterMs`: the channel's `digestAt.time` on its local clock. */
export function nextDigestAt(digestAt: DigestAt, afterMs: number): number {
  return nextLocalTime(digestAt.time, digestAt.timeZone, afterMs);
}
