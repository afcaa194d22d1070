import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  connectToSimulator,
  DEMO_API_USER,
  type DemoMarketo,
  startDemoMarketo,
} from '../../scripts/lib/demo-marketo';
import { callWorker } from '../../scripts/lib/local-worker.mjs';
import { POLL, useChromiumExtension } from './support/chromium-harness';

const h = useChromiumExtension();
/** What `npm start` runs for the demo tenant: the simulated Marketo, and the connector pointed at it. */
let marketo: DemoMarketo;
const openExtensionPage = (path: string, size?: { width: number; height: number }): Promise<Page> =>
  h.openExtensionPage(path, size);

beforeAll(async () => {
  // The test worker's MARKETO_HOSTS names this port only.
  marketo = await startDemoMarketo({ port: h.worker.marketoPort });
});

afterAll(async () => {
  await marketo?.close();
});

describe('Marketo connector against the simulated Marketo', () => {
  it('connects from the options page with an admin key and shows the status live', async () => {
    const page = await openExtensionPage('options.html', { width: 820, height: 1600 });
    await page.getByTestId('key').fill(h.worker.keys.admin);
    await page.getByTestId('test-connection').click();
    const section = page.getByTestId('connector-section');
    await expect.poll(() => section.count(), POLL).toBe(1);
    await page.getByTestId('connector-restUrl').fill(marketo.url);
    await page.getByTestId('connector-clientId').fill(marketo.clientId);
    await page.getByTestId('connector-clientSecret').fill(marketo.clientSecret);
    await page.getByTestId('connector-connect').click();
    await expect.poll(() => page.getByTestId('connector-status').getAttribute('data-state'), POLL).toBe('ok');
    await expect.poll(() => page.getByTestId('connector-api-user').textContent(), POLL).toBe(DEMO_API_USER);
    expect(await page.getByTestId('connector-usage').textContent()).toMatch(/^[\d,]+ of 50,000$/);
    expect(await page.getByTestId('connector-calls').textContent()).toBe('4 of 1,000');
    // The secret is write-only: the field is empty again and the page says one is stored.
    expect(await page.getByTestId('connector-clientSecret').inputValue()).toBe('');
    expect(await section.textContent()).not.toContain(marketo.clientSecret);
    await page.close();
  });

  it('shows the quota gauge with its top users and the chart with a text alternative', async () => {
    const page = await openExtensionPage('popup.html');
    const users = page.getByTestId('quota-top-users');
    await expect.poll(() => users.count(), POLL).toBe(1);
    expect(await users.textContent()).toMatch(
      /^Top API users: etl-sync@demo\.example \([\d,]+\), crm-connector@demo\.example \([\d,]+\),/,
    );
    await expect.poll(() => page.getByTestId('quota-chart').count(), POLL).toBe(1);
    expect(await page.locator('.chart-today').getAttribute('points')).toMatch(/^[\d.]+,[\d.]+$/);
    expect(await page.getByTestId('chart-summary').textContent()).toMatch(
      /^API usage today and the last 7 days: Today: [\d,]+ of 50,000 calls\. Last 7 days: .+\.$/,
    );
    await page.close();
  });

  it('turns a burst of 606 errors into an api_errors notification in the badge', async () => {
    const before = (await callWorker(h.worker.url, '/v1/counts', { token: h.worker.keys.read })).body as {
      unread: number;
    };
    marketo.instance.addErrors('606', 25);
    const status = await connectToSimulator(h.worker.url, h.worker.keys.admin, marketo);
    expect(status.state).toBe('ok');
    await expect.poll(async () => (await h.browser.badge()).text, POLL).toBe(String(before.unread + 1));
    const feed = (
      await callWorker(h.worker.url, '/v1/notifications?type=api_errors', { token: h.worker.keys.read })
    ).body as { items: { data: { byCode: Record<string, number> } }[] };
    expect(feed.items[0]!.data.byCode['606']).toBeGreaterThanOrEqual(25);
    const page = await openExtensionPage('popup.html');
    const group = page.getByTestId('feed-group-api_errors');
    await expect.poll(() => group.count(), POLL).toBe(1);
    expect(await group.textContent()).toContain('Rate limit reached (100 calls per 20 seconds).');
    await page.close();
  });
});
