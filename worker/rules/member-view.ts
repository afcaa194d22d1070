/**
 * How one member sees one notification. Resolved counts as read for every member; a member's own
 * read mark (or a read from before members existed) makes it read; an active snooze hides it.
 */
export type MemberView = 'resolved' | 'read' | 'snoozed' | 'unread';

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

/**
 * The member totals a view is counted in. A member's unread count is
 *   open − read before members existed − read by the member − snoozed by the member,
 * each kept as a running total, so that counting never scans the feed.
 */
export type MemberScope = 'read' | 'snoozed';

/** The member's own totals that the view adds to (the legacy read is the tenant's, not the member's). */
export function memberScope(view: MemberView, readBeforeMembers: boolean): MemberScope | null {
  if (view === 'snoozed') return 'snoozed';
  if (view === 'read' && !readBeforeMembers) return 'read';
  return null;
}

export const isUnread = (view: MemberView): boolean => view === 'unread';
