/** Event ids are remembered at least this long. */
export const EVENT_ID_RETENTION_MS = 7 * 24 * 3_600_000;

/** Remembers the id in one statement; false when it was seen before (a duplicate). */
export function rememberNewEvent(sql: SqlStorage, id: string, nowMs: number): boolean {
  return sql.exec('INSERT OR IGNORE INTO seen_events (id, seen_at) VALUES (?, ?)', id, nowMs).rowsWritten > 0;
}

export function pruneSeenEvents(sql: SqlStorage, nowMs: number): number {
  return sql.exec('DELETE FROM seen_events WHERE seen_at < ?', nowMs - EVENT_ID_RETENTION_MS).rowsWritten;
}

/** When the oldest remembered id was seen, or null when none is: one row from the age index. */
export function oldestSeenEventMs(sql: SqlStorage): number | null {
  const row = sql
    .exec<{ seen_at: number }>('SELECT seen_at FROM seen_events ORDER BY seen_at LIMIT 1')
    .toArray()[0];
  return row?.seen_at ?? null;
}

/** Event ids remembered at most, whatever their age: a flood of distinct ids keeps the table bounded. */
export const MAX_SEEN_EVENT_IDS = 50_000;

/** Forgets the ids seen longest ago beyond `max`; answers how many went. */
export function pruneSeenEventsBeyond(sql: SqlStorage, max = MAX_SEEN_EVENT_IDS): number {
  sql.exec(
    'DELETE FROM seen_events WHERE id IN (SELECT id FROM seen_events ORDER BY seen_at DESC, id LIMIT -1 OFFSET ?)',
    max,
  );
  return sql.exec<{ n: number }>('SELECT changes() AS n').one().n;
}
