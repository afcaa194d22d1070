import { defined, type Occurrence } from '../domain/occurrence';
import { carriedFields, type EventOf, groupKey } from './occurrence';

/** Grouped per campaign and error code (the error's own code, else the event's Marketo code). */
export function campaignFailureOccurrence(e: EventOf<'campaign_failure'>): Occurrence {
  return {
    type: 'campaign_failure',
    groupKey: groupKey('campaign_failure', e.campaign.id, e.error.code ?? e.errorCode),
    severity: 'critical',
    data: defined({ ...carriedFields(e), campaign: e.campaign, program: e.program, error: defined(e.error) }),
  };
}
