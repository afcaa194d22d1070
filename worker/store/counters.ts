import { NOTIFICATION_TYPES, SEVERITIES, type NotificationType, type Severity } from '../../shared/notification-types';
import type { UnreadCounts } from '../../shared/notifications';

const UNREAD = 'unread';
const byType = (t: NotificationType) => `type:${t}`;
const bySeverity = (s: Severity) => `severity:${s}`;

/** Moves one notification into (+1) or out of (-1) the unread totals. */
export function adjustUnread(sql: SqlStorage, type: NotificationType, severity: Severity, delta: number): void {
  for (const name of [UNREAD, byType(type), bySeverity(severity)]) {
    sql.exec(
      `INSERT INTO counters (name, value) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET value = value + excluded.value`,
      name,
      delta,
    );
  }
}

/** Every unread total becomes zero (all notifications were marked read); the counters hold nothing else. */
export function clearUnread(sql: SqlStorage): void {
  sql.exec('UPDATE counters SET value = 0');
}

/** Reads the handful of counter rows: cost does not depend on the feed's size. */
export function readUnreadCounts(sql: SqlStorage): UnreadCounts {
  const values = new Map<string, number>();
  for (const row of sql.exec<{ name: string; value: number }>('SELECT name, value FROM counters')) {
    values.set(row.name, row.value);
  }
  return tally((name) => values.get(name) ?? 0);
}

/** Counts by scanning the feed; only for checking the counters, never for answering. */
export function recountUnread(sql: SqlStorage): UnreadCounts {
  const values = new Map<string, number>();
  const rows = sql.exec<{ type: NotificationType; severity: Severity }>('SELECT type, severity FROM notifications WHERE read_at IS NULL');
  for (const row of rows) {
    for (const name of [UNREAD, byType(row.type), bySeverity(row.severity)]) values.set(name, (values.get(name) ?? 0) + 1);
  }
  return tally((name) => values.get(name) ?? 0);
}

function tally(get: (name: string) => number): UnreadCounts {
  return {
    unread: get(UNREAD),
    byType: Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, get(byType(t))])) as UnreadCounts['byType'],
    bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, get(bySeverity(s))])) as UnreadCounts['bySeverity'],
  };
}
