import { describe, expect, it } from 'vitest';
import { MarketoEvent } from '../../../shared/events';
import { Notification } from '../../../shared/notifications';
import { digestWindow } from '../../../worker/rules/dynamics-digest';
import {
  campaignFailureOccurrence,
  cleanupOccurrence,
  crmSeverity,
  crmSyncOccurrence,
  engagementOccurrence,
  mergeData,
  type Occurrence,
} from '../../../worker/rules/grouping';

const event = <T extends MarketoEvent['type']>(input: unknown) => MarketoEvent.parse(input) as Extract<MarketoEvent, { type: T }>;
const window = digestWindow(Date.parse('2026-05-05T10:00:00Z'), 24);

/** The occurrence's data must fit the shared notification schema. */
function asNotification(o: Occurrence) {
  return Notification.parse({
    id: 'n', type: o.type, severity: o.severity, data: o.data, count: 1,
    firstAt: '2026-05-05T10:00:00.000Z', lastAt: '2026-05-05T10:00:00.000Z', readAt: null,
  });
}

describe('grouping', () => {
  it('groups campaign failures per campaign id and error code, numbers and digits alike', () => {
    const a = campaignFailureOccurrence(event<'campaign_failure'>({ type: 'campaign_failure', campaign: { id: 7, name: 'A' }, error: { code: 611, message: 'x' } }));
    const b = campaignFailureOccurrence(event<'campaign_failure'>({ type: 'campaign_failure', campaign: { id: '7', name: 'A' }, error: { code: '611', message: 'y' } }));
    const c = campaignFailureOccurrence(event<'campaign_failure'>({ type: 'campaign_failure', campaign: { id: 7, name: 'A' }, error: { code: 612, message: 'x' } }));
    expect(a.groupKey).toBe(b.groupKey);
    expect(a.groupKey).not.toBe(c.groupKey);
    expect(a.severity).toBe('critical');
    expect(asNotification(a).type).toBe('campaign_failure');
  });

  it('rates CRM problems', () => {
    expect(crmSeverity('salesforce', 'expired_credentials')).toBe('critical');
    expect(crmSeverity('salesforce', 'api_limit')).toBe('warning');
    expect(crmSeverity('dynamics', 'api_limit')).toBe('warning');
    expect(crmSeverity('dynamics', 'permissions')).toBe('critical');
    expect(crmSeverity('dynamics', 'sync_disabled')).toBe('critical');
    expect(crmSeverity('dynamics', 'duplicate_lead')).toBe('warning');
  });

  it('puts Dynamics lead failures in one digest per window and other problems per crm and problem', () => {
    const dup = crmSyncOccurrence(event<'crm_sync'>({ type: 'crm_sync', crm: 'dynamics', problem: 'duplicate_lead', lead: { id: 1 } }), window);
    const len = crmSyncOccurrence(event<'crm_sync'>({ type: 'crm_sync', crm: 'dynamics', problem: 'field_length', lead: { id: 2 } }), window);
    const perm = crmSyncOccurrence(event<'crm_sync'>({ type: 'crm_sync', crm: 'dynamics', problem: 'permissions' }), window);
    const sfPerm = crmSyncOccurrence(event<'crm_sync'>({ type: 'crm_sync', crm: 'salesforce', problem: 'permissions' }), window);
    expect(dup.groupKey).toBe(len.groupKey);
    expect(perm.groupKey).not.toBe(sfPerm.groupKey);
    expect(dup.data).toMatchObject({ kind: 'digest', causes: { duplicate_lead: 1 }, leads: [1] });
    expect(perm.data).toMatchObject({ kind: 'problem', crm: 'dynamics', problem: 'permissions' });
    for (const o of [dup, perm]) expect(asNotification(o).type).toBe('crm_sync');
  });

  it('keeps one engagement notification per program and stream', () => {
    const e = (stream: string, n: number) =>
      engagementOccurrence(event<'engagement_exhausted'>({ type: 'engagement_exhausted', program: { id: 1, name: 'P' }, stream: { name: stream }, exhaustedLeads: n }));
    expect(e('s1', 3).groupKey).toBe(e('s1', 9).groupKey);
    expect(e('s1', 3).groupKey).not.toBe(e('s2', 3).groupKey);
  });

  it('merges a repeat: latest values win, omitted fields are kept', () => {
    const first = cleanupOccurrence(event<'trigger_campaign_cleanup'>({ type: 'trigger_campaign_cleanup', campaign: { id: 1, name: 'C' }, action: 'scheduled', message: 'm1', errorCode: 610, lastActivityAt: '2026-01-01T00:00:00Z' }));
    const second = cleanupOccurrence(event<'trigger_campaign_cleanup'>({ type: 'trigger_campaign_cleanup', campaign: { id: 1, name: 'C' }, action: 'deactivated', message: 'm2' }));
    expect(mergeData('trigger_campaign_cleanup', first.data, second.data)).toEqual({
      campaign: { id: 1, name: 'C' }, action: 'deactivated', message: 'm2', errorCode: 610, lastActivityAt: '2026-01-01T00:00:00Z',
    });
  });
});
