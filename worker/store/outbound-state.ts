/**
 * Per notification, what outbound delivery remembers: when the last message about it was written
 * and how many repeats were held since (the repeat rule), and when it escalates.
 */
export interface MessageState {
  lastMessageAtMs: number | null;
  held: number;
}

export function messageState(sql: SqlStorage, notificationId: string): MessageState {
  const row = sql
    .exec<{ last_message_at: number; held: number }>(
      'SELECT last_message_at, held FROM outbound_messages WHERE notification_id = ?',
      notificationId,
    )
    .toArray()[0];
  return { lastMessageAtMs: row?.last_message_at ?? null, held: row?.held ?? 0 };
}

/** The message states of one transaction, written in one statement (new rows or replacing the old). */
export function saveMessageStates(sql: SqlStorage, states: ReadonlyMap<string, MessageState>): void {
  const rows = [...states].flatMap(([id, s]) =>
    s.lastMessageAtMs === null ? [] : [[id, s.lastMessageAtMs, s.held]],
  );
  if (rows.length === 0) return;
  sql.exec(
    `INSERT INTO outbound_messages (notification_id, last_message_at, held)
     SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true
     ON CONFLICT (notification_id) DO UPDATE SET last_message_at = excluded.last_message_at, held = excluded.held`,
    JSON.stringify(rows),
  );
}

/** It escalates at `dueAtMs` unless acknowledged or resolved before. */
export function planEscalation(sql: SqlStorage, notificationId: string, dueAtMs: number): void {
  sql.exec(
    `INSERT INTO escalations (notification_id, due_at) VALUES (?, ?)
     ON CONFLICT (notification_id) DO UPDATE SET due_at = excluded.due_at`,
    notificationId,
    dueAtMs,
  );
}

export function cancelEscalation(sql: SqlStorage, notificationId: string): void {
  sql.exec('DELETE FROM escalations WHERE notification_id = ?', notificationId);
}

/** Escalations due at `nowMs`; each is taken (deleted) as it is read: it goes once. */
export function takeDueEscalations(sql: SqlStorage, nowMs: number): string[] {
  return sql
    .exec<{ notification_id: string }>(
      'DELETE FROM escalations WHERE due_at <= ? RETURNING notification_id',
      nowMs,
    )
    .toArray()
    .map((r) => r.notification_id);
}

export function nextEscalationAt(sql: SqlStorage): number | null {
  return sql.exec<{ at: number | null }>('SELECT MIN(due_at) AS at FROM escalations').one().at;
}

/** Rows of notifications that no longer exist go (after retention pruned them). */
export function pruneOutboundState(sql: SqlStorage): void {
  sql.exec('DELETE FROM outbound_messages WHERE notification_id NOT IN (SELECT id FROM notifications)');
  sql.exec('DELETE FROM escalations WHERE notification_id NOT IN (SELECT id FROM notifications)');
}
