import { beforeAll, describe, expect, it } from 'vitest';

import type { Notification } from '../../../shared/notifications';
import { deliver, emailAddress } from '../support/email';
import { fixture, fixtureWith } from '../support/email-fixtures';
import { call, WARM_UP_TIMEOUT_MS, warmUp } from '../support/http';
import { tenantWithKeys } from '../support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

async function feed(readKey: string): Promise<Notification[]> {
  const response = await call('/v1/notifications?status=all&limit=100', { token: readKey });
  return (await response.json<{ items: Notification[] }>()).items;
}

async function tenantWithAddress() {
  const t = await tenantWithKeys();
  return { ...t, address: await emailAddress(t.admin) };
}

describe('email(): refusals', () => {
  it('an unknown recipient is refused with a reason and changes nothing', async () => {
    const t = await tenantWithAddress();
    const nearMiss = t.address.replace(/\.[a-z0-9]{24}@/, '.aaaaaaaaaaaaaaaaaaaaaaaa@');
    expect(await deliver(nearMiss, fixture('facebook.en'))).toBe(
      'Message refused: unknown recipient address.',
    );
    expect(await deliver('someone@elsewhere.example', fixture('facebook.en'))).toBe(
      'Message refused: unknown recipient address.',
    );
    expect(await feed(t.read)).toEqual([]);
  });

  it('a message over 1 MiB is refused, by its stated size or by its bytes', async () => {
    const t = await tenantWithAddress();
    expect(await deliver(t.address, fixture('facebook.en'), { rawSize: 1024 * 1024 + 1 })).toBe(
      'Message refused: larger than 1 MiB.',
    );
    const big = new TextEncoder().encode(
      `Subject: big\r\nMessage-ID: <big@x>\r\n\r\n${'x'.repeat(1024 * 1024)}`,
    );
    expect(await deliver(t.address, big, { rawSize: 100 })).toBe('Message refused: larger than 1 MiB.');
    expect(await feed(t.read)).toEqual([]);
  });

  it('bytes postal-mime cannot read as a message are refused', async () => {
    const t = await tenantWithAddress();
    let deep = 'text';
    for (let i = 0; i < 100; i++)
      deep = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${deep}\r\n--b${i}--\r\n`;
    expect(await deliver(t.address, new TextEncoder().encode(`Subject: deep\r\n${deep}`))).toBe(
      'Message refused: not a readable MIME message.',
    );
  });

  it('the address is matched without regard to case', async () => {
    const t = await tenantWithAddress();
    expect(await deliver(t.address.toUpperCase(), fixture('facebook.en'))).toBeNull();
    expect(await feed(t.read)).toHaveLength(1);
  });
});

describe('email(): notifications', () => {
  it('a classified mail is a notification of its type with source, subject and excerpt', async () => {
    const t = await tenantWithAddress();
    expect(await deliver(t.address, fixture('campaign-failure.en'))).toBeNull();
    const [n] = await feed(t.read);
    expect(n).toMatchObject({
      type: 'campaign_failure',
      severity: 'critical',
      count: 1,
      data: {
        source: 'email',
        subject: 'Marketo Notification: Campaign Failure - Welcome Series Trigger',
        campaign: { id: '1042', name: 'Welcome Series Trigger' },
        url: 'https://app-ab12.marketo.com/#SC1042A1',
      },
    });
    expect(n!.data.excerpt).toMatch(
      /^Campaign Failure A smart campaign in your Marketo instance failed\. Campaign: Welcome Series Trigger/,
    );
  });

  it('a repeated Message-ID is a duplicate; another mail of the same campaign repeats the group', async () => {
    const t = await tenantWithAddress();
    await deliver(t.address, fixture('campaign-failure.en'));
    await deliver(t.address, fixture('campaign-failure.en'));
    expect((await feed(t.read)).map((n) => n.count)).toEqual([1]);
    await deliver(t.address, fixtureWith('campaign-failure.en', 'again@mktomail.com'));
    expect((await feed(t.read)).map((n) => n.count)).toEqual([2]);
  });

  it('a mail of no seed type is a marketo_email (info) with subject, sender and excerpt', async () => {
    const t = await tenantWithAddress();
    await deliver(t.address, fixture('unknown.en.attachment'));
    expect(await feed(t.read)).toMatchObject([
      {
        type: 'marketo_email',
        severity: 'info',
        data: {
          source: 'email',
          subject: 'Your Marketo password expires in 5 days',
          from: 'notifications@mktomail.com',
          excerpt: expect.stringMatching(/^Hello, The password/),
        },
      },
    ]);
  });

  it('hostile HTML leaves nothing active in the notification', async () => {
    const t = await tenantWithAddress();
    await deliver(t.address, fixture('campaign-failure.nl.hostile-html'));
    const [n] = await feed(t.read);
    expect(JSON.stringify(n)).not.toMatch(/alert|javascript|script|onerror|evil\.example/i);
    expect(n!.data.url).toBe('https://app-ab12.marketo.com/#SC77A1');
  });

  it('Dynamics mails go into the digest: one notification, leads and causes added up', async () => {
    const t = await tenantWithAddress();
    await deliver(t.address, fixture('crm-sync.zh-Hans.dynamics'));
    await deliver(t.address, fixture('crm-sync.sv.dynamics-attachment'));
    const items = await feed(t.read);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      type: 'crm_sync',
      severity: 'warning',
      count: 5,
      data: {
        kind: 'digest',
        causes: { duplicate_lead: 3, field_length: 2 },
        leads: ['1001', '1002', '1003', '2001', '2002'],
      },
    });
  });

  it('LinkedIn mails count against maxAttempts (3): the third one notifies', async () => {
    const t = await tenantWithAddress();
    for (const i of [1, 2]) await deliver(t.address, fixtureWith('linkedin.en', `li-${i}@mktomail.com`));
    expect(await feed(t.read)).toEqual([]);
    await deliver(t.address, fixtureWith('linkedin.en', 'li-3@mktomail.com'));
    expect(await feed(t.read)).toMatchObject([
      {
        type: 'linkedin',
        data: {
          operation: 'create_audience',
          target: 'Webinar registrants Q2',
          attempts: 3,
          source: 'email',
        },
      },
    ]);
  });

  it('quota mails fire the 100 % notification once per day', async () => {
    const t = await tenantWithAddress();
    await deliver(t.address, fixture('quota.en'));
    await deliver(t.address, fixture('quota.de'));
    expect(await feed(t.read)).toMatchObject([
      {
        type: 'web_services_quota',
        severity: 'critical',
        count: 1,
        data: { threshold: 100, errorCode: 607, source: 'email' },
      },
    ]);
  });

  it('a long non-ASCII Marketo link is dropped, not the notice, for any type', async () => {
    const t = await tenantWithAddress();
    // 700 × é: 729 characters as written, 4,229 once percent-encoded.
    const link = `https://app-ab12.marketo.com/${'é'.repeat(700)}`;
    const mail = (id: string, subject: string, text: string) =>
      new TextEncoder().encode(
        `Subject: ${subject}\r\nFrom: notifications@mktomail.com\r\nMessage-ID: <${id}@x>\r\n` +
          `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${text}\r\n`,
      );
    expect(await deliver(t.address, mail('long-link-1', 'Your password expires', `See ${link}`))).toBeNull();
    const failure = `Campaign: Welcome Series Trigger\r\nError: Email is not approved\r\n${link}`;
    const subject = 'Marketo Notification: Campaign Failure';
    expect(await deliver(t.address, mail('long-link-2', subject, failure))).toBeNull();
    const items = await feed(t.read);
    expect(items.map((n) => n.type).sort()).toEqual(['campaign_failure', 'marketo_email']);
    for (const n of items) expect(n.data).not.toHaveProperty('url');
    const campaignFailure = items.find((n) => n.type === 'campaign_failure');
    expect(campaignFailure).toMatchObject({ data: { campaign: { name: 'Welcome Series Trigger' } } });
  });

  it('a disabled type: the mail is accepted and makes no notification', async () => {
    const t = await tenantWithAddress();
    await call('/v1/settings', {
      method: 'PUT',
      token: t.admin,
      json: { types: { marketo_email: { enabled: false } } },
    });
    expect(await deliver(t.address, fixture('unknown.en.attachment'))).toBeNull();
    expect(await feed(t.read)).toEqual([]);
  });
});
