// Several Marketo instances (issue 20): event to badge with 2 connections (two tenants on the
// bench worker) in real Chromium; the second connection is added in the options as a person does.
import { performance } from 'node:perf_hooks';

import { provisionTenant } from '../../scripts/lib/local-worker.mjs';
import { badgeCount, watchBadge, withExtension } from './badge.mjs';
import { addConnection } from './connections.mjs';
import { campaignFailure } from './events.mjs';
import { request } from './http.mjs';
import { summarize } from './stats.mjs';

const SECOND_TENANT = '987-BEN-720';

async function call(url, path, token, body) {
  const res = await request(url, path, { method: 'POST', token, body });
  if (res.status >= 300) throw new Error(`POST ${path}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
}

/** `events` events one at a time, alternating between the two tenants, each timed to the badge. */
export async function benchInstances({ worker, events, log }) {
  const second = await provisionTenant(worker.url, worker.rootToken, SECOND_TENANT, { label: 'second' });
  const tenants = [worker.keys, second.keys];
  for (const keys of tenants) await call(worker.url, '/v1/notifications/read', keys.read, { all: true });
  log?.(`  2 connections, ${events} events alternating between the tenants`);
  const latencies = await withExtension(worker.url, worker.keys.read, async (browser) => {
    await addConnection(browser, { workerUrl: worker.url, key: second.keys.read, label: 'Second instance' });
    const { last } = await watchBadge(browser, (t) => t === '', performance.now() + 60_000);
    if (last !== '') throw new Error(`badge did not clear (shows ${JSON.stringify(last)})`);
    const samples = [];
    for (let i = 1; i <= events; i++) {
      const started = performance.now();
      const keys = tenants[i % 2];
      await call(worker.url, '/v1/events', keys.ingest, campaignFailure(`inst-${i}`, 20_000 + i));
      const { changes, last: shown } = await watchBadge(browser, (t) => badgeCount(t) >= i, started + 30_000);
      if (badgeCount(shown) < i) throw new Error(`instances: badge never showed ${i} (shows ${shown})`);
      samples.push(changes.at(-1).at - started);
    }
    return samples;
  });
  const result = summarize(latencies);
  log?.(`    p50 ${result.p50.toFixed(0)} ms p95 ${result.p95.toFixed(0)} ms`);
  return result;
}
