import type { QuotaState } from '../../shared/notifications';
import { streamed } from '../sockets/broadcast';
import { ChangeWaiters } from '../sockets/change-waiters';
import { pushToMembers } from '../sockets/members';
import type { SocketsOwner } from '../sockets/socket-owner';
import { notificationFor, type Recorded } from '../store/notifications';
import type { Concerned } from '../store/read-state';
import { memberCounts } from './counts';

/**
 * What the tenant's changes reach: the sockets of the members concerned, and the counts requests
 * waiting for a change (Prefer: wait, the fallback where WebSockets are blocked).
 */
export class Changes {
  /** Changes of the current commit batch not pushed yet; null when the batch changed nothing. */
  private unpublished: Recorded[] | null = null;
  private readonly waiters = new ChangeWaiters();

  constructor(
    private readonly sql: SqlStorage,
    private readonly sockets: SocketsOwner,
    private readonly quota: { quotaState(nowMs: number): QuotaState },
  ) {}

  /**
   * Pushes to the sockets of the members concerned: surfaced notifications (the same for all), each
   * member's own view of the `updated` ones, then each member's counts.
   */
  publish(recorded: Recorded[], nowMs: number, concerned: Concerned = 'all', updated: string[] = []): void {
    this.waiters.wakeAll();
    const sockets = this.sockets.byMember(concerned);
    if (sockets.size === 0) return;
    const surfaced = streamed(recorded.filter((r) => r.surfaced).map((r) => r.notification)).map(
      (notification) => ({ kind: 'notification' as const, notification }),
    );
    // The tenant's quota is the same for every member: read once, not once per member.
    const quota = this.quota.quotaState(nowMs);
    pushToMembers(sockets, {
      shared: surfaced,
      own: (member) => [
        ...updated.flatMap((id) => {
          const notification = notificationFor(this.sql, id, member, nowMs);
          return notification === null ? [] : [{ kind: 'update' as const, notification }];
        }),
        { kind: 'counts' as const, counts: memberCounts(this.sql, member, nowMs, quota) },
      ],
    });
  }

  /** Collects what a job of the commit group changed; the group publishes once per batch. */
  collect(recorded: Recorded[]): void {
    this.unpublished ??= [];
    this.unpublished.push(...recorded);
  }

  /** After a commit batch: one push for what its jobs collected, if anything changed. */
  publishBatch(): void {
    const recorded = this.unpublished;
    this.unpublished = null;
    if (recorded !== null) this.publish(recorded, Date.now());
  }

  /** Resolves at the next change, or after `timeoutMs`. */
  next(timeoutMs: number): Promise<void> {
    return this.waiters.next(timeoutMs);
  }
}
