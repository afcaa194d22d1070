import type { Delivery, DeliveryReason, DeliveryState } from '../../shared/channels';
import type { NotificationType } from '../../shared/notification-types';
import type { Notification } from '../../shared/notifications';
import type { WebhookType } from '../outbound/rendering';
import { THROTTLE_WINDOW_MS } from '../outbound/throttle';
import { type NotificationRow, toNotification } from './notifications';

/**
 * The outbox: every message to a channel is a row here, written in the same transaction as the
 * change that causes it, and sent from here by the tenant object's alarm. A row stays `pending`
 * until an attempt's outcome is written, so a process that dies in between sends it after the
 * restart. `payload` is what the message says, fixed when it was written (see DeliveryPayload).
 */
export interface DeliveryRow {
  id: string;
  channel_id: string;
  notification_id: string | null;
  reason: DeliveryReason;
  webhook_type: WebhookType;
  state: DeliveryState;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: number | null;
  /** The throttle's slot: when the message was planned to go out first (tests have none). */
  slot_at: number | null;
  payload: string;
  repeats: number;
  created_at: number;
  delivered_at: number | null;
  [key: string]: SqlStorageValue;
}

/** What a digest or summary lists: the counts and at most 50 notifications. */
export interface SummaryPayload {
  from: number;
  to: number;
  count: number;
  byType: Partial<Record<NotificationType, number>>;
  notifications: Notification[];
}

/**
 * A throttle or quiet-hours summary while it gathers: the counts, and the ids of the notifications
 * it will list, read when it is sent (so a fold rewrites a short row, not 50 notifications).
 */
export interface FoldedSummary {
  from: number;
  to: number;
  count: number;
  byType: Partial<Record<NotificationType, number>>;
  ids: string[];
}

export type DeliveryPayload =
  { notification: Notification } | { summary: SummaryPayload } | { folded: FoldedSummary } | { test: true };

/** Deliveries kept per channel once finished (the newest); pending ones are always kept. */
export const KEPT_DELIVERIES = 100;
/** Notifications a summary or digest lists at most. */
export const MAX_LISTED = 50;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    notificationId: row.notification_id,
    reason: row.reason,
    state: row.state,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    nextAttemptAt: row.state === 'pending' ? iso(row.next_attempt_at) : null,
    createdAt: iso(row.created_at)!,
    deliveredAt: iso(row.delivered_at),
  };
}

export interface NewDelivery {
  channelId: string;
  notificationId: string | null;
  reason: DeliveryReason;
  webhookType: WebhookType;
  payload: DeliveryPayload;
  repeats?: number;
  /** When it may go first; null for a test, which is sent at once by its route. */
  atMs: number | null;
}

/** The `webhook-id` of Standard Webhooks: `msg_` and a random id, the same on every retry. */
export const newDeliveryId = () => `msg_${crypto.randomUUID().replaceAll('-', '')}`;

export function insertDelivery(sql: SqlStorage, d: NewDelivery, nowMs: number): DeliveryRow {
  return sql
    .exec<DeliveryRow>(
      `INSERT INTO deliveries (id, channel_id, notification_id, reason, webhook_type, state, attempts,
         last_status, last_error,
         next_attempt_at, slot_at, payload, repeats, created_at, delivered_at)
       VALUES (?, ?, ?, ?, ?, 'pending', 0, NULL, NULL, ?, ?, ?, ?, ?, NULL) RETURNING *`,
      newDeliveryId(),
      d.channelId,
      d.notificationId,
      d.reason,
      d.webhookType,
      d.atMs,
      d.reason === 'test' ? null : d.atMs,
      JSON.stringify(d.payload),
      d.repeats ?? 0,
      nowMs,
    )
    .one();
}

/** The throttle's slots of a channel that still weigh: in the last 10 minutes or planned after. */
export function throttleSlots(sql: SqlStorage, channelId: string, nowMs: number): number[] {
  return sql
    .exec<{ slot_at: number }>(
      'SELECT slot_at FROM deliveries WHERE channel_id = ? AND slot_at > ? ORDER BY slot_at',
      channelId,
      nowMs - THROTTLE_WINDOW_MS,
    )
    .toArray()
    .map((r) => r.slot_at);
}

/** A channel's summary while it gathers: its row (null until written), its counts and when it may go. */
export interface GatheringSummary {
  id: string | null;
  folded: FoldedSummary;
  atMs: number;
}

/** The channel's pending summary not attempted yet, if any: later notifications fold into it. */
export function openSummary(sql: SqlStorage, channelId: string, nowMs: number): GatheringSummary | null {
  const row = sql
    .exec<Pick<DeliveryRow, 'id' | 'payload' | 'next_attempt_at'>>(
      `SELECT id, payload, next_attempt_at FROM deliveries
       WHERE channel_id = ? AND reason = 'summary' AND state = 'pending' AND attempts = 0 LIMIT 1`,
      channelId,
    )
    .toArray()[0];
  if (row === undefined) return null;
  const folded = foldedOf(JSON.parse(row.payload) as DeliveryPayload, nowMs);
  return { id: row.id, folded, atMs: row.next_attempt_at ?? nowMs };
}

/**
 * One notification folded into a gathering summary (a new one when `open` is null) that may go at
 * `atMs`; a later fold moves it no earlier. Changes nothing stored: `saveSummary` writes it.
 */
