import { describe, expect, it } from 'vitest';

import { interpretEmail } from '../../../worker/email/interpret';
import { readEmail } from '../../../worker/email/read';
import { fixture } from '../support/email-fixtures';

describe('reading notification e-mails with postal-mime', () => {
  it('multipart/alternative, quoted-printable: the subject, sender, Message-ID, text and links', async () => {
    const mail = await readEmail(fixture('campaign-failure.en'));
    expect(mail).toMatchObject({
      messageId: 'campaign-failure.en@mktomail.com',
      subject: 'Marketo Notification: Campaign Failure - Welcome Series Trigger',
      from: 'notifications@mktomail.com',
      date: '2026-11-23T09:15:00.000Z',
    });
    expect(mail.text).toContain('Error: Email "Welcome 1" is not approved');
    expect(mail.text).not.toMatch(/<|hidden style text|=\r?\n/);
    expect(mail.links).toContain('https://app-ab12.marketo.com/#SC1042A1');
  });

  it('HTML only, base64: turned into text without tags or styles', async () => {
    const mail = await readEmail(fixture('quota.nl'));
    expect(mail.text).toBe(
      'Webservices\n\nU hebt uw dagelijkse API-quotum bereikt. ' +
        'Het quotum wordt om middernacht (Central Time) opnieuw ingesteld.',
    );
  });

  it('base64 UTF-8 text and an RFC 2047 UTF-8 subject (B)', async () => {
    const mail = await readEmail(fixture('campaign-failure.ja'));
    expect(mail.subject).toBe('Marketo 通知: キャンペーン失敗 - 春のウェビナー招待');
    expect(mail.text).toContain('キャンペーン：春のウェビナー招待');
  });

  it('RFC 2047 UTF-8 subject (Q) and ISO-8859-1 subjects (Q), an ISO-8859-1 body', async () => {
    expect((await readEmail(fixture('crm-sync.es.salesforce'))).subject).toBe(
      'Notificación de Marketo: Sincronización de CRM',
    );
    expect((await readEmail(fixture('campaign-failure.fr'))).subject).toBe(
      'Notification Marketo : Échec de Campaign',
    );
    const sv = await readEmail(fixture('cleanup.sv.latin1-subject'));
    expect(sv.subject).toBe('Marketo-meddelande: Rensa inaktiv utlösarkampanj');
    expect(sv.text).toContain('Kampanj: Uppföljning mässa 2025');
  });

  it('an attachment is not read as text, and its words classify nothing', async () => {
    const dynamics = await readEmail(fixture('crm-sync.sv.dynamics-attachment'));
    expect(dynamics.text).not.toMatch(/9999|facebook@|Campaign Failure/);
    const unknown = await readEmail(fixture('unknown.en.attachment'));
    expect(unknown.text).not.toContain('%PDF');
    expect(interpretEmail(unknown).kind).toBe('unknown');
  });

  it('a message without Message-ID has none, and one without a From takes the envelope sender', async () => {
    const raw = 'Subject: hello\r\n\r\nbody text\r\n';
    expect(await readEmail(raw, 'bounce@mktomail.com')).toMatchObject({
      messageId: null,
      from: 'bounce@mktomail.com',
      subject: 'hello',
      text: 'body text',
    });
  });
});

describe('hostile HTML stays inert', () => {
  it('scripts, styles, comments and event handlers leave no text; javascript: links are never the link', async () => {
    const mail = await readEmail(fixture('campaign-failure.nl.hostile-html'));
    expect(mail.text).not.toMatch(/alert|document|cookie|stolen|steal|onload|onerror|background|<|>/i);
    expect(mail.text).toContain('Campagne: Webinar herinnering');
    expect(mail.links).toEqual(expect.arrayContaining(["javascript:alert('link')", 'JaVaScRiPt:alert(2)']));
    const outcome = interpretEmail(mail);
    expect(outcome.kind === 'events' && outcome.events[0]!.url).toBe('https://app-ab12.marketo.com/#SC77A1');
  });

  it('a mail whose only links are javascript: or look-alike hosts gives no link', async () => {
    const html =
      '<p>Campaign Failure</p><p>Campaign: Spring<br>Error: broken</p><a href="javascript:alert(1)">x</a>' +
      '<a href="https://app-ab12.marketo.com.evil.example/">y</a><a href="http://app-ab12.marketo.com/">z</a>';
    const raw = `Subject: Campaign Failure\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`;
    const outcome = interpretEmail(await readEmail(raw));
    expect(outcome).toMatchObject({ kind: 'events', type: 'campaign_failure' });
    expect(outcome.kind === 'events' && outcome.events[0]).not.toHaveProperty('url');
  });
});
