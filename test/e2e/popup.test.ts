// The built extension in real Chromium against a real local worker: manifest, badge and popup.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import {
  campaignFailure,
  dynamicsLeadFailures,
  engagementExhausted,
  facebookProblem,
  linkedinFailures,
  quotaReached,
  salesforceSync,
  triggerCampaignCleanup,
} from '../../scripts/lib/demo-events.mjs';
import { LANGUAGES, localeFolder } from '../../shared/languages';
import { isConnectorType, isStreamType, NOTIFICATION_TYPES } from '../../shared/notification-types';
import { AMBER, BLUE, POLL, RED, rgba, SCREENSHOTS, useChromiumExtension } from './support/chromium-harness';

const XSS_NAME = '<img src=x onerror="window.__xss=1">';
const MARKETO_LINK = 'https://app-ab12.marketo.com/#SC1042A1';

const h = useChromiumExtension();

/** The value of a notification's fact, found by its label. */
async function fact(item: Locator, label: string): Promise<string | null> {
  return item
    .locator('.fact')
    .filter({ has: item.page().locator('dt', { hasText: label }) })
    .locator('dd')
    .textContent();
}

describe('manifest', () => {
  it('names and describes the extension from _locales, in the browser language', async () => {
    const manifest = JSON.parse(await readFile(join(h.extensionDir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
    });
    for (const lang of LANGUAGES) {
      const messages = JSON.parse(
        await readFile(join(h.extensionDir, '_locales', localeFolder(lang), 'messages.json'), 'utf8'),
      );
      expect(messages.extDescription.message, lang).not.toBe('');
    }
    // What Chrome shows for it (this browser runs in English).
    const sw = await h.browser.serviceWorker();

    const self = await sw.evaluate(() => (globalThis as any).chrome.management.getSelf());
    expect(self.name).toBe('Marketo Notifier');
    expect(self.description).toBe(
      'Live notifications for Marketo Engage failures: badge, feed and alerts inside Marketo.',
    );
  });
});

describe('badge', () => {
  it('starts connected and empty', async () => {
    await expect.poll(async () => (await h.backgroundState())?.status, POLL).toBe('live');
    expect((await h.browser.badge()).text).toBe('');
  });

  it('shows the count in the colour of the worst unread severity', async () => {
    await h.api.ingest([triggerCampaignCleanup({ url: 'https://marketo.example.com/phish' })]);
    await expect.poll(h.browser.badge, POLL).toEqual({ text: '1', color: rgba(BLUE) });

    await h.api.ingest([engagementExhausted()]);
    await expect.poll(h.browser.badge, POLL).toEqual({ text: '2', color: rgba(AMBER) });

    await h.api.ingest([
      campaignFailure({ url: MARKETO_LINK }),
      salesforceSync(),
      ...dynamicsLeadFailures(),
      facebookProblem(),
      ...linkedinFailures(3),
      quotaReached(),
    ]);
    const counts = await h.api.counts();
    // Every type an event can carry: marketo_email comes only by e-mail (see the e-mail test), the
    // connector's own types from Marketo (see the connector test), the streams' own from Adobe I/O
    // Events (see the io-events test), `channel` from the outbound channels (see the channels test).
    const posted = NOTIFICATION_TYPES.filter(
      (t) => t !== 'marketo_email' && t !== 'channel' && !isConnectorType(t) && !isStreamType(t),
    );
    for (const type of posted) expect(counts.byType[type], type).toBeGreaterThanOrEqual(1);
    // One per type, plus crm_sync twice (a Salesforce problem and the Dynamics digest).
    expect(counts.unread).toBe(8);
    await expect.poll(h.browser.badge, POLL).toEqual({ text: '8', color: rgba(RED) });
  });
});

describe('popup', () => {
  it('shows the quota gauge and one group per type with its facts', async () => {
    await h.api.usage(40_001); // crosses the 80 % warning of the default 50,000 calls
    const counts = await h.api.counts();
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe(String(counts.unread));

    const page = await h.openExtensionPage('popup.html');
    const meter = page.getByTestId('quota-gauge').getByRole('meter');
    await expect.poll(() => meter.getAttribute('aria-valuenow'), POLL).toBe(String(counts.quota.used));
    expect(counts.quota.used).toBe(40_001);
    expect(await meter.getAttribute('aria-valuemax')).toBe('50000');
    expect(await page.getByTestId('quota-reset').textContent()).not.toBe('');

    const notifications = await h.api.notifications();
    for (const type of NOTIFICATION_TYPES) {
      const group = page.getByTestId(`feed-group-${type}`);
      for (const n of notifications.filter((item) => item.type === type)) {
        await expect.poll(() => group.getByTestId(`notification-${n.id}`).count(), POLL).toBe(1);
      }
    }
    const text = (type: string) => page.getByTestId(`feed-group-${type}`).textContent();
    expect(await text('campaign_failure')).toContain('Welcome nurture: send email 1');
    expect(await text('campaign_failure')).toContain('Email asset is not approved');
    expect(await text('engagement_exhausted')).toContain('Onboarding engagement');
    expect(await text('engagement_exhausted')).toContain('128');
    expect(await text('trigger_campaign_cleanup')).toContain('Old webinar follow-up');
    expect(await text('linkedin')).toContain('Matched audience: Q3 buyers');

    // The Dynamics digest: its lead count and the causes, counted.
    const digest = notifications.find((n) => n.type === 'crm_sync' && n.data.kind === 'digest')!;
    const digestItem = page.getByTestId(`notification-${digest.id}`);
    expect(await digestItem.getByRole('heading').textContent()).toBe(
      'Microsoft Dynamics: 2 leads failed to sync',
    );
    expect(await fact(digestItem, 'Failed leads')).toBe('2');
    expect(await fact(digestItem, 'Causes')).toBe('Duplicate lead: 1, Field length mismatch: 1');

    // The quota group: the 80 % warning with the usage, and error 607 as Marketo reported it.
    const quota = page.getByTestId('feed-group-web_services_quota');
    const warning = notifications.find((n) => n.type === 'web_services_quota' && n.severity === 'warning')!;
    const reported = notifications.find((n) => n.type === 'web_services_quota' && n.data.errorCode === 607)!;
    expect(await quota.getByTestId(`notification-${warning.id}`).getByRole('heading').textContent()).toBe(
      'API quota at 80%',
    );
    expect(await fact(quota.getByTestId(`notification-${warning.id}`), 'Calls used')).toBe(
      '40,001 of 50,000',
    );
    const reportedItem = quota.getByTestId(`notification-${reported.id}`);
    expect(await reportedItem.getByRole('heading').textContent()).toBe('Daily API quota used up');
    expect(await fact(reportedItem, 'Calls used')).toBe('Used up, as reported by Marketo');

    // Marketo error codes, explained.
    expect(await reportedItem.getByTestId('error-code').textContent()).toContain(
      'The daily API quota is used up.',
    );
    const failureCode = page
      .getByTestId(`notification-${notifications.find((n) => n.type === 'campaign_failure')!.id}`)
      .getByTestId('error-code');
    expect(await failureCode.locator('dt').textContent()).toBe('Marketo error 611');
    expect(await failureCode.locator('dd').textContent()).toContain('A system error occurred at Marketo.');

    // Links are shown only to Marketo hosts.
    const failure = notifications.find((n) => n.type === 'campaign_failure')!;
    const cleanup = notifications.find((n) => n.type === 'trigger_campaign_cleanup')!;
    expect(
      await page
        .getByTestId(`notification-${failure.id}`)
        .getByTestId('open-in-marketo')
        .getAttribute('href'),
    ).toBe(MARKETO_LINK);
    expect(await page.getByTestId(`notification-${cleanup.id}`).getByTestId('open-in-marketo').count()).toBe(
      0,
    );

    // For screen readers: the feed is not a live region; "×2" is read as words, from real text.
    expect(await page.getByTestId('feed').getAttribute('aria-live')).toBeNull();
    expect(await page.getByTestId('feed').locator('[aria-live]').count()).toBe(0);
    const times = digestItem.getByTestId('notification-count');
    expect(await times.getAttribute('aria-label')).toBeNull();
    expect(await times.locator('.visually-hidden').textContent()).toBe('happened 2 times');
    expect(await times.locator('[aria-hidden="true"]').textContent()).toBe('×2');

    await page.screenshot({ path: join(SCREENSHOTS, 'popup.png'), fullPage: true });
    await page.close();
  });

  it('shows a hostile campaign name as inert text', async () => {
    await h.api.ingest([campaignFailure({ campaign: { id: 666, name: XSS_NAME }, url: undefined })]);
    const page = await h.openExtensionPage('popup.html');
    await expect
      .poll(() => page.getByTestId('feed-group-campaign_failure').getByText(XSS_NAME).count(), POLL)
      .toBeGreaterThan(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });

  it('marking one read lowers the badge, marking all read empties it', async () => {
    const before = await h.api.counts();
    const failure = (await h.api.notifications()).find((n) => n.type === 'facebook')!;
    const page = await h.openExtensionPage('popup.html');
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName,
      );
    const marked = `mark-read-${failure.id}`;
    await expect.poll(() => page.getByTestId(marked).count(), POLL).toBe(1);
    const buttons = await page
      .locator('[data-testid^="mark-read-"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    const next = buttons[buttons.indexOf(marked) + 1];
    expect(next).toBeDefined();

    // By keyboard: the button goes away, focus moves to the next notification's button, not <body>.
    await page.getByTestId(marked).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe(String(before.unread - 1));
    expect((await h.api.counts()).unread).toBe(before.unread - 1);
    expect(await page.getByTestId(marked).count()).toBe(0);
    expect(await focused()).toBe(next);

    // "Mark all" disables itself: focus rests on the feed.
    await page.getByTestId('mark-all-read').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe('');
    expect(await page.getByTestId('mark-all-read').isDisabled()).toBe(true);
    expect(await focused()).toBe('feed');
    expect((await h.api.counts()).unread).toBe(0);
    // Marked items stay in view (as read) until the popup opens again; then the feed is empty.
    await expect.poll(() => page.locator('[data-read="false"]').count(), POLL).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId('empty-state').count(), POLL).toBe(1);
    await page.close();
  });
});

describe('popup with a hidden type', () => {
  it('mark all as read leaves the hidden type unread', async () => {
    const options = await h.openExtensionPage('options.html', { width: 820, height: 900 });
    await options.getByTestId('pref-facebook-show').uncheck();
    await h.api.ingest([
      facebookProblem({ problem: 'app_removed' }),
      engagementExhausted({ program: { id: 3003, name: 'Partner webinar nurture' } }),
    ]);
    expect((await h.api.counts()).unread).toBe(2);

    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('[data-read="false"]').count(), POLL).toBe(1);
    expect(await popup.getByTestId('feed-group-facebook').count()).toBe(0);
    await popup.getByTestId('mark-all-read').click();
    await expect.poll(async () => (await h.api.counts()).byType.engagement_exhausted, POLL).toBe(0);
    expect((await h.api.counts()).byType.facebook).toBe(1);

    // Shown again, it is still there to read; with nothing hidden, mark all marks everything.
    await options.getByTestId('pref-facebook-show').check();
    await popup.reload();
    await expect.poll(() => popup.getByTestId('feed-group-facebook').count(), POLL).toBe(1);
    await popup.getByTestId('mark-all-read').click();
    await expect.poll(async () => (await h.api.counts()).unread, POLL).toBe(0);
    await popup.close();
    await options.close();
  });
});

