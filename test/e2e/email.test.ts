// Marketo notification e-mails end to end: wrangler's local e-mail trigger, the worker's email()
// handler, and the built extension in real Chromium (badge and popup).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { demoEmail, sendLocalEmail } from '../../scripts/lib/demo-emails.mjs';
import { ensureEmailAddress } from '../../scripts/lib/local-worker.mjs';
import { POLL, useChromiumExtension } from './support/chromium-harness';

const MARKETO_LINK = 'https://app-ab12.marketo.com/#SC9001A1';
const XSS_NAME = '<img src=x onerror="window.__xss=1">';

/** A campaign failure whose HTML tries everything: scripts, handlers, javascript: links, markup as a name. */
function hostileMail(to: string): string {
  const html = `<html><head><script>window.__xss=1</script><style>*{display:none}</style></head>
<body onload="window.__xss=1"><h1>Campaign Failure</h1>
<p>Campaign: ${XSS_NAME.replace(/</g, '&lt;').replace(/>/g, '&gt;')}<br>Error: Token missing</p>
<p><a href="javascript:window.__xss=1">Fix it</a> <a href="https://evil.example/#SC9001A1">Marketo</a>
<a href="${MARKETO_LINK}">Open in Marketo</a></p>
<img src="x" onerror="window.__xss=1"></body></html>`;
  return [
    'From: Marketo <notifications@mktomail.com>',
    `To: ${to}`,
    'Subject: Marketo Notification: Campaign Failure',
    `Message-ID: <hostile-${Date.now()}@mktomail.com>`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
  ].join('\r\n');
}

const h = useChromiumExtension();
let address: string;

// After the harness's own beforeAll: the worker is up.
beforeAll(async () => {
  address = await ensureEmailAddress(h.worker.url, h.worker.keys.admin);
});

const openPopup = (): Promise<Page> => h.openExtensionPage('popup.html');

describe('notification e-mails through the local e-mail trigger', () => {
  it('an unknown address is refused', async () => {
    const to = address.replace(/\.[a-z0-9]{24}@/, '.000000000000000000000000@');
    const result = await sendLocalEmail(h.worker.url, { to, raw: await demoEmail('facebook.en', to) });
    expect(result.rejectReason).toBe('Message refused: unknown recipient address.');
  });

  it('a classified mail and an unknown one show in the badge and the popup; hostile HTML stays inert', async () => {
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('');
    expect(
      (await sendLocalEmail(h.worker.url, { to: address, raw: hostileMail(address) })).rejectReason,
    ).toBeUndefined();
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('1');
    expect(
      (
        await sendLocalEmail(h.worker.url, {
          to: address,
          raw: await demoEmail('unknown.en.attachment', address),
        })
      ).rejectReason,
    ).toBeUndefined();
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('2');

    const [unknown] = await h.api
      .notifications()
      .then((items) => items.filter((n) => n.type === 'marketo_email'));
    const page = await openPopup();
    const failure = page.getByTestId('feed-group-campaign_failure');
    await expect.poll(() => failure.getByText(XSS_NAME).count(), POLL).toBeGreaterThan(0);
    expect(await failure.textContent()).toContain('Marketo Notification: Campaign Failure');
    expect(await failure.getByTestId('open-in-marketo').getAttribute('href')).toBe(MARKETO_LINK);
    expect(
      await page
        .locator('a[href^="javascript:" i], a[href*="evil.example"], img[src="x"], script:not([src])')
        .count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    const item = page.getByTestId(`notification-${unknown!.id}`);
    expect(await item.getByRole('heading').textContent()).toBe('E-mail from Marketo');
    expect(await item.textContent()).toContain('Your Marketo password expires in 5 days');
    expect(await item.textContent()).toContain('notifications@mktomail.com');
    await page.close();
  });

  it('the options show the address with an admin key: copy, rotate, and the Marketo steps', async () => {
    const page = await h.browser.context.newPage();
    await page.setViewportSize({ width: 820, height: 1600 });
    await page.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
    await page.getByTestId('key').fill(h.worker.keys.admin);
    await page.getByTestId('test-connection').click();
    const field = page.getByTestId('email-address');
    await expect.poll(() => field.count(), POLL).toBe(1);
    expect(await field.inputValue()).toBe(address);
    expect(await page.getByTestId('email-steps').locator('li').allTextContents()).toEqual([
      'In Marketo, click Notifications at the top right, then Subscribe.',
      'Choose a notification type and enter this address under “send to”.',
      'Click Subscribe. Repeat for every type you want to see here.',
    ]);
    await page.getByTestId('email-copy').click();
    await expect
      .poll(() => page.getByTestId('email-note').textContent(), POLL)
      .toMatch(/^(Copied\.|Could not copy; the address is selected: press Ctrl\+C\.)$/);

    await page.getByTestId('email-rotate').click();
    await expect.poll(() => field.inputValue(), POLL).not.toBe(address);
    const rotated = await field.inputValue();
    expect(rotated).toMatch(
      new RegExp(`^${h.worker.tenant.toLowerCase()}\\.[a-z0-9]{24}@notify\\.localhost$`),
    );
    expect(await page.getByTestId('email-note').textContent()).toContain('the old one no longer works');
    expect(
      (await sendLocalEmail(h.worker.url, { to: address, raw: await demoEmail('facebook.en', address) }))
        .rejectReason,
    ).toBe('Message refused: unknown recipient address.');
    expect(
      (await sendLocalEmail(h.worker.url, { to: rotated, raw: await demoEmail('facebook.en', rotated) }))
        .rejectReason,
    ).toBeUndefined();
    await page.close();
  });
});
