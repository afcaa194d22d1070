import type { EmailOrigin } from '../../shared/email';
import type { MarketoEvent } from '../../shared/events';
import type { Settings } from '../../shared/settings';
import { digestWindow } from './dynamics-digest';
import { campaignFailureOccurrence } from './campaign-failure';
import { crmSyncOccurrence } from './crm-sync';
import { engagementOccurrence } from './engagement-exhausted';
import { facebookOccurrence } from './facebook';
import { linkedinAttemptKey, linkedinOccurrence, nextAttempts, shouldNotifyLinkedin } from './linkedin';
import { carriedFields, type Occurrence } from './occurrence';
import { quotaDayAt } from './quota-day';
import { QUOTA_REACHED_THRESHOLD, quotaOccurrence, reportsQuotaReached, thresholdsToFire } from './quota';
import { withEmailOrigin } from './marketo-email';
import { cleanupOccurrence } from './trigger-campaign-cleanup';
import { linkedinFailures, setLinkedinFailures } from '../store/linkedin';
import { recordOccurrence, type Recorded } from '../store/notifications';
import { addQuotaUsage, firedThresholds, markThresholdFired, quotaUsed } from '../store/quota';

/**
 * Rule state (LinkedIn failure runs, quota counters, fired thresholds) is always kept, also for a
 * disabled type: only the notification is left out. Enabling a type later then starts from the truth.
 */
export interface ApplyContext {
  sql: SqlStorage;
  settings: Settings;
  nowMs: number;
  /** Set when the event came in a Marketo notification e-mail: its notifications say so. */
  origin?: EmailOrigin;
}

/** When it happened: the event's occurredAt, but never later than now. */
function occurredMs(event: MarketoEvent, nowMs: number): number {
  const at = event.occurredAt === undefined ? NaN : Date.parse(event.occurredAt);
  return Number.isFinite(at) ? Math.min(at, nowMs) : nowMs;
}

function record(ctx: ApplyContext, occurrence: Occurrence | null, atMs: number): Recorded[] {
  if (occurrence === null || !ctx.settings.types[occurrence.type].enabled) return [];
  return [recordOccurrence(ctx.sql, ctx.origin ? withEmailOrigin(occurrence, ctx.origin) : occurrence, atMs)];
}

export function applyEvent(ctx: ApplyContext, event: MarketoEvent): Recorded[] {
  const atMs = occurredMs(event, ctx.nowMs);
  if (event.type === 'web_services_quota') return quotaReached(ctx, event, atMs);
  const own = applyTypedEvent(ctx, event, atMs);
  return reportsQuotaReached(event) ? [...own, ...quotaReached(ctx, event, atMs)] : own;
}

function applyTypedEvent(ctx: ApplyContext, event: Exclude<MarketoEvent, { type: 'web_services_quota' }>, atMs: number): Recorded[] {
  switch (event.type) {
    case 'campaign_failure':
      return record(ctx, campaignFailureOccurrence(event), atMs);
    case 'crm_sync':
      return record(ctx, crmSyncOccurrence(event, digestWindow(ctx.nowMs, ctx.settings.dynamics.digestHours)), atMs);
    case 'engagement_exhausted':
      return record(ctx, engagementOccurrence(event), atMs);
    case 'facebook':
      return record(ctx, facebookOccurrence(event), atMs);
    case 'trigger_campaign_cleanup':
      return record(ctx, cleanupOccurrence(event), atMs);
    case 'linkedin':
      return record(ctx, linkedinRun(ctx, event), atMs);
  }
}

function linkedinRun(ctx: ApplyContext, event: Extract<MarketoEvent, { type: 'linkedin' }>): Occurrence | null {
  const key = linkedinAttemptKey(event.operation, event.target);
  const attempts = nextAttempts(linkedinFailures(ctx.sql, key), event.outcome);
  setLinkedinFailures(ctx.sql, key, attempts, ctx.nowMs);
  return shouldNotifyLinkedin(attempts, ctx.settings.linkedin.maxAttempts) ? linkedinOccurrence(event, attempts) : null;
}

/** Error 607 (a quota event, or any event with that code): today's 100 % notification, unless it already fired. */
function quotaReached(ctx: ApplyContext, event: MarketoEvent, atMs: number): Recorded[] {
  const { day } = quotaDayAt(ctx.nowMs);
  if (firedThresholds(ctx.sql, day).has(QUOTA_REACHED_THRESHOLD)) return [];
  markThresholdFired(ctx.sql, day, QUOTA_REACHED_THRESHOLD);
  const fact = { day, threshold: QUOTA_REACHED_THRESHOLD, used: quotaUsed(ctx.sql, day), limit: ctx.settings.quota.dailyLimit };
  return record(ctx, quotaOccurrence(fact, carriedFields(event)), atMs);
}

/** Adds API calls to today's counter and fires each threshold reached for the first time today. */
export function applyUsage(ctx: ApplyContext, calls: number): { used: number; recorded: Recorded[] } {
  const { day } = quotaDayAt(ctx.nowMs);
  const used = addQuotaUsage(ctx.sql, day, calls);
  return { used, recorded: fireReachedThresholds(ctx, day, used) };
}

/**
 * Today's usage against the (possibly new) limit and thresholds: a lower limit or a new threshold that
 * today's usage already crosses fires now, not at the next call. Each threshold still fires once per day.
 */
export function applyQuotaSettings(ctx: ApplyContext): Recorded[] {
  const { day } = quotaDayAt(ctx.nowMs);
  return fireReachedThresholds(ctx, day, quotaUsed(ctx.sql, day));
}

function fireReachedThresholds(ctx: ApplyContext, day: string, used: number): Recorded[] {
  const { dailyLimit: limit, thresholds } = ctx.settings.quota;
  const recorded: Recorded[] = [];
  for (const threshold of thresholdsToFire(used, limit, thresholds, firedThresholds(ctx.sql, day))) {
    markThresholdFired(ctx.sql, day, threshold);
    recorded.push(...record(ctx, quotaOccurrence({ day, threshold, used, limit }), ctx.nowMs));
  }
  return recorded;
}
