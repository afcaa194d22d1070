import type { Counts, FeedQuery, MarkRead, NotificationPage } from '../../shared/notifications';
import { countsTag, tagMatches } from '../http/etag';
import { MAX_COUNTS_WAIT_MS } from '../http/prefer';
import { type StreamCapReached, WaitCounter } from '../sockets/stream-caps';
import { listNotifications } from '../store/notifications';
import { markReadFor } from '../store/read-state';
import type { TenantContext } from './context';
import type { TenantTeam } from './team';

/** A member's view of the feed: the list, read marks and counts, also as a long poll. */
export class MemberFeed {
  private readonly waits = new WaitCounter();

  constructor(
    private readonly ctx: TenantContext,
    private readonly team: TenantTeam,
  ) {}

  /** The feed as `member` sees it (their read marks and snoozes). */
  list(member: string, query: FeedQuery, nowMs: number): NotificationPage | { error: 'invalid_cursor' } {
    this.team.seen(member, nowMs);
    return listNotifications(this.ctx.sql, query, member, nowMs);
  }

  /** Marks read for `member` only; pushed to that member's sockets. */
  markRead(member: string, selection: MarkRead, nowMs: number): { updated: number } {
    this.team.seen(member, nowMs);
    const updated = this.ctx.transaction(() => markReadFor(this.ctx.sql, member, selection, nowMs));
    if (updated > 0) this.ctx.changes.publish([], nowMs, new Set([member]));
    return { updated };
  }

  /** The member's unread counts and today's quota. */
  counts(member: string, nowMs: number): Counts {
    this.team.seen(member, nowMs);
    return this.team.counts(member, nowMs);
  }

  /** countsAfterChange for a key, which may have only a few requests waiting at once. */
  countsAfterChangeFor(
    keyId: string,
    member: string,
    knownTag: string,
    waitMs: number,
  ): Promise<Counts | StreamCapReached> {
    return this.waits.run(keyId, () => this.countsAfterChange(member, knownTag, waitMs));
  }

  /**
   * The counts once their tag (countsTag) no longer matches `knownTag` (weakly: W/ aside), or the
   * unchanged counts after `waitMs` (at most MAX_COUNTS_WAIT_MS): a long poll for clients whose
   * network blocks WebSockets.
   */
  async countsAfterChange(member: string, knownTag: string, waitMs: number): Promise<Counts> {
    this.team.seen(member, Date.now());
    const deadline = Date.now() + Math.min(waitMs, MAX_COUNTS_WAIT_MS);
    for (;;) {
      const counts = this.team.counts(member, Date.now());
      const remainingMs = deadline - Date.now();
      if (!tagMatches([knownTag], countsTag(counts)) || remainingMs <= 0) return counts;
      await this.ctx.changes.next(remainingMs);
    }
  }
}
