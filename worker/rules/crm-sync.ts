import type { SeverityOf } from '../../shared/notification-types';
import type { DigestData } from '../domain/merge';
import type { Occurrence } from '../domain/occurrence';
import { digestForLead, type DigestWindow, isDigestCause } from './dynamics-digest';
import { carriedFields, type EventOf, groupKey } from './occurrence';

export function crmSeverity(
  crm: 'salesforce' | 'dynamics',
  problem: EventOf<'crm_sync'>['problem'],
): SeverityOf<'crm_sync'> {
  if (problem === 'api_limit') return 'warning';
  if (crm === 'dynamics' && isDigestCause(problem)) return 'warning';
  return 'critical';
}

/**
 * Dynamics lead failures need the digest window of the moment they arrive; other problems group per
 * CRM and problem.
 */
export function crmSyncOccurrence(e: EventOf<'crm_sync'>, window: DigestWindow): Occurrence {
  const severity = crmSeverity(e.crm, e.problem);
  if (e.crm === 'dynamics' && isDigestCause(e.problem)) {
    const data: DigestData = { ...carriedFields(e), ...digestForLead(window, e.problem, e.lead?.id) };
    return {
      type: 'crm_sync',
      groupKey: groupKey('crm_sync', 'dynamics', 'digest', window.startMs),
      severity,
      data,
    };
  }
  return {
    type: 'crm_sync',
    groupKey: groupKey('crm_sync', e.crm, e.problem),
    severity,
    data: { ...carriedFields(e), kind: 'problem', crm: e.crm, problem: e.problem },
  };
}
