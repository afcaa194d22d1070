/** When each member was last seen (any request of one of their keys), for the admin's member list. */
export function touchMember(sql: SqlStorage, member: string, nowMs: number): void {
  sql.exec(
    `INSERT INTO members (member, last_seen_at) VALUES (?, ?)
     ON CONFLICT (member) DO UPDATE SET last_seen_at = MAX(last_seen_at, excluded.last_seen_at)`,
    member,
    nowMs,
  );
}

/** Each member's last-seen time (ISO-8601), by member. */
export function lastSeen(sql: SqlStorage): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const row of sql.exec<{ member: string; last_seen_at: number }>('SELECT member, last_seen_at FROM members')) {
    seen[row.member] = new Date(row.last_seen_at).toISOString();
  }
  return seen;
}
