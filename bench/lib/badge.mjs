// Event to badge: time from a POST /v1/events returning to the toolbar badge showing it,
// in real Chromium, with push (WebSocket) and with push cut (the long-poll fallback).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { buildExtension } from '../../scripts/lib/build-extension.mjs';
import { launchWithExtension } from './chromium.mjs';
import { campaignFailure } from './events.mjs';
import { request } from './http.mjs';
import { sleep, summarize } from './stats.mjs';
import { startStreamCutProxy } from './stream-cut-proxy.mjs';

export const badgeCount = (text) => (text === '' ? 0 : /^\d+$/.test(text ?? '') ? Number(text) : null);

/** Samples the badge as fast as the service worker answers, until `until()` or the deadline. */
export async function watchBadge(browser, until, deadline) {
  const changes = [];
  let last;
  while (!until(last) && performance.now() < deadline) {
    const text = await browser.badgeText();
    const at = performance.now();
    if (text !== null && text !== last) {
      changes.push({ at, text });
      last = text;
    }
  }
  return { changes, last };
}

async function markAllRead(worker) {
  const res = await request(worker.url, '/v1/notifications/read', {
    method: 'POST',
    token: worker.keys.read,
    body: { all: true },
  });
  if (res.status !== 200) throw new Error(`mark all read: HTTP ${res.status} ${res.text.slice(0, 200)}`);
}

async function postEvent(worker, id, n) {
  const res = await request(worker.url, '/v1/events', {
    method: 'POST',
    token: worker.keys.ingest,
    body: campaignFailure(id, n),
  });
  if (res.status !== 202) throw new Error(`post event: HTTP ${res.status} ${res.text.slice(0, 200)}`);
  return performance.now();
}

/** Clears the unread count and waits for an empty badge, so every event raises it by one. */
export async function startFromZero(worker, browser, timeoutMs) {
  await markAllRead(worker);
  const { last } = await watchBadge(browser, (text) => text === '', performance.now() + timeoutMs);
  if (last !== '') throw new Error(`badge did not clear (shows ${JSON.stringify(last)})`);
}

/** Push: one event at a time, each measured until the badge shows it. */
async function measurePush(worker, browser, events, prefix) {
  await startFromZero(worker, browser, 90_000);
  const latencies = [];
  for (let i = 1; i <= events; i++) {
    const postedAt = await postEvent(worker, `${prefix}-${i}`, `${prefix}-${i}`);
    const { changes, last } = await watchBadge(browser, (text) => badgeCount(text) >= i, postedAt + 30_000);
    if (badgeCount(last) < i)
      throw new Error(`push: badge never showed ${i} (shows ${JSON.stringify(last)})`);
    latencies.push(changes.at(-1).at - postedAt);
  }
  return latencies;
}

/**
 * Poll fallback: events posted at random gaps (0.5 to 2.5 s) while the badge is sampled; each
 * event's latency runs to the first badge count that includes it.
 */
async function measurePoll(worker, browser, events, prefix, waitMs, settleMs) {
  // Let the reconnect backoff reach its plateau, as when a network blocks WebSockets for good.
  await sleep(settleMs);
  await startFromZero(worker, browser, 150_000);
  const postedAt = [];
  const poster = (async () => {
    for (let i = 1; i <= events; i++) {
      postedAt.push(await postEvent(worker, `${prefix}-${i}`, `${prefix}-${i}`));
      await sleep(500 + Math.random() * 2000);
    }
  })();
  const deadline = performance.now() + events * 2_600 + waitMs;
  const { changes, last } = await watchBadge(browser, (text) => badgeCount(text) >= events, deadline);
  await poster;
  if (badgeCount(last) < events)
    throw new Error(`poll: badge reached ${JSON.stringify(last)}, not ${events}`);
  return postedAt.map((at, index) => {
    const shown = changes.find((c) => c.at >= at && badgeCount(c.text) >= index + 1);
    return shown.at - at;
  });
}

/** Builds the extension for `workerUrl` into a temp dir, loads it, runs `measure`, cleans up. */
export async function withExtension(workerUrl, readKey, measure) {
  const outDir = await mkdtemp(join(tmpdir(), 'marketo-notifier-bench-ext-'));
  let browser;
  try {
    const extDir = await buildExtension({ workerUrl, readKey, outDir });
    browser = await launchWithExtension(extDir);
    return await measure(browser);
  } finally {
    await browser?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

export async function benchBadge({ worker, events, pollWaitMs = 150_000, settleMs = 0, log }) {
  log?.(`  push: ${events} events, one at a time`);
  const push = await withExtension(worker.url, worker.keys.read, (browser) =>
    measurePush(worker, browser, events, 'badge-push'),
  );
  const proxy = await startStreamCutProxy(worker.url);
  try {
    log?.(`  push cut (WebSocket upgrades refused by a proxy, long-poll fallback): ${events} events`);
    const poll = await withExtension(proxy.url, worker.keys.read, (browser) =>
      measurePoll(worker, browser, events, 'badge-poll', pollWaitMs, settleMs),
    );
    return {
      push: summarize(push),
      poll: { ...summarize(poll), refusedUpgrades: proxy.refusedUpgrades(), settleSeconds: settleMs / 1000 },
    };
  } finally {
    await proxy.close();
  }
}
