import { describe, expect, it } from 'vitest';

import { type Language, LANGUAGES } from '../../extension/lib/i18n';
import { describeNotification, explainErrorCode } from '../../extension/lib/notification/describe';
import type { Notification } from '../../shared/notifications';
import { campaignFailure, engagement } from './fixtures';
import { translator } from './translators';

const base = {
  severity: 'critical' as const,
  count: 1,
  firstAt: '2026-11-22T10:00:00Z',
  lastAt: '2026-11-22T10:00:00Z',
  readAt: null,
};
const samples: Notification[] = [
  campaignFailure('c', '2026-11-22T10:00:00Z', {
    data: {
      campaign: { id: 1, name: '<img src=x onerror=alert(1)>' },
      error: { message: 'boom', code: 'X1' },
      errorCode: 607,
    },
  } as Partial<Notification>),
  {
    ...base,
    id: 's',
    type: 'crm_sync',
    data: { kind: 'problem', crm: 'salesforce', problem: 'expired_credentials' },
  },
  {
    ...base,
    id: 'd',
    type: 'crm_sync',
    severity: 'warning',
    count: 5,
    data: {
      kind: 'digest',
      crm: 'dynamics',
      windowStart: '2026-11-21T10:00:00Z',
      windowEnd: '2026-11-22T10:00:00Z',
      causes: { duplicate_lead: 3, field_length: 2 },
      leads: [1, 2, 3, 4, 5],
    },
  },
  engagement('e', '2026-11-22T10:00:00Z'),
  { ...base, id: 'f', type: 'facebook', data: { problem: 'app_removed' } },
  {
    ...base,
    id: 't',
    type: 'trigger_campaign_cleanup',
    severity: 'info',
    data: {
      campaign: { id: 9, name: 'Old trigger' },
      action: 'scheduled',
      lastActivityAt: '2026-05-01T00:00:00Z',
    },
  },
  {
    ...base,
    id: 'l',
    type: 'linkedin',
    data: { operation: 'create_audience', target: 'Audience A', attempts: 3 },
  },
  {
    ...base,
    id: 'q',
    type: 'web_services_quota',
    severity: 'warning',
    data: { day: '2026-11-22', threshold: 80, used: 40000, limit: 50000 },
  },
  {
    ...base,
    id: 'm',
    type: 'marketo_email',
    severity: 'info',
    data: {
      source: 'email',
      subject: 'Your password expires',
      from: 'noreply@mktomail.com',
      excerpt: 'Change it.',
    },
  },
  {
    ...base,
    id: 'ab',
    type: 'ab_test',
    severity: 'info',
    data: { program: { name: 'Subject test' }, winner: 'B' },
  },
  {
    ...base,
    id: 'lf',
    type: 'login_failures',
    severity: 'warning',
    data: { user: 'eve@example.com', day: '2026-11-22', failures: 12 },
  },
];

describe('notifications from Marketo e-mails', () => {
  it('an unknown mail: its own title, the sender, subject and excerpt as text', () => {
    const d = describeNotification(
      samples.find((n) => n.id === 'm')!,
      translator('en'),
    );
    expect(d.title).toBe('E-mail from Marketo');
    expect(d.facts).toEqual([
      { label: 'From', value: 'noreply@mktomail.com' },
      { label: 'Subject', value: 'Your password expires' },
      { label: 'Excerpt', value: 'Change it.' },
    ]);
  });

  it('a seed type from a mail: the title from the type, the subject and excerpt added', () => {
    const n: Notification = {
      ...base,
      id: 'fe',
      type: 'facebook',
      data: {
        problem: 'app_removed',
        source: 'email',
        subject: 'Marketo: Facebook',
        excerpt: '<b>app removed</b>',
      },
    };
    const d = describeNotification(n, translator('nl'));
    expect(d.title).toBe(
      describeNotification({ ...n, data: { problem: 'app_removed' } }, translator('nl')).title,
    );
    expect(d.facts.slice(-2)).toEqual([
      { label: 'Onderwerp', value: 'Marketo: Facebook' },
      { label: 'Fragment', value: '<b>app removed</b>' },
    ]);
  });
});

