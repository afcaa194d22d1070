import { ENROLMENTS_PER_DAY } from '../../shared/members';
import type { Counts } from '../../shared/notifications';
import { claimEnrolledName, countEnrolment, enrolledNameTaken } from '../store/enrolments';
import { lastSeen, touchMember } from '../store/members';
import type { TenantContext } from './context';
import { memberCounts } from './counts';

/** An enrolment within the daily cap or over it (`limit`), or of a name an enrolment took already. */
export type EnrolOutcome = { allowed: boolean; limit: number } | { taken: true };

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

  /**
   * Counts one enrolment of the enroll key today (UTC) and takes the name (`nameKey`) for the new
   * key `keyId`, in one transaction: not allowed over the daily cap, taken when an enrolment has the name.
   */
  enrol(enrollKeyId: string, nameKey: string, keyId: string, nowMs: number): EnrolOutcome {
    const day = new Date(nowMs).toISOString().slice(0, 10);
    const { sql } = this.ctx;
    return this.ctx.transaction(() => {
      if (enrolledNameTaken(sql, nameKey)) return { taken: true as const };
      const { allowed } = countEnrolment(sql, enrollKeyId, day, ENROLMENTS_PER_DAY);
      if (allowed) claimEnrolledName(sql, nameKey, keyId);
      return { allowed, limit: ENROLMENTS_PER_DAY };
    });
  }
}
