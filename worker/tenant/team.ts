import { ENROLMENTS_PER_DAY } from '../../shared/members';
import type { Counts } from '../../shared/notifications';
import { countEnrolment } from '../store/enrolments';
import { lastSeen, touchMember } from '../store/members';
import type { TenantContext } from './context';
import { memberCounts } from './counts';

/** A member's last-seen time is written at most this often. */
const SEEN_EVERY_MS = 60_000;

/** The tenant's members: their counts, when each was last seen, and enrolments of new members. */
export class TenantTeam {
  /** When each member's last-seen time was last written, so that reads do not write each time. */
  private readonly seenWritten = new Map<string, number>();

  constructor(private readonly ctx: TenantContext) {}

  /** Remembers when a member was last seen, writing at most once a minute per member. */
  seen(member: string, nowMs: number): void {
    if (nowMs - (this.seenWritten.get(member) ?? -Infinity) < SEEN_EVERY_MS) return;
    this.seenWritten.set(member, nowMs);
    touchMember(this.ctx.sql, member, nowMs);
  }

  /** The member's unread totals (snoozes that ended count again), and today's quota. */
  counts(member: string, nowMs: number): Counts {
    return memberCounts(this.ctx.sql, member, nowMs, this.ctx.quotaState(nowMs));
  }

  /** When each member was last seen (ISO-8601), by member. */
  membersSeen(): Record<string, string> {
    return lastSeen(this.ctx.sql);
  }

  /** Counts one enrolment of the enroll key today (UTC); not allowed over the daily cap. */
  enrol(enrollKeyId: string, nowMs: number): { allowed: boolean; limit: number } {
    const day = new Date(nowMs).toISOString().slice(0, 10);
    const { allowed } = this.ctx.transaction(() =>
      countEnrolment(this.ctx.sql, enrollKeyId, day, ENROLMENTS_PER_DAY),
    );
    return { allowed, limit: ENROLMENTS_PER_DAY };
  }
}
