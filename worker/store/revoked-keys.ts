/**
 * Keys revoked in this tenant. KV may still answer for a revoked key elsewhere for a while;
 * the object, which alone issues stream tickets, refuses such a key at once. One row per revoked key.
 */
export function rememberRevokedKey(sql: SqlStorage, keyId: string, nowMs: number): void {
  sql.exec('INSERT OR IGNORE INTO revoked_keys (key_id, revoked_at) VALUES (?, ?)', keyId, nowMs);
}

export function isRevokedKey(sql: SqlStorage, keyId: string): boolean {
  return sql.exec('SELECT 1 FROM revoked_keys WHERE key_id = ?', keyId).toArray().length > 0;
}

/** KV forgets a revoked key within a minute everywhere; a day later the object may forget it too. */
export const REVOKED_KEY_KEPT_MS = 24 * 3_600_000;

export function pruneRevokedKeys(sql: SqlStorage, nowMs: number): void {
  sql.exec('DELETE FROM revoked_keys WHERE revoked_at < ?', nowMs - REVOKED_KEY_KEPT_MS);
}
