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
