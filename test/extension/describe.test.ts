import { describe as group, expect, it } from 'vitest';
import type { Notification } from '../../shared/notifications';
import { describe, explainErrorCode } from '../../extension/lib/describe';
import { createTranslator, LANGUAGES } from '../../extension/lib/i18n';
import { campaignFailure, engagement } from './fixtures';

const base = { severity: 'critical' as const, count: 1, firstAt: '2026-11-22T10:00:00Z', lastAt: '2026-11-22T10:00:00Z', readAt: null };
const samples: Notification[] = [
  campaignFailure('c', '2026-11-22T10:00:00Z', { data: { campaign: { id: 1, name: '<img src=x onerror=alert(1)>' }, error: { message: 'boom', code: 'X1' }, errorCode: 607 } } as Partial<Notification>),
  { ...base, id: 's', type: 'crm_sync', data: { kind: 'problem', crm: 'salesforce', problem: 'expired_credentials' } },
  {
    ...base,
    id: 'd',
    type: 'crm_sync',
    severity: 'warning',
    count: 5,
    data: { kind: 'digest', crm: 'dynamics', windowStart: '2026-11-21T10:00:00Z', windowEnd: '2026-11-22T10:00:00Z', causes: { duplicate_lead: 3, field_length: 2 }, leads: [1, 2, 3, 4, 5] },
  },
  engagement('e', '2026-11-22T10:00:00Z'),
  { ...base, id: 'f', type: 'facebook', data: { problem: 'app_removed' } },
  { ...base, id: 't', type: 'trigger_campaign_cleanup', severity: 'info', data: { campaign: { id: 9, name: 'Old trigger' }, action: 'scheduled', lastActivityAt: '2026-05-01T00:00:00Z' } },
  { ...base, id: 'l', type: 'linkedin', data: { operation: 'create_audience', target: 'Audience A', attempts: 3 } },
  { ...base, id: 'q', type: 'web_services_quota', severity: 'warning', data: { day: '2026-11-22', threshold: 80, used: 40000, limit: 50000 } },
];

group('notification facts', () => {
  it('describes every type in every language with a title and facts', () => {
    for (const lang of LANGUAGES) {
      const tr = createTranslator(lang);
      for (const n of samples) {
        const d = describe(n, tr);
        expect(d.title.length, `${lang} ${n.type}`).toBeGreaterThan(3);
        expect(d.title, `${lang} ${n.type}`).not.toMatch(/\{\w+\}/);
        expect(d.facts.length, `${lang} ${n.type}`).toBeGreaterThan(0);
      }
    }
  });

  it('shows the facts of each type', () => {
    const tr = createTranslator('en');
    const [campaign, salesforce, digest, stream, facebook, cleanup, linkedin, quota] = samples.map((n) => describe(n, tr));
    expect(campaign!.facts).toContainEqual({ label: 'Error', value: 'boom (X1)' });
    expect(salesforce!.title).toBe('Salesforce: The sync user’s credentials expired');
    expect(digest!.title).toBe('Microsoft Dynamics: 5 leads failed to sync');
    expect(digest!.facts).toContainEqual({ label: 'Causes', value: 'Duplicate lead: 3; Field length mismatch: 2' });
    expect(stream!.facts).toContainEqual({ label: 'Leads without content', value: '42' });
    expect(stream!.facts).toContainEqual({ label: 'Program', value: 'Nurture' });
    expect(facebook!.title).toContain('Marketo app was removed');
    expect(cleanup!.facts).toContainEqual({ label: 'Action', value: 'Scheduled for deactivation' });
    expect(linkedin!.facts).toContainEqual({ label: 'Failed attempts', value: '3' });
    expect(linkedin!.facts).toContainEqual({ label: 'Target', value: 'Audience A' });
    expect(quota!.facts).toContainEqual({ label: 'Calls used', value: '40,000 of 50,000' });
  });

  it('keeps event text as plain text (it is rendered as text, never parsed as HTML)', () => {
    const d = describe(samples[0]!, createTranslator('en'));
    expect(d.title).toBe('Campaign “<img src=x onerror=alert(1)>” failed');
  });

  it('explains the Marketo error code in the user language', () => {
    const d = describe(samples[0]!, createTranslator('nl'));
    expect(d.errorCode).toMatchObject({ code: 607, label: 'Marketo-fout 607', meaning: 'Het dagelijkse API-quotum is op.' });
    expect(explainErrorCode(9999, createTranslator('fr')).meaning).toBe('Un code d’erreur absent de la liste de Marketo.');
  });
});
