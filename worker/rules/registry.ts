import type { MarketoEvent } from '../../shared/events';
import type { Occurrence } from '../domain/occurrence';
import { campaignFailureOccurrence } from './campaign-failure';
import { crmSyncOccurrence } from './crm-sync';
import { digestWindow } from './dynamics-digest';
import { engagementOccurrence } from './engagement-exhausted';
import { facebookOccurrence } from './facebook';
import { linkedinRun } from './linkedin-run';
import type { EventOf } from './occurrence';
import { quotaReached } from './quota-usage';
import type { ApplyContext } from './record';
import { cleanupOccurrence } from './trigger-campaign-cleanup';

type EventType = MarketoEvent['type'];

/** A seed rule: what one event of its type adds to the feed (null: nothing yet). It may keep rule state. */
export type Rule<T extends EventType> = (ctx: ApplyContext, event: EventOf<T>) => Occurrence | null;

/** The rule of every event type. A new seed rule is its module and one line here. */
export const RULES: { [T in EventType]: Rule<T> } = {
  campaign_failure: (_ctx, event) => campaignFailureOccurrence(event),
  crm_sync: (ctx, event) => {
    const window = digestWindow(ctx.nowMs, ctx.settings.dynamics.digestHours);
    return crmSyncOccurrence(event, window);
  },
  engagement_exhausted: (_ctx, event) => engagementOccurrence(event),
  facebook: (_ctx, event) => facebookOccurrence(event),
  trigger_campaign_cleanup: (_ctx, event) => cleanupOccurrence(event),
  linkedin: linkedinRun,
  web_services_quota: quotaReached,
};

/** Runs the rule of the event's type. */
export function applyRule<T extends EventType>(ctx: ApplyContext, event: EventOf<T>): Occurrence | null {
  const rule: Rule<T> = RULES[event.type as T];
  return rule(ctx, event);
}
