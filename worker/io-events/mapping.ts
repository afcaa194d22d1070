import { MarketoEvent } from '../../shared/events';
import type { IoEvent } from './envelope';

const NOTIFICATION_PREFIX = 'com.adobe.platform.marketo.notification.';
const AUDIT_PREFIX = 'com.adobe.platform.marketo.audit.user.';

/** An A/B test's result, as far as the event says it. */
export interface AbTestFact {
  program?: { name: string };
  test?: string;
  winner?: string;
  user?: string;
}

/** What one of Marketo's stream events means here. */
export type IoMapping =
  | { kind: 'event'; event: MarketoEvent }
  | { kind: 'quota'; percent: number; dailyQuota?: number }
  | { kind: 'ab_test'; groupId: string; fact: AbTestFact }
  | { kind: 'login_failure'; user: string }
  /** A known event that shows nothing (an activation, an approval, a successful login). */
  | { kind: 'counted' }
  | { kind: 'unknown' }
  | { kind: 'mismatched' };

/** Lower case without separators: `Smart Campaign` → `smartcampaign`. */
const squash = (value: unknown): string =>
  typeof value === 'string' ? value.toLowerCase().replace(/[^a-z0-9]/g, '') : '';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

function text(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 255);
  }
  return undefined;
}

function id(...values: unknown[]): string | number | undefined {
  for (const value of values) {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
  }
  return undefined;
}

