/** Failure runs kept at most: one per operation and target, and targets are whatever events name. */
export const MAX_LINKEDIN_RUNS = 1_000;

export function linkedinFailures(sql: SqlStorage, key: string): number {
  const row = sql
    .exec<{ failures: number }>('SELECT failures FROM linkedin_attempts WHERE key = ?', key)
    .toArray()[0];
  return row?.failures ?? 0;
}

export function setLinkedinFailures(sql: SqlStorage, key: string, failures: number, nowMs: number): void {
  if (failures === 0) {
    sql.exec('DELETE FROM linkedin_attempts WHERE key = ?', key);
    return;
  }
  sql.exec(
    `INSERT INTO linkedin_attempts (key, failures, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, updated_at = excluded.updated_at`,
    key,
    failures,
    nowMs,
  );
}

/** Drops the runs that changed longest ago beyond `max`; such a run starts again from zero. */
export function pruneLinkedinRuns(sql: SqlStorage, max = MAX_LINKEDIN_RUNS): number {
  return sql.exec(
    `DELETE FROM linkedin_attempts WHERE key IN
       (SELECT key FROM linkedin_attempts ORDER BY updated_at DESC, key LIMIT -1 OFFSET ?)`,
    max,
  ).rowsWritten;
}
