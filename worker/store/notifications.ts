import type { NotificationType, Severity } from '../../shared/notification-types';
import { type FeedQuery, Notification, type NotificationPage } from '../../shared/notifications';
import { decodeCursor, encodeCursor, type ListCursor } from '../domain/cursor';
import { mergeData } from '../domain/merge';
import type { Occurrence } from '../domain/occurrence';
import { countCreated, reopenForAll } from './read-state';

export interface NotificationRow {
  id: string;
  group_key: string;
  type: NotificationType;
  severity: Severity;
  data: string;
  count: number;
  first_at: number;
  last_at: number;
  /** Read by the tenant before members existed (v1); counts as read for every member. */
  read_at: number | null;
  ack_member: string | null;
  ack_at: number | null;
  resolved_member: string | null;
  resolved_at: number | null;
  /** The channel kind whose acknowledge link set ack or resolved; null when set in the extension. */
  ack_via: string | null;
  resolved_via: string | null;
  [key: string]: SqlStorageValue;
}

/** A row with the reading member's own state joined in. */
export interface MemberRow extends NotificationRow {
  member_read_at: number | null;
  snoozed_until: number | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const triage = (member: string | null, atMs: number | null, via: string | null | undefined) => {
  if (member === null || atMs === null) return null;
  return via == null ? { member, at: iso(atMs) } : { member, at: iso(atMs), via };
};

/**
 * The notification as one member sees it; without a member's row, as it is for everyone (unread
 * after a change). A stored row read back is checked against the shared schema, like any input.
 */
export function toNotification(row: NotificationRow | MemberRow): Notification {
  const own = 'member_read_at' in row ? (row as MemberRow) : null;
  const readAtMs = own?.member_read_at ?? row.read_at ?? row.resolved_at;
  return Notification.parse({
    id: row.id,
    type: row.type,
    severity: row.severity,
    data: JSON.parse(row.data),
    count: row.count,
    firstAt: iso(row.first_at),
    lastAt: iso(row.last_at),
    readAt: readAtMs === null ? null : iso(readAtMs),
    ack: triage(row.ack_member, row.ack_at, row.ack_via),
    resolved: triage(row.resolved_member, row.resolved_at, row.resolved_via),
    snoozedUntil: own?.snoozed_until == null ? null : iso(own.snoozed_until),
  });
}

export interface Recorded {
  notification: Notification;
  /** Created, or one that some member had out of their unread and is unread for all again: the stream shows it. */
  surfaced: boolean;
}

/** Creates the occurrence's notification, or repeats the one with its group key. */
export function recordOccurrence(sql: SqlStorage, occurrence: Occurrence, atMs: number): Recorded {
  const existing = sql
    .exec<NotificationRow>('SELECT * FROM notifications WHERE group_key = ?', occurrence.groupKey)
    .toArray()[0];
  if (existing === undefined) return { notification: insert(sql, occurrence, atMs), surfaced: true };
  return repeat(sql, existing, occurrence, atMs);
}

function insert(sql: SqlStorage, o: Occurrence, atMs: number): Notification {
  const id = crypto.randomUUID();
  const data = JSON.stringify(o.data);
  sql.exec(
    `INSERT INTO notifications (id, group_key, type, severity, data, count, first_at, last_at, read_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, NULL)`,
    id,
    o.groupKey,
    o.type,
    o.severity,
    data,
    atMs,
    atMs,
  );
  countCreated(sql, o.type, o.severity);
  // Built from what was just written, not read back: a flood creates thousands per second, and the
  // occurrence already has the shared schema's shape (its data as stored, through JSON).
  const at = iso(atMs);
  return {
    id,
    type: o.type,
    severity: o.severity,
    data: JSON.parse(data),
    count: 1,
    firstAt: at,
    lastAt: at,
    readAt: null,
    ack: null,
    resolved: null,
    snoozedUntil: null,
  };
}

/** A repeat is unread for every member again, and clears the shared acknowledge and resolve. */
function repeat(sql: SqlStorage, row: NotificationRow, o: Occurrence, atMs: number): Recorded {
  const data = mergeData(o.type, JSON.parse(row.data), o.data);
  const { wasOutOfUnread } = reopenForAll(sql, row, o.type, o.severity);
  // Out-of-order events never move lastAt backwards, nor firstAt forwards.
  const updated = sql
    .exec<NotificationRow>(
      `UPDATE notifications SET severity = ?, data = ?, count = count + 1,
         first_at = MIN(first_at, ?), last_at = MAX(last_at, ?), read_at = NULL,
         ack_member = NULL, ack_at = NULL, resolved_member = NULL, resolved_at = NULL,
         ack_via = NULL, resolved_via = NULL
       WHERE id = ? RETURNING *`,
      o.severity,
      JSON.stringify(data),
      atMs,
      atMs,
      row.id,
    )
    .one();
  return { notification: toNotification(updated), surfaced: wasOutOfUnread };
}

/** A statement and its bound values. */
export interface Statement {
  text: string;
  bindings: SqlStorageValue[];
}

/** The member's own read mark and running snooze, joined to each row. */
const MEMBER_JOIN = `
  LEFT JOIN read_marks r ON r.member = ? AND r.notification_id = n.id
  LEFT JOIN snoozes s ON s.member = ? AND s.notification_id = n.id AND s.until > ?`;

/**
 * One page of the feed as one member sees it, newest lastAt first, one row more than the page to
 * tell whether another follows. Keyset pagination on (last_at, id); a member's unread ones are
 * found among the open ones (a partial index) by their absent mark and snooze.
 */
export function feedQuery(q: FeedQuery, after: ListCursor | null, member: string, nowMs: number): Statement {
  const where: string[] = [];
  const bindings: SqlStorageValue[] = [member, member, nowMs];
  if (q.status === 'unread') {
    where.push(
      'n.resolved_at IS NULL AND n.read_at IS NULL AND r.notification_id IS NULL AND s.notification_id IS NULL',
    );
  }
  if (q.type !== undefined) {
    where.push('n.type = ?');
    bindings.push(q.type);
  }
  if (after !== null) {
    where.push('(n.last_at < ? OR (n.last_at = ? AND n.id < ?))');
    bindings.push(after.lastAtMs, after.lastAtMs, after.id);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return {
    text: `SELECT n.*, r.read_at AS member_read_at, s.until AS snoozed_until FROM notifications n ${MEMBER_JOIN}
           ${clause} ORDER BY n.last_at DESC, n.id DESC LIMIT ?`,
    bindings: [...bindings, q.limit + 1],
  };
}

export function listNotifications(
  sql: SqlStorage,
  q: FeedQuery,
  member: string,
  nowMs: number,
): NotificationPage | { error: 'invalid_cursor' } {
  const after = q.cursor === undefined ? null : decodeCursor(q.cursor);
  if (q.cursor !== undefined && after === null) return { error: 'invalid_cursor' };
  const { text, bindings } = feedQuery(q, after, member, nowMs);
  const rows = sql.exec<MemberRow>(text, ...bindings).toArray();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > q.limit && last ? encodeCursor({ lastAtMs: last.last_at, id: last.id }) : null;
  return { items: page.map(toNotification), nextCursor };
}

/** One notification as one member sees it, or null when the tenant has no such id. */
export function notificationFor(
  sql: SqlStorage,
  id: string,
  member: string,
  nowMs: number,
): Notification | null {
  const row = sql
    .exec<MemberRow>(
      `SELECT n.*, r.read_at AS member_read_at, s.until AS snoozed_until
       FROM notifications n ${MEMBER_JOIN} WHERE n.id = ?`,
      member,
      member,
      nowMs,
      id,
    )
    .toArray()[0];
  return row === undefined ? null : toNotification(row);
}
