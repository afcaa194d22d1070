/** lastUsedAt is kept to the minute: a busy key costs one write a minute, not one per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Notes that the key was used, unless that was noted less than a minute ago. */
export function touchKey(sql: SqlStorage, keyId: string, nowMs: number): void {
  const row = sql
    .exec<{ last_used_at: number }>('SELECT last_used_at FROM key_usage WHERE key_id = ?', keyId)
    .toArray()[0];
  if (row !== undefined && nowMs - row.last_used_at < LAST_USED_RESOLUTION_MS) return;
  sql.exec(
    `INSERT INTO key_usage (key_id, last_used_at) VALUES (?, ?)
     ON CONFLICT (key_id) DO UPDATE SET last_used_at = excluded.last_used_at`,
    keyId,
    nowMs,
  );
}

/** When each of the keys was last used, for those used at all. */
export function lastUsed(sql: SqlStorage, keyIds: readonly string[]): Map<string, number> {
  const used = new Map<string, number>();
  // One statement per key: a query binds at most 100 values.
  for (const keyId of new Set(keyIds)) {
    const row = sql
      .exec<{ last_used_at: number }>('SELECT last_used_at FROM key_usage WHERE key_id = ?', keyId)
      .toArray()[0];
    if (row !== undefined) used.set(keyId, row.last_used_at);
  }
  return used;
}

/** A revoked key's row goes with it: the table holds at most one row per live key. */
export function forgetKeyUsage(sql: SqlStorage, keyId: string): void {
  sql.exec('DELETE FROM key_usage WHERE key_id = ?', keyId);
}
