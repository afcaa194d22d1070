/** When each member was last seen (any request of one of their keys), for the admin's member list. */
export function touchMember(sql: SqlStorage, member: string, nowMs: number): void {
  sql.exec(
    `INSERT INTO members (member, last_seen_at) VALUES (?, ?)
     ON CONFLICT (member) DO UPDATE SET last_seen_at = MAX(last_seen_at, excluded.last_seen_at)`,
    member,
    nowMs,
  );
}

/**
 * Each member's last-seen time (ISO-8601), by member. Built with fromEntries, so that a member
 * named `__proto__` is an own property like any other name.
 */
export function lastSeen(sql: SqlStorage): Record<string, string> {
  const rows = sql.exec<{ member: string; last_seen_at: number }>('SELECT member, last_seen_at FROM members');
  return Object.fromEntries([...rows].map((row) => [row.member, new Date(row.last_seen_at).toISOString()]));
}
