// The built extension in real Chromium against a real local worker: badge, popup, options, overlay.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../scripts/lib/build-extension.mjs';
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
import { startTestWorker } from '../../scripts/lib/local-worker.mjs';
import { LANGUAGES, localeFolder } from '../../shared/languages';
import { isConnectorType, NOTIFICATION_TYPES } from '../../shared/notification-types';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startMarketoFixture, type FixtureServer } from './support/fixture-server';
import { workerClient } from './support/worker-client';

/** Pictures of a test run go to an ignored folder; `npm run screenshots` points this at docs/screenshots for the README. */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const XSS_NAME = '<img src=x onerror="window.__xss=1">';
const MARKETO_LINK = 'https://app-ab12.marketo.com/#SC1042A1';
/** Push over the WebSocket is immediate; polling (1 min alarm) is the slow fallback. */
const POLL = { timeout: 75_000, interval: 250 };

/** The badge colours, written out: the code's own constants must not be what they are checked against. */
const RED = '#C5221F';
const AMBER = '#F29900';
const BLUE = '#1A73E8';
const GREY = '#5F6368';

/** chrome.action answers colours as [r, g, b, a]. */
function rgba(hex: string): number[] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}

let worker: Awaited<ReturnType<typeof startTestWorker>>;
let api: ReturnType<typeof workerClient>;
let browser: ExtensionBrowser;
let buildDir: string;
let extensionDir: string;
let fixture: FixtureServer;

async function openExtensionPage(path: string, size = { width: 420, height: 720 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** The value of a notification's fact, found by its label. */
async function fact(item: Locator, label: string): Promise<string | null> {
  return item.locator('.fact').filter({ has: item.page().locator('dt', { hasText: label }) }).locator('dd').textContent();
}

/** The Marketo-like page, once the overlay's bell is on it. */
async function openMarketoPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 640 });
  await page.goto(`http://app-ab12.marketo.com:${fixture.port}/#SC1042A1`);
  await expect.poll(() => page.getByTestId('overlay-bell').count(), POLL).toBe(1);
  return page;
}

async function backgroundState(): Promise<{ status: string; problem: { kind: string } | null }> {
  const sw = await browser.serviceWorker();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return sw.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('state')).state);
}

beforeAll(async () => {
  worker = await startTestWorker();
  api = workerClient(worker);
  buildDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-extension-'));
  extensionDir = await buildExtension({ workerUrl: worker.url, readKey: worker.keys.read, outDir: buildDir });
  browser = await launchWithExtension(extensionDir);
  fixture = await startMarketoFixture();
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
  await worker?.stop();
  if (buildDir) await rm(buildDir, { recursive: true, force: true });
});

describe('manifest', () => {
  it('names and describes the extension from _locales, in the browser language', async () => {
    const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: '__MSG_extName__', description: '__MSG_extDescription__', default_locale: 'en' });
    for (const lang of LANGUAGES) {
      const messages = JSON.parse(await readFile(join(extensionDir, '_locales', localeFolder(lang), 'messages.json'), 'utf8'));
      expect(messages.extDescription.message, lang).not.toBe('');
    }
    // What Chrome shows for it (this browser runs in English).
    const sw = await browser.serviceWorker();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const self = await sw.evaluate(() => (globalThis as any).chrome.management.getSelf());
    expect(self.name).toBe('Marketo Notifier');
    expect(self.description).toBe('Live notifications for Marketo Engage failures: badge, feed and alerts inside Marketo.');
  });
});

