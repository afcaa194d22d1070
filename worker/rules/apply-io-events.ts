import { defined, type Occurrence } from '../domain/occurrence';
import { quotaDayAt } from '../domain/quota-day';
import type { IoEvent } from '../io-events/envelope';
import { type AbTestFact, type IoMapping, mapIoEvent } from '../io-events/mapping';
import { rememberNewEvent } from '../store/idempotency';
import { addLoginFailure, countIo, loginAlerted, markLoginAlerted, noteIoEvent } from '../store/io-events';
import type { Recorded } from '../store/notifications';
import { firedThresholds, markThresholdFired, quotaUsed } from '../store/quota';
import { applyEvent } from './apply-event';
import { groupKey } from './occurrence';
import { quotaOccurrence, thresholdsToFire } from './quota';
import { type ApplyContext, recordIfEnabled } from './record';

/** Failed logins of one user within this window make a `login_failures` notification. */
export const LOGIN_FAILURE_WINDOW_MS = 10 * 60_000;
export const LOGIN_FAILURE_THRESHOLD = 10;

export interface IoApplied {
  received: number;
  duplicates: number;
  recorded: Recorded[];
}

/**
 * Events of Marketo's own streams, already verified: a repeated event id is a duplicate; every new
 * one is counted by its Adobe type, and the seed types' events follow the same rules as posted ones.
 */
export function applyIoEvents(ctx: ApplyContext, munchkinId: string, events: IoEvent[]): IoApplied {
  let received = 0;
  let duplicates = 0;
  const recorded: Recorded[] = [];
  for (const event of events) {
    if (!rememberNewEvent(ctx.sql, `io:${event.eventId}`, ctx.nowMs)) {
      duplicates += 1;
      countIo(ctx.sql, 'duplicates');
      continue;
    }
    received += 1;
    const mapping = mapIoEvent(event, munchkinId);
    if (mapping.kind === 'mismatched' || mapping.kind === 'unknown') countIo(ctx.sql, mapping.kind);
    if (mapping.kind !== 'mismatched') countIo(ctx.sql, `type:${event.type.slice(0, 200)}`);
    recorded.push(...applyMapping(ctx, mapping));
  }
  if (received > 0) noteIoEvent(ctx.sql, ctx.nowMs);
  return { received, duplicates, recorded };
}

function applyMapping(ctx: ApplyContext, mapping: IoMapping): Recorded[] {
  switch (mapping.kind) {
    case 'event':
      return applyEvent(ctx, mapping.event);
    case 'quota':
      return quotaPercent(ctx, mapping.percent, mapping.dailyQuota);
    case 'ab_test':
      return recordIfEnabled(ctx, abTestOccurrence(mapping.groupId, mapping.fact), ctx.nowMs);
    case 'login_failure':
      return recordIfEnabled(ctx, loginRun(ctx, mapping.user), ctx.nowMs);
    default:
      return [];
  }
}

/** Marketo's own percentage of the daily quota goes through the quota thresholds, each once a day. */
function quotaPercent(ctx: ApplyContext, percent: number, dailyQuota: number | undefined): Recorded[] {
  const { day } = quotaDayAt(ctx.nowMs);
  const limit = dailyQuota ?? ctx.settings.quota.dailyLimit;
  const used = Math.max(quotaUsed(ctx.sql, day), Math.ceil((Math.min(percent, 1000) * limit) / 100));
  const recorded: Recorded[] = [];
  const toFire = thresholdsToFire(used, limit, ctx.settings.quota.thresholds, firedThresholds(ctx.sql, day));
  for (const threshold of toFire) {
    markThresholdFired(ctx.sql, day, threshold);
    recorded.push(...recordIfEnabled(ctx, quotaOccurrence({ day, threshold, used, limit }), ctx.nowMs));
  }
  return recorded;
}

/** One notification per program (or event) and result; a repeat updates it. */
export function abTestOccurrence(groupId: string, fact: AbTestFact): Occurrence {
  return { type: 'ab_test', groupKey: groupKey('ab_test', groupId), severity: 'info', data: defined(fact) };
}

/**
 * Ten failed logins of one user within ten minutes make the day's notification; every later
 * failure that day repeats it with the day's total.
 */
function loginRun(ctx: ApplyContext, user: string): Occurrence | null {
  const { day, startMs } = quotaDayAt(ctx.nowMs);
  const windowStartMs = ctx.nowMs - LOGIN_FAILURE_WINDOW_MS;
  const { recent, today } = addLoginFailure(ctx.sql, user, ctx.nowMs, windowStartMs, startMs);
  if (!loginAlerted(ctx.sql, user, day)) {
    if (recent < LOGIN_FAILURE_THRESHOLD) return null;
    markLoginAlerted(ctx.sql, user, day);
  }
  return {
    type: 'login_failures',
    groupKey: groupKey('login_failures', user, day),
    severity: 'warning',
    data: { user, day, failures: today },
  };
}
