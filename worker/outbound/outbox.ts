import type { Notification } from '../../shared/notifications';
import type { Settings } from '../../shared/settings';
import { type ChannelRow, channelRows, toChannel } from '../store/channels';
import { foldIntoSummary, insertDelivery, throttleSlots } from '../store/deliveries';
import type { Recorded } from '../store/notifications';
import { messageState, noteHeldRepeat, noteMessage, planEscalation } from '../store/outbound-state';
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
 * Writes the deliveries that recorded notifications cause, in the caller's transaction (the one
 * that recorded them), and plans their escalation. Answers when the earliest one may go (null: none).
 */
export function enqueueDeliveries(
  sql: SqlStorage,
  settings: Settings,
  recorded: readonly Recorded[],
  nowMs: number,
  channels: readonly ChannelRow[] = channelRows(sql),
): number | null {
  if (recorded.length === 0 || channels.length === 0) return null;
  let earliest: number | null = null;
  for (const r of recorded) {
    const change = changeOf(r);
    const n = r.notification;
    if (
      change !== 'repeat' &&
      settings.escalation !== null &&
      atLeast(n.severity, settings.escalation.minSeverity)
    ) {
      planEscalation(sql, n.id, nowMs + settings.escalation.afterMinutes * 60_000);
    }
    const state = messageState(sql, n.id);
    if (!repeatSends(change, state.lastMessageAtMs, nowMs)) {
      noteHeldRepeat(sql, n.id);
      continue;
    }
    noteMessage(sql, n.id, nowMs);
    for (const row of channels) {
      const at = enqueueOne(sql, row, n, change, state.held, nowMs);
      if (at !== null) earliest = earliest === null ? at : Math.min(earliest, at);
    }
  }
  return earliest;
}

/** One notification to one channel: sent, held for the quiet hours, folded by the throttle, or nothing. */
function enqueueOne(
  sql: SqlStorage,
  row: ChannelRow,
  n: Notification,
  change: NotificationChange,
  repeats: number,
  nowMs: number,
): number | null {
  const channel = toChannel(row);
  if (!channelMatches(channel, n) || channel.mode === 'digest') return null;
  // A channel's own trouble goes to the other channels, not to itself.
  if (n.type === 'channel' && n.data.channelId === channel.id) return null;
  const quietEnd = n.severity === 'critical' ? null : quietHoursEnd(channel.quietHours, nowMs);
  if (quietEnd !== null)
    return foldIntoSummary(sql, channel.id, n, quietEnd + AFTER_QUIET_HOURS_MS, nowMs).next_attempt_at;
  const decision = throttle(throttleSlots(sql, channel.id, nowMs), nowMs);
  if (!decision.admit) return foldIntoSummary(sql, channel.id, n, decision.atMs, nowMs).next_attempt_at;
  insertDelivery(
    sql,
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
  return decision.atMs;
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
