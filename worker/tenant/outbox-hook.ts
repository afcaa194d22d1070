import { enqueueDeliveries } from '../outbound/outbox';
import { type ChannelRow, channelRows } from '../store/channels';
import type { Recorded } from '../store/notifications';
import type { AlarmPlanner } from './alarm-planner';
import type { SettingsCache } from './settings-cache';

/**
 * Where recorded notifications meet the outbox: every source records through the rules' one gate,
 * which calls the hook in the same transaction, so a delivery is written with the change that
 * causes it. After the commit the alarm is planned for the earliest new delivery.
 */
export class OutboxHook {
  private dueAtMs: number | null = null;

  constructor(
    private readonly sql: SqlStorage,
    private readonly settings: SettingsCache,
    private readonly alarms: AlarmPlanner,
  ) {}

  /** The hook for one transaction at `nowMs` (the channels are read once, and only when something is recorded). */
  at(nowMs: number): (recorded: Recorded) => void {
    let channels: ChannelRow[] | null = null;
    return (recorded) => {
      channels ??= channelRows(this.sql);
      if (channels.length === 0) return;
      const at = enqueueDeliveries(this.sql, this.settings.current(), [recorded], nowMs, channels);
      if (at !== null) this.dueAtMs = this.dueAtMs === null ? at : Math.min(this.dueAtMs, at);
    };
  }

  /** After the commit: the alarm fires by the earliest delivery written since the last call. */
  async planDue(): Promise<void> {
    const at = this.dueAtMs;
    this.dueAtMs = null;
    if (at !== null) await this.alarms.plan('outbox', at);
  }
}
