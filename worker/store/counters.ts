import {
  NOTIFICATION_TYPES,
  type NotificationType,
  SEVERITIES,
  type Severity,
} from '../../shared/notification-types';
import type { UnreadCounts } from '../../shared/notifications';
import type { MemberScope } from '../domain/member-view';

const TOTAL = 'total';
const byType = (t: NotificationType) => `type:${t}`;
const bySeverity = (s: Severity) => `severity:${s}`;
const namesOf = (type: NotificationType, severity: Severity) => [TOTAL, byType(type), bySeverity(severity)];

/** The tenant's totals: `open` (not resolved) and `legacy_read` (open, read before members existed). */
export type TenantScope = 'open' | 'legacy_read';

/** Moves one notification into (+1) or out of (-1) a tenant total: one statement for the three totals. */
export function adjustTotal(
  sql: SqlStorage,
  scope: TenantScope,
  type: NotificationType,
  severity: Severity,
  delta: number,
): void {
  sql.exec(
    `INSERT INTO totals (scope, name, value) VALUES (?1, ?2, ?5), (?1, ?3, ?5), (?1, ?4, ?5)
     ON CONFLICT (scope, name) DO UPDATE SET value = value + excluded.value`,
    scope,
    ...namesOf(type, severity),
    delta,
  );
}

/** Moves one notification into (+1) or out of (-1) one member's read or snoozed total, in one statement. */
export function adjustMemberTotal(
  sql: SqlStorage,
  member: string,
  scope: MemberScope,
  type: NotificationType,
  severity: Severity,
  delta: number,
): void {
  sql.exec(
    `INSERT INTO member_totals (member, scope, name, value) VALUES (?1, ?2, ?3, ?6), (?1, ?2, ?4, ?6), (?1, ?2, ?5, ?6)
     ON CONFLICT (member, scope, name) DO UPDATE SET value = value + excluded.value`,
    member,
    scope,
    ...namesOf(type, severity),
    delta,
  );
}

/** The member read every open one: their read total becomes open − legacy read, nothing is snoozed. */
export function memberReadAll(sql: SqlStorage, member: string): void {
  sql.exec('DELETE FROM member_totals WHERE member = ?', member);
  sql.exec(
    `INSERT INTO member_totals (member, scope, name, value)
     SELECT ?, 'read', o.name, o.value - COALESCE(l.value, 0)
     FROM totals o LEFT JOIN totals l ON l.scope = 'legacy_read' AND l.name = o.name
     WHERE o.scope = 'open'`,
    member,
  );
}

/** A member's unread totals from a handful of rows: the cost depends on neither the feed nor the team. */
export function readUnreadCounts(sql: SqlStorage, member: string): UnreadCounts {
  const values = new Map<string, number>();
  const add = (name: string, value: number) => values.set(name, (values.get(name) ?? 0) + value);
  for (const row of sql.exec<{ scope: string; name: string; value: number }>(
    'SELECT scope, name, value FROM totals',
  )) {
    add(row.name, row.scope === 'open' ? row.value : -row.value);
  }
  for (const row of sql.exec<{ name: string; value: number }>(
    'SELECT name, value FROM member_totals WHERE member = ?',
    member,
  )) {
    add(row.name, -row.value);
  }
  return tally((name) => values.get(name) ?? 0);
}

/** Counts by scanning the feed; only for checking the totals, never for answering. */
export function recountUnread(sql: SqlStorage, member: string, nowMs: number): UnreadCounts {
  const values = new Map<string, number>();
  const rows = sql.exec<{ type: NotificationType; severity: Severity }>(
    `SELECT n.type, n.severity FROM notifications n
     WHERE n.resolved_at IS NULL AND n.read_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM read_marks r WHERE r.member = ? AND r.notification_id = n.id)
       AND NOT EXISTS (SELECT 1 FROM snoozes s WHERE s.member = ? AND s.notification_id = n.id AND s.until > ?)`,
    member,
    member,
    nowMs,
  );
  for (const row of rows)
    for (const name of namesOf(row.type, row.severity)) values.set(name, (values.get(name) ?? 0) + 1);
  return tally((name) => values.get(name) ?? 0);
}

function tally(get: (name: string) => number): UnreadCounts {
  return {
    unread: get(TOTAL),
    byType: Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, get(byType(t))])) as UnreadCounts['byType'],
    bySeverity: Object.fromEntries(
      SEVERITIES.map((s) => [s, get(bySeverity(s))]),
    ) as UnreadCounts['bySeverity'],
  };
}