describe('notifications from Marketo’s own streams', () => {
  it('who did it: "Deactivated by anna@example.com", and the user of an aborted campaign', () => {
    const cleanup: Notification = {
      ...base,
      id: 'tu',
      type: 'trigger_campaign_cleanup',
      severity: 'info',
      data: { campaign: { id: 9, name: 'Old trigger' }, action: 'deactivated', user: 'anna@example.com' },
    };
    expect(describeNotification(cleanup, translator('en')).facts).toContainEqual({
      label: 'Action',
      value: 'Deactivated by anna@example.com',
    });
    expect(describeNotification(cleanup, translator('de')).facts).toContainEqual({
      label: 'Aktion',
      value: 'Deaktiviert von anna@example.com',
    });
    const aborted = campaignFailure('ca', '2026-11-22T10:00:00Z', {
      data: {
        campaign: { id: 1, name: 'Spring' },
        error: { code: 'aborted', message: 'x' },
        user: 'bob@ex.com',
      },
    } as Partial<Notification>);
    const user = { label: 'User', value: 'bob@ex.com' };
    expect(describeNotification(aborted, translator('en')).facts).toContainEqual(user);
  });

  it('an A/B test result and repeated failed logins', () => {
    const ab = describeNotification(
      samples.find((n) => n.id === 'ab')!,
      translator('en'),
    );
    expect(ab.title).toBe('A/B test result for “Subject test”');
    expect(ab.facts).toEqual([{ label: 'Winner', value: 'B' }]);
    const logins = describeNotification(
      samples.find((n) => n.id === 'lf')!,
      translator('fr'),
    );
    expect(logins.title).toBe('Échecs de connexion de eve@example.com');
    expect(logins.facts).toEqual([{ label: 'Échecs de connexion aujourd’hui', value: '12' }]);
  });
});

describe('notification facts', () => {
  it('describes every type in every language with a title and facts', () => {
    for (const lang of LANGUAGES) {
      const tr = translator(lang);
      for (const n of samples) {
        const d = describeNotification(n, tr);
        expect(d.title.length, `${lang} ${n.type}`).toBeGreaterThan(3);
        expect(d.title, `${lang} ${n.type}`).not.toMatch(/\{\w+\}/);
        expect(d.facts.length, `${lang} ${n.type}`).toBeGreaterThan(0);
      }
    }
  });

  it('shows the facts of each type', () => {
    const tr = translator('en');
    const [campaign, salesforce, digest, stream, facebook, cleanup, linkedin, quota] = samples.map((n) =>
      describeNotification(n, tr),
    );
    expect(campaign!.facts).toContainEqual({ label: 'Error', value: 'boom (X1)' });
    expect(salesforce!.title).toBe('Salesforce: The sync user’s credentials expired');
    expect(digest!.title).toBe('Microsoft Dynamics: 5 leads failed to sync');
    expect(digest!.facts).toContainEqual({
      label: 'Causes',
      value: 'Duplicate lead: 3, Field length mismatch: 2',
    });
    expect(digest!.facts).toContainEqual({ label: 'Failed leads', value: '5' });
    expect(stream!.facts).toContainEqual({ label: 'Leads without content', value: '42' });
    expect(stream!.facts).toContainEqual({ label: 'Program', value: 'Nurture' });
    expect(facebook!.title).toContain('Marketo app was removed');
    expect(cleanup!.facts).toContainEqual({ label: 'Action', value: 'Scheduled for deactivation' });
    expect(linkedin!.facts).toContainEqual({ label: 'Failed attempts', value: '3' });
    expect(linkedin!.facts).toContainEqual({ label: 'Target', value: 'Audience A' });
    expect(quota!.facts).toContainEqual({ label: 'Calls used', value: '40,000 of 50,000' });
    expect(quota!.facts).toContainEqual({ label: 'Threshold', value: '80%' });
    expect(quota!.title).toBe('API quota at 80%');
  });

  it('keeps event text as plain text (it is rendered as text, never parsed as HTML)', () => {
    const d = describeNotification(samples[0]!, translator('en'));
    expect(d.title).toBe('Campaign “<img src=x onerror=alert(1)>” failed');
  });

  it('explains the Marketo error code in the user language', () => {
    const d = describeNotification(samples[0]!, translator('nl'));
    expect(d.errorCodes).toEqual([
      expect.objectContaining({
        code: 607,
        label: 'Marketo-fout 607',
        meaning: 'Het dagelijkse API-quotum is op.',
      }),
    ]);
    expect(explainErrorCode(9999, translator('fr')).meaning).toBe(
      'Un code d’erreur absent de la liste de Marketo.',
    );
  });
});

