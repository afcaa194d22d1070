import { describe, expect, it } from 'vitest';

import { channelMatches, type RoutedChannel } from '../../../worker/outbound/routing';

const channel: RoutedChannel = {
  enabled: true,
  state: 'ok',
  types: ['campaign_failure', 'web_services_quota'],
  minSeverity: 'warning',
};

describe('routing', () => {
  it('matches the channel types at or above its minimum severity', () => {
    expect(channelMatches(channel, { type: 'campaign_failure', severity: 'critical' })).toBe(true);
    expect(channelMatches(channel, { type: 'web_services_quota', severity: 'warning' })).toBe(true);
    expect(channelMatches(channel, { type: 'crm_sync', severity: 'critical' })).toBe(false);
    expect(
      channelMatches(
        { ...channel, types: ['trigger_campaign_cleanup'] },
        { type: 'trigger_campaign_cleanup', severity: 'info' },
      ),
    ).toBe(false);
    expect(
      channelMatches(
        { ...channel, minSeverity: 'critical' },
        { type: 'web_services_quota', severity: 'warning' },
      ),
    ).toBe(false);
    expect(
      channelMatches(
        { ...channel, minSeverity: 'info', types: ['trigger_campaign_cleanup'] },
        { type: 'trigger_campaign_cleanup', severity: 'info' },
      ),
    ).toBe(true);
  });

  it('sends nothing to a switched-off or disabled channel; a failing one still gets messages', () => {
    const n = { type: 'campaign_failure', severity: 'critical' } as const;
    expect(channelMatches({ ...channel, enabled: false }, n)).toBe(false);
    expect(channelMatches({ ...channel, state: 'disabled' }, n)).toBe(false);
    expect(channelMatches({ ...channel, state: 'failing' }, n)).toBe(true);
  });
});
