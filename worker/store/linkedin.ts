export function linkedinFailures(sql: SqlStorage, key: string): number {
  const row = sql.exec<{ failures: number }>('SELECT failures FROM linkedin_attempts WHERE key = ?', key).toArray()[0];
  return row?.failures ?? 0;
}

export function setLinkedinFailures(sql: SqlStorage, key: string, failures: number): void {
  if (failures === 0) {
    sql.exec('DELETE FROM linkedin_attempts WHERE key = ?', key);
    return;
  }
  sql.exec(
    'INSERT INTO linkedin_attempts (key, failures) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET failures = excluded.failures',
    key,
    failures,
  );
}
