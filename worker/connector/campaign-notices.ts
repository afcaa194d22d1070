import {
  type CampaignChangeKind,
  MAX_CAMPAIGN_NOTIFICATIONS_PER_POLL,
  type MoreCampaignChanges,
} from '../../shared/notifications';
import type { Occurrence } from '../domain/occurrence';
import { applyEvent } from '../rules/apply-event';
import { campaignFailureOccurrence } from '../rules/campaign-failure';
import { type EventOf, groupKey } from '../rules/occurrence';
import { type ApplyContext, recordIfEnabled } from '../rules/record';
import { cleanupOccurrence } from '../rules/trigger-campaign-cleanup';
import type { Recorded } from '../store/notifications';
import type { CampaignChange } from './campaign-diff';
import { campaignChangeEvent } from './occurrences';

const TYPE_OF: Record<CampaignChangeKind, 'trigger_campaign_cleanup' | 'campaign_failure'> = {
  deactivated: 'trigger_campaign_cleanup',
  invalid: 'campaign_failure',
};

export function moreOf(changes: readonly CampaignChange[]): MoreCampaignChanges {
  const byKind: Partial<Record<CampaignChangeKind, number>> = {};
  for (const { kind } of changes) byKind[kind] = (byKind[kind] ?? 0) + 1;
  return { total: changes.length, byKind };
}

/**
 * The last notification of a poll that has more changes than it notifies: its own change, and `more`
 * for the rest. Under a group of its own (this poll's), so that a later change of the same campaign
 * does not carry the count on.
 */
function foldedOccurrence(
  change: CampaignChange,
  rest: readonly CampaignChange[],
  nowMs: number,
): Occurrence {
  const event = campaignChangeEvent(change);
  const own =
    event.type === 'trigger_campaign_cleanup'
      ? cleanupOccurrence(event)
      : campaignFailureOccurrence(event as EventOf<'campaign_failure'>);
  // Both types' data take `more` (shared/notifications.ts); the union of all types' data does not say so.
  const data = { ...own.data, more: moreOf(rest) };
  return { ...own, groupKey: groupKey(own.type, 'more', change.campaign.id, nowMs), data } as Occurrence;
}

/**
 * A poll's campaign changes as notifications: at most 20 (of the enabled types), the 20th counting the
 * ones left over in `data.more` ({total, byKind}), so that 10,000 changes make 20 notifications.
 */
export function notifyCampaignChanges(apply: ApplyContext, changes: readonly CampaignChange[]): Recorded[] {
  const notified = changes.filter((c) => apply.settings.types[TYPE_OF[c.kind]].enabled);
  const max = MAX_CAMPAIGN_NOTIFICATIONS_PER_POLL;
  if (notified.length <= max) return notified.flatMap((c) => applyEvent(apply, campaignChangeEvent(c)));
  const recorded = notified.slice(0, max - 1).flatMap((c) => applyEvent(apply, campaignChangeEvent(c)));
  const folded = foldedOccurrence(notified[max - 1]!, notified.slice(max), apply.nowMs);
  recorded.push(...recordIfEnabled(apply, folded, apply.nowMs));
  return recorded;
}
