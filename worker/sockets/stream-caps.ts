import { STREAM_LIMITS, type StreamCapReached, type StreamLimit } from '../../shared/limits';
import { unusedTickets } from '../store/tickets';

export type { StreamCapReached };

const reached = (limit: StreamLimit): StreamCapReached => ({ error: 'too_many_streams', limit, max: STREAM_LIMITS[limit] });

/** Sockets of a key enrolled through an enroll key also carry this tag, so that they are counted together. */
export const enrolmentTag = (enrollKeyId: string) => `enrolled-by:${enrollKeyId}`;

/**
 * The first socket cap another socket of `keyId` (enrolled through `enrolledBy`, if at all) would
 * cross, or null. Sockets are tagged with their key, and with their enrolment.
 */
export function socketCapReached(
  state: DurableObjectState,
  keyId: string,
  enrolledBy: string | null = null,
): StreamCapReached | null {
  if (state.getWebSockets(keyId).length >= STREAM_LIMITS.socketsPerKey) return reached('socketsPerKey');
  const enrolment = enrolledBy === null ? 0 : state.getWebSockets(enrolmentTag(enrolledBy)).length;
  if (enrolment >= STREAM_LIMITS.socketsPerEnrolment) return reached('socketsPerEnrolment');
  if (state.getWebSockets().length >= STREAM_LIMITS.socketsPerTenant) return reached('socketsPerTenant');
  return null;
}

/** The first cap a new ticket of `keyId` would cross: its sockets, then unused tickets. */
export function ticketCapReached(
  state: DurableObjectState,
  sql: SqlStorage,
  keyId: string,
  nowMs: number,
  enrolledBy: string | null = null,
): StreamCapReached | null {
  const sockets = socketCapReached(state, keyId, enrolledBy);
  if (sockets !== null) return sockets;
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