describe('badge', () => {
  it('starts connected and empty', async () => {
    await expect.poll(async () => (await backgroundState())?.status, POLL).toBe('live');
    expect((await browser.badge()).text).toBe('');
  });

  it('shows the count in the colour of the worst unread severity', async () => {
    await api.ingest([triggerCampaignCleanup({ url: 'https://marketo.example.com/phish' })]);
    await expect.poll(browser.badge, POLL).toEqual({ text: '1', color: rgba(BLUE) });

    await api.ingest([engagementExhausted()]);
    await expect.poll(browser.badge, POLL).toEqual({ text: '2', color: rgba(AMBER) });

    await api.ingest([
      campaignFailure({ url: MARKETO_LINK }),
      salesforceSync(),
      ...dynamicsLeadFailures(),
      facebookProblem(),
      ...linkedinFailures(3),
      quotaReached(),
    ]);
    const counts = await api.counts();
    // Every type an event can carry: marketo_email comes only by e-mail (see the e-mail test), the
    // connector's own types from Marketo (see the connector test).
    for (const type of NOTIFICATION_TYPES.filter((t) => t !== 'marketo_email' && !isConnectorType(t))) expect(counts.byType[type], type).toBeGreaterThanOrEqual(1);
    // One per type, plus crm_sync twice (a Salesforce problem and the Dynamics digest).
    expect(counts.unread).toBe(8);
    await expect.poll(browser.badge, POLL).toEqual({ text: '8', color: rgba(RED) });
  });
});

describe('popup', () => {
  it('shows the quota gauge and one group per type with its facts', async () => {
    await api.usage(40_001); // crosses the 80 % warning of the default 50,000 calls
    const counts = await api.counts();
    await expect.poll(async () => (await browser.badge()).text, POLL).toBe(String(counts.unread));

    const page = await openExtensionPage('popup.html');
    const meter = page.getByTestId('quota-gauge').getByRole('meter');
    await expect.poll(() => meter.getAttribute('aria-valuenow'), POLL).toBe(String(counts.quota.used));
    expect(counts.quota.used).toBe(40_001);
    expect(await meter.getAttribute('aria-valuemax')).toBe('50000');
    expect(await page.getByTestId('quota-reset').textContent()).not.toBe('');

    const notifications = await api.notifications();
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
    expect(await digestItem.getByRole('heading').textContent()).toBe('Microsoft Dynamics: 2 leads failed to sync');
    expect(await fact(digestItem, 'Failed leads')).toBe('2');
    expect(await fact(digestItem, 'Causes')).toBe('Duplicate lead: 1, Field length mismatch: 1');

    // The quota group: the 80 % warning with the usage, and error 607 as Marketo reported it.
    const quota = page.getByTestId('feed-group-web_services_quota');
    const warning = notifications.find((n) => n.type === 'web_services_quota' && n.severity === 'warning')!;
    const reported = notifications.find((n) => n.type === 'web_services_quota' && n.data.errorCode === 607)!;
    expect(await quota.getByTestId(`notification-${warning.id}`).getByRole('heading').textContent()).toBe('API quota at 80%');
    expect(await fact(quota.getByTestId(`notification-${warning.id}`), 'Calls used')).toBe('40,001 of 50,000');
    const reportedItem = quota.getByTestId(`notification-${reported.id}`);
    expect(await reportedItem.getByRole('heading').textContent()).toBe('Daily API quota used up');
    expect(await fact(reportedItem, 'Calls used')).toBe('Used up, as reported by Marketo');

    // Marketo error codes, explained.
    expect(await reportedItem.getByTestId('error-code').textContent()).toContain('The daily API quota is used up.');
    const failureCode = page.getByTestId(`notification-${notifications.find((n) => n.type === 'campaign_failure')!.id}`).getByTestId('error-code');
    expect(await failureCode.locator('dt').textContent()).toBe('Marketo error 611');
    expect(await failureCode.locator('dd').textContent()).toContain('A system error occurred at Marketo.');

    // Links are shown only to Marketo hosts.
    const failure = notifications.find((n) => n.type === 'campaign_failure')!;
    const cleanup = notifications.find((n) => n.type === 'trigger_campaign_cleanup')!;
    expect(await page.getByTestId(`notification-${failure.id}`).getByTestId('open-in-marketo').getAttribute('href')).toBe(MARKETO_LINK);
    expect(await page.getByTestId(`notification-${cleanup.id}`).getByTestId('open-in-marketo').count()).toBe(0);

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
    await api.ingest([campaignFailure({ campaign: { id: 666, name: XSS_NAME }, url: undefined })]);
    const page = await openExtensionPage('popup.html');
    await expect.poll(() => page.getByTestId('feed-group-campaign_failure').getByText(XSS_NAME).count(), POLL).toBeGreaterThan(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });

  it('marking one read lowers the badge, marking all read empties it', async () => {
    const before = await api.counts();
    const failure = (await api.notifications()).find((n) => n.type === 'facebook')!;
    const page = await openExtensionPage('popup.html');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
    const marked = `mark-read-${failure.id}`;
    await expect.poll(() => page.getByTestId(marked).count(), POLL).toBe(1);
    const buttons = await page.locator('[data-testid^="mark-read-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    const next = buttons[buttons.indexOf(marked) + 1];
    expect(next).toBeDefined();

    // By keyboard: the button goes away, focus moves to the next notification's button, not <body>.
    await page.getByTestId(marked).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await browser.badge()).text, POLL).toBe(String(before.unread - 1));
    expect((await api.counts()).unread).toBe(before.unread - 1);
    expect(await page.getByTestId(marked).count()).toBe(0);
    expect(await focused()).toBe(next);

    // "Mark all" disables itself: focus rests on the feed.
    await page.getByTestId('mark-all-read').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await browser.badge()).text, POLL).toBe('');
    expect(await page.getByTestId('mark-all-read').isDisabled()).toBe(true);
    expect(await focused()).toBe('feed');
    expect((await api.counts()).unread).toBe(0);
    // Marked items stay in view (as read) until the popup opens again; then the feed is empty.
    await expect.poll(() => page.locator('[data-read="false"]').count(), POLL).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId('empty-state').count(), POLL).toBe(1);
    await page.close();
  });
});

