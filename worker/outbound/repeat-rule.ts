/**
 * When a notification's change makes a message: always when it is created or comes back unread
 * after it was read or resolved; for a repeat of an open group, not within the hour after the
 * last message about it (the next message says how many repeats it folds).
 */
export const REPEAT_QUIET_MS = 3_600_000;

export type NotificationChange = 'created' | 'reopened' | 'repeat';

export function repeatSends(
  change: NotificationChange,
  lastMessageAtMs: number | null,
  nowMs: number,
): boolean {
  if (change !== 'repeat') return true;
  return lastMessageAtMs === null || nowMs - lastMessageAtMs >= REPEAT_QUIET_MS;
}
