// The overlay on the Marketo UI in real Chromium: bell, toasts, and the switch in the options.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { campaignFailure, engagementExhausted } from '../../scripts/lib/demo-events.mjs';
import { POLL, SCREENSHOTS, useChromiumExtension } from './support/chromium-harness';

const XSS_NAME = '<img src=x onerror="window.__xss=1">';

const h = useChromiumExtension({ marketoPage: true });

/** The Marketo-like page, once the overlay's bell is on it. */
async function openBell(): Promise<Page> {
  const page = await h.openMarketoPage();
  await expect.poll(() => page.getByTestId('overlay-bell').count(), POLL).toBe(1);
  return page;
}

describe('overlay in the Marketo UI', () => {
  it('shows the bell count and a toast for a new critical notification only', async () => {
    const page = await h.openMarketoPage();
    const count = page.getByTestId('overlay-count');
    await expect.poll(() => count.textContent(), POLL).toBe('0');

    await h.api.ingest([engagementExhausted({ program: { id: 3002, name: 'Partner nurture' } })]);
    await expect.poll(() => count.textContent(), POLL).toBe('1');
    expect(await page.getByTestId('overlay-toast').count()).toBe(0);

    await h.api.ingest([campaignFailure({ campaign: { id: 2050, name: 'Spring launch: send invite' } })]);
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
    const page = await openBell();
    await h.api.ingest([campaignFailure({ campaign: { id: 667, name: XSS_NAME }, url: undefined })]);
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
    const page = await openBell();
    await h.api.ingest([campaignFailure({ campaign: { id: 2051, name: 'Autumn launch: send invite' } })]);
    const bell = page.getByTestId('overlay-bell');
    const toast = page.getByTestId('overlay-toast');
    await expect.poll(() => toast.count(), POLL).toBe(1);

    const options = await h.openExtensionPage('options.html', { width: 820, height: 900 });
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
