// The Firefox build in Debian's firefox-esr against a real local worker: badge, popup, options
// and overlay, with nothing printed as an error or warning by the extension.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { campaignFailure, engagementExhausted } from '../../scripts/lib/demo-events.mjs';
import { callWorker, provisionTenant, startTestWorker } from '../../scripts/lib/local-worker.mjs';
import {
  FIREFOX,
  firefoxAccessibilityTree,
  firefoxAvailable,
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
} from './support/firefox';
import { type FixtureServer, startMarketoFixture } from './support/fixture-server';
import { readOverlay } from './support/overlay-view';
import { workerClient } from './support/worker-client';

const MARKETO_HOST = 'app-ab12.marketo.com';
/** A landing-page host: *.marketo.com serves those too, and the overlay stays off them. */
const LANDING_HOST = 'na-ab12.marketo.com';
const POLL = { timeout: 75_000, interval: 250 };
/** The badge colours, written out (Firefox answers them as [r, g, b, a]). */
const RED = [0xc5, 0x22, 0x1f, 255];
const AMBER = [0xf2, 0x99, 0x00, 255];

let worker: Awaited<ReturnType<typeof startTestWorker>>;
let api: ReturnType<typeof workerClient>;
let firefox: FirefoxWithExtension;
let buildDir: string;
let fixture: FixtureServer;

/** The overlay as Firefox's accessibility tree shows it (its shadow root is closed to page scripts). */
async function overlay(page: Page) {
  return readOverlay(await firefoxAccessibilityTree(firefox.browser, page.url()));
}

const textOf = (page: Page, selector: string) =>
  page.$eval(selector, (el) => el.textContent ?? '').catch(() => '');

beforeAll(async () => {
  if (!firefoxAvailable())
    throw new Error(`${FIREFOX} is missing: apt-get install -y firefox-esr (.ci/run does it)`);
  worker = await startTestWorker();
  api = workerClient(worker);
  buildDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-firefox-'));
  const extensionDir = await buildExtension({
    workerUrl: worker.url,
    readKey: worker.keys.read,
    outDir: buildDir,
    browser: 'firefox',
  });
  firefox = await launchFirefoxWithExtension(extensionDir, { hosts: [MARKETO_HOST, LANDING_HOST] });
  fixture = await startMarketoFixture();
});

afterAll(async () => {
  await firefox?.close();
  await fixture?.close();
  await worker?.stop();
  if (buildDir) await rm(buildDir, { recursive: true, force: true });
});

afterEach(() => {
  // Background, pages and the content script: nothing went to the console as an error or warning.
  expect(firefox.problems()).toEqual([]);
});

