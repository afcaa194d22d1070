import type { NotificationType, Severity } from '../../shared/notification-types';
import { Notification, type FeedQuery, type MarkRead, type NotificationPage } from '../../shared/notifications';
import { decodeCursor, encodeCursor, type ListCursor } from '../http/cursor';
import { mergeData, type Occurrence } from '../rules/occurrence';
import { adjustUnread, clearUnread } from './counters';

interface NotificationRow {
  id: string;
  group_key: string;
  type: NotificationType;
  severity: Severity;
  data: string;
  count: number;
  first_at: number;
  last_at: number;
  read_at: number | null;
  [key: string]: SqlStorageValue;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A stored row read back is checked against the shared schema, like any input. */
export function toNotification(row: NotificationRow): Notification {
  return Notification.parse({
    id: row.id,
    type: row.type,
    severity: row.severity,
    data: JSON.parse(row.data),
    count: row.count,
    firstAt: iso(row.first_at),
    lastAt: iso(row.last_at),
    readAt: row.read_at === null ? null : iso(row.read_at),
  });
}

export interface Recorded {
  notification: Notification;
  /** Created, or a read one that came back unread: the stream shows it. */
  surfaced: boolean;
}

/** Creates the occurrence's notification, or repeats the one with its group key. */
export function recordOccurrence(sql: SqlStorage, occurrence: Occurrence, atMs: number): Recorded {
  const existing = sql
    .exec<NotificationRow>('SELECT * FROM notifications WHERE group_key = ?', occurrence.groupKey)
    .toArray()[0];
  if (existing === undefined) return { notification: insert(sql, occurrence, atMs), surfaced: true };
  return { notification: repeat(sql, existing, occurrence, atMs), surfaced: existing.read_at !== null };
}

function insert(sql: SqlStorage, o: Occurrence, atMs: number): Notification {
  const row = sql
    .exec<NotificationRow>(
      `INSERT INTO notifications (id, group_key, type, severity, data, count, first_at, last_at, read_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, NULL) RETURNING *`,
      crypto.randomUUID(),
      o.groupKey,
      o.type,
      o.severity,
      JSON.stringify(o.data),
      atMs,
      atMs,
    )
    .one();
  adjustUnread(sql, o.type, o.severity, 1);
  return toNotification(row);
}

function repeat(sql: SqlStorage, row: NotificationRow, o: Occurrence, atMs: number): Notification {
  const data = mergeData(o.type, JSON.parse(row.data), o.data);
  // Out-of-order events never move lastAt backwards, nor firstAt forwards.
  const updated = sql
    .exec<NotificationRow>(
      `UPDATE notifications SET severity = ?, data = ?, count = count + 1,
         first_at = MIN(first_at, ?), last_at = MAX(last_at, ?), read_at = NULL
       WHERE id = ? RETURNING *`,
      o.severity,
      JSON.stringify(data),
      atMs,
      atMs,
      row.id,
    )
    .one();
  if (row.read_at === null) adjustUnread(sql, row.type, row.severity, -1);
  adjustUnread(sql, o.type, o.severity, 1);
  return toNotification(updated);
}

/** A statement and its bound values. */
export interface Statement {
  text: string;
  bindings: SqlStorageValue[];
}

/**
 * One page of the feed, newest lastAt first, one row more than the page to tell whether another follows.
 * Keyset pagination on (last_at, id): every status and type filter has an index in that order.
 */
export function feedQuery(q: FeedQuery, after: ListCursor | null): Statement {
  const where: string[] = [];
  const bindings: SqlStorageValue[] = [];
  if (q.status === 'unread') where.push('read_at IS NULL');
  if (q.type !== undefined) {
    where.push('type = ?');
    bindings.push(q.type);
  }
  if (after !== null) {
    where.push('(last_at < ? OR (last_at = ? AND id < ?))');
    bindings.push(after.lastAtMs, after.lastAtMs, after.id);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return { text: `SELECT * FROM notifications ${clause} ORDER BY last_at DESC, id DESC LIMIT ?`, bindings: [...bindings, q.limit + 1] };
}

export function listNotifications(sql: SqlStorage, q: FeedQuery): NotificationPage | { error: 'invalid_cursor' } {
  const after = q.cursor === undefined ? null : decodeCursor(q.cursor);
  if (q.cursor !== undefined && after === null) return { error: 'invalid_cursor' };
  const { text, bindings } = feedQuery(q, after);
  const rows = sql.exec<NotificationRow>(text, ...bindings).toArray();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > q.limit && last ? encodeCursor({ lastAtMs: last.last_at, id: last.id }) : null;
  return { items: page.map(toNotification), nextCursor };
}

/** Marks unread notifications read; unknown or already read ids are ignored. */
export function markNotificationsRead(sql: SqlStorage, selection: MarkRead, nowMs: number): number {
  return 'all' in selection ? markAllRead(sql, nowMs) : markIdsRead(sql, selection.ids, nowMs);
}

/** One statement, whatever the feed's size: no row comes back, and every unread total is then zero. */
function markAllRead(sql: SqlStorage, nowMs: number): number {
  sql.exec('UPDATE notifications SET read_at = ? WHERE read_at IS NULL', nowMs);
  // changes() counts the notifications updated, never index writes.
  const updated = sql.exec<{ n: number }>('SELECT changes() AS n').one().n;
  clearUnread(sql);
  return updated;
}

function markIdsRead(sql: SqlStorage, ids: string[], nowMs: number): number {
  // One statement per id: a Durable Object query binds at most 100 values.
  const changed = [...new Set(ids)].flatMap((id) =>
    sql
      .exec<{ type: NotificationType; severity: Severity }>(
        'UPDATE notifications SET read_at = ? WHERE read_at IS NULL AND id = ? RETURNING type, severity',
        nowMs,
        id,
      )
      .toArray(),
  );
  // One counter update per (type, severity) rather than per notification.
  const groups = new Map<string, { type: NotificationType; severity: Severity; n: number }>();
  for (const row of changed) {
    const k = `${row.type}|${row.severity}`;
    const group = groups.get(k) ?? { type: row.type, severity: row.severity, n: 0 };
    group.n += 1;
    groups.set(k, group);
  }
  for (const g of groups.values()) adjustUnread(sql, g.type, g.severity, -g.n);
  return changed.length;
}