describe('popup with a hidden type', () => {
  it('mark all as read leaves the hidden type unread', async () => {
    const options = await openExtensionPage('options.html', { width: 820, height: 900 });
    await options.getByTestId('pref-facebook-show').uncheck();
    await api.ingest([facebookProblem({ problem: 'app_removed' }), engagementExhausted({ program: { id: 3003, name: 'Partner webinar nurture' } })]);
    expect((await api.counts()).unread).toBe(2);

    const popup = await openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('[data-read="false"]').count(), POLL).toBe(1);
    expect(await popup.getByTestId('feed-group-facebook').count()).toBe(0);
    await popup.getByTestId('mark-all-read').click();
    await expect.poll(async () => (await api.counts()).byType.engagement_exhausted, POLL).toBe(0);
    expect((await api.counts()).byType.facebook).toBe(1);

    // Shown again, it is still there to read; with nothing hidden, mark all marks everything.
    await options.getByTestId('pref-facebook-show').check();
    await popup.reload();
    await expect.poll(() => popup.getByTestId('feed-group-facebook').count(), POLL).toBe(1);
    await popup.getByTestId('mark-all-read').click();
    await expect.poll(async () => (await api.counts()).unread, POLL).toBe(0);
    await popup.close();
    await options.close();
  });
});

