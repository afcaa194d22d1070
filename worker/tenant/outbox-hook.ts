import type { Channel } from '../../shared/channels';
import { OutboxWriter } from '../outbound/outbox';
import { channelRows, toChannel } from '../store/channels';
import type { Recorded } from '../store/notifications';
import type { AlarmPlanner } from './alarm-planner';
import type { SettingsCache } from './settings-cache';

/** What a recording transaction hands the rules, and writes before it ends. */
export interface OutboxBatch {
  record: (recorded: Recorded) => void;
  /** Writes what the batch kept back; call it last, inside the same transaction. */
  finish: () => void;
}

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

  /**
   * The hook for work that may span several transactions (the connector's poll): each recorded
   * notification is written out at once. The channels are read once, and only when something is recorded.
   */
  at(nowMs: number): (recorded: Recorded) => void {
    let channels: Channel[] | null = null;
    return (recorded) => {
      channels ??= channelRows(this.sql).map(toChannel);
      if (channels.length === 0) return;
      const writer = new OutboxWriter(this.sql, this.settings.current(), nowMs, channels);
      writer.add(recorded);
      this.due(writer.finish());
    };
  }

  /** The hook for one transaction: what a burst records is written together by `finish`. */
  batch(nowMs: number): OutboxBatch {
    let writer: OutboxWriter | null = null;
    return {
      record: (recorded) => {
        writer ??= new OutboxWriter(this.sql, this.settings.current(), nowMs);
        writer.add(recorded);
      },
      finish: () => {
        if (writer !== null) this.due(writer.finish());
        writer = null;
      },
    };
  }

  private due(at: number | null): void {
    if (at !== null) this.dueAtMs = this.dueAtMs === null ? at : Math.min(this.dueAtMs, at);
  }

  /** After the commit: the alarm fires by the earliest delivery written since the last call. */
  async planDue(): Promise<void> {
    const at = this.dueAtMs;
    this.dueAtMs = null;
    if (at !== null) await this.alarms.plan('outbox', at);
  }
}
