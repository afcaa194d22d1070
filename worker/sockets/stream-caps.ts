import { STREAM_LIMITS, type StreamCapReached, type StreamLimit } from '../../shared/limits';
import { unusedTickets } from '../store/tickets';
import type { SocketsOwner } from './socket-owner';

export type { StreamCapReached };

const reached = (limit: StreamLimit): StreamCapReached => ({
  error: 'too_many_streams',
  limit,
  max: STREAM_LIMITS[limit],
});

/**
 * The first socket cap another socket of `keyId` (enrolled through the enroll key `enrolledBy`, if
 * at all) would cross, or null.
 */
export function socketCapReached(
  sockets: SocketsOwner,
  keyId: string,
  enrolledBy: string | null = null,
): StreamCapReached | null {
  if (sockets.byKey(keyId).length >= STREAM_LIMITS.socketsPerKey) return reached('socketsPerKey');
  const enrolment = enrolledBy === null ? 0 : sockets.countEnrolment(enrolledBy);
  if (enrolment >= STREAM_LIMITS.socketsPerEnrolment) return reached('socketsPerEnrolment');
  if (sockets.count() >= STREAM_LIMITS.socketsPerTenant) return reached('socketsPerTenant');
  return null;
}

/** The first cap a new ticket of `keyId` would cross: its sockets, then unused tickets. */
export function ticketCapReached(
  sockets: SocketsOwner,
  sql: SqlStorage,
  keyId: string,
  nowMs: number,
  enrolledBy: string | null = null,
): StreamCapReached | null {
  const socketCap = socketCapReached(sockets, keyId, enrolledBy);
  if (socketCap !== null) return socketCap;
  const unused = unusedTickets(sql, keyId, nowMs);
  if (unused.key >= STREAM_LIMITS.unusedTicketsPerKey) return reached('unusedTicketsPerKey');
  if (unused.tenant >= STREAM_LIMITS.unusedTicketsPerTenant) return reached('unusedTicketsPerTenant');
  return null;
}

/** Counts the long polls waiting per key; a key at its cap gets no more. */
export class WaitCounter {
  private readonly waiting = new Map<string, number>();

  async run<T>(keyId: string, wait: () => Promise<T>): Promise<T | StreamCapReached> {
    const now = this.waiting.get(keyId) ?? 0;
    if (now >= STREAM_LIMITS.waitsPerKey) return reached('waitsPerKey');
    this.waiting.set(keyId, now + 1);
    try {
      return await wait();
    } finally {
      const left = (this.waiting.get(keyId) ?? 1) - 1;
      if (left > 0) this.waiting.set(keyId, left);
      else this.waiting.delete(keyId);
    }
  }
}
