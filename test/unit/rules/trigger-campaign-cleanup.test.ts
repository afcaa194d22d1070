import { describe, expect, it } from 'vitest';

import { cleanupOccurrence } from '../../../worker/rules/trigger-campaign-cleanup';
import { asNotification, event } from './support';

describe('trigger campaign cleanup rule', () => {
  const occurrence = (id: number | string, action: 'scheduled' | 'deactivated', lastActivityAt?: string) =>
    cleanupOccurrence(
      event<'trigger_campaign_cleanup'>({
        type: 'trigger_campaign_cleanup',
        campaign: { id, name: 'C' },
        action,
        lastActivityAt,
      }),
    );

  it('keeps one notification per campaign, whatever the action', () => {
    expect(occurrence(1, 'scheduled').groupKey).toBe(occurrence('1', 'deactivated').groupKey);
    expect(occurrence(1, 'scheduled').groupKey).not.toBe(occurrence(2, 'scheduled').groupKey);
  });

  it('is information, with the last activity only when given', () => {
    const o = occurrence(1, 'scheduled', '2026-01-01T00:00:00Z');
    expect(o.severity).toBe('info');
    expect(asNotification(o).data).toEqual({
      campaign: { id: 1, name: 'C' },
      action: 'scheduled',
      lastActivityAt: '2026-01-01T00:00:00Z',
    });
    expect(occurrence(1, 'deactivated').data).not.toHaveProperty('lastActivityAt');
  });
});