describe('overlay in the Marketo UI', () => {
  it('shows the bell count and a toast for a new critical notification only', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 640 });
    await page.goto(`http://app-ab12.marketo.com:${fixture.port}/#SC1042A1`);
    const count = page.getByTestId('overlay-count');
    await expect.poll(() => count.textContent(), POLL).toBe('0');

    await api.ingest([engagementExhausted({ program: { id: 3002, name: 'Partner nurture' } })]);
    await expect.poll(() => count.textContent(), POLL).toBe('1');
    expect(await page.getByTestId('overlay-toast').count()).toBe(0);

    await api.ingest([campaignFailure({ campaign: { id: 2050, name: 'Spring launch: send invite' } })]);
    const toast = page.getByTestId('overlay-toast');
    await expect.poll(() => toast.count(), POLL).toBe(1);
    expect(await toast.textContent()).toContain('Spring launch: send invite');
    // Read out once: one assertive live region around the toasts, no alert role inside it.
    expect(await page.locator('marketo-notifier-overlay .toasts').getAttribute('aria-live')).toBe('assertive');
    expect(await page.locator('marketo-notifier-overlay [role="alert"]').count()).toBe(0);
    expect(await page.locator('marketo-notifier-overlay [aria-live]').count()).toBe(1);
    await expect.poll(() => count.textContent(), POLL).toBe('2');
    await page.screenshot({ path: join(SCREENSHOTS, 'overlay.png') });

    await page.getByTestId('overlay-toast-dismiss').click();
    await expect.poll(() => toast.count(), POLL).toBe(0);
    expect(await count.textContent()).toBe('2');
    await page.close();
  });

  it('keeps a hostile campaign name inert in the toast', async () => {
    const page = await openMarketoPage();
    await api.ingest([campaignFailure({ campaign: { id: 667, name: XSS_NAME }, url: undefined })]);
    const toast = page.getByTestId('overlay-toast');
    await expect.poll(() => toast.count(), POLL).toBe(1);
    expect(await toast.textContent()).toContain(XSS_NAME);
    const imagesInOverlay = () => page.evaluate(() => document.querySelector('marketo-notifier-overlay')?.shadowRoot?.querySelectorAll('img').length);
    expect(await imagesInOverlay()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });

  it('goes away and comes back with the overlay switch in the options', async () => {
    const page = await openMarketoPage();
    await api.ingest([campaignFailure({ campaign: { id: 2051, name: 'Autumn launch: send invite' } })]);
    const bell = page.getByTestId('overlay-bell');
    const toast = page.getByTestId('overlay-toast');
    await expect.poll(() => toast.count(), POLL).toBe(1);

    const options = await openExtensionPage('options.html', { width: 820, height: 900 });
    await options.getByTestId('overlay-enabled').uncheck();
    await expect.poll(() => bell.count(), POLL).toBe(0);
    expect(await toast.count()).toBe(0);

    await options.getByTestId('overlay-enabled').check();
    await expect.poll(() => bell.count(), POLL).toBe(1);
    expect(await toast.count()).toBe(1);
    expect(await toast.textContent()).toContain('Autumn launch: send invite');
    await options.close();
    await page.close();
  });
});

