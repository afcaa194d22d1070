import { describe, expect, it } from 'vitest';

import { crmSeverity, crmSyncOccurrence } from '../../../worker/rules/crm-sync';
import { asNotification, event, window } from './support';

describe('CRM sync rule', () => {
  it('rates CRM problems', () => {
    expect(crmSeverity('salesforce', 'expired_credentials')).toBe('critical');
    expect(crmSeverity('salesforce', 'api_limit')).toBe('warning');
    expect(crmSeverity('dynamics', 'api_limit')).toBe('warning');
    expect(crmSeverity('dynamics', 'permissions')).toBe('critical');
    expect(crmSeverity('dynamics', 'sync_disabled')).toBe('critical');
    expect(crmSeverity('dynamics', 'duplicate_lead')).toBe('warning');
  });

  it('puts Dynamics lead failures in one digest per window and other problems per crm and problem', () => {
    const dup = crmSyncOccurrence(
      event<'crm_sync'>({ type: 'crm_sync', crm: 'dynamics', problem: 'duplicate_lead', lead: { id: 1 } }),
      window,
    );
    const len = crmSyncOccurrence(
      event<'crm_sync'>({ type: 'crm_sync', crm: 'dynamics', problem: 'field_length', lead: { id: 2 } }),
      window,
    );
    const perm = crmSyncOccurrence(
      event<'crm_sync'>({ type: 'crm_sync', crm: 'dynamics', problem: 'permissions' }),
      window,
    );
    const sfPerm = crmSyncOccurrence(
      event<'crm_sync'>({ type: 'crm_sync', crm: 'salesforce', problem: 'permissions' }),
      window,
    );
    expect(dup.groupKey).toBe(len.groupKey);
    expect(perm.groupKey).not.toBe(sfPerm.groupKey);
    expect(dup.data).toMatchObject({ kind: 'digest', causes: { duplicate_lead: 1 }, leads: [1] });
    expect(perm.data).toMatchObject({ kind: 'problem', crm: 'dynamics', problem: 'permissions' });
    for (const o of [dup, perm]) expect(asNotification(o).type).toBe('crm_sync');
  });
});
