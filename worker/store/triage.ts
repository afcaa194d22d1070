import { resolveForAll, stateRow } from './read-state';

/** "I'm on it": the same for every member; a later acknowledge replaces an earlier one. False for an unknown id. */
export function acknowledge(
  sql: SqlStorage,
  id: string,
  member: string,
  nowMs: number,
  via: string | null = null,
): boolean {
  return (
    sql
      .exec(
        'UPDATE notifications SET ack_member = ?, ack_at = ?, ack_via = ? WHERE id = ? RETURNING id',
        member,
        nowMs,
        via,
        id,
      )
      .toArray().length > 0
  );
}

/** Resolved for every member (and read for all); resolving it again keeps the first. False for an unknown id. */
export function resolve(
  sql: SqlStorage,
  id: string,
  member: string,
  nowMs: number,
  via: string | null = null,
): boolean {
  const row = stateRow(sql, id);
  if (row === undefined) return false;
  if (row.resolved_at !== null) return true;
  resolveForAll(sql, row);
  sql.exec(
    'UPDATE notifications SET resolved_member = ?, resolved_at = ?, resolved_via = ? WHERE id = ?',
    member,
    nowMs,
    via,
    id,
  );
  return true;
}