describe('options', () => {
  it('saves a working connection and reports a refused key', async () => {
    const page = await openExtensionPage('options.html', { width: 820, height: 900 });
    const result = page.getByTestId('connection-result');
    // The page tests the saved connection as it opens: typing before that would be overwritten.
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('ok');
    await page.getByTestId('worker-url').fill(worker.url);
    await page.getByTestId('key').fill(worker.keys.read);
    await page.getByTestId('save').click();
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('ok');
    expect(await page.getByTestId('tenant-admin-only').count()).toBe(1);

    await page.getByTestId('key').fill('mn_this-key-does-not-exist');
    await page.getByTestId('test-connection').click();
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('refused');
    // Testing does not store: the saved connection still works.
    await expect.poll(async () => (await backgroundState())?.status, POLL).toBe('live');
    await page.close();
  });

  it('says in its own words that a URL is not one, instead of the browser blocking Save', async () => {
    const page = await openExtensionPage('options.html', { width: 820, height: 900 });
    const result = page.getByTestId('connection-result');
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('ok');
    await page.getByTestId('worker-url').fill('not a url');
    await page.getByTestId('save').click();
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('bad_url');
    expect(await result.textContent()).toBe('The worker URL is not a valid http or https address.');
    expect(await page.getByTestId('worker-url').evaluate((input: HTMLInputElement) => input.validationMessage)).not.toBe('');
    // Nothing was stored: the extension stays connected.
    expect((await backgroundState()).status).toBe('live');
    await page.close();
  });

  it('with an admin key, loads, saves and validates the tenant settings of the tested connection', async () => {
    const page = await openExtensionPage('options.html', { width: 820, height: 1400 });
    // The saved connection has a read key: the tenant settings are for admins only.
    await expect.poll(() => page.getByTestId('tenant-admin-only').count(), POLL).toBe(1);

    // An admin key, tested but not saved: the tenant settings use the tested connection.
    await page.getByTestId('key').fill(worker.keys.admin);
    await page.getByTestId('test-connection').click();
    const dailyLimit = page.getByTestId('daily-limit');
    await expect.poll(() => dailyLimit.count(), POLL).toBe(1);
    const before = await api.settings();
    expect(await dailyLimit.inputValue()).toBe(String(before.quota.dailyLimit));
    expect(await page.getByTestId('thresholds').inputValue()).toBe(before.quota.thresholds.join(', '));
    expect(await page.getByTestId('tenant-settings').getAttribute('data-tenant')).toBe(worker.tenant);
    expect(await page.getByTestId('connection-result').textContent()).toMatch(/^Connected with an admin key\. \d+ unread\.$/);
    // Each type's checkbox sits on the line of its name.
    const checkbox = await page.getByTestId('type-enabled-linkedin').boundingBox();
    const name = await page.getByTestId('type-enabled-linkedin').locator('xpath=following-sibling::span').boundingBox();
    expect(checkbox && name && Math.abs(checkbox.y + checkbox.height / 2 - (name.y + name.height / 2))).toBeLessThan(4);

    const result = page.getByTestId('tenant-result');
    await dailyLimit.fill('60000');
    await page.getByTestId('thresholds').fill('70, 90, 100');
    await page.getByTestId('save-tenant').click();
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('saved');
    expect((await api.settings()).quota).toEqual({ dailyLimit: 60_000, thresholds: [70, 90, 100] });
    await page.screenshot({ path: join(SCREENSHOTS, 'options.png'), fullPage: true });

    // Values only the worker's schema rejects: its answer is shown next to each field, in our words.
    await page.getByTestId('thresholds').fill('80, 80');
    await dailyLimit.fill('0');
    await page.getByTestId('save-tenant').click();
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('invalid');
    expect(await page.getByTestId('error-thresholds').textContent()).toBe('Each threshold may appear only once.');
    expect(await page.getByTestId('error-daily-limit').textContent()).toBe('Enter a whole number from 1 to 1,000,000,000.');
    expect(await page.getByTestId('thresholds').getAttribute('aria-invalid')).toBe('true');
    expect((await api.settings()).quota).toEqual({ dailyLimit: 60_000, thresholds: [70, 90, 100] });

    // In the language chosen in the options, not the worker's English.
    await page.getByTestId('language').selectOption('fr');
    await expect.poll(() => page.getByTestId('error-thresholds').textContent(), POLL).toBe('Chaque seuil ne peut figurer qu’une seule fois.');
    await page.getByTestId('language').selectOption('auto');
    await page.close();
    await api.updateSettings({ quota: before.quota });
  });
});

describe('connection problems', () => {
  it('returns from the grey ! to the count when the worker is back', async () => {
    const { unread } = await api.counts();
    expect(unread).toBeGreaterThan(0);
    const counted = { text: String(unread), color: rgba(RED) };
    await expect.poll(browser.badge, POLL).toEqual(counted);

    await worker.pause();
    await expect.poll(browser.badge, POLL).toEqual({ text: '!', color: rgba(GREY) });
    await worker.start();
    await expect.poll(browser.badge, POLL).toEqual(counted);
    await expect.poll(async () => (await backgroundState())?.status, POLL).toBe('live');
  });

  it('shows a grey ! while the worker is down and after the key is revoked', async () => {
    await api.revoke(worker.keyIds.read);
    await worker.pause();
    await expect.poll(browser.badge, POLL).toEqual({ text: '!', color: rgba(GREY) });
    expect((await backgroundState()).problem?.kind).toBe('unreachable');

    // Back up, the extension reconnects with its key and is refused.
    await worker.start();
    await expect.poll(async () => (await backgroundState())?.problem?.kind, POLL).toBe('refused');
    expect(await browser.badge()).toEqual({ text: '!', color: rgba(GREY) });
  });
});
