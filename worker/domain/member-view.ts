/**
 * How one member sees one notification. Resolved counts as read for every member; a member's own
 * read mark (or a read from before members existed) makes it read; an active snooze hides it.
 */
export type MemberView = 'resolved' | 'read' | 'snoozed' | 'unread';

/**
 * A member's unread count is kept as open − read before members existed − read by the member −
 * snoozed by the member, each a running total (store/counters.ts), so counting never scans the feed.
 */
export type MemberScope = 'read' | 'snoozed';

export interface MemberFacts {
  resolved: boolean;
  /** Read by this member, or by the tenant before members existed. */
  read: boolean;
  /** The member's snooze end (ms), if any. */
  snoozedUntilMs: number | null;
  nowMs: number;
}

export function memberView(f: MemberFacts): MemberView {
  if (f.resolved) return 'resolved';
  if (f.read) return 'read';
  if (f.snoozedUntilMs !== null && f.snoozedUntilMs > f.nowMs) return 'snoozed';
  return 'unread';
}
