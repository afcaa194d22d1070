/** Personal keys bought with each enroll key, per UTC day: the daily cap is counted here, atomically. */
export function countEnrolment(
  sql: SqlStorage,
  keyId: string,
  day: string,
  limit: number,
): { allowed: boolean; count: number } {
  const current =
    sql
      .exec<{ count: number }>('SELECT count FROM enrolments WHERE key_id = ? AND day = ?', keyId, day)
      .toArray()[0]?.count ?? 0;
  if (current >= limit) return { allowed: false, count: current };
  sql.exec(
    `INSERT INTO enrolments (key_id, day, count) VALUES (?, ?, 1)
     ON CONFLICT (key_id, day) DO UPDATE SET count = count + 1`,
    keyId,
    day,
  );
  return { allowed: true, count: current + 1 };
}

/** Days before `day` are of no use any more. */
export function pruneEnrolments(sql: SqlStorage, day: string): void {
  sql.exec('DELETE FROM enrolments WHERE day < ?', day);
}

/** Whether an enrolment took the name (its memberNameKey) already. */
export function enrolledNameTaken(sql: SqlStorage, nameKey: string): boolean {
  return sql.exec('SELECT 1 FROM enrolled_names WHERE name_key = ?', nameKey).toArray().length > 0;
}

/** Takes the name (its memberNameKey) for the enrolled key `keyId`. */
export function claimEnrolledName(sql: SqlStorage, nameKey: string, keyId: string): void {
  sql.exec(
    'INSERT INTO enrolled_names (name_key, key_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
    nameKey,
    keyId,
  );
}

/** A revoked key's name can be enrolled again. */
export function releaseEnrolledName(sql: SqlStorage, keyId: string): void {
  sql.exec('DELETE FROM enrolled_names WHERE key_id = ?', keyId);
}
