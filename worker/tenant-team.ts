import { ENROLMENTS_PER_DAY } from '../shared/members';
import type { Counts, Notification, QuotaState } from '../shared/notifications';
import { readUnreadCounts } from './store/counters';
import { claimEnrolledName, countEnrolment, enrolledNameTaken } from './store/enrolments';
import { lastSeen, touchMember } from './store/members';
import { notificationFor, type Recorded } from './store/notifications';
import { endSnoozes, snoozeFor, stateRow, type Concerned } from './store/read-state';
import { acknowledge, resolve } from './store/triage';
import { streamed } from './sockets/broadcast';
import { pushToMembers, socketsByMember } from './sockets/members';

/** An enrolment within the daily cap or over it (`limit`), or of a name an enrolment took already. */
export type EnrolOutcome = { allowed: boolean; limit: number } | { taken: true };

/** A member's last-seen time is written at most this often. */
const SEEN_EVERY_MS = 60_000;

/**
 * The tenant object's team side: each member's counts, their last-seen times, and pushes to the
 * sockets of the members a change concerns.
 */
export class TenantTeam {
  /** When each member's last-seen time was last written, so that reads do not write each time. */
  private readonly seenWritten = new Map<string, number>();

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly tenant: {
      quotaState: (nowMs: number) => QuotaState;
      /** Anything changed: waiting counts requests look again. */
      changed: () => void;
      /** The object's alarm fires no later than `atMs` (snoozes end by themselves). */
      alarmBy: (atMs: number) => Promise<void>;
    },
  ) {}

  private get sql(): SqlStorage {
    return this.ctx.storage.sql;
  }

  /** Remembers when a member was last seen, writing at most once a minute per member. */
  seen(member: string, nowMs: number): void {
    if (nowMs - (this.seenWritten.get(member) ?? -Infinity) < SEEN_EVERY_MS) return;
    this.seenWritten.set(member, nowMs);
    touchMember(this.sql, member, nowMs);
  }

  /** The member's unread totals from the kept counters (snoozes that ended count again), and today's quota. */
  counts(member: string, nowMs: number, quota: QuotaState = this.tenant.quotaState(nowMs)): Counts {
    endSnoozes(this.sql, nowMs, member);
    return { ...readUnreadCounts(this.sql, member), quota };
  }

  /**
   * Pushes to the sockets of the members concerned: surfaced notifications (the same for all), each
   * member's own view of the `updated` ones, then each member's counts.
   */
  publish(recorded: Recorded[], nowMs: number, concerned: Concerned = 'all', updated: string[] = []): void {
    this.tenant.changed();
    const sockets = socketsByMember(this.ctx, concerned);
    if (sockets.size === 0) return;
    const surfaced = streamed(recorded.filter((r) => r.surfaced).map((r) => r.notification)).map((notification) => ({ kind: 'notification' as const, notification }));
    // The tenant's quota is the same for every member: read once, not once per member.
    const quota = this.tenant.quotaState(nowMs);
    pushToMembers(sockets, {
      shared: surfaced,
      own: (member) => [
        ...updated.flatMap((id) => {
          const notification = notificationFor(this.sql, id, member, nowMs);
          return notification === null ? [] : [{ kind: 'update' as const, notification }];
        }),
        { kind: 'counts' as const, counts: this.counts(member, nowMs, quota) },
      ],
    });
  }

  acknowledge(member: string, id: string, nowMs: number): Notification | { error: 'not_found' } {
    return this.triage(member, id, nowMs, 'all', () => acknowledge(this.sql, id, member, nowMs)) as Notification | { error: 'not_found' };
  }

  resolve(member: string, id: string, nowMs: number): Notification | { error: 'not_found' } {
    return this.triage(member, id, nowMs, 'all', () => resolve(this.sql, id, member, nowMs)) as Notification | { error: 'not_found' };
  }

  async snooze(member: string, id: string, untilMs: number, nowMs: number): Promise<Notification | { error: 'not_found' | 'read' }> {
    const outcome = this.triage(member, id, nowMs, new Set([member]), () => {
      const row = stateRow(this.sql, id);
      return row === undefined ? 'not_found' : snoozeFor(this.sql, member, row, untilMs, nowMs) || 'read';
    });
    if (!('error' in outcome)) await this.tenant.alarmBy(untilMs);
    return outcome;
  }

  /** When each member was last seen (ISO-8601), by member. */
  membersSeen(): Record<string, string> {
    return lastSeen(this.sql);
  }

  /**
   * Counts one enrolment of the enroll key today (UTC) and takes the name (`nameKey`) for the new
   * key `keyId`, in one transaction: not allowed over the daily cap, taken when an enrolment has the name.
   */
  enrol(enrollKeyId: string, nameKey: string, keyId: string, nowMs: number): EnrolOutcome {
    const day = new Date(nowMs).toISOString().slice(0, 10);
    return this.ctx.storage.transactionSync(() => {
      if (enrolledNameTaken(this.sql, nameKey)) return { taken: true as const };
      const { allowed } = countEnrolment(this.sql, enrollKeyId, day, ENROLMENTS_PER_DAY);
      if (allowed) claimEnrolledName(this.sql, nameKey, keyId);
      return { allowed, limit: ENROLMENTS_PER_DAY };
    });
  }

  /** One triage change in a transaction, pushed to the members it concerns; answers the caller's view. */
  private triage(member: string, id: string, nowMs: number, concerned: Concerned, change: () => boolean | 'not_found' | 'read') {
    this.seen(member, nowMs);
    const outcome = this.ctx.storage.transactionSync(change);
    if (outcome !== true) return { error: outcome === false ? ('not_found' as const) : outcome };
    this.publish([], nowMs, concerned, [id]);
    return notificationFor(this.sql, id, member, nowMs)!;
  }
}
