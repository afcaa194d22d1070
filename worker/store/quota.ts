export function quotaUsed(sql: SqlStorage, day: string): number {
  const row = sql.exec<{ used: number }>('SELECT used FROM quota_usage WHERE day = ?', day).toArray()[0];
  return row?.used ?? 0;
}

/** Adds calls to the day's counter and returns the new total. */
export function addQuotaUsage(sql: SqlStorage, day: string, calls: number): number {
  return sql
    .exec<{ used: number }>(
      `INSERT INTO quota_usage (day, used) VALUES (?, ?)
       ON CONFLICT (day) DO UPDATE SET used = used + excluded.used RETURNING used`,
      day,
      calls,
    )
    .one().used;
}

/** Marketo's own count replaces the day's counter (the connector's poll is authoritative). */
export function setQuotaUsage(sql: SqlStorage, day: string, used: number): void {
  sql.exec(
    'INSERT INTO quota_usage (day, used) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET used = excluded.used',
    day,
    used,
  );
}

export function firedThresholds(sql: SqlStorage, day: string): Set<number> {
  const rows = sql.exec<{ threshold: number }>('SELECT threshold FROM quota_fired WHERE day = ?', day);
  return new Set([...rows].map((r) => r.threshold));
}

export function markThresholdFired(sql: SqlStorage, day: string, threshold: number): void {
  sql.exec('INSERT OR IGNORE INTO quota_fired (day, threshold) VALUES (?, ?)', day, threshold);
}

/** Drops days before `oldestKeptDay` (YYYY-MM-DD sorts as text). */
export function pruneQuotaDays(sql: SqlStorage, oldestKeptDay: string): void {
  sql.exec('DELETE FROM quota_usage WHERE day < ?', oldestKeptDay);
  sql.exec('DELETE FROM quota_fired WHERE day < ?', oldestKeptDay);
}
