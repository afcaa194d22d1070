// Read latency as one tenant's store grows: GET /v1/counts and the first feed page.
import { createKey, ensureTenant } from '../../scripts/lib/local-worker.mjs';
import { campaignBatch } from './events.mjs';
import { pool, request } from './http.mjs';
import { runCannon } from './ingest.mjs';

export const READS_TENANT = '987-RDS-654';

/**
 * A second tenant on the bench worker, so the ingest runs do not grow its store. It keeps up to a
 * million notifications (the default retention keeps 10,000); each measured run gets its own read
 * key (`newRead`), as a key may send 300 reads a minute.
 */
export async function provisionReadsTenant(worker) {
  await ensureTenant(worker.url, worker.rootToken, READS_TENANT, 'reads bench');
  const key = async (role) =>
    (await createKey(worker.url, worker.rootToken, READS_TENANT, role, `reads bench ${role}`)).key;
  const retention = await request(worker.url, '/v1/settings', {
    method: 'PUT',
    token: await key('admin'),
    body: { retention: { maxNotifications: 1_000_000 } },
  });
  if (retention.status !== 200)
    throw new Error(`reads tenant retention: HTTP ${retention.status} ${retention.text.slice(0, 200)}`);
  return { ingest: await key('ingest'), read: await key('read'), newRead: () => key('read') };
}

/** Posts batches of 100 distinct campaign failures until campaigns [from, to) exist. */
export async function loadNotifications({ url, ingestKey, from, to, concurrency = 8 }) {
  const batches = Math.ceil((to - from) / 100);
  await pool(batches, concurrency, async (i) => {
    const first = from + i * 100;
    const size = Math.min(100, to - first);
    const body = campaignBatch('load', first, size);
    for (let attempt = 1; ; attempt++) {
      const res = await request(url, '/v1/events', {
        method: 'POST',
        token: ingestKey,
        body,
        timeoutMs: 60_000,
      }).catch((e) => ({ status: 0, text: String(e) }));
      if (res.status === 202) return;
      if (attempt >= 3)
        throw new Error(`loading batch ${first}: HTTP ${res.status} ${res.text?.slice(0, 200)}`);
    }
  });
}

const READ_ROUTES = [
  { name: 'GET /v1/counts', path: '/v1/counts' },
  { name: 'GET /v1/notifications?status=all (first page)', path: '/v1/notifications?status=all' },
];

/** Grows the store through `sizes` and measures both reads at each size. */
export async function benchReads({ url, keys, sizes, samples, log }) {
  const rows = [];
  let stored = 0;
  for (const size of sizes) {
    const started = Date.now();
    await loadNotifications({ url, ingestKey: keys.ingest, from: stored, to: size });
    const loadSeconds = (Date.now() - started) / 1000;
    const loaded = size - stored;
    stored = size;
    const counts = await request(url, '/v1/counts', { token: keys.read });
    if (counts.json?.byType?.campaign_failure !== size) {
      throw new Error(`expected ${size} stored notifications, counts say ${counts.text.slice(0, 200)}`);
    }
    log?.(`  ${size} notifications stored (${Math.round(loaded / loadSeconds)}/s loaded)`);
    for (const route of READ_ROUTES) {
      const run = await runCannon({
        url,
        token: await keys.newRead(),
        method: 'GET',
        path: route.path,
        sendsEvent: false,
        expectedStatus: 200,
        connections: 1,
        amount: samples,
      });
      rows.push({ size, route: route.name, loadSeconds, ...run });
    }
  }
  return rows;
}
