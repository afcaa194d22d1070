import { describe, expect, it } from 'vitest';

import { mergeData } from '../../../worker/domain/merge';
import { crmSyncOccurrence } from '../../../worker/rules/crm-sync';
import { carriedFields, groupKey } from '../../../worker/rules/occurrence';
import { cleanupOccurrence } from '../../../worker/rules/trigger-campaign-cleanup';
import { event, window } from './support';

describe('occurrence', () => {
  it('keeps key parts apart whatever they contain; ids compare as text', () => {
    expect(groupKey('facebook', 'a', 'b')).not.toBe(groupKey('facebook', 'a,b'));
    expect(groupKey('facebook', 'a"', 'b')).not.toBe(groupKey('facebook', 'a', '"b'));
    expect(groupKey('facebook', 7)).toBe(groupKey('facebook', '7'));
    expect(groupKey('facebook', undefined)).toBe(groupKey('facebook', null));
    expect(groupKey('facebook', undefined)).not.toBe(groupKey('facebook', 'null'));
    expect(groupKey('facebook', 'x')).not.toBe(groupKey('linkedin', 'x'));
  });

  it('carries errorCode, message and url, and only what the event has', () => {
    const e = event<'facebook'>({
      type: 'facebook',
      problem: 'app_removed',
      errorCode: 611,
      url: 'https://app-ab12.marketo.com/x',
    });
    expect(carriedFields(e)).toEqual({ errorCode: 611, url: 'https://app-ab12.marketo.com/x' });
  });

  it('merges a repeat: latest values win, omitted fields are kept', () => {
    const first = cleanupOccurrence(
      event<'trigger_campaign_cleanup'>({
        type: 'trigger_campaign_cleanup',
        campaign: { id: 1, name: 'C' },
        action: 'scheduled',
        message: 'm1',
        errorCode: 610,
        lastActivityAt: '2026-01-01T00:00:00Z',
      }),
    );
    const second = cleanupOccurrence(
      event<'trigger_campaign_cleanup'>({
        type: 'trigger_campaign_cleanup',
        campaign: { id: 1, name: 'C' },
        action: 'deactivated',
        message: 'm2',
      }),
    );
    expect(mergeData('trigger_campaign_cleanup', first.data, second.data)).toEqual({
      campaign: { id: 1, name: 'C' },
      action: 'deactivated',
      message: 'm2',
      errorCode: 610,
      lastActivityAt: '2026-01-01T00:00:00Z',
    });
  });

  it('adds a digest repeat up instead of replacing it', () => {
    const lead = (id: number, problem: string) =>
      crmSyncOccurrence(
        event<'crm_sync'>({ type: 'crm_sync', crm: 'dynamics', problem, lead: { id } }),
        window,
      ).data;
    expect(mergeData('crm_sync', lead(1, 'duplicate_lead'), lead(2, 'duplicate_lead'))).toMatchObject({
      causes: { duplicate_lead: 2 },
      leads: [1, 2],
    });
  });
});
