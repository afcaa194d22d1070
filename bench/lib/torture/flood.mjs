// Flood: one ingest key posts distinct notifications as fast as it can while 50 clients hold
// sockets on the same tenant. The tenant's SQLite file must stay under a stated bound, every
// 202'd event within retention must be there exactly once, nothing may answer 5xx, and a second
// tenant's reads must stay within 2x of their quiet p95.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { createKey } from '../../../scripts/lib/local-worker.mjs';
import { request } from '../http.mjs';
import { percentile } from '../stats.mjs';
import { listAllNotifications } from './checks.mjs';

/** Every notification an event makes is the same size: a distinct campaign, one id, one time. */
function floodEvent(n, atMs) {
  return {
    id: `flood-${n}`,
    type: 'campaign_failure',
    occurredAt: new Date(atMs).toISOString(),
    campaign: { id: `flood-cmp-${n}`, name: `Flood campaign ${n}` },
    error: { code: 'E1', message: 'Flood failure' },
  };
}

/** The SQLite files of the worker's Durable Objects under the state directory, with their sizes (WAL included). */
async function objectFiles(persistTo) {
  const sizes = new Map();
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.sqlite(-wal|-shm)?$/.test(entry.name) && path.includes('TenantDurableObject')) {
        const base = path.replace(/-(wal|shm)$/, '');
        sizes.set(base, (sizes.get(base) ?? 0) + (await stat(path)).size);
      }
    }
  }
  await walk(persistTo);
  return sizes;
}

/**
 * Sequential GET /v1/counts of the quiet tenant, round-robin over its read keys, `count` times or until
 * `until()`; latencies in ms.
 * @param {string} url
 * @param {string[]} readKeys
 * @param {{ count?: number, until?: () => boolean }} limits
 */
async function readLatencies(url, readKeys, { count, until }) {
  const latencies = [];
  let failures = 0;
  for (let i = 0; (count === undefined || i < count) && !(until?.() ?? false); i++) {
    const started = performance.now();
    const res = await request(url, '/v1/counts', {
      token: readKeys[i % readKeys.length],
      timeoutMs: 30_000,
    }).catch(() => ({ status: 0 }));
    latencies.push(performance.now() - started);
    if (res.status !== 200) failures++;
    // A steady pace, under each key's 300 reads a minute.
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { latencies, failures };
}

/** Opens `n` sockets with tickets of `readKeys` (at most 10 per key); each counts its messages. */
async function holdSockets(url, readKeys, n) {
  const sockets = [];
  for (let i = 0; i < n; i++) {
    const ticket = await request(url, '/v1/stream/ticket', {
      method: 'POST',
      token: readKeys[Math.floor(i / 10)],
    });
    if (ticket.status !== 200)
      throw new Error(`ticket ${i}: HTTP ${ticket.status} ${ticket.text.slice(0, 200)}`);
    const ws = new WebSocket(
      `${url.replace(/^http/, 'ws')}/v1/stream?ticket=${encodeURIComponent(ticket.json.ticket)}`,
    );
    const held = { ws, messages: 0, closed: false };
    ws.addEventListener('message', () => held.messages++);
    ws.addEventListener('close', () => (held.closed = true));
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve, { once: true });
      ws.addEventListener('error', () => reject(new Error(`socket ${i} did not open`)), { once: true });
    });
    sockets.push(held);
  }
  return sockets;
}

