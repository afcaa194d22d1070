import type { NotificationType, Severity } from '../../shared/notification-types';
import type { MarkRead } from '../../shared/notifications';
import { type MemberView, memberView } from '../domain/member-view';
import { adjustMemberTotal, adjustTotal, memberReadAll } from './counters';

/**
 * Read state per member. A notification is read for a member when it is resolved, when the
 * member marked it (read_marks), or when the tenant read it before members existed (read_at);
 * a snooze hides an unread one from that member until it ends. Every change keeps the totals of
 * store/counters.ts right, so that counts stay O(1) whatever the feed's size and the team's.
 * Snooze rows exist only for open notifications unread by their member.
 */
export interface StateRow {
  id: string;
  type: NotificationType;
  severity: Severity;
  read_at: number | null;
  resolved_at: number | null;
}

/** Members concerned by a change: everyone, or the listed ones. */
export type Concerned = 'all' | Set<string>;

function stateRow(sql: SqlStorage, id: string): StateRow | undefined {
  return sql
    .exec<StateRow & Record<string, SqlStorageValue>>(
      'SELECT id, type, severity, read_at, resolved_at FROM notifications WHERE id = ?',
      id,
    )
    .toArray()[0];
}

export function viewOf(sql: SqlStorage, member: string, row: StateRow, nowMs: number): MemberView {
  const marked =
    sql.exec('SELECT 1 FROM read_marks WHERE member = ? AND notification_id = ?', member, row.id).toArray()
      .length > 0;
  const snooze = sql
    .exec<{ until: number }>(
      'SELECT until FROM snoozes WHERE member = ? AND notification_id = ?',
      member,
      row.id,
    )
    .toArray()[0];
  return memberView({
    resolved: row.resolved_at !== null,
    read: marked || row.read_at !== null,
    snoozedUntilMs: snooze?.until ?? null,
    nowMs,
  });
}

/** A new notification: open, and unread for every member. */
export function countCreated(sql: SqlStorage, type: NotificationType, severity: Severity): void {
  adjustTotal(sql, 'open', type, severity, 1);
}

/**
 * A repeat of the group: unread again for every member (marks and snoozes go, and the read from
 * before members), open again if it was resolved; counted under its new type and severity.
 */
export function reopenForAll(
  sql: SqlStorage,
  before: StateRow,
  type: NotificationType,
  severity: Severity,
): { wasOutOfUnread: boolean } {
  const open = before.resolved_at === null;
  const marks = sql
    .exec<{ member: string }>('DELETE FROM read_marks WHERE notification_id = ? RETURNING member', before.id)
    .toArray();
  for (const { member } of marks) {
    if (open && before.read_at === null)
      adjustMemberTotal(sql, member, 'read', before.type, before.severity, -1);
  }
  const snoozes = sql
    .exec<{ member: string }>('DELETE FROM snoozes WHERE notification_id = ? RETURNING member', before.id)
    .toArray();
  for (const { member } of snoozes) {
    adjustMemberTotal(sql, member, 'snoozed', before.type, before.severity, -1);
  }
  if (open && before.read_at !== null) adjustTotal(sql, 'legacy_read', before.type, before.severity, -1);
  // An open one repeated under the same type and severity stays where it is counted: no write.
  if (!(open && before.type === type && before.severity === severity)) {
    if (open) adjustTotal(sql, 'open', before.type, before.severity, -1);
    adjustTotal(sql, 'open', type, severity, 1);
  }
  return { wasOutOfUnread: !open || before.read_at !== null || marks.length > 0 || snoozes.length > 0 };
}

/** Resolved counts as read for every member: out of the open totals, and out of each member's. */
export function resolveForAll(sql: SqlStorage, row: StateRow): void {
  if (row.resolved_at !== null) return;
  for (const { member } of sql
    .exec<{ member: string }>('SELECT member FROM read_marks WHERE notification_id = ?', row.id)
    .toArray()) {
    if (row.read_at === null) adjustMemberTotal(sql, member, 'read', row.type, row.severity, -1);
  }
  for (const { member } of sql
    .exec<{ member: string }>('DELETE FROM snoozes WHERE notification_id = ? RETURNING member', row.id)
    .toArray()) {
    adjustMemberTotal(sql, member, 'snoozed', row.type, row.severity, -1);
  }
  if (row.read_at !== null) adjustTotal(sql, 'legacy_read', row.type, row.severity, -1);
  adjustTotal(sql, 'open', row.type, row.severity, -1);
}

/** Marks for one member; answers how many notifications became read for them. */
export function markReadFor(sql: SqlStorage, member: string, selection: MarkRead, nowMs: number): number {
  if ('all' in selection) return markAllReadFor(sql, member, nowMs);
  let updated = 0;
  for (const id of new Set(selection.ids)) {
    const row = stateRow(sql, id);
    if (row === undefined) continue;
    const view = viewOf(sql, member, row, nowMs);
    if (view === 'resolved' || view === 'read') continue;
    sql.exec('INSERT INTO read_marks (member, notification_id, read_at) VALUES (?, ?, ?)', member, id, nowMs);
    removeSnooze(sql, member, row);
    adjustMemberTotal(sql, member, 'read', row.type, row.severity, 1);
    updated += 1;
  }
  return updated;
}

