import type { Counts, QuotaState } from '../../shared/notifications';
import type { Settings } from '../../shared/settings';
import { quotaDayAt } from '../domain/quota-day';
import { readUnreadCounts } from '../store/counters';
import { quotaUsed } from '../store/quota';
import { endSnoozes } from '../store/read-state';
import { loadUsageFacts } from '../store/usage-facts';

/** Today's quota (America/Chicago day) as the counts show it, with the connector's top users if known. */
export function quotaStateOf(sql: SqlStorage, settings: Settings, nowMs: number): QuotaState {
  const { day, endMs } = quotaDayAt(nowMs);
  const { topUsers } = loadUsageFacts(sql, day);
  return {
    used: quotaUsed(sql, day),
    limit: settings.quota.dailyLimit,
    resetsAt: new Date(endMs).toISOString(),
    ...(topUsers.length > 0 && { topUsers }),
  };
}

/** The member's unread totals from the kept counters (snoozes that ended count again), and `quota`. */
export function memberCounts(sql: SqlStorage, member: string, nowMs: number, quota: QuotaState): Counts {
  endSnoozes(sql, nowMs, member);
  return { ...readUnreadCounts(sql, member), quota };
}
