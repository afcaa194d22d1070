import { toBase64Url } from '../../shared/base64url';

export const TICKET_TTL_MS = 60_000;

/** `<tenant>.<24 random bytes>`: the prefix tells the worker which tenant's object holds the ticket. */
export function newTicket(tenantId: string): string {
  return `${tenantId}.${toBase64Url(crypto.getRandomValues(new Uint8Array(24)))}`;
}

export function saveTicket(
  sql: SqlStorage,
  ticket: string,
  keyId: string,
  member: string,
  expiresAtMs: number,
  enrolledBy: string | null = null,
): void {
  sql.exec(
    'INSERT INTO stream_tickets (ticket, key_id, member, expires_at, enrolled_by) VALUES (?, ?, ?, ?, ?)',
    ticket,
    keyId,
    member,
    expiresAtMs,
    enrolledBy,
  );
}

/** The key that asked for a ticket, its member, and the enroll key that bought the key (if one did). */
export interface TicketOwner {
  keyId: string;
  member: string;
  enrolledBy: string | null;
}

/**
 * The id of the key that asked for the ticket, once, for a ticket that exists and has not expired;
 * the ticket is gone afterwards either way. A ticket from before key ids were kept has none: refused.
 */
export function consumeTicket(sql: SqlStorage, ticket: string, nowMs: number): TicketOwner | null {
  const row = sql
    .exec<{ expires_at: number; key_id: string | null; member: string | null; enrolled_by: string | null }>(
      'DELETE FROM stream_tickets WHERE ticket = ? RETURNING expires_at, key_id, member, enrolled_by',
      ticket,
    )
    .toArray()[0];
  if (row === undefined || row.expires_at <= nowMs || row.key_id === null) return null;
  // A ticket from before members existed belongs to its key's own member.
  return { keyId: row.key_id, member: row.member ?? row.key_id, enrolledBy: row.enrolled_by };
}

/** A revoked key's tickets stop working at once. */
export function deleteKeyTickets(sql: SqlStorage, keyId: string): void {
  sql.exec('DELETE FROM stream_tickets WHERE key_id = ?', keyId);
}

export function pruneTickets(sql: SqlStorage, nowMs: number): number {
  return sql.exec('DELETE FROM stream_tickets WHERE expires_at <= ?', nowMs).rowsWritten;
}

/** Unexpired tickets not used yet, of one key and of the whole tenant. */
export function unusedTickets(
  sql: SqlStorage,
  keyId: string,
  nowMs: number,
): { key: number; tenant: number } {
  return sql
    .exec<{ key: number; tenant: number }>(
      'SELECT COUNT(*) FILTER (WHERE key_id = ?) AS key, COUNT(*) AS tenant FROM stream_tickets WHERE expires_at > ?',
      keyId,
      nowMs,
    )
    .one();
}
