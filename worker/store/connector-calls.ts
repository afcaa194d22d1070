/** REST calls the connector made per quota day: what maxDailyCalls is checked against. */
export function connectorCalls(sql: SqlStorage, day: string): number {
  return (
    sql.exec<{ calls: number }>('SELECT calls FROM connector_calls WHERE day = ?', day).toArray()[0]?.calls ??
    0
  );
}

export function addConnectorCall(sql: SqlStorage, day: string): number {
  return sql
    .exec<{ calls: number }>(
      `INSERT INTO connector_calls (day, calls) VALUES (?, 1)
       ON CONFLICT (day) DO UPDATE SET calls = calls + 1 RETURNING calls`,
      day,
    )
    .one().calls;
}

export function pruneConnectorCalls(sql: SqlStorage, oldestKeptDay: string): void {
  sql.exec('DELETE FROM connector_calls WHERE day < ?', oldestKeptDay);
}