describe('Firefox', () => {
  it('badge: the background connects and paints the count in the worst severity', async () => {
    await expect.poll(async () => (await firefox.storedState())?.status, POLL).toBe('live');
    await api.ingest([engagementExhausted({ program: { id: 7001, name: 'Firefox nurture' } })]);
    await expect.poll(() => firefox.badge(), POLL).toMatchObject({ color: AMBER });
    await api.ingest([campaignFailure({ campaign: { id: 7002, name: 'Firefox launch: send invite' } })]);
    const { unread } = await api.counts();
    await expect.poll(() => firefox.badge(), POLL).toEqual({ text: String(unread), color: RED });
  });

  it('popup: shows the feed and marks a notification read', async () => {
    await api.ingest([campaignFailure({ campaign: { id: 7003, name: 'Firefox popup: send reminder' } })]);
    const target = (await api.notifications()).find(
      (n) => n.type === 'campaign_failure' && n.data.campaign.id === 7003,
    )!;
    const before = (await api.counts()).unread;
    const popup = await firefox.openExtensionPage('popup.html');
    const item = `[data-testid="notification-${target.id}"]`;
    await expect.poll(() => textOf(popup, item), POLL).toContain('Firefox popup: send reminder');
    expect(await textOf(popup, '[data-testid="connection-status"]')).not.toBe('');
    await popup.click(`[data-testid="mark-read-${target.id}"]`);
    await expect.poll(async () => (await api.counts()).unread, POLL).toBe(before - 1);
    await expect
      .poll(async () => (await firefox.badge()).text, POLL)
      .toBe(before - 1 === 0 ? '' : String(before - 1));
    await popup.close();
  });

  it('options: shows the connection and tests it', async () => {
    const options = await firefox.openExtensionPage('options.html');
    await expect
      .poll(() => options.$eval('[data-testid="worker-url"]', (el) => (el as HTMLInputElement).value), POLL)
      .toBe(worker.url);
    await options.click('[data-testid="test-connection"]');
    const result = () =>
      options.$eval('[data-testid="connection-result"]', (el) => el.getAttribute('data-result'));
    await expect.poll(result, POLL).toBe('ok');
    await options.close();
  });

  it(
    'overlay: the bell counts on a Marketo page and a new ' +
      'critical notification toasts, and stays off landing pages',
    async () => {
      const landing = await firefox.browser.newPage();
      await landing.goto(`https://${LANDING_HOST}:${fixture.port}/#SC1042A1`);
      const page = await firefox.browser.newPage();
      await page.goto(`https://${MARKETO_HOST}:${fixture.port}/#SC1042A1`);
      const unread = (await api.counts()).unread;
      await expect.poll(async () => (await overlay(page)).count, POLL).toBe(unread);
      expect(
        await page.evaluate(() => document.querySelector('marketo-notifier-overlay')?.shadowRoot),
      ).toBeNull();
      await api.ingest([campaignFailure({ campaign: { id: 7004, name: 'Firefox overlay: send survey' } })]);
      await expect
        .poll(async () => (await overlay(page)).toastText, POLL)
        .toContain('Firefox overlay: send survey');
      await expect.poll(async () => (await overlay(page)).count, POLL).toBe(unread + 1);
      const shown = await overlay(page);
      expect(shown.toasts.length).toBe(1);
      expect(shown.liveRegions).toEqual(['assertive']);
      // By now the content script had its turn on the landing page too.
      expect(await landing.evaluate(() => document.querySelector('marketo-notifier-overlay') === null)).toBe(
        true,
      );
      expect((await overlay(landing)).count).toBeNull();
      await landing.close();
      await page.close();
    },
  );

  it('two connections: the badge adds both up and the popup has a tab for each', async () => {
    const sandbox = await provisionTenant(worker.url, worker.rootToken, '222-FFX-222', { label: 'sandbox' });
    await firefox.setConnections([
      { id: 'default', label: 'Production', workerUrl: worker.url, key: worker.keys.read },
      { id: 'sandbox', label: 'Sandbox', workerUrl: worker.url, key: sandbox.keys.read },
    ]);
    const ingested = await callWorker(worker.url, '/v1/events', {
      method: 'POST',
      token: sandbox.keys.ingest,
      body: { events: [campaignFailure({ campaign: { id: 7005, name: 'Firefox sandbox: send test' } })] },
    });
    expect(ingested.status).toBe(202);
    const production = (await api.counts()).unread;
    await expect.poll(() => firefox.badge(), POLL).toEqual({ text: String(production + 1), color: RED });
    const popup = await firefox.openExtensionPage('popup.html');
    await expect
      .poll(() => popup.$$eval('[role="tab"]', (tabs) => tabs.map((t) => t.getAttribute('aria-label'))), POLL)
      .toEqual([`All, ${production + 1} unread`, `Production, ${production} unread`, 'Sandbox, 1 unread']);
    await popup.click('[data-testid="tab-sandbox"]');
    await expect
      .poll(() => textOf(popup, '[data-testid="feed"]'), POLL)
      .toContain('Firefox sandbox: send test');
    expect(await popup.$$eval('[data-testid^="notification-"][data-read]', (rows) => rows.length)).toBe(1);
    await popup.close();
  });
});
