/**
 * Why the tenant object wakes. One alarm serves every reason: it is moved earlier, never later,
 * and the alarm handler does what is due and plans each reason again. A new reason is one more
 * name here and one `plan` call where it arises.
 */
export type AlarmReason =
  /** Every table back to its bound (see housekeep), within a minute of new notifications. */
  | 'housekeeping'
  /** A snooze ends: the notification counts as unread again and the sockets are told. */
  | 'snoozeEnd'
  /** The quota day ends while sockets are open: their quota goes back to 0. */
  | 'quotaReset'
  /** The Marketo connector's next poll. */
  | 'connectorPoll'
  /** Outbound delivery: the next pending delivery, escalation or digest (see OutboundDispatcher). */
  | 'outbox';

/** Housekeeping runs this soon after notifications were created, so retention holds within a minute. */
export const HOUSEKEEPING_DELAY_MS = 30_000;
/** Housekeeping runs at least this often while anything is stored. */
export const HOUSEKEEPING_MAX_DELAY_MS = 24 * 3_600_000;

/** The one place the tenant object's alarm is set. */
export class AlarmPlanner {
  /** Per reason, an instant the alarm is known to fire no later than (null: none known). */
  private readonly plannedBy = new Map<AlarmReason, number>();

  constructor(private readonly storage: DurableObjectStorage) {}

  /** The alarm fires no later than `atMs` for `reason`; one storage read at most per alarm it moves. */
  async plan(reason: AlarmReason, atMs: number): Promise<void> {
    const known = this.plannedBy.get(reason);
    if (known !== undefined && known <= atMs) return;
    const current = await this.storage.getAlarm();
    if (current === null || current > atMs) await this.storage.setAlarm(atMs);
    this.plannedBy.set(reason, atMs);
  }

  /** The alarm fired: no reason is known to be planned any more. */
  fired(): void {
    this.plannedBy.clear();
  }
}
