import type { Settings } from '../../shared/settings';
import { forgetNotifications } from './read-state';

type Retention = Settings['retention'];
const DAY_MS = 86_400_000;

export function notificationCount(sql: SqlStorage): number {
  return sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM notifications').one().n;
}

/** The lastAt of the notification that expires first, or null when there is none. */
export function oldestLastAtMs(sql: SqlStorage): number | null {
  return sql.exec<{ at: number | null }>('SELECT MIN(last_at) AS at FROM notifications').one().at;
}

/** When the notification last seen at `lastAtMs` leaves the store by age. */
export const expiresAtMs = (retention: Retention, lastAtMs: number) => lastAtMs + retention.days * DAY_MS;

/** Deletes the rows `where` selects, taking them out of every total (see forgetNotifications). */
const deleteWhere = (sql: SqlStorage, where: string, ...bindings: SqlStorageValue[]) =>
  forgetNotifications(sql, where, ...bindings);

/**
 * Brings the store within the tenant's retention: notifications last seen more than `days` ago go,
 * then, beyond `maxNotifications`, read ones (resolved, or read by any member or before members
 * existed) before the others, oldest lastAt first. Answers how many
 * went. The caller makes it one transaction.
 */
export function pruneNotifications(sql: SqlStorage, retention: Retention, nowMs: number): number {
  let removed = deleteWhere(sql, 'last_at < ?', nowMs - retention.days * DAY_MS);
  let overflow = notificationCount(sql) - retention.maxNotifications;
  if (overflow <= 0) return removed;
  const readFirst = deleteWhere(
    sql,
    `id IN (SELECT id FROM notifications WHERE resolved_at IS NOT NULL OR read_at IS NOT NULL
       OR id IN (SELECT notification_id FROM read_marks) ORDER BY last_at, id LIMIT ?)`,
    overflow,
  );
  removed += readFirst;
  overflow -= readFirst;
  if (overflow > 0)
    removed += deleteWhere(
      sql,
      'id IN (SELECT id FROM notifications ORDER BY last_at, id LIMIT ?)',
      overflow,
    );
  return removed;
}
