import type { Channel } from '../../shared/channels';
import type { Notification } from '../../shared/notifications';
import type { Settings } from '../../shared/settings';
import { channelRows, toChannel } from '../store/channels';
import {
  foldNotification,
  type GatheringSummary,
  insertDelivery,
  openSummary,
  saveSummary,
  throttleSlots,
} from '../store/deliveries';
import type { Recorded } from '../store/notifications';
import { type MessageState, messageState, planEscalation, saveMessageStates } from '../store/outbound-state';
import { quietHoursEnd } from './quiet-hours';
import { type NotificationChange, repeatSends } from './repeat-rule';
import { atLeast, channelMatches } from './routing';
import { throttle } from './throttle';

/** Held messages go out within a minute after the quiet hours end. */
const AFTER_QUIET_HOURS_MS = 5_000;

/** How a recorded notification changed: new, unread again after read or resolved, or repeated open. */
export function changeOf(recorded: Recorded): NotificationChange {
  if (!recorded.surfaced) return 'repeat';
  return recorded.notification.count === 1 ? 'created' : 'reopened';
}

/**
 * The outbox writes of one transaction. Channels, throttle slots, gathering summaries and message
 * states are read once and kept here; new deliveries are written as they come, while summaries and
 * message states are written by `finish`, which must run in the same transaction. A burst then
 * costs a few statements per channel, not several per event and channel.
 */
export class OutboxWriter {
  private readonly slots = new Map<string, number[]>();
  private readonly summaries = new Map<string, GatheringSummary | null>();
  private readonly changedSummaries = new Set<string>();
  private readonly messages = new Map<string, MessageState>();
  private earliest: number | null = null;

  constructor(
    private readonly sql: SqlStorage,
    private readonly settings: Settings,
    private readonly nowMs: number,
    private readonly channels: readonly Channel[] = channelRows(sql).map(toChannel),
  ) {}

  /** The deliveries one recorded notification causes, and its escalation. */
  add(recorded: Recorded): void {
    if (this.channels.length === 0) return;
    const change = changeOf(recorded);
    const n = recorded.notification;
    const escalation = this.settings.escalation;
    if (change !== 'repeat' && escalation !== null && atLeast(n.severity, escalation.minSeverity)) {
      planEscalation(this.sql, n.id, this.nowMs + escalation.afterMinutes * 60_000);
    }
    const state = this.messageState(n.id, change);
    if (!repeatSends(change, state.lastMessageAtMs, this.nowMs)) {
      // Held: the next message says how many (kept only once a message was written).
      if (state.lastMessageAtMs !== null) this.messages.set(n.id, { ...state, held: state.held + 1 });
      return;
    }
    this.messages.set(n.id, { lastMessageAtMs: this.nowMs, held: 0 });
    for (const channel of this.channels) this.note(this.enqueueOne(channel, n, change, state.held));
  }

  /** Writes what was kept back; answers when the earliest delivery may go (null: none). */
  finish(): number | null {
    for (const channelId of this.changedSummaries) {
      const summary = this.summaries.get(channelId);
      if (summary) summary.id = saveSummary(this.sql, channelId, summary, this.nowMs);
    }
    this.changedSummaries.clear();
    saveMessageStates(this.sql, this.messages);
    this.messages.clear();
    return this.earliest;
  }

  /** A created notification is new: nothing was sent about it before. */
  private messageState(id: string, change: NotificationChange): MessageState {
    const kept = this.messages.get(id);
    if (kept) return kept;
    return change === 'created' ? { lastMessageAtMs: null, held: 0 } : messageState(this.sql, id);
  }

  private note(at: number | null): void {
    if (at !== null) this.earliest = this.earliest === null ? at : Math.min(this.earliest, at);
  }

  /** One notification to one channel: sent, held for the quiet hours, folded by the throttle, or nothing. */
  private enqueueOne(
    channel: Channel,
    n: Notification,
    change: NotificationChange,
    repeats: number,
  ): number | null {
    if (!channelMatches(channel, n) || channel.mode === 'digest') return null;
    // A channel's own trouble goes to the other channels, not to itself.
    if (n.type === 'channel' && n.data.channelId === channel.id) return null;
    const nowMs = this.nowMs;
    const quietEnd = n.severity === 'critical' ? null : quietHoursEnd(channel.quietHours, nowMs);
    if (quietEnd !== null) return this.fold(channel.id, n, quietEnd + AFTER_QUIET_HOURS_MS);
    const slots = this.slotsOf(channel.id);
    const decision = throttle(slots, nowMs);
    if (!decision.admit) return this.fold(channel.id, n, decision.atMs);
    insertDelivery(
      this.sql,
      {
        channelId: channel.id,
        notificationId: n.id,
        reason: 'notification',
        webhookType: change === 'created' ? 'notification.created' : 'notification.reopened',
        payload: { notification: n },
        repeats,
        atMs: decision.atMs,
      },
      nowMs,
    );
    slots.push(decision.atMs);
    return decision.atMs;
  }

  private slotsOf(channelId: string): number[] {
    let slots = this.slots.get(channelId);
    if (slots === undefined)
      this.slots.set(channelId, (slots = throttleSlots(this.sql, channelId, this.nowMs)));
    return slots;
  }

  /** Into the channel's gathering summary; its throttle slot moves with it. */
  private fold(channelId: string, n: Notification, atMs: number): number {
    let open = this.summaries.get(channelId);
    if (open === undefined)
      this.summaries.set(channelId, (open = openSummary(this.sql, channelId, this.nowMs)));
    const before = open?.atMs ?? null;
    const summary = foldNotification(open, n, atMs, this.nowMs);
    this.summaries.set(channelId, summary);
    this.changedSummaries.add(channelId);
    const slots = this.slotsOf(channelId);
    const at = before === null ? -1 : slots.indexOf(before);
    if (at >= 0) slots[at] = summary.atMs;
    else slots.push(summary.atMs);
    return summary.atMs;
  }
}

/**
 * Writes the deliveries that recorded notifications cause, in the caller's transaction (the one
 * that recorded them), and plans their escalation. Answers when the earliest one may go (null: none).
 */
export function enqueueDeliveries(
  sql: SqlStorage,
  settings: Settings,
  recorded: readonly Recorded[],
  nowMs: number,
): number | null {
  const writer = new OutboxWriter(sql, settings, nowMs);
  for (const r of recorded) writer.add(r);
  return writer.finish();
}

/** An escalation due now: one delivery to every channel marked for escalation (throttled like any). */
export function enqueueEscalation(sql: SqlStorage, n: Notification, nowMs: number): number | null {
  let earliest: number | null = null;
  for (const row of channelRows(sql)) {
    const channel = toChannel(row);
    if (!channel.escalation || !channel.enabled || channel.state === 'disabled') continue;
    const decision = throttle(throttleSlots(sql, channel.id, nowMs), nowMs);
    const at = decision.atMs;
    insertDelivery(
      sql,
      {
        channelId: channel.id,
        notificationId: n.id,
        reason: 'escalation',
        webhookType: 'notification.escalated',
        payload: { notification: n },
        atMs: at,
      },
      nowMs,
    );
    earliest = earliest === null ? at : Math.min(earliest, at);
  }
  return earliest;
}
