import type { UsageSample } from '../domain/connector-facts';

/** Today's usage as each poll saw it: the chart and the forecast read these. */
export function addQuotaSample(sql: SqlStorage, day: string, atMs: number, used: number): void {
  sql.exec(
    `INSERT INTO quota_samples (day, at, used) VALUES (?, ?, ?)
     ON CONFLICT (day, at) DO UPDATE SET used = excluded.used`,
    day,
    atMs,
    used,
  );
}

export function quotaSamples(sql: SqlStorage, day: string): UsageSample[] {
  return sql
    .exec<{ at: number; used: number }>('SELECT at, used FROM quota_samples WHERE day = ? ORDER BY at', day)
    .toArray()
    .map((r) => ({ atMs: r.at, used: r.used }));
}

export function pruneQuotaSamples(sql: SqlStorage, oldestKeptDay: string): void {
  sql.exec('DELETE FROM quota_samples WHERE day < ?', oldestKeptDay);
}