describe('formatting through Intl', () => {
  const digest = samples[2]!;
  const quota = samples[7]!;
  const value = (n: Notification, lang: (typeof LANGUAGES)[number], label: string) =>
    describeNotification(n, translator(lang)).facts.find((f) => f.label === label)?.value;

  it('writes percentages as each language does', () => {
    expect(value(quota, 'fr', 'Seuil')).toBe(new Intl.NumberFormat('fr', { style: 'percent' }).format(0.8));
    expect(value(quota, 'fr', 'Seuil')).toMatch(/^80\s%$/);
    expect(value(quota, 'fr', 'Seuil')).not.toBe('80 %'); // a no-break space, never a plain one
    expect(describeNotification(quota, translator('sv')).title).toBe(
      `API-kvoten på ${new Intl.NumberFormat('sv', { style: 'percent' }).format(0.8)}`,
    );
  });

  it('lists causes and writes the digest window as a range, per language', () => {
    const nl = translator('nl');
    const causes = [`${nl.t('problem.duplicate_lead')}: 3`, `${nl.t('problem.field_length')}: 2`];
    expect(value(digest, 'nl', 'Oorzaken')).toBe(
      new Intl.ListFormat('nl', { type: 'unit', style: 'long' }).format(causes),
    );
    const fr = value(digest, 'fr', 'Motifs')!;
    expect(fr).toContain(' et '); // Intl.ListFormat's own conjunction
    expect(fr).toContain('\u00a0: 3');
    const window = { start: '2026-11-21T10:00:00Z', end: '2026-11-22T10:00:00Z' };
    const range = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).formatRange(
      new Date(window.start),
      new Date(window.end),
    );
    expect(value(digest, 'en', 'Window')).toBe(range);
  });

  it('shares the day in a window within one day', () => {
    const sameDay = {
      ...digest,
      data: { ...digest.data, windowStart: '2026-11-22T08:00:00Z', windowEnd: '2026-11-22T10:00:00Z' },
    } as Notification;
    const text = value(sameDay, 'en', 'Window')!;
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(
      new Date('2026-11-22T09:00:00Z'),
    );
    expect(text.split(day)).toHaveLength(2); // the day once
  });
});

