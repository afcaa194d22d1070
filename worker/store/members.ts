/** When each member was last seen (any request of one of their keys), for the admin's member list. */
export function touchMember(sql: SqlStorage, member: string, nowMs: number): void {
  sql.exec(
    `INSERT INTO members (member, last_seen_at) VALUES (?, ?)
     ON CONFLICT (member) DO UPDATE SET last_seen_at = MAX(last_seen_at, excluded.last_seen_at)`,
    member,
    nowMs,
  );
}

export function lastSeen(sql: SqlStorage): Map<string, number> {
  const seen = new Map<string, number>();
  for (const row of sql.exec<{ member: string; last_seen_at: number }>('SELECT member, last_seen_at FROM members')) {
    seen.set(row.member, row.last_seen_at);
  }
  return seen;
}