export async function floodPhase({
  worker,
  floodTenant,
  quietTenant,
  notifications,
  sockets: socketCount,
  storageBoundBytes,
  deadline,
  invariants,
  log,
}) {
  const { url } = worker;
  const newKey = async (tenant, role) =>
    (await createKey(url, worker.rootToken, tenant, role, `flood ${role}`)).key;
  const socketKeys = [];
  for (let i = 0; i < Math.ceil(socketCount / 10); i++)
    socketKeys.push(await newKey(floodTenant.tenant, 'read'));
  const quietKeys = [];
  for (let i = 0; i < 8; i++) quietKeys.push(await newKey(quietTenant.tenant, 'read'));
  const settings = await request(url, '/v1/settings', { token: floodTenant.keys.read });
  const max = settings.json.retention.maxNotifications;

  // Quiet figures first: the second tenant alone, and the flood tenant's storage before.
  await request(url, '/v1/events', {
    method: 'POST',
    token: floodTenant.keys.ingest,
    body: floodEvent(-1, Date.now() - 3_600_000),
  });
  const quiet = await readLatencies(url, quietKeys, { count: 200 });
  const before = await objectFiles(worker.persistTo);
  const held = await holdSockets(url, socketKeys, socketCount);

  // The flood: batches of 100 distinct events, occurredAt one millisecond apart and in the past, so that
  // "within retention" (the newest `max` by lastAt) is known exactly.
  const base = Date.now() - 3_000_000;
  const batches = Math.ceil(notifications / 100);
  const statuses = new Map();
  const accepted = new Set();
  let next = 0;
  let flooding = true;
  const started = Date.now();
  const during = readLatencies(url, quietKeys, { until: () => !flooding });
  const poster = async () => {
    while (next < batches && Date.now() < deadline) {
      const b = next++;
      const events = Array.from({ length: Math.min(100, notifications - b * 100) }, (_, i) =>
        floodEvent(b * 100 + i, base + b * 100 + i),
      );
      for (;;) {
        const res = await request(url, '/v1/events', {
          method: 'POST',
          token: floodTenant.keys.ingest,
          body: { events },
          timeoutMs: 60_000,
        }).catch(() => ({ status: 0, headers: new Headers() }));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 202) {
          for (const e of events) accepted.add(e.id);
          break;
        }
        if (res.status === 429)
          await new Promise((resolve) =>
            setTimeout(resolve, Number(res.headers.get('retry-after') ?? 1) * 1000),
          );
        else if (res.status !== 0 && res.status < 500) break;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, poster));
  flooding = false;
  const floodSeconds = (Date.now() - started) / 1000;
  const duringReads = await during;
  const answers = [...statuses].map(([s, k]) => `${s}: ${k}`).join(', ');
  log(
    `  ${accepted.size} events accepted in ${floodSeconds.toFixed(1)} s ` +
      `(${Math.round(accepted.size / floodSeconds)}/s); answers ${answers}`,
  );

  // Housekeeping runs within a minute of the last new notification and brings the store to its maximum.
  let stored = 0;
  for (const waitUntil = Date.now() + 120_000; Date.now() < waitUntil;) {
    const counts = await request(url, '/v1/counts', { token: floodTenant.keys.read });
    stored = counts.json?.byType?.campaign_failure ?? 0;
    if (stored <= max) break;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  const after = await objectFiles(worker.persistTo);
  const grown = [...after]
    .map(([file, size]) => ({ file, size, before: before.get(file) ?? 0 }))
    .sort((a, b) => b.size - b.before - (a.size - a.before))[0];
  const items = await listAllNotifications(url, floodTenant.keys.read, { type: 'campaign_failure' });
  const kept = items.map((n) => n.data.campaign.id);
  const expected = [...accepted]
    .map((id) => Number(id.slice('flood-'.length)))
    .filter((n) => n >= 0)
    .sort((a, b) => b - a)
    .slice(0, max);
  const keptSet = new Set(kept);
  const missing = expected.filter((n) => !keptSet.has(`flood-cmp-${n}`));
  const open = held.filter((s) => !s.closed).length;
  const received = held.reduce((sum, s) => sum + s.messages, 0);
  for (const s of held) s.ws.close(1000, 'done');

  const quietP95 = percentile(quiet.latencies, 95);
  const floodP95 = percentile(duringReads.latencies, 95);
  const fiveXx = [...statuses].filter(([s]) => s >= 500).reduce((sum, [, k]) => sum + k, 0);
  invariants.check(
    accepted.size === notifications,
    `all ${notifications} flood events answered 202`,
    `${accepted.size}`,
  );
  invariants.check(
    fiveXx === 0 && !statuses.has(0),
    'no 5xx and no dropped connection during the flood',
    `${fiveXx} 5xx, ${statuses.get(0) ?? 0} dropped`,
  );
  invariants.check(
    stored <= max,
    `the store is back to its maximum (${max}) within two minutes`,
    `${stored} stored`,
  );
  invariants.check(
    kept.length === keptSet.size,
    'each kept notification is there once',
    `${kept.length - keptSet.size} duplicates`,
  );
  invariants.check(
    missing.length === 0,
    `every 202'd event within retention (the newest ${max}) is present`,
    `${missing.length} missing, e.g. ${missing.slice(0, 5).join(', ')}`,
  );
  invariants.check(
    grown !== undefined && grown.size <= storageBoundBytes,
    `the tenant's SQLite file stays under ${(storageBoundBytes / 1048576).toFixed(0)} MiB`,
    `${grown?.size} bytes`,
  );
  invariants.check(open === socketCount, `all ${socketCount} sockets stayed open`, `${open} open`);
  invariants.check(
    duringReads.failures === 0 && quiet.failures === 0,
    'every read of the second tenant answered 200',
    `${quiet.failures + duringReads.failures} did not`,
  );
  const withinTwice = floodP95 <= 2 * quietP95;
  log(
    `  second tenant GET /v1/counts p95: quiet ${quietP95.toFixed(1)} ms, during the flood ` +
      `${floodP95.toFixed(1)} ms (${(floodP95 / quietP95).toFixed(2)}x)`,
  );
  return {
    notifications,
    accepted: accepted.size,
    floodSeconds,
    statuses: Object.fromEntries(statuses),
    max,
    stored,
    kept: kept.length,
    duplicates: kept.length - keptSet.size,
    missing: missing.length,
    sqliteBefore: grown?.before ?? 0,
    sqliteAfter: grown?.size ?? 0,
    storageBoundBytes,
    sockets: socketCount,
    socketsOpen: open,
    socketMessages: received,
    quiet: { n: quiet.latencies.length, p50: percentile(quiet.latencies, 50), p95: quietP95 },
    during: { n: duringReads.latencies.length, p50: percentile(duringReads.latencies, 50), p95: floodP95 },
    withinTwice,
  };
}