describe('popup opened again', () => {
  it("paints the page kept from the last open at once, then the worker's own", async () => {
    await h.api.ingest([campaignFailure({ campaign: { id: 9001, name: 'Kept: spring webinar invite' } })]);
    const first = await h.openExtensionPage('popup.html');
    await expect
      .poll(
        () =>
          first
            .locator('[data-testid="feed"]:not([data-stale])')
            .getByText('Kept: spring webinar invite')
            .count(),
        POLL,
      )
      .toBeGreaterThan(0);
    // The popup keeps its page after painting it (a read, then a write of session storage): a
    // person looks at it longer than that, the test waits for the write before closing.
    await expect
      .poll(
        () =>
          first.evaluate(async () =>
            JSON.stringify(await (globalThis as any).chrome.storage.session.get('keptPage')),
          ),
        POLL,
      )
      .toContain('Kept: spring webinar invite');
    await first.close();

    // The worker's answers are held back: what the popup shows meanwhile is the kept page.
    await h.api.ingest([campaignFailure({ campaign: { id: 9002, name: 'Since: partner newsletter' } })]);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const page = await h.browser.context.newPage();
    await page.setViewportSize({ width: 420, height: 720 });
    await page.route('**/v1/notifications?**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`chrome-extension://${h.browser.extensionId}/popup.html`);
    const stale = page.locator('[data-testid="feed"][data-stale]');
    await expect.poll(() => stale.getByText('Kept: spring webinar invite').count(), POLL).toBeGreaterThan(0);
    expect(await stale.getAttribute('aria-busy')).toBe('true');
    expect(await page.getByText('Since: partner newsletter').count()).toBe(0);

    // Another filter chosen meanwhile is not shown the unread page kept: it waits for its own.
    await page.getByTestId('filter-all').click();
    await expect.poll(() => page.getByTestId('loading-state').count(), POLL).toBe(1);
    expect(await page.getByText('Kept: spring webinar invite').count()).toBe(0);

    release();
    const fresh = page.locator('[data-testid="feed"]:not([data-stale])');
    await expect.poll(() => fresh.getByText('Since: partner newsletter').count(), POLL).toBeGreaterThan(0);
    expect(await fresh.getByText('Kept: spring webinar invite').count()).toBeGreaterThan(0);
    await page.getByTestId('filter-unread').click();
    await page.close();
  });
});