describe('error codes', () => {
  it('says the quota was reported used up on error 607 instead of a contradictory usage', () => {
    const reported: Notification = {
      ...samples[7]!,
      severity: 'critical',
      data: { day: '2026-11-22', threshold: 100, used: 0, limit: 50000, errorCode: 607 },
    } as Notification;
    const en = describeNotification(reported, translator('en'));
    expect(en.title).toBe('Daily API quota used up');
    expect(en.facts).toContainEqual({ label: 'Calls used', value: 'Used up, as reported by Marketo' });
    expect(en.facts.map((f) => f.value).join(' ')).not.toContain('0 of 50,000');
    expect(en.errorCodes.map((c) => c.meaning)).toEqual(['The daily API quota is used up.']);
    // Counted to the limit: the usage is true and shown.
    const counted = { ...reported, data: { ...reported.data, used: 50000 } } as Notification;
    expect(describeNotification(counted, translator('en')).facts).toContainEqual({
      label: 'Calls used',
      value: '50,000 of 50,000',
    });
    for (const lang of LANGUAGES)
      expect(describeNotification(reported, translator(lang)).title).not.toMatch(/\{\w+\}/);
  });

  it("explains a campaign's own error code when Marketo documents it", () => {
    const own = campaignFailure('o', '2026-11-22T10:00:00Z', {
      data: { campaign: { id: 1, name: 'Welcome' }, error: { code: '606', message: 'Rate limited' } },
    } as Partial<Notification>);
    expect(describeNotification(own, translator('en')).errorCodes).toEqual([
      expect.objectContaining({ code: 606, meaning: 'Rate limit reached (100 calls per 20 seconds).' }),
    ]);
    const both = campaignFailure('b', '2026-11-22T10:00:00Z', {
      data: { campaign: { id: 1, name: 'W' }, error: { code: 1004, message: 'x' }, errorCode: 611 },
    } as Partial<Notification>);
    expect(describeNotification(both, translator('sv')).errorCodes.map((c) => c.code)).toEqual([611, 1004]);
    const same = campaignFailure('s', '2026-11-22T10:00:00Z', {
      data: { campaign: { id: 1, name: 'W' }, error: { code: 611, message: 'x' }, errorCode: 611 },
    } as Partial<Notification>);
    expect(describeNotification(same, translator('en')).errorCodes).toHaveLength(1);
    // Not Marketo's: no explanation.
    expect(describeNotification(samples[0]!, translator('en')).errorCodes.map((c) => c.code)).toEqual([607]);
  });
});

describe('campaign changes a poll folded into one notification', () => {
  const folded: Notification = {
    ...base,
    id: 'more',
    type: 'trigger_campaign_cleanup',
    severity: 'info',
    data: {
      campaign: { id: 19, name: 'Trigger 19' },
      action: 'deactivated',
      more: { total: 9980, byKind: { deactivated: 9970, invalid: 10 } },
    },
  };

  it('says how many more, and of which kinds', () => {
    const facts = (n: Notification, lang: Language) => describeNotification(n, translator(lang)).facts;
    const en = { label: 'More changes', value: 'and 9,980 more (Deactivated: 9,970, Invalid: 10)' };
    expect(facts(folded, 'en')).toContainEqual(en);
    const de = { label: 'Weitere Änderungen', value: 'und 9.980 weitere (Deaktiviert: 9.970, Ungültig: 10)' };
    expect(facts(folded, 'de')).toContainEqual(de);
    const one = { ...folded, data: { ...folded.data, more: { total: 1, byKind: { invalid: 1 } } } };
    const fr = { label: 'Autres modifications', value: 'et 1 autre (Non valide\u00a0: 1)' };
    expect(facts(one as Notification, 'fr')).toContainEqual(fr);
  });

  it.each(LANGUAGES)('%s: a short line with the count written as the language writes it', (lang) => {
    const tr = translator(lang);
    const facts = describeNotification(folded, tr).facts;
    const line = facts.find((f) => f.value.includes(tr.number(9980)));
    expect(line, lang).toBeDefined();
    expect(line!.value.length).toBeLessThan(80);
    // Without `more`, no such line.
    const { more: _, ...plain } = folded.data as { more: unknown };
    const plainFacts = describeNotification({ ...folded, data: plain } as Notification, tr).facts;
    expect(plainFacts.some((f) => f.value.includes(tr.number(9980)))).toBe(false);
  });

  it.each(['too_large', 'poll_deadline'])('the connector failure %s is described in words', (code) => {
    const n: Notification = { ...base, id: code, type: 'connector', data: { code } };
    for (const lang of LANGUAGES) {
      const [problem] = describeNotification(n, translator(lang)).facts;
      expect(problem!.value, lang).not.toContain(code);
    }
  });
});
