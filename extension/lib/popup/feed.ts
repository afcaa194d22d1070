import { NOTIFICATION_TYPES, type NotificationType } from '../../../shared/notification-types';
import type { MarkRead, Notification } from '../../../shared/notifications';
import type { TypePrefs } from '../state/storage';

export interface FeedGroup {
  type: NotificationType;
  items: Notification[];
  unread: number;
}

const newestFirst = (a: Notification, b: Notification) =>
  Date.parse(b.lastAt) - Date.parse(a.lastAt) || b.id.localeCompare(a.id);

/**
 * Groups the feed by type, newest first inside a group; groups are ordered by their newest item,
 * so what just happened is on top. Types the user hides are left out.
 */
export function groupFeed(items: readonly Notification[], prefs: TypePrefs): FeedGroup[] {
  const groups = new Map<NotificationType, Notification[]>();
  for (const item of items) {
    if (!prefs[item.type].show) continue;
    groups.set(item.type, [...(groups.get(item.type) ?? []), item]);
  }
  return [...groups.entries()]
    .map(([type, list]) => {
      const sorted = [...list].sort(newestFirst);
      return { type, items: sorted, unread: sorted.filter((n) => n.readAt === null).length };
    })
    .sort(
      (a, b) =>
        newestFirst(a.items[0]!, b.items[0]!) ||
        NOTIFICATION_TYPES.indexOf(a.type) - NOTIFICATION_TYPES.indexOf(b.type),
    );
}

/** Merges a page into what is shown: a later copy of the same id wins. */
export function mergeFeed(
  current: readonly Notification[],
  incoming: readonly Notification[],
): Notification[] {
  const byId = new Map(current.map((n) => [n.id, n]));
  for (const n of incoming) byId.set(n.id, n);
  return [...byId.values()];
}

export function markLocallyRead(
  items: readonly Notification[],
  ids: readonly string[] | 'all',
  nowIso: string,
): Notification[] {
  return items.map((n) =>
    n.readAt === null && (ids === 'all' || ids.includes(n.id)) ? { ...n, readAt: nowIso } : n,
  );
}

/** The most ids one mark-read request may carry (the shared MarkRead schema). */
export const MARK_READ_BATCH = 500;

/**
 * What "mark all as read" sends: everything while the user hides no type; otherwise only the
 * unread notifications the popup shows, so the hidden types stay unread.
 */
export function markAllSelections(items: readonly Notification[], prefs: TypePrefs): MarkRead[] {
  if (NOTIFICATION_TYPES.every((type) => prefs[type].show)) return [{ all: true }];
  const ids = items.filter((n) => n.readAt === null && prefs[n.type].show).map((n) => n.id);
  const batches: MarkRead[] = [];
  for (let i = 0; i < ids.length; i += MARK_READ_BATCH)
    batches.push({ ids: ids.slice(i, i + MARK_READ_BATCH) });
  return batches;
}

/**
 * Where keyboard focus goes once `markedId` is marked read (its button goes away): the next unread
 * notification shown, else the previous one, else null (the feed itself).
 */
export function unreadToFocusAfter(groups: readonly FeedGroup[], markedId: string): string | null {
  const shown = groups.flatMap((group) => group.items);
  const at = shown.findIndex((n) => n.id === markedId);
  const unread = (n: Notification) => n.readAt === null && n.id !== markedId;
  return (
    shown.slice(at + 1).find(unread)?.id ?? shown.slice(0, Math.max(0, at)).reverse().find(unread)?.id ?? null
  );
}

/** "Acknowledged by me": the open ones the member said they are on. */
export function acknowledgedBy(items: readonly Notification[], member: string | null): Notification[] {
  return member === null ? [] : items.filter((n) => n.ack?.member === member && !n.resolved);
}

/** The feed with one notification replaced by its newer copy (after a triage change); unknown ids change nothing. */
export function replaceNotification(items: readonly Notification[], next: Notification): Notification[] {
  return items.map((n) => (n.id === next.id ? next : n));
}
