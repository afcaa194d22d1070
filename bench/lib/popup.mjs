// Popup time-to-feed: from opening popup.html to the first notification painted, in real
// Chromium, with unread notifications stored on the worker.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { launchWithExtension } from './chromium.mjs';
import { campaignFailure } from './events.mjs';
import { request } from './http.mjs';
import { sleep, summarize } from './stats.mjs';

/**
 * Runs in each page before its own scripts: notes `performance.now()` (milliseconds since the
 * page's navigation started) once the first notification is in the DOM and a frame has been
 * painted with it (the next animation frame, then a task after it).
 */
const PAINT_PROBE = `(() => {
  const seen = () => document.querySelector('li[data-testid^="notification-"]');
  const done = () => requestAnimationFrame(() => setTimeout(() => { window.__feedPaintedAt = performance.now(); }, 0));
  const observer = new MutationObserver(() => {
    if (seen()) { observer.disconnect(); done(); }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function storeUnread(worker, count) {
  const read = await request(worker.url, '/v1/notifications/read', { method: 'POST', token: worker.keys.read, body: { all: true } });
  if (read.status !== 200) throw new Error(`mark all read: HTTP ${read.status} ${read.text.slice(0, 200)}`);
  const events = Array.from({ length: count }, (_, i) => campaignFailure(`popup-${i}`, `popup-${i}`));
  const posted = await request(worker.url, '/v1/events', { method: 'POST', token: worker.keys.ingest, body: { events } });
  if (posted.status !== 202) throw new Error(`post events: HTTP ${posted.status} ${posted.text.slice(0, 200)}`);
}

async function waitForBadge(browser, text, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if ((await browser.badgeText()) === text) return;
    await sleep(100);
  }
  throw new Error(`badge never showed ${text}`);
}

export async function benchPopup({ worker, opens, unread, log }) {
  log?.(`  ${unread} unread notifications, popup opened ${opens} times`);
  await storeUnread(worker, unread);
  const outDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-bench-popup-'));
  let browser;
  try {
    browser = await launchWithExtension(await buildExtension({ workerUrl: worker.url, readKey: worker.keys.read, outDir }));
    // The background is connected and has the counts, as when a user clicks the toolbar button.
    await waitForBadge(browser, String(unread), 60_000);
    await browser.context.addInitScript(PAINT_PROBE);
    const samples = [];
    for (let i = 0; i < opens; i++) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 420, height: 600 });
      await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await page.waitForFunction(() => /** @type {any} */ (window).__feedPaintedAt !== undefined, undefined, { timeout: 30_000 });
      const shown = await page.locator('li[data-testid^="notification-"]').count();
      if (shown === 0) throw new Error('the popup painted no notification');
      samples.push(await page.evaluate(() => /** @type {any} */ (window).__feedPaintedAt));
      await page.close();
    }
    return { ...summarize(samples), opens, unread };
  } finally {
    await browser?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
