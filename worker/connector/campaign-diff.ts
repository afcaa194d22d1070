import type { CampaignFacts } from '../domain/connector-facts';

export type CampaignChange = { kind: 'deactivated' | 'invalid'; campaign: CampaignFacts };

/**
 * Changes since the baseline: an active trigger campaign that turned inactive, and a campaign whose
 * status turned Invalid. New campaigns join the baseline silently, as the first run does.
 */
export function campaignChanges(
  baseline: ReadonlyMap<number, CampaignFacts>,
  current: readonly CampaignFacts[],
): CampaignChange[] {
  const changes: CampaignChange[] = [];
  for (const campaign of current) {
    const before = baseline.get(campaign.id);
    if (before === undefined) continue;
    if (before.type === 'trigger' && before.isActive && !campaign.isActive)
      changes.push({ kind: 'deactivated', campaign });
    if (before.status !== 'Invalid' && campaign.status === 'Invalid')
      changes.push({ kind: 'invalid', campaign });
  }
  return changes;
}