function isoTime(time: string | null): string | undefined {
  if (time === null) return undefined;
  // Adobe's audit examples write "2024-07-11 13:20:42.755" (UTC, no zone).
  const zoneless = /^\d{4}-\d{2}-\d{2} \d/.test(time) && !/[zZ]|[+-]\d{2}:?\d{2}$/.test(time);
  const normalized = zoneless ? `${time.replace(' ', 'T')}Z` : time;
  const ms = Date.parse(normalized);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** Only a valid event goes on: anything the seed schemas refuse is counted as unknown. */
function seedEvent(candidate: Record<string, unknown>): IoMapping {
  const parsed = MarketoEvent.safeParse(JSON.parse(JSON.stringify(candidate)));
  return parsed.success ? { kind: 'event', event: parsed.data } : { kind: 'unknown' };
}

const NURTURE = new Set([
  'nurture',
  'programexhausted',
  'nurtureexhausted',
  'engagementexhausted',
  'contentexhausted',
]);
const SALESFORCE = new Set(['salesforcesyncfailure', 'sfdcsyncfailure', 'salesforcesync', 'sfdcsync']);
const AB_TEST = new Set(['testgroup', 'abtest']);

function notification(component: string, e: IoEvent, occurredAt: string | undefined): IoMapping {
  const action = record(e.data.eventAction);
  const user = text(action.userId, e.data.userId);
  if (component === 'campaignfailure' || component === 'campaignabort') {
    const campaignId = id(action.campaignId, e.data.componentId);
    if (campaignId === undefined) return { kind: 'unknown' };
    const code = component === 'campaignabort' ? 'aborted' : 'failure';
    const message = text(action.message, action.reason, action.description, e.data.subType) ?? code;
    const campaignName = text(action.campaignName, e.data.componentName) ?? String(campaignId);
    const programId = id(action.programId);
    const programName = text(action.programName) ?? String(programId);
    const program = programId === undefined ? undefined : { id: programId, name: programName };
    return seedEvent({
      type: 'campaign_failure',
      occurredAt,
      user,
      campaign: { id: campaignId, name: campaignName },
      program,
      error: { code, message },
    });
  }
  if (NURTURE.has(component)) {
    const programId = id(action.programId, e.data.componentId);
    if (programId === undefined) return { kind: 'unknown' };
    const leads = Number(action.exhaustedLeads ?? action.count ?? action.leads ?? 1);
    return seedEvent({
      type: 'engagement_exhausted',
      occurredAt,
      program: { id: programId, name: text(action.programName, e.data.componentName) ?? String(programId) },
      stream: { name: text(action.streamName, action.stream) ?? '—' },
      exhaustedLeads: Number.isSafeInteger(leads) && leads >= 1 ? Math.min(leads, 100_000_000) : 1,
    });
  }
  if (SALESFORCE.has(component)) {
    const message = text(action.message, action.reason, action.error);
    const problem = salesforceProblem(message);
    return seedEvent({ type: 'crm_sync', occurredAt, user, message, crm: 'salesforce', problem });
  }
  if (component === 'webservices') {
    const percent = Number(action.percent);
    if (squash(e.data.subType) !== 'dailyquota' || !Number.isFinite(percent) || percent < 0) {
      return { kind: 'unknown' };
    }
    const dailyQuota = Number(action.dailyQuota);
    const known = Number.isSafeInteger(dailyQuota) && dailyQuota > 0;
    return { kind: 'quota', percent, ...(known && { dailyQuota }) };
  }
  if (AB_TEST.has(component)) {
    const programId = id(action.programId, e.data.componentId);
    const programName = text(action.programName, e.data.componentName);
    const program = programName === undefined ? undefined : { name: programName };
    const test = text(action.testName, action.testType, e.data.subType);
    const winner = text(action.winner, action.winningVariant, action.winnerName);
    const fact: AbTestFact = {
      ...(program !== undefined && { program }),
      ...(test !== undefined && { test }),
      ...(winner !== undefined && { winner }),
      ...(user !== undefined && { user }),
    };
    return { kind: 'ab_test', groupId: String(programId ?? e.eventId), fact };
  }
  return { kind: 'unknown' };
}

/** Marketo states the cause in words; the seed type knows a few. */
function salesforceProblem(message: string | undefined): string {
  const words = (message ?? '').toLowerCase();
  if (/credential|password|token|expired|login/.test(words)) return 'expired_credentials';
  if (/limit|quota/.test(words)) return 'api_limit';
  if (/permission|access|insufficient/.test(words)) return 'permissions';
  if (/disabled|paused|stopped/.test(words)) return 'sync_disabled';
  return 'other';
}

function audit(component: string, e: IoEvent, occurredAt: string | undefined): IoMapping {
  const eventAction = e.data.eventAction;
  const action = squash(typeof eventAction === 'string' ? eventAction : record(eventAction).action);
  const user = text(e.data.userId, e.data.user);
  if (component === 'login') {
    if (!action.includes('failure') && !action.includes('failed')) return { kind: 'counted' };
    return user === undefined ? { kind: 'counted' } : { kind: 'login_failure', user: user.toLowerCase() };
  }
  if (component === 'smartcampaign' && (action === 'deactivate' || action === 'abort')) {
    const campaignId = id(e.data.componentId);
    if (campaignId === undefined) return { kind: 'unknown' };
    const campaign = { id: campaignId, name: text(e.data.componentName, e.data.name) ?? String(campaignId) };
    if (action === 'deactivate') {
      const cleanup = 'trigger_campaign_cleanup';
      return seedEvent({ type: cleanup, occurredAt, user, campaign, action: 'deactivated' });
    }
    const error = { code: 'aborted', message: 'abort' };
    return seedEvent({ type: 'campaign_failure', occurredAt, user, campaign, error });
  }
  return { kind: 'counted' };
}

/** The meaning of one stream event for the tenant `munchkinId`; DESIGN: "Marketo's own streams". */
export function mapIoEvent(e: IoEvent, munchkinId: string): IoMapping {
  const eventMunchkin = e.data.munchkinId;
  if (typeof eventMunchkin === 'string' && eventMunchkin.trim().toUpperCase() !== munchkinId.toUpperCase()) {
    return { kind: 'mismatched' };
  }
  const occurredAt = isoTime(e.time);
  const type = e.type.toLowerCase();
  const component = (prefix: string) => squash(type.slice(prefix.length));
  if (type.startsWith(NOTIFICATION_PREFIX)) {
    return notification(component(NOTIFICATION_PREFIX), e, occurredAt);
  }
  if (type.startsWith(AUDIT_PREFIX)) return audit(component(AUDIT_PREFIX), e, occurredAt);
  return { kind: 'unknown' };
}
