// The options page in real Chromium: the connection, its errors, and the tenant settings.
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { POLL, SCREENSHOTS, useChromiumExtension } from './support/chromium-harness';

const h = useChromiumExtension();

describe('options', () => {
  it('saves a working connection and reports a refused key', async () => {
    const page = await h.openExtensionPage('options.html', { width: 820, height: 900 });
    const result = page.getByTestId('connection-result');
    // The page tests the saved connection as it opens: typing before that would be overwritten.
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('ok');
    await page.getByTestId('worker-url').fill(h.worker.url);
    await page.getByTestId('key').fill(h.worker.keys.read);
    await page.getByTestId('save').click();
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('ok');
    expect(await page.getByTestId('tenant-admin-only').count()).toBe(1);

    await page.getByTestId('key').fill('mn_this-key-does-not-exist');
    await page.getByTestId('test-connection').click();
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('refused');
    // Testing does not store: the saved connection still works.
    await expect.poll(async () => (await h.backgroundState())?.status, POLL).toBe('live');
    await page.close();
  });

  it('says in its own words that a URL is not one, instead of the browser blocking Save', async () => {
    const page = await h.openExtensionPage('options.html', { width: 820, height: 900 });
    const result = page.getByTestId('connection-result');
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('ok');
    await page.getByTestId('worker-url').fill('not a url');
    await page.getByTestId('save').click();
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('bad_url');
    expect(await result.textContent()).toBe('The worker URL is not a valid http or https address.');
    expect(
      await page.getByTestId('worker-url').evaluate((input: HTMLInputElement) => input.validationMessage),
    ).not.toBe('');
    // Nothing was stored: the extension stays connected.
    expect((await h.backgroundState()).status).toBe('live');
    await page.close();
  });

  it('with an admin key, loads, saves and validates the tenant settings of the tested connection', async () => {
    const page = await h.openExtensionPage('options.html', { width: 820, height: 1400 });
    // The saved connection has a read key: the tenant settings are for admins only.
    await expect.poll(() => page.getByTestId('tenant-admin-only').count(), POLL).toBe(1);

    // An admin key, tested but not saved: the tenant settings use the tested connection.
    await page.getByTestId('key').fill(h.worker.keys.admin);
    await page.getByTestId('test-connection').click();
    const dailyLimit = page.getByTestId('daily-limit');
    await expect.poll(() => dailyLimit.count(), POLL).toBe(1);
    const before = await h.api.settings();
    expect(await dailyLimit.inputValue()).toBe(String(before.quota.dailyLimit));
    expect(await page.getByTestId('thresholds').inputValue()).toBe(before.quota.thresholds.join(', '));
    expect(await page.getByTestId('tenant-settings').getAttribute('data-tenant')).toBe(h.worker.tenant);
    expect(await page.getByTestId('connection-result').textContent()).toMatch(
      /^Connected with an admin key\. \d+ unread\.$/,
    );
    // Each type's checkbox sits on the line of its name.
    const checkbox = await page.getByTestId('type-enabled-linkedin').boundingBox();
    const name = await page
      .getByTestId('type-enabled-linkedin')
      .locator('xpath=following-sibling::span')
      .boundingBox();
    expect(
      checkbox && name && Math.abs(checkbox.y + checkbox.height / 2 - (name.y + name.height / 2)),
    ).toBeLessThan(4);

    const result = page.getByTestId('tenant-result');
    await dailyLimit.fill('60000');
    await page.getByTestId('thresholds').fill('70, 90, 100');
    expect(await page.getByTestId('retention-max').inputValue()).toBe(
      String(before.retention.maxNotifications),
    );
    await page.getByTestId('api-errors-min').fill('12');
    await page.getByTestId('retention-days').fill('30');
    await page.getByTestId('save-tenant').click();
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('saved');
    const saved = await h.api.settings();
    expect(saved.quota).toEqual({ dailyLimit: 60_000, thresholds: [70, 90, 100] });
    expect(saved.apiErrors).toEqual({ minCount: 12 });
    expect(saved.retention).toEqual({ ...before.retention, days: 30 });
    await page.screenshot({ path: join(SCREENSHOTS, 'options.png'), fullPage: true });

    // Values only the worker's schema rejects: its answer is shown next to each field, in our words.
    await page.getByTestId('thresholds').fill('80, 80');
    await dailyLimit.fill('0');
    await page.getByTestId('save-tenant').click();
    await expect.poll(() => result.getAttribute('data-result'), POLL).toBe('invalid');
    expect(await page.getByTestId('error-thresholds').textContent()).toBe(
      'Each threshold may appear only once.',
    );
    expect(await page.getByTestId('error-daily-limit').textContent()).toBe(
      'Enter a whole number from 1 to 1,000,000,000.',
    );
    expect(await page.getByTestId('thresholds').getAttribute('aria-invalid')).toBe('true');
    expect((await h.api.settings()).quota).toEqual({ dailyLimit: 60_000, thresholds: [70, 90, 100] });

    // In the language chosen in the options, not the worker's English.
    await page.getByTestId('language').selectOption('fr');
    await expect
      .poll(() => page.getByTestId('error-thresholds').textContent(), POLL)
      .toBe('Chaque seuil ne peut figurer qu’une seule fois.');
    await page.getByTestId('language').selectOption('auto');
    await page.close();
    await h.api.updateSettings({
      quota: before.quota,
      apiErrors: before.apiErrors,
      retention: before.retention,
    });
  });
});
