import { describe, expect, it } from 'vitest';

import { interpretEmail } from '../../../worker/email/interpret';
import { type EmailReading, readEmail } from '../../../worker/email/read';
import { fixture, FIXTURE_NAMES } from '../support/email-fixtures';

const M = 'https://app-ab12.marketo.com';
const read = async (name: string) => interpretEmail(await readEmail(fixture(name)));

/** Every seed type in at least four languages; the structure and encoding of each is in its file. */
const CLASSIFIED: [string, string, object[]][] = [
  [
    'campaign-failure.en',
    'campaign_failure',
    [
      {
        url: `${M}/#SC1042A1`,
        campaign: { id: '1042', name: 'Welcome Series Trigger' },
        program: { name: '2026 Onboarding' },
        error: { code: 611, message: 'Email "Welcome 1" is not approved' },
      },
    ],
  ],
  [
    'campaign-failure.de',
    'campaign_failure',
    [
      {
        campaign: { id: 'Newsletter Anmeldung', name: 'Newsletter Anmeldung' },
        program: { name: 'Newsletter DACH' },
        error: { message: 'E-Mail-Adresse des Absenders ist ungültig' },
      },
    ],
  ],
  [
    'campaign-failure.ja',
    'campaign_failure',
    [
      {
        campaign: { name: '春のウェビナー招待' },
        program: { name: '2026 春ウェビナー' },
        error: { message: 'メールが承認されていません' },
      },
    ],
  ],
  [
    'campaign-failure.fr',
    'campaign_failure',
    [
      {
        campaign: { name: 'Relance panier' },
        program: { name: 'E-commerce 2026' },
        error: { message: 'Le champ « Pays » est vide' },
      },
    ],
  ],
  [
    'campaign-failure.nl.hostile-html',
    'campaign_failure',
    [
      {
        url: `${M}/#SC77A1`,
        campaign: { name: 'Webinar herinnering' },
        error: { message: 'Token {{my.Datum}} ontbreekt' },
      },
    ],
  ],
  ['crm-sync.en.salesforce', 'crm_sync', [{ crm: 'salesforce', problem: 'expired_credentials' }]],
  ['crm-sync.es.salesforce', 'crm_sync', [{ crm: 'salesforce', problem: 'api_limit' }]],
  ['crm-sync.ko.salesforce', 'crm_sync', [{ crm: 'salesforce', problem: 'permissions' }]],
  [
    'crm-sync.zh-Hans.dynamics',
    'crm_sync',
    [
      { crm: 'dynamics', problem: 'duplicate_lead', lead: { id: '1001', email: 'li.wei@example.cn' } },
      { crm: 'dynamics', problem: 'field_length', lead: { id: '1002', email: 'zhang.min@example.cn' } },
      { crm: 'dynamics', problem: 'duplicate_lead', lead: { id: '1003', email: 'wang.fang@example.cn' } },
    ],
  ],
  [
    'crm-sync.sv.dynamics-attachment',
    'crm_sync',
    [
      { crm: 'dynamics', problem: 'field_length', lead: { id: '2001', email: 'anna.berg@example.se' } },
      { crm: 'dynamics', problem: 'duplicate_lead', lead: { id: '2002', email: 'erik.lund@example.se' } },
    ],
  ],
  [
    'engagement.en',
    'engagement_exhausted',
    [
      {
        url: `${M}/#EP1234A1`,
        program: { name: 'Lead Nurture 2026' },
        stream: { name: 'Early stage' },
        exhaustedLeads: 1204,
      },
    ],
  ],
  [
    'engagement.it',
    'engagement_exhausted',
    [{ program: { name: 'Nurture clienti Italia' }, stream: { name: 'Fase iniziale' }, exhaustedLeads: 87 }],
  ],
  [
    'engagement.pt-BR',
    'engagement_exhausted',
    [
      {
        program: { name: 'Nutrição de leads Brasil' },
        stream: { name: 'Estágio inicial' },
        exhaustedLeads: 342,
      },
    ],
  ],
  [
    'engagement.zh-Hant',
    'engagement_exhausted',
    [{ program: { name: '潛在客戶培育 2026' }, stream: { name: '初期階段' }, exhaustedLeads: 56 }],
  ],
  [
    'engagement.nl',
    'engagement_exhausted',
    [{ program: { name: 'Nurture Benelux' }, stream: { name: 'Beslissingsfase' }, exhaustedLeads: 19 }],
  ],
  ['facebook.en', 'facebook', [{ problem: 'terms_not_accepted' }]],
  ['facebook.de', 'facebook', [{ problem: 'terms_not_accepted' }]],
  ['facebook.fr', 'facebook', [{ problem: 'app_removed' }]],
  ['facebook.ja', 'facebook', [{ problem: 'app_removed' }]],
  [
    'cleanup.en',
    'trigger_campaign_cleanup',
    [{ campaign: { id: '3301', name: 'Old webinar follow-up' }, action: 'scheduled' }],
  ],
  [
    'cleanup.es',
    'trigger_campaign_cleanup',
    [{ campaign: { name: 'Seguimiento feria 2024' }, action: 'deactivated' }],
  ],
  [
    'cleanup.ko',
    'trigger_campaign_cleanup',
    [{ campaign: { name: '2024 박람회 후속 조치' }, action: 'deactivated' }],
  ],
  [
    'cleanup.sv.latin1-subject',
    'trigger_campaign_cleanup',
    [{ campaign: { name: 'Uppföljning mässa 2025' }, action: 'scheduled' }],
  ],
  [
    'cleanup.nl',
    'trigger_campaign_cleanup',
    [{ campaign: { name: 'Beurs opvolging 2024' }, action: 'deactivated' }],
  ],
  [
    'linkedin.en',
    'linkedin',
    [{ operation: 'create_audience', target: 'Webinar registrants Q2', outcome: 'failure' }],
  ],
  ['linkedin.it', 'linkedin', [{ operation: 'login', outcome: 'failure' }]],
  [
    'linkedin.zh-Hans',
    'linkedin',
    [{ operation: 'send', target: '2026 网络研讨会注册者', outcome: 'failure' }],
  ],
  ['linkedin.pt-BR', 'linkedin', [{ operation: 'login', outcome: 'failure' }]],
  ['linkedin.ja', 'linkedin', [{ operation: 'login', outcome: 'failure' }]],
  ['quota.en', 'web_services_quota', [{ errorCode: 607 }]],
  ['quota.de', 'web_services_quota', [{}]],
  ['quota.zh-Hant', 'web_services_quota', [{}]],
  ['quota.fr', 'web_services_quota', [{}]],
  ['quota.nl', 'web_services_quota', [{}]],
];

