export const TICKET_TTL_MS = 60_000;

export function saveTicket(sql: SqlStorage, ticket: string, expiresAtMs: number): void {
  sql.exec('INSERT INTO stream_tickets (ticket, expires_at) VALUES (?, ?)', ticket, expiresAtMs);
}

/** True once for a ticket that exists and has not expired; the ticket is gone afterwards either way. */
export function consumeTicket(sql: SqlStorage, ticket: string, nowMs: number): boolean {
  const rows = sql
    .exec<{ expires_at: number }>('DELETE FROM stream_tickets WHERE ticket = ? RETURNING expires_at', ticket)
    .toArray();
  const row = rows[0];
  return row !== undefined && row.expires_at > nowMs;
}

export function pruneTickets(sql: SqlStorage, nowMs: number): number {
  return sql.exec('DELETE FROM stream_tickets WHERE expires_at <= ?', nowMs).rowsWritten;
}
