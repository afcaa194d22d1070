import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { connectToSimulator, DEMO_API_USER, startDemoMarketo, type DemoMarketo } from '../../scripts/lib/demo-marketo.mjs';
import { callWorker, startTestWorker } from '../../scripts/lib/local-worker.mjs';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

/** What `npm start` runs for the demo tenant: the simulated Marketo, and the connector pointed at it. */
const POLL = { timeout: 75_000, interval: 250 };

let worker: Awaited<ReturnType<typeof startTestWorker>>;
let marketo: DemoMarketo;
let browser: ExtensionBrowser;
let buildDir: string;

async function openExtensionPage(path: string, size = { width: 420, height: 720 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

beforeAll(async () => {
  marketo = await startDemoMarketo({ port: 0 });
  worker = await startTestWorker();
  buildDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-connector-'));
  const extensionDir = await buildExtension({ workerUrl: worker.url, readKey: worker.keys.read, outDir: buildDir });
  browser = await launchWithExtension(extensionDir);
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await marketo?.close();
  if (buildDir) await rm(buildDir, { recursive: true, force: true });
});

describe('Marketo connector against the simulated Marketo', () => {
  it('connects from the options page with an admin key and shows the status live', async () => {
    const page = await openExtensionPage('options.html', { width: 820, height: 1600 });
    await page.getByTestId('key').fill(worker.keys.admin);
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
    expect(await users.textContent()).toMatch(/^Top API users: etl-sync@demo\.example \([\d,]+\), crm-connector@demo\.example \([\d,]+\),/);
    await expect.poll(() => page.getByTestId('quota-chart').count(), POLL).toBe(1);
    expect(await page.getByTestId('chart-today').getAttribute('points')).toMatch(/^[\d.]+,[\d.]+$/);
    expect(await page.getByTestId('chart-summary').textContent()).toMatch(/^API usage today and the last 7 days: Today: [\d,]+ of 50,000 calls\. Last 7 days: .+\.$/);
    await page.close();
  });

  it('turns a burst of 606 errors into an api_errors notification in the badge', async () => {
    const before = (await callWorker(worker.url, '/v1/counts', { token: worker.keys.read })).body as { unread: number };
    marketo.instance.addErrors('606', 25);
    const status = await connectToSimulator(worker.url, worker.keys.admin, marketo);
    expect(status.state).toBe('ok');
    await expect.poll(async () => (await browser.badge()).text, POLL).toBe(String(before.unread + 1));
    const feed = (await callWorker(worker.url, '/v1/notifications?type=api_errors', { token: worker.keys.read })).body as { items: { data: { byCode: Record<string, number> } }[] };
    expect(feed.items[0]!.data.byCode['606']).toBeGreaterThanOrEqual(25);
    const page = await openExtensionPage('popup.html');
    const group = page.getByTestId('feed-group-api_errors');
    await expect.poll(() => group.count(), POLL).toBe(1);
    expect(await group.textContent()).toContain('Rate limit reached (100 calls per 20 seconds).');
    await page.close();
  });
});
