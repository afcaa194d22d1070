// Outbound channels (issue 19) against the local inbox: event to Slack message in immediate mode,
// the ingest cost of 5 channels against none, and the throttle under a burst of 1,000 events.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { createKey, ensureTenant } from '../../scripts/lib/local-worker.mjs';
import { campaignBatch } from './events.mjs';
import { request } from './http.mjs';
import { sleep, summarize } from './stats.mjs';

async function call(url, path, token, method = 'GET', body) {
  const res = await request(url, path, { method, token, body });
  if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
  return res.json;
}

const slackChannel = (worker, admin, inbox, name) =>
  call(worker.url, '/v1/channels', admin, 'POST', {
    kind: 'slack',
    name,
    url: `${inbox.url}/slack/${name}`,
    mode: 'immediate',
  });

const received = (inbox, name) => inbox.messages().filter((m) => m.name === name).length;

/** Waits for the inbox to hold `count` messages for `name`; answers when, or null at the deadline. */
async function arrival(inbox, name, count, deadline) {
  while (performance.now() < deadline) {
    if (received(inbox, name) >= count) return performance.now();
    await sleep(2);
  }
  return null;
}

async function newTenant(worker, munchkin) {
  await ensureTenant(worker.url, worker.rootToken, munchkin, `bench ${munchkin}`);
  const keys = {};
  for (const role of ['ingest', 'admin'])
    keys[role] = (
      await createKey(
        worker.url,
        worker.rootToken,
        munchkin,
        role,
        `bench ${role}`,
        role === 'admin' ? 'bench user' : undefined,
      )
    ).key;
  return keys;
}

/** Event posted to message received, one at a time, 1.1 s apart (the throttle spaces messages 1 s). */
async function latency(worker, inbox, events) {
  const channel = await slackChannel(worker, worker.keys.admin, inbox, 'latency');
  const samples = [];
  for (let i = 1; i <= events; i++) {
    const started = performance.now();
    await call(worker.url, '/v1/events', worker.keys.ingest, 'POST', campaignBatch('out-lat', 10_000 + i, 1));
    const at = await arrival(inbox, 'latency', i, started + 30_000);
    if (at === null) throw new Error(`outbound: message ${i} never arrived`);
    samples.push(at - started);
    await sleep(1_100);
  }
  await call(worker.url, `/v1/channels/${channel.id}`, worker.keys.admin, 'DELETE');
  return summarize(samples);
}

/** N batched events to a tenant with 5 channels and to one with none, interleaved. */
async function ingestCost(worker, inbox, batches, batchSize) {
  const withChannels = await newTenant(worker, '987-BEN-701');
  const without = await newTenant(worker, '987-BEN-702');
  for (let c = 1; c <= 5; c++) await slackChannel(worker, withChannels.admin, inbox, `cost-${c}`);
  const times = { five: [], none: [] };
  for (let b = 0; b < batches; b++) {
    for (const [name, keys] of b % 2
      ? [
          ['none', without],
          ['five', withChannels],
        ]
      : [
          ['five', withChannels],
          ['none', without],
        ]) {
      const body = campaignBatch(`cost-${name}`, b * batchSize, batchSize);
      const started = performance.now();
      await call(worker.url, '/v1/events', keys.ingest, 'POST', body);
      times[name].push(performance.now() - started);
    }
  }
  const five = summarize(times.five);
  const none = summarize(times.none);
  const total = (xs) => xs.reduce((a, b) => a + b, 0);
  return { batches, batchSize, five, none, ratio: total(times.five) / total(times.none) };
}

/** The summary rows' folded counts, read from the Durable Objects' SQLite files in the state dir. */
async function foldedCounts(persistTo, channelId) {
  // Loaded here: node:sqlite warns that it is experimental, which other parts need not print.
  const { DatabaseSync } = await import('node:sqlite');
  const files = (await readdir(persistTo, { recursive: true })).filter((f) => f.endsWith('.sqlite'));
  const counts = [];
  for (const file of files) {
    let db;
    try {
      db = new DatabaseSync(join(persistTo, file), { readOnly: true });
      const rows = db
        .prepare("SELECT payload FROM deliveries WHERE channel_id = ? AND reason = 'summary'")
        .all(channelId);
      for (const row of rows) {
        // A summary gathering is kept as counts and ids ("folded"); one sent or written whole, as "summary".
        const payload = JSON.parse(String(row.payload));
        counts.push((payload.folded ?? payload.summary).count);
      }
    } catch {
      // Not a tenant's database.
    } finally {
      db?.close();
    }
  }
  return counts;
}

/** 1,000 events in a burst to one channel: what arrives within `watchMs`, and what was folded. */
async function burst(worker, inbox, events, watchMs) {
  const channel = await slackChannel(worker, worker.keys.admin, inbox, 'burst');
  const started = performance.now();
  for (let first = 0; first < events; first += 100)
    await call(
      worker.url,
      '/v1/events',
      worker.keys.ingest,
      'POST',
      campaignBatch('burst', 50_000 + first, Math.min(100, events - first)),
    );
  const postedMs = performance.now() - started;
  await sleep(watchMs);
  const messages = received(inbox, 'burst');
  const list = (await call(worker.url, `/v1/channels/${channel.id}/deliveries?limit=100`, worker.keys.admin))
    .deliveries;
  const notifications = list.filter((d) => d.reason === 'notification');
  const summaries = list.filter((d) => d.reason === 'summary');
  const folded = await foldedCounts(worker.persistTo, channel.id);
  return {
    events,
    postedMs,
    watchSeconds: watchMs / 1000,
    messages,
    notificationDeliveries: notifications.length,
    delivered: notifications.filter((d) => d.state === 'delivered').length,
    summaries: summaries.map((d) => ({ state: d.state, nextAttemptAt: d.nextAttemptAt })),
    folded,
  };
}

export async function benchOutbound({
  worker,
  inbox,
  events,
  batches,
  batchSize,
  burstEvents,
  watchMs,
  log,
}) {
  log?.(`  event to Slack message, immediate mode: ${events} events`);
  const immediate = await latency(worker, inbox, events);
  log?.(`    p50 ${immediate.p50.toFixed(0)} ms p95 ${immediate.p95.toFixed(0)} ms`);
  log?.(`  ingest cost: ${batches} batches of ${batchSize} to 5 channels and to none, interleaved`);
  const cost = await ingestCost(worker, inbox, batches, batchSize);
  log?.(
    `    five p50 ${cost.five.p50.toFixed(1)} ms, none p50 ${cost.none.p50.toFixed(1)} ms, ratio ` +
      `${cost.ratio.toFixed(2)}x`,
  );
  log?.(`  burst: ${burstEvents} events to one channel, watched ${watchMs / 1000} s`);
  const flood = await burst(worker, inbox, burstEvents, watchMs);
  log?.(
    `    ${flood.messages} messages; summaries ${JSON.stringify(flood.summaries)}; folded ${flood.folded}`,
  );
  return { immediate, cost, burst: flood };
}