export function foldNotification(
  open: GatheringSummary | null,
  notification: Notification,
  atMs: number,
  nowMs: number,
): GatheringSummary {
  const summary = open ?? {
    id: null,
    folded: { from: nowMs, to: nowMs, count: 0, byType: {}, ids: [] },
    atMs,
  };
  const { folded } = summary;
  folded.to = nowMs;
  folded.count += 1;
  folded.byType[notification.type] = (folded.byType[notification.type] ?? 0) + 1;
  if (!folded.ids.includes(notification.id) && folded.ids.length < MAX_LISTED)
    folded.ids.push(notification.id);
  summary.atMs = Math.max(summary.atMs, atMs);
  return summary;
}

/** Writes a gathering summary: its row is made the first time; answers its id. */
export function saveSummary(sql: SqlStorage, channelId: string, s: GatheringSummary, nowMs: number): string {
  if (s.id === null) {
    const made = insertDelivery(
      sql,
      {
        channelId,
        notificationId: null,
        reason: 'summary',
        webhookType: 'summary',
        payload: { folded: s.folded },
        atMs: s.atMs,
      },
      nowMs,
    );
    return made.id;
  }
  sql.exec(
    'UPDATE deliveries SET payload = ?, next_attempt_at = ?, slot_at = ? WHERE id = ?',
    JSON.stringify({ folded: s.folded }),
    s.atMs,
    s.atMs,
    s.id,
  );
  return s.id;
}

/** A gathering summary's counts; a summary written whole (by an earlier version) is read as one. */
function foldedOf(payload: DeliveryPayload, nowMs: number): FoldedSummary {
  if ('folded' in payload) return payload.folded;
  if ('summary' in payload) {
    const { notifications, ...counts } = payload.summary;
    return { ...counts, ids: notifications.map((n) => n.id) };
  }
  return { from: nowMs, to: nowMs, count: 0, byType: {}, ids: [] };
}

/**
 * The payload a delivery is sent with: a gathered summary lists its notifications as they are now
 * (those deleted meanwhile are left out; the counts still include them).
 */
export function payloadToSend(sql: SqlStorage, payload: string): DeliveryPayload {
  const parsed = JSON.parse(payload) as DeliveryPayload;
  if (!('folded' in parsed)) return parsed;
  const { ids, ...counts } = parsed.folded;
  const byId = new Map(
    sql
      .exec<NotificationRow>(
        `SELECT * FROM notifications WHERE id IN (SELECT value FROM json_each(?))`,
        JSON.stringify(ids),
      )
      .toArray()
      .map((row) => [row.id, toNotification(row)]),
  );
  const notifications = ids.flatMap((id) => byId.get(id) ?? []);
  return { summary: { ...counts, notifications } };
}

/** Pending deliveries due at `nowMs`, the earliest of each channel (a channel sends one at a time). */
export function dueDeliveries(sql: SqlStorage, nowMs: number, maxChannels: number): DeliveryRow[] {
  return sql
    .exec<DeliveryRow>(
      `SELECT d.* FROM deliveries d
       WHERE d.state = 'pending' AND d.next_attempt_at <= ?
         AND d.id = (SELECT e.id FROM deliveries e WHERE e.channel_id = d.channel_id AND e.state = 'pending'
                       AND e.next_attempt_at IS NOT NULL ORDER BY e.next_attempt_at, e.created_at LIMIT 1)
       ORDER BY d.next_attempt_at LIMIT ?`,
      nowMs,
      maxChannels,
    )
    .toArray();
}

/** When the next pending delivery is due; null when none is pending. */
export function nextDeliveryAt(sql: SqlStorage): number | null {
  return sql
    .exec<{ at: number | null }>("SELECT MIN(next_attempt_at) AS at FROM deliveries WHERE state = 'pending'")
    .one().at;
}

export interface AttemptRecord {
  state: DeliveryState;
  status: number | null;
  error: string | null;
  nextAttemptAt: number | null;
}

/** Writes an attempt's outcome; a finished delivery lets the oldest finished ones of its channel go. */
export function recordAttempt(sql: SqlStorage, row: DeliveryRow, a: AttemptRecord, nowMs: number): void {
  sql.exec(
    `UPDATE deliveries SET state = ?, attempts = attempts + 1, last_status = ?, last_error = ?,
       next_attempt_at = ?,
       delivered_at = ? WHERE id = ?`,
    a.state,
    a.status,
    a.error,
    a.state === 'pending' ? a.nextAttemptAt : null,
    a.state === 'delivered' ? nowMs : null,
    row.id,
  );
  if (a.state !== 'pending') {
    sql.exec(
      `DELETE FROM deliveries WHERE channel_id = ? AND state != 'pending' AND id NOT IN
         (SELECT id FROM deliveries WHERE channel_id = ? ORDER BY created_at DESC, id DESC LIMIT ?)`,
      row.channel_id,
      row.channel_id,
      KEPT_DELIVERIES,
    );
  }
}

/** A channel's pending deliveries fail at once (it was disabled). */
export function failPending(sql: SqlStorage, channelId: string, error: string): void {
  sql.exec(
    `UPDATE deliveries SET state = 'failed', last_error = COALESCE(last_error, ?), next_attempt_at = NULL
     WHERE channel_id = ? AND state = 'pending'`,
    error,
    channelId,
  );
}

export function listDeliveries(sql: SqlStorage, channelId: string, limit: number): Delivery[] {
  return sql
    .exec<DeliveryRow>(
      'SELECT * FROM deliveries WHERE channel_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
      channelId,
      limit,
    )
    .toArray()
    .map(toDelivery);
}
