import type { Counts, QuotaState } from '../shared/notifications';
import { readUnreadCounts } from './store/counters';
import { touchMember } from './store/members';
import { notificationFor, type Recorded } from './store/notifications';
import { endSnoozes, type Concerned } from './store/read-state';
import { pushToMembers, socketsByMember } from './sockets/members';

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
    private readonly quotaState: (nowMs: number) => QuotaState,
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
  counts(member: string, nowMs: number): Counts {
    endSnoozes(this.sql, nowMs, member);
    return { ...readUnreadCounts(this.sql, member), quota: this.quotaState(nowMs) };
  }

  /**
   * Pushes to the sockets of the members concerned: surfaced notifications (the same for all), each
   * member's own view of the `updated` ones, then each member's counts.
   */
  publish(recorded: Recorded[], nowMs: number, concerned: Concerned = 'all', updated: string[] = []): void {
    const sockets = socketsByMember(this.ctx, concerned);
    if (sockets.size === 0) return;
    const surfaced = recorded.filter((r) => r.surfaced).map(({ notification }) => ({ kind: 'notification' as const, notification }));
    pushToMembers(sockets, {
      shared: surfaced,
      own: (member) => [
        ...updated.flatMap((id) => {
          const notification = notificationFor(this.sql, id, member, nowMs);
          return notification === null ? [] : [{ kind: 'update' as const, notification }];
        }),
        { kind: 'counts' as const, counts: this.counts(member, nowMs) },
      ],
    });
  }
}