const UNKNOWN: [string, { subject: string; excerpt: string }][] = [
  [
    'unknown.en.attachment',
    {
      subject: 'Your Marketo password expires in 5 days',
      excerpt:
        'Hello, The password of your Marketo user expires in 5 days. Change it under My Account > Security. ' +
        'The attached file lists the users of your subscription.',
    },
  ],
  // It names a type, but not the campaign: kept as it came rather than guessed.
  [
    'campaign-failure.en.no-campaign',
    {
      subject: 'Marketo Notification: Campaign Failure',
      excerpt: 'Campaign Failure Something went wrong. Please check your instance.',
    },
  ],
];

describe('notification e-mails become seed events', () => {
  it.each(CLASSIFIED)('%s: %s', async (name, type, events) => {
    const outcome = await read(name);
    expect(outcome).toMatchObject({ kind: 'events', type, events: events.map((e) => ({ type, ...e })) });
    if (outcome.kind === 'events')
      for (const event of outcome.events) expect(event.occurredAt).toBe('2026-11-23T09:15:00.000Z');
  });

  it('every fixture is in one of the tables', () => {
    expect([...CLASSIFIED.map(([n]) => n), ...UNKNOWN.map(([n]) => n)].sort()).toEqual(
      [...FIXTURE_NAMES].sort(),
    );
  });

  it('covers every seed type in at least four languages', () => {
    const languages = new Map<string, Set<string>>();
    for (const [name, type] of CLASSIFIED) {
      const set = languages.get(type) ?? new Set();
      set.add(name.split('.')[1]!);
      languages.set(type, set);
    }
    expect(languages.size).toBe(7);
    for (const set of languages.values()) expect(set.size).toBeGreaterThanOrEqual(4);
  });
});

describe('mails that are no seed type', () => {
  it.each(UNKNOWN)('%s is a marketo_email fact', async (name, fact) => {
    expect(await read(name)).toEqual({
      kind: 'unknown',
      fact: { ...fact, from: 'notifications@mktomail.com' },
    });
  });
});

describe('facts that do not fit are dropped, never the mail', () => {
  const plain = { messageId: 'x@y', subject: 'Notice', from: 'n@mktomail.com', text: 'Hello', links: [] };
  const reading = (over: Partial<EmailReading>): EmailReading => ({ ...plain, date: null, ...over });

  it('a Marketo link longer than 2,000 characters once percent-encoded is left out', () => {
    const link = `${M}/${'é'.repeat(700)}`;
    expect(link.length).toBeLessThan(2000);
    expect(interpretEmail(reading({ text: `See ${link}`, links: [link] }))).toEqual({
      kind: 'unknown',
      fact: { subject: 'Notice', from: 'n@mktomail.com', excerpt: `See ${link}`.slice(0, 500) },
    });
    const subject = 'Marketo Notification: Campaign Failure';
    const failure = reading({ subject, text: 'Campaign: Spring\nError: Bad token', links: [link] });
    const spring = { kind: 'events', type: 'campaign_failure', events: [{ campaign: { name: 'Spring' } }] };
    expect(interpretEmail(failure)).toMatchObject(spring);
  });

  it('a fact over its schema’s limit is emptied or dropped, and interpretEmail does not throw', () => {
    const from = `${'é'.repeat(400)}@x.example`;
    const outcome = interpretEmail(reading({ subject: 'ö'.repeat(5_000), from }));
    expect(outcome).toEqual({ kind: 'unknown', fact: { subject: '', from: '', excerpt: 'Hello' } });
    const subject = 'Marketo Notification: Campaign Failure';
    const long = reading({ subject, text: 'Campaign: Spring\nError: x', date: 'not a date' });
    const spring = { kind: 'events', type: 'campaign_failure', events: [{ campaign: { name: 'Spring' } }] };
    expect(interpretEmail(long)).toMatchObject(spring);
    expect((interpretEmail(long) as { events: object[] }).events[0]).not.toHaveProperty('occurredAt');
  });
});
