// axe-core on every screen of the built extension in Chromium: no violation of any impact.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { campaignFailure, everyTypeBatch } from '../../scripts/lib/demo-events.mjs';
import { callWorker } from '../../scripts/lib/local-worker.mjs';
import { overlayViolations } from './support/axe-overlay';
import { POLL, useChromiumExtension } from './support/chromium-harness';
import { overlayView } from './support/overlay-view';

const h = useChromiumExtension({ marketoPage: true });

/** Every violation axe finds, of any impact, one line each with the nodes it names. */
async function violations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

async function openExtensionPage(path: string, { dark = false, height = 720 } = {}): Promise<Page> {
  const page = await h.openExtensionPage(path, { width: dark || path === 'popup.html' ? 420 : 820, height });
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  return page;
}

async function markAllRead(): Promise<void> {
  const result = await callWorker(h.worker.url, '/v1/notifications/read', {
    method: 'POST',
    token: h.worker.keys.admin,
    body: { all: true },
  });
  expect(result.status).toBe(200);
}

/** Notifications of every type and severity, some of them read. */
async function mixedFeed(): Promise<void> {
  await h.api.ingest(everyTypeBatch());
  const items = await h.api.notifications();
  const toRead = items.filter(
    (n) =>
      n.type === 'engagement_exhausted' || n.type === 'trigger_campaign_cleanup' || n.type === 'facebook',
  );
  const result = await callWorker(h.worker.url, '/v1/notifications/read', {
    method: 'POST',
    token: h.worker.keys.admin,
    body: { ids: toRead.map((n) => n.id) },
  });
  expect(result.status).toBe(200);
}

async function showFeed(page: Page, status: 'unread' | 'all'): Promise<void> {
  await expect.poll(() => page.getByTestId(`filter-${status}`).count(), POLL).toBe(1);
  await page.getByTestId(`filter-${status}`).click();
  await expect
    .poll(() => page.getByTestId(`filter-${status}`).getAttribute('aria-pressed'), POLL)
    .toBe('true');
  await expect.poll(() => page.getByTestId('feed').getAttribute('aria-busy'), POLL).toBe('false');
}

// After the harness's own beforeAll: a click on something that never shows fails the test instead of waiting forever.
beforeAll(() => h.browser.context.setDefaultTimeout(60_000));

describe('popup', () => {
  it.each([
    {
      name: 'unread feed of every type',
      status: 'unread',
      rows: '[data-read="false"]',
      moreThan: 3,
      dark: false,
    },
    { name: 'all, with read items', status: 'all', rows: '[data-read="true"]', moreThan: 2, dark: false },
    {
      name: 'all, with read items, in dark mode',
      status: 'all',
      rows: '[data-read="true"]',
      moreThan: 2,
      dark: true,
    },
  ] as const)('$name', async ({ status, rows, moreThan, dark }) => {
    await mixedFeed();
    const page = await openExtensionPage('popup.html', { dark });
    await showFeed(page, status);
    await expect.poll(() => page.locator(rows).count(), POLL).toBeGreaterThan(moreThan);
    if (dark)
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('empty', async () => {
    await markAllRead();
    const page = await openExtensionPage('popup.html');
    await showFeed(page, 'unread');
    await expect.poll(() => page.getByTestId('empty-state').count(), POLL).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('error', async () => {
    await h.worker.pause();
    try {
      const page = await openExtensionPage('popup.html');
      await expect.poll(() => page.getByTestId('error-state').count(), POLL).toBe(1);
      expect(await violations(page)).toEqual([]);
      await page.close();
    } finally {
      await h.worker.start();
    }
  });
});

/** The options once the stored read key tested ok, then tested again with the admin key typed in. */
async function optionsAsAdmin() {
  const page = await openExtensionPage('options.html', { height: 1400 });
  await expect.poll(() => page.getByTestId('connection-result').getAttribute('data-result'), POLL).toBe('ok');
  await page.getByTestId('key').fill(h.worker.keys.admin);
  await page.getByTestId('test-connection').click();
  return page;
}

describe('options', () => {
  it('with the read key', async () => {
    const page = await openExtensionPage('options.html', { height: 1400 });
    await expect.poll(() => page.getByTestId('tenant-admin-only').count(), POLL).toBe(1);
    await page.getByTestId('test-connection').click();
    await expect
      .poll(() => page.getByTestId('connection-result').getAttribute('data-result'), POLL)
      .toBe('ok');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('with an admin key, its tenant settings and their errors', async () => {
    const page = await optionsAsAdmin();
    await expect.poll(() => page.getByTestId('daily-limit').count(), POLL).toBe(1);
    expect(await violations(page)).toEqual([]);

    await page.getByTestId('thresholds').fill('80, 80');
    await page.getByTestId('daily-limit').fill('0');
    await page.getByTestId('save-tenant').click();
    await expect
      .poll(() => page.getByTestId('tenant-result').getAttribute('data-result'), POLL)
      .toBe('invalid');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('with an admin key, the channel editor with every part shown and its errors, and escalation on', async () => {
    const page = await optionsAsAdmin();
    await expect.poll(() => page.getByTestId('channel-add').count(), POLL).toBe(1);
    await page.getByTestId('escalation-on').check();
    await page.getByTestId('channel-add').click();
    await page.getByTestId('channel-quiet').check();
    await page.getByTestId('channel-mode').selectOption('digest');
    await page.getByTestId('channel-quietStart').fill('25:00');
    await page.getByTestId('channel-save').click();
    await expect
      .poll(() => page.getByTestId('channels-note').getAttribute('data-result'), POLL)
      .toBe('invalid');
    expect(await page.getByTestId('channel-error-quietStart').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('channel-kind').selectOption('email');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('with a connection error', async () => {
    const page = await openExtensionPage('options.html', { height: 1400 });
    // The page tests the saved connection as it opens: typing before that would be overwritten.
    await expect
      .poll(() => page.getByTestId('connection-result').getAttribute('data-result'), POLL)
      .toBe('ok');
    await page.getByTestId('worker-url').fill('not a url');
    await page.getByTestId('save').click();
    await expect
      .poll(() => page.getByTestId('connection-result').getAttribute('data-result'), POLL)
      .toBe('bad_url');
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('worker-url').fill(h.worker.url);
    await page.getByTestId('key').fill('mn_this-key-does-not-exist');
    await page.getByTestId('test-connection').click();
    await expect
      .poll(() => page.getByTestId('connection-result').getAttribute('data-result'), POLL)
      .toBe('refused');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});

describe('overlay in the Marketo UI', () => {
  it('bell and toast', async () => {
    const page = await h.openMarketoPage();
    // The shadow root is closed: the overlay is read as assistive technology reads it.
    await expect.poll(async () => (await overlayView(page)).count, POLL).not.toBeNull();
    expect(await overlayViolations(page, h.browser.extensionId, 'marketo-notifier-overlay')).toEqual([]);

    await h.api.ingest([campaignFailure({ campaign: { id: 8101, name: 'Accessible launch: send invite' } })]);
    await expect.poll(async () => (await overlayView(page)).toasts.length, POLL).toBe(1);
    expect(await overlayViolations(page, h.browser.extensionId, 'marketo-notifier-overlay')).toEqual([]);
    await page.close();
  });
});
