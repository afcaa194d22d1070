import type { MarketoEvent } from '../../shared/events';
import type { Occurrence } from '../domain/occurrence';
import { groupKey } from '../rules/occurrence';
import { apiErrorsSeverity } from './api-errors';
import type { CampaignChange } from './campaign-diff';

/** One api_errors notification per quota day; each code that reaches the minimum makes it unread again. */
export function apiErrorsOccurrence(
  day: string,
  byCode: Record<string, number>,
  reached: readonly string[],
  minCount: number,
): Occurrence {
  const total = Object.values(byCode).reduce((sum, n) => sum + n, 0);
  return {
    type: 'api_errors',
    groupKey: groupKey('api_errors', day),
    severity: apiErrorsSeverity(reached),
    data: { day, byCode, total, reached: [...reached], minCount },
  };
}

/** At most once per quota day: today's pace reaches the limit before the reset. */
export function forecastOccurrence(fact: {
  day: string;
  forecastAtMs: number;
  used: number;
  limit: number;
}): Occurrence {
  return {
    type: 'web_services_quota',
    groupKey: groupKey('web_services_quota', fact.day, 'forecast'),
    severity: 'warning',
    data: {
      kind: 'forecast',
      day: fact.day,
      threshold: 100,
      forecastAt: new Date(fact.forecastAtMs).toISOString(),
      used: fact.used,
      limit: fact.limit,
    },
  };
}

/** One per tenant: a new failure after a recovery makes it unread again. */
export function connectorOccurrence(code: string): Occurrence {
  return { type: 'connector', groupKey: groupKey('connector'), severity: 'critical', data: { code } };
}

/**
 * A campaign change as the event an integration would have posted, so that it follows the seed rules
 * (grouping, enabled types); `url` is Marketo's computedUrl when it is an https address.
 */
export function campaignChangeEvent({ kind, campaign }: CampaignChange): MarketoEvent {
  const url =
    campaign.url !== null && /^https:\/\/[^\s]{1,1990}$/.test(campaign.url) ? campaign.url : undefined;
  const ref = { id: campaign.id, name: campaign.name.slice(0, 255) || String(campaign.id) };
  if (kind === 'deactivated')
    return {
      type: 'trigger_campaign_cleanup',
      campaign: ref,
      action: 'deactivated',
      ...(url ? { url } : {}),
    };
  return {
    type: 'campaign_failure',
    campaign: ref,
    error: { code: 'invalid', message: 'Invalid' },
    ...(url ? { url } : {}),
  };
}