/** One statement for the marks, whatever the feed's size; the member's totals are then derived from the tenant's. */
function markAllReadFor(sql: SqlStorage, member: string, nowMs: number): number {
  sql.exec(
    `INSERT INTO read_marks (member, notification_id, read_at)
     SELECT ?, n.id, ? FROM notifications n
     WHERE n.resolved_at IS NULL AND n.read_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM read_marks r WHERE r.member = ? AND r.notification_id = n.id)`,
    member,
    nowMs,
    member,
  );
  const updated = sql.exec<{ n: number }>('SELECT changes() AS n').one().n;
  sql.exec('DELETE FROM snoozes WHERE member = ?', member);
  memberReadAll(sql, member);
  return updated;
}

function removeSnooze(sql: SqlStorage, member: string, row: StateRow): void {
  const removed = sql
    .exec('DELETE FROM snoozes WHERE member = ? AND notification_id = ? RETURNING until', member, row.id)
    .toArray();
  if (removed.length > 0) adjustMemberTotal(sql, member, 'snoozed', row.type, row.severity, -1);
}

/** Hides an unread notification from one member until `untilMs`; false when it is read or resolved for them. */
export function snoozeFor(
  sql: SqlStorage,
  member: string,
  row: StateRow,
  untilMs: number,
  nowMs: number,
): boolean {
  const view = viewOf(sql, member, row, nowMs);
  if (view === 'resolved' || view === 'read') return false;
  const existing =
    sql.exec('SELECT 1 FROM snoozes WHERE member = ? AND notification_id = ?', member, row.id).toArray()
      .length > 0;
  sql.exec(
    `INSERT INTO snoozes (member, notification_id, until) VALUES (?, ?, ?)
     ON CONFLICT (member, notification_id) DO UPDATE SET until = excluded.until`,
    member,
    row.id,
    untilMs,
  );
  if (!existing) adjustMemberTotal(sql, member, 'snoozed', row.type, row.severity, 1);
  return true;
}

/** Snoozes that ended (of one member, or of all): unread again. Answers the members whose counts changed. */
export function endSnoozes(sql: SqlStorage, nowMs: number, member?: string): Set<string> {
  const onlyMember = member === undefined ? '' : 'AND s.member = ?';
  const bindings = member === undefined ? [nowMs] : [nowMs, member];
  const ended = sql
    .exec<{ member: string; notification_id: string; type: NotificationType; severity: Severity }>(
      `SELECT s.member, s.notification_id, n.type, n.severity
       FROM snoozes s JOIN notifications n ON n.id = s.notification_id
       WHERE s.until <= ? ${onlyMember}`,
      ...bindings,
    )
    .toArray();
  for (const s of ended) {
    sql.exec('DELETE FROM snoozes WHERE member = ? AND notification_id = ?', s.member, s.notification_id);
    adjustMemberTotal(sql, s.member, 'snoozed', s.type, s.severity, -1);
  }
  return new Set(ended.map((s) => s.member));
}

/** When the next snooze ends, for the alarm; null when none is running. */
export function nextSnoozeEnd(sql: SqlStorage): number | null {
  return sql.exec<{ until: number | null }>('SELECT MIN(until) AS until FROM snoozes').one().until;
}

export { stateRow };

/**
 * Deletes the notifications `where` selects (a condition on the notifications table), taking each
 * out of every total it is in: the tenant's and each member's. The caller makes it one transaction.
 */
export function forgetNotifications(sql: SqlStorage, where: string, ...bindings: SqlStorageValue[]): number {
  type Group = { type: NotificationType; severity: Severity; n: number };
  const grouped = (condition: string) =>
    sql
      .exec<Group>(
        `SELECT type, severity, COUNT(*) AS n FROM notifications
         WHERE ${condition} AND ${where} GROUP BY type, severity`,
        ...bindings,
      )
      .toArray();
  for (const g of grouped('resolved_at IS NULL')) adjustTotal(sql, 'open', g.type, g.severity, -g.n);
  for (const g of grouped('resolved_at IS NULL AND read_at IS NOT NULL'))
    adjustTotal(sql, 'legacy_read', g.type, g.severity, -g.n);
  const ids = `SELECT id FROM notifications WHERE resolved_at IS NULL AND ${where}`;
  for (const [table, scope, extra] of [
    ['read_marks', 'read', 'AND n.read_at IS NULL'],
    ['snoozes', 'snoozed', ''],
  ] as const) {
    const rows = sql
      .exec<Group & { member: string }>(
        `SELECT t.member, n.type, n.severity, COUNT(*) AS n
         FROM ${table} t JOIN notifications n ON n.id = t.notification_id
         WHERE t.notification_id IN (${ids}) ${extra} GROUP BY t.member, n.type, n.severity`,
        ...bindings,
      )
      .toArray();
    for (const r of rows) adjustMemberTotal(sql, r.member, scope, r.type, r.severity, -r.n);
  }
  // `where` may look at the marks, so the notifications go first and their marks and snoozes after.
  sql.exec(`DELETE FROM notifications WHERE ${where}`, ...bindings);
  const removed = sql.exec<{ n: number }>('SELECT changes() AS n').one().n;
  if (removed > 0) {
    sql.exec(
      'DELETE FROM read_marks WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.id = read_marks.notification_id)',
    );
    sql.exec(
      'DELETE FROM snoozes WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.id = snoozes.notification_id)',
    );
  }
  return removed;
}
