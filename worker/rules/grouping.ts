import type { MarketoEvent } from '../../shared/events';
import type { NotificationType, Severity } from '../../shared/notification-types';
import type { NotificationData } from '../../shared/notifications';
import { digestForLead, isDigestCause, mergeDigest, type DigestData, type DigestWindow } from './dynamics-digest';

/** What one event contributes to a notification: a new one, or a repeat of the one with the same key. */
export type Occurrence = {
  [T in NotificationType]: { type: T; groupKey: string; severity: Severity; data: NotificationData<T> };
}[NotificationType];

type EventOf<T extends MarketoEvent['type']> = Extract<MarketoEvent, { type: T }>;
type Carried = { errorCode?: number; message?: string; url?: string };

/** JSON keeps parts apart whatever they contain; ids compare as text (forms send digits as text). */
function key(type: NotificationType, ...parts: (string | number | null | undefined)[]): string {
  return `${type}:${JSON.stringify(parts.map((p) => (p === undefined || p === null ? null : String(p))))}`;
}

/** Drops undefined fields so that a merge keeps the previous value. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** errorCode, message and url: carried into every notification an event makes or repeats. */
export function carriedFields(event: MarketoEvent): Carried {
  return defined({ errorCode: event.errorCode, message: event.message, url: event.url });
}

export function crmSeverity(crm: 'salesforce' | 'dynamics', problem: EventOf<'crm_sync'>['problem']): Severity {
  if (problem === 'api_limit') return 'warning';
  if (crm === 'dynamics' && isDigestCause(problem)) return 'warning';
  return 'critical';
}

export function campaignFailureOccurrence(e: EventOf<'campaign_failure'>): Occurrence {
  return {
    type: 'campaign_failure',
    groupKey: key('campaign_failure', e.campaign.id, e.error.code ?? e.errorCode),
    severity: 'critical',
    data: defined({ ...carriedFields(e), campaign: e.campaign, program: e.program, error: defined(e.error) }),
  };
}

/** Dynamics lead failures need the digest window of the moment they arrive. */
export function crmSyncOccurrence(e: EventOf<'crm_sync'>, window: DigestWindow): Occurrence {
  const severity = crmSeverity(e.crm, e.problem);
  if (e.crm === 'dynamics' && isDigestCause(e.problem)) {
    const data: DigestData = { ...carriedFields(e), ...digestForLead(window, e.problem, e.lead?.id) };
    return { type: 'crm_sync', groupKey: key('crm_sync', 'dynamics', 'digest', window.startMs), severity, data };
  }
  return {
    type: 'crm_sync',
    groupKey: key('crm_sync', e.crm, e.problem),
    severity,
    data: { ...carriedFields(e), kind: 'problem', crm: e.crm, problem: e.problem },
  };
}

export function engagementOccurrence(e: EventOf<'engagement_exhausted'>): Occurrence {
  return {
    type: 'engagement_exhausted',
    groupKey: key('engagement_exhausted', e.program.id, e.stream.name),
    severity: 'warning',
    data: { ...carriedFields(e), program: e.program, stream: e.stream, exhaustedLeads: e.exhaustedLeads },
  };
}

export function facebookOccurrence(e: EventOf<'facebook'>): Occurrence {
  return { type: 'facebook', groupKey: key('facebook', e.problem), severity: 'critical', data: { ...carriedFields(e), problem: e.problem } };
}

export function cleanupOccurrence(e: EventOf<'trigger_campaign_cleanup'>): Occurrence {
  return {
    type: 'trigger_campaign_cleanup',
    groupKey: key('trigger_campaign_cleanup', e.campaign.id),
    severity: 'info',
    data: defined({ ...carriedFields(e), campaign: e.campaign, action: e.action, lastActivityAt: e.lastActivityAt }),
  };
}

/** Made only once the run of failures reached maxAttempts (see linkedin-attempts.ts). */
export function linkedinOccurrence(e: EventOf<'linkedin'>, attempts: number): Occurrence {
  return {
    type: 'linkedin',
    groupKey: key('linkedin', e.operation, e.target),
    severity: 'critical',
    data: defined({ ...carriedFields(e), operation: e.operation, target: e.target, attempts }),
  };
}

export interface QuotaFact {
  day: string;
  threshold: number;
  used: number;
  limit: number;
}

/** One notification per quota day and threshold. */
export function quotaOccurrence(fact: QuotaFact, severity: Severity, extra: Carried = {}): Occurrence {
  return {
    type: 'web_services_quota',
    groupKey: key('web_services_quota', fact.day, fact.threshold),
    severity,
    data: { ...defined(extra), ...fact },
  };
}

/** A repeat keeps what it does not restate; the digest adds its counts up instead. */
export function mergeData(type: NotificationType, previous: object, next: object): object {
  const prev = previous as { kind?: string };
  const nxt = next as { kind?: string };
  if (type === 'crm_sync' && prev.kind === 'digest' && nxt.kind === 'digest') {
    return mergeDigest(previous as DigestData, next as DigestData);
  }
  return { ...previous, ...defined(next) };
}
