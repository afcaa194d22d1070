import type { Settings } from '../../shared/settings';
import { quotaDayDaysBefore } from '../domain/quota-day';
import { pruneEnrolments } from './enrolments';
import {
  EVENT_ID_RETENTION_MS,
  oldestSeenEventMs,
  pruneSeenEvents,
  pruneSeenEventsBeyond,
} from './idempotency';
import { pruneLinkedinRuns } from './linkedin';
import type { Recorded } from './notifications';
import { pruneOutboundState } from './outbound-state';
import { pruneQuotaDays } from './quota';
import { expiresAtMs, notificationCount, oldestLastAtMs, pruneNotifications } from './retention';
import { pruneRevokedKeys, REVOKED_KEY_KEPT_MS } from './revoked-keys';
import { pruneTickets } from './tickets';

/** Quota days kept after they end, for a look back; older ones are pruned. */
const QUOTA_DAYS_KEPT = 8;
/** However things are spread, housekeeping runs at most this often by itself. */
const MIN_INTERVAL_MS = 60_000;

/**
 * Prunes every table to its bound (the caller makes it one transaction): notifications to the
 * tenant's retention, event ids by age and count, used or expired tickets, revoked keys KV has
 * forgotten, old quota days and the oldest LinkedIn runs. Answers when anything next expires.
 */
export function housekeep(sql: SqlStorage, settings: Settings, nowMs: number): { nextAtMs: number | null } {
  pruneNotifications(sql, settings.retention, nowMs);
  pruneSeenEvents(sql, nowMs);
  pruneSeenEventsBeyond(sql);
  pruneTickets(sql, nowMs);
  pruneRevokedKeys(sql, nowMs);
  pruneQuotaDays(sql, quotaDayDaysBefore(nowMs, QUOTA_DAYS_KEPT));
  pruneLinkedinRuns(sql);
  pruneEnrolments(sql, new Date(nowMs).toISOString().slice(0, 10));
  pruneOutboundState(sql);
  const due = [
    oldestSeenEventMs(sql) === null ? null : oldestSeenEventMs(sql)! + EVENT_ID_RETENTION_MS,
    oldestLastAtMs(sql) === null ? null : expiresAtMs(settings.retention, oldestLastAtMs(sql)!),
    sql.exec('SELECT 1 FROM revoked_keys LIMIT 1').toArray().length > 0 ? nowMs + REVOKED_KEY_KEPT_MS : null,
  ].filter((at): at is number => at !== null);
  if (due.length === 0) return { nextAtMs: null };
  return { nextAtMs: Math.max(Math.min(...due), nowMs + MIN_INTERVAL_MS) };
}

/**
 * Counts the notifications cheaply between prunes: the store may pass its maximum by a tenth (at
 * least 100) before a request prunes it inline; the alarm, due within a minute, prunes the rest.
 */
export class RetentionGauge {
  private count: number | null = null;

  /**
   * After a request's notifications were recorded (in its transaction): prunes at once when the store
   * is far past its maximum, a flood faster than the alarm. Answers how many notifications were new.
   */
  recorded(sql: SqlStorage, settings: Settings, recorded: readonly Recorded[], nowMs: number): number {
    // A new notification is the only kind that surfaces with count 1.
    const created = recorded.filter((r) => r.surfaced && r.notification.count === 1).length;
    if (created === 0) return 0;
    this.count = (this.count ?? notificationCount(sql)) + created;
    const max = settings.retention.maxNotifications;
    if (this.count > max + Math.max(100, Math.floor(max / 10))) {
      pruneNotifications(sql, settings.retention, nowMs);
      this.count = null;
    }
    return created;
  }

  /** After a prune, or anything else that may have removed notifications. */
  reset(): void {
    this.count = null;
  }
}
