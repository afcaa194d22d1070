// The overlay on the Marketo UI in real Chromium: bell, toasts, and the switch in the options. Its
// shadow root is closed, so the tests read it as assistive technology does (support/overlay-view).
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { campaignFailure, engagementExhausted } from '../../scripts/lib/demo-events.mjs';
import { clickAccessible } from './support/accessibility';
import { POLL, SCREENSHOTS, useChromiumExtension } from './support/chromium-harness';
import { overlayView } from './support/overlay-view';

const XSS_NAME = '<img src=x onerror="window.__xss=1">';

const h = useChromiumExtension({ marketoPage: true });

/** The Marketo-like page, once the overlay's bell is on it. */
async function openBell(host?: string): Promise<Page> {
  const page = await h.openMarketoPage(host);
  await expect.poll(async () => (await overlayView(page)).count, POLL).not.toBeNull();
  return page;
}

const view = overlayView;

describe('overlay in the Marketo UI', () => {
  it('keeps its shadow root closed to the page’s scripts', async () => {
    const page = await openBell();
    const seenByPage = await page.evaluate(() => {
      const host = document.querySelector('marketo-notifier-overlay');
      return { host: host !== null, shadowRoot: host?.shadowRoot ?? null, text: host?.textContent ?? '' };
    });
    expect(seenByPage).toEqual({ host: true, shadowRoot: null, text: '' });
    await page.close();
  });

  it('stays off landing pages on *.marketo.com, which are not Marketo’s app', async () => {
    const landingPages = [
      await h.openMarketoPage('na-ab12.marketo.com'),
      await h.openMarketoPage('pages.marketo.com'),
    ];
    // The same page on app hosts gets the bell, by then the content script had its turn on the others too.
    const apps = [await openBell(), await openBell('engage-ab12.marketo.com')];
    for (const page of landingPages) {
      expect(
        await page.evaluate(() => document.querySelector('marketo-notifier-overlay') === null),
        page.url(),
      ).toBe(true);
      expect((await view(page)).count, page.url()).toBeNull();
    }
    for (const page of [...landingPages, ...apps]) await page.close();
  });

  it('shows the bell count and a toast for a new critical notification only', async () => {
    const page = await h.openMarketoPage();
    await expect.poll(async () => (await view(page)).count, POLL).toBe(0);

    await h.api.ingest([engagementExhausted({ program: { id: 3002, name: 'Partner nurture' } })]);
    await expect.poll(async () => (await view(page)).count, POLL).toBe(1);
    expect((await view(page)).toasts).toEqual([]);

    await h.api.ingest([campaignFailure({ campaign: { id: 2050, name: 'Spring launch: send invite' } })]);
    await expect.poll(async () => (await view(page)).toasts.length, POLL).toBe(1);
    await expect.poll(async () => (await view(page)).count, POLL).toBe(2);
    const shown = await view(page);
    expect(shown.toastText).toContain('Spring launch: send invite');
    // Read out once: one assertive live region around the toasts, no alert role inside it.
    expect(shown.liveRegions).toEqual(['assertive']);
    expect(shown.alerts).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'overlay.png') });

    await clickAccessible(page, shown.toasts[0]);
    await expect.poll(async () => (await view(page)).toasts.length, POLL).toBe(0);
    expect((await view(page)).count).toBe(2);
    await page.close();
  });

  it('keeps a hostile campaign name inert in the toast', async () => {
    const page = await openBell();
    await h.api.ingest([campaignFailure({ campaign: { id: 667, name: XSS_NAME }, url: undefined })]);
    await expect.poll(async () => (await view(page)).toasts.length, POLL).toBe(1);
    const shown = await view(page);
    expect(shown.toastText).toContain(XSS_NAME);
    // The bell is the only image, in the overlay or on the page.
    expect(shown.images).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });

  it('goes away and comes back with the overlay switch in the options', async () => {
    const page = await openBell();
    await h.api.ingest([campaignFailure({ campaign: { id: 2051, name: 'Autumn launch: send invite' } })]);
    await expect.poll(async () => (await view(page)).toasts.length, POLL).toBe(1);

    const options = await h.openExtensionPage('options.html', { width: 820, height: 900 });
    await options.getByTestId('overlay-enabled').uncheck();
    await expect.poll(async () => (await view(page)).count, POLL).toBeNull();
    expect((await view(page)).toasts).toEqual([]);

    await options.getByTestId('overlay-enabled').check();
    await expect.poll(async () => (await view(page)).count, POLL).not.toBeNull();
    const shown = await view(page);
    expect(shown.toasts.length).toBe(1);
    expect(shown.toastText).toContain('Autumn launch: send invite');
    await options.close();
    await page.close();
  });
});
