import { STREAM_CLOSE_CODES } from '../../shared/notifications';
import type { StreamTicket } from '../../shared/tenant';
import { type StreamCapReached, ticketCapReached } from '../sockets/stream-caps';
import { releaseEnrolledName } from '../store/enrolments';
import { forgetKeyUsage, lastUsed, touchKey } from '../store/key-usage';
import { isRevokedKey, rememberRevokedKey } from '../store/revoked-keys';
import { deleteKeyTickets, newTicket, saveTicket, TICKET_TTL_MS } from '../store/tickets';
import { HOUSEKEEPING_MAX_DELAY_MS } from './alarm-planner';
import type { TenantContext } from './context';
import type { TenantTeam } from './team';

/** The tenant's side of its keys: revocation, last use, and the stream tickets a key buys. */
export class KeyAccess {
  constructor(
    private readonly ctx: TenantContext,
    private readonly team: TenantTeam,
  ) {}

  /** False for a revoked key; otherwise notes the use (to the minute) and answers true. */
  admit(keyId: string, nowMs: number): boolean {
    if (isRevokedKey(this.ctx.sql, keyId)) return false;
    touchKey(this.ctx.sql, keyId, nowMs);
    return true;
  }

  /** When each key was last used (ISO-8601), for those used since they were created. */
  lastUsed(keyIds: string[]): Record<string, string> {
    const used = lastUsed(this.ctx.sql, keyIds);
    return Object.fromEntries([...used].map(([id, at]) => [id, new Date(at).toISOString()]));
  }

  /**
   * The key was revoked: its open sockets are closed (code STREAM_CLOSE_CODES.keyRevoked), its unused
   * tickets deleted, and it gets no new ticket.
   */
  revoke(keyId: string, nowMs: number): { closed: number } {
    this.ctx.transaction(() => {
      rememberRevokedKey(this.ctx.sql, keyId, nowMs);
      deleteKeyTickets(this.ctx.sql, keyId);
      forgetKeyUsage(this.ctx.sql, keyId);
      releaseEnrolledName(this.ctx.sql, keyId);
    });
    return { closed: this.ctx.sockets.closeKey(keyId, STREAM_CLOSE_CODES.keyRevoked, 'key revoked') };
  }

  /**
   * A one-use ticket valid 60 s for GET /v1/stream, for the key `keyId`; the ticket starts with the
   * tenant id and a dot. The socket it opens belongs to that key (and counts against the enrolment
   * `enrolledBy`, the enroll key that bought the key, if one did). None beyond the stream caps.
   */
  async ticket(
    keyId: string,
    member: string,
    nowMs: number,
    enrolledBy: string | null = null,
  ): Promise<StreamTicket | { error: 'key_revoked' } | StreamCapReached> {
    if (isRevokedKey(this.ctx.sql, keyId)) return { error: 'key_revoked' };
    this.team.seen(member, nowMs);
    const capReached = ticketCapReached(this.ctx.sockets, this.ctx.sql, keyId, nowMs, enrolledBy);
    if (capReached !== null) return capReached;
    const ticket = newTicket(this.ctx.tenantId());
    const expiresAtMs = nowMs + TICKET_TTL_MS;
    saveTicket(this.ctx.sql, ticket, keyId, member, expiresAtMs, enrolledBy);
    await this.ctx.alarms.plan('housekeeping', nowMs + HOUSEKEEPING_MAX_DELAY_MS);
    return { ticket, expiresAt: new Date(expiresAtMs).toISOString() };
  }
}
