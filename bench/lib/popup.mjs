// Popup time-to-feed: from opening popup.html to the first notification painted, in real
// Chromium, with unread notifications stored on the worker.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { provisionTenant } from '../../scripts/lib/local-worker.mjs';
import { watchBadge } from './badge.mjs';
import { launchWithExtension } from './chromium.mjs';
import { addConnection } from './connections.mjs';
import { campaignFailure } from './events.mjs';
import { request } from './http.mjs';
import { summarize } from './stats.mjs';

/**
 * Runs in each page before its own scripts: notes `performance.now()` (milliseconds since the
 * page's navigation started) once a notification is in the DOM and a frame has been painted with
 * it (the next animation frame, then a task after it): first any notification (the page kept from
 * the last open counts), then the worker's own page (the feed no longer marked `data-stale`).
 */
const PAINT_PROBE = `(() => {
  const item = 'li[data-testid^="notification-"]';
  const seen = () => document.querySelector(item);
  const fresh = () => document.querySelector('[data-testid="feed"]:not([data-stale]) ' + item);
  const painted = (name) => requestAnimationFrame(() => setTimeout(() => { window[name] = performance.now(); }, 0));
  let first = false;
  const observer = new MutationObserver(() => {
    if (!first && seen()) { first = true; painted('__feedPaintedAt'); }
    if (fresh()) { observer.disconnect(); painted('__freshPaintedAt'); }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-stale'] });
})();`;

/** The second connection's tenant, on the same bench worker. */
const SECOND_TENANT = '987-BEN-721';

async function storeUnread(url, keys, count) {
  const read = await request(url, '/v1/notifications/read', {
    method: 'POST',
    token: keys.read,
    body: { all: true },
  });
  if (read.status !== 200) throw new Error(`mark all read: HTTP ${read.status} ${read.text.slice(0, 200)}`);
  // Event ids are kept by the worker (idempotency), and a repeat of a read group stays read: each run
  // posts new events about new campaigns.
  const run = `${Date.now().toString(36)}-${keys.ingest.slice(-6)}`;
  const events = Array.from({ length: count }, (_, i) =>
    campaignFailure(`popup-${run}-${i}`, `popup-${run}-${i}`),
  );
  const posted = await request(url, '/v1/events', {
    method: 'POST',
    token: keys.ingest,
    body: { events },
  });
  if (posted.status !== 202)
    throw new Error(`post events: HTTP ${posted.status} ${posted.text.slice(0, 200)}`);
}

/**
 * `connections`: 1, or 2 (a second tenant on the same worker, added in the options), each with
 * `unread` unread notifications; "All" then lists both.
 */
export async function benchPopup({ worker, opens, unread, connections = 1, log }) {
  log?.(`  ${connections} connection(s), ${unread} unread notifications each, popup opened ${opens} times`);
  const second =
    connections > 1
      ? await provisionTenant(worker.url, worker.rootToken, SECOND_TENANT, { label: 'popup second' })
      : null;
  for (const keys of [worker.keys, ...(second ? [second.keys] : [])])
    await storeUnread(worker.url, keys, unread);
  const outDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-bench-popup-'));
  let browser;
  try {
    browser = await launchWithExtension(
      await buildExtension({ workerUrl: worker.url, readKey: worker.keys.read, outDir }),
    );
    if (second)
      await addConnection(browser, { workerUrl: worker.url, key: second.keys.read, label: 'Second' });
    // The background is connected and has the counts, as when a user clicks the toolbar button.
    const total = unread * connections;
    const badge = total > 99 ? '99+' : String(total);
    const { last } = await watchBadge(browser, (text) => text === badge, performance.now() + 60_000);
    if (last !== badge) throw new Error(`badge never showed ${badge} (shows ${JSON.stringify(last)})`);
    await browser.context.addInitScript(PAINT_PROBE);
    const samples = [];
    const freshSamples = [];
    for (let i = 0; i < opens; i++) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 420, height: 600 });
      await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await page.waitForFunction(
        () => /** @type {any} */ (window).__freshPaintedAt !== undefined,
        undefined,
        { timeout: 30_000 },
      );
      const shown = await page.locator('li[data-testid^="notification-"]').count();
      if (shown === 0) throw new Error('the popup painted no notification');
      const [firstAt, freshAt] = await page.evaluate(() => [
        /** @type {any} */ (window).__feedPaintedAt,
        /** @type {any} */ (window).__freshPaintedAt,
      ]);
      samples.push(firstAt);
      freshSamples.push(freshAt);
      if (process.env.POPUP_SAMPLES)
        log?.(`    open ${i + 1}: ${firstAt.toFixed(1)} ms, fresh ${freshAt.toFixed(1)} ms`);
      await page.close();
    }
    // The first open has no page kept from an earlier one: it waits for the worker, like a browser just started.
    return {
      ...summarize(samples),
      opens,
      unread,
      connections,
      firstOpen: samples[0],
      fresh: summarize(freshSamples),
    };
  } finally {
    await browser?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
