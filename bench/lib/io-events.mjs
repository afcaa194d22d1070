// Adobe I/O Events (issue 21): a signed campaign failure posted to /io/<token> until the badge
// shows it, in real Chromium; and the worker's verification cost per event with the key cached.
import { createSign } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { campaignFailure, ensureDemoKeyPair, registerIoEvents } from '../../scripts/lib/demo-io-events.ts';
import { badgeCount, startFromZero, watchBadge, withExtension } from './badge.mjs';
import { summarize } from './stats.mjs';

const KEY_PATH = '/prod/keys/local-bench.pem';

/** A delivery signed ahead of time, so the timing holds only the POST. */
function signedDelivery(privateKey, items) {
  const body = JSON.stringify(items);
  const signature = createSign('RSA-SHA256').update(body).sign(privateKey, 'base64');
  return { body, signature };
}

async function post(url, { body, signature }) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-adobe-digital-signature-1': signature,
      'x-adobe-public-key1-path': KEY_PATH,
    },
    body,
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST /io: HTTP ${response.status} ${text.slice(0, 200)}`);
  return { started, elapsed: performance.now() - started };
}

/**
 * `keyFile`: the key pair whose public half the key host (ADOBE_IO_KEYS_URL) serves as `local`.
 * `events` single-event deliveries to the badge; `batches` deliveries of `batchSize` events
 * against as many one-event deliveries, interleaved.
 */
export async function benchIoEvents({ worker, keyFile, events, batches, batchSize, log }) {
  const { privateKey } = await ensureDemoKeyPair(keyFile);
  const url = await registerIoEvents(worker.url, worker.keys.admin);
  const options = { munchkinId: worker.tenant };
  let campaign = 100_000;
  const one = () => signedDelivery(privateKey, [campaignFailure(campaign++, 'bench@example.com', options)]);
  // The first delivery fetches the key; every later one finds it cached.
  await post(url, one());

  log?.(`  ${events} signed deliveries to the badge, one at a time`);
  const badge = await withExtension(worker.url, worker.keys.read, async (browser) => {
    await startFromZero(worker, browser, 90_000);
    const latencies = [];
    for (let i = 1; i <= events; i++) {
      const { started } = await post(url, one());
      const { changes, last } = await watchBadge(browser, (t) => badgeCount(t) >= i, started + 30_000);
      if (badgeCount(last) < i)
        throw new Error(`io: badge never showed ${i} (shows ${JSON.stringify(last)})`);
      latencies.push(changes.at(-1).at - started);
    }
    return latencies;
  });

  log?.(`  verification: ${batches} deliveries of ${batchSize} events against one-event deliveries`);
  const single = [];
  const batched = [];
  for (let b = 0; b < batches; b++) {
    const items = [];
    for (let n = 0; n < batchSize; n++) items.push(campaignFailure(campaign++, 'bench@example.com', options));
    batched.push((await post(url, signedDelivery(privateKey, items))).elapsed);
    for (let n = 0; n < 5; n++) single.push((await post(url, one())).elapsed);
  }
  const batch = summarize(batched);
  const perEvent = { single: summarize(single).p50, batched: batch.p50 / batchSize };
  log?.(`  badge p50 ${summarize(badge).p50.toFixed(0)} ms p95 ${summarize(badge).p95.toFixed(0)} ms`);
  log?.(
    `  one-event POST p50 ${perEvent.single.toFixed(1)} ms; ${batchSize}-event POST p50 ` +
      `${batch.p50.toFixed(1)} ms (${perEvent.batched.toFixed(2)} ms per event)`,
  );
  return { badge: summarize(badge), single: summarize(single), batch, batchSize, perEvent };
}
