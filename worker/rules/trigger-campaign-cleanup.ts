import { defined, type Occurrence } from '../domain/occurrence';
import { carriedFields, type EventOf, groupKey } from './occurrence';

/** One notification per campaign; a later action (deactivated after scheduled) repeats it. */
export function cleanupOccurrence(e: EventOf<'trigger_campaign_cleanup'>): Occurrence {
  return {
    type: 'trigger_campaign_cleanup',
    groupKey: groupKey('trigger_campaign_cleanup', e.campaign.id),
    severity: 'info',
    data: defined({
      ...carriedFields(e),
      campaign: e.campaign,
      action: e.action,
      lastActivityAt: e.lastActivityAt,
    }),
  };
}
