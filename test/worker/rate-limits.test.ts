import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';

import { call, errorOf, ROOT_TOKEN, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { createKey, createTenant, uniqueTenantId } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

const minuteOf = (ms: number) => Math.floor(ms / 60_000);

/**
 * Sends `total` requests, `parallel` at a time, and answers their statuses in order of sending,
 * or null when the clock's minute (the limiter's window) changed meanwhile.
 */
async function withinOneWindow(
  total: number,
  parallel: number,
  send: () => Promise<Response>,
): Promise<number[] | null> {
  const started = minuteOf(Date.now());
  const statuses: number[] = [];
  for (let sent = 0; sent < total; sent += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, total - sent) }, send));
    for (const response of batch) {
      statuses.push(response.status);
      await response.body?.cancel();
    }
  }
  return minuteOf(Date.now()) === started ? statuses : null;
}

/** Waits for the next clock minute unless at least `seconds` are left in this one. */
async function startOfWindowWithin(seconds: number): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/** Runs the case again (with fresh keys) if a window boundary fell inside it; the windows are clock minutes. */
async function inOneWindow(attempt: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 3; tries++) if (await attempt()) return;
  throw new Error('every attempt straddled a minute boundary');
}

describe('per-key rate limits', () => {
  it('answers the 6,001st ingest request of a key in a minute with 429 rate_limited and Retry-After', async () => {
    const tenant = await createTenant();
    await inOneWindow(async () => {
      const ingest = await createKey(tenant, 'ingest');
      // The local limiter serves about 200 counts a second: most of the minute's 6,000 go straight to the
      // binding the worker uses, under the key's id, and the last ones (and the one over) through the worker.
      await startOfWindowWithin(45);
      const started = minuteOf(Date.now());
      for (let counted = 0; counted < 5_900; counted += 100) {
        await Promise.all(Array.from({ length: 100 }, () => env.INGEST_LIMITER.limit({ key: ingest.id })));
      }
      // Bodies that validation refuses: each request still counts, and costs no storage.
      const statuses = await withinOneWindow(101, 101, () =>
        call('/v1/events', { token: ingest.key, json: {} }),
      );
      const over = await call('/v1/events', {
        token: ingest.key,
        json: { type: 'facebook', problem: 'app_removed' },
      });
      if (statuses === null || minuteOf(Date.now()) !== started) return false;
      expect(statuses.filter((s) => s === 400)).toHaveLength(100);
      expect(statuses.filter((s) => s === 429)).toHaveLength(1);
      expect(over.status).toBe(429);
      const retryAfter = Number(over.headers.get('Retry-After'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const error = await errorOf(over);
      expect(error.code).toBe('rate_limited');
      expect(error.message).toMatch(/try again in \d+ s/);
      // Another key of the same tenant has its own count.
      const other = await createKey(tenant, 'ingest');
      expect(
        (await call('/v1/events', { token: other.key, json: { type: 'facebook', problem: 'app_removed' } }))
          .status,
      ).toBe(202);
      return true;
    });
  }, 240_000);

  it('allows a read key 300 requests a minute and an admin key 60 admin requests', async () => {
    const tenant = await createTenant();
    await inOneWindow(async () => {
      const [read, admin] = await Promise.all([createKey(tenant, 'read'), createKey(tenant, 'admin')]);
      const reads = await withinOneWindow(301, 50, () => call('/v1/settings', { token: read.key }));
      const admins = await withinOneWindow(61, 20, () =>
        call(`/v1/tenants/${tenant}/keys`, { token: admin.key }),
      );
      if (reads === null || admins === null) return false;
      expect(reads.filter((s) => s === 200)).toHaveLength(300);
      expect(reads.filter((s) => s === 429)).toHaveLength(1);
      expect(admins.filter((s) => s === 200)).toHaveLength(60);
      expect(admins.filter((s) => s === 429)).toHaveLength(1);
      // The admin key's reads count against the read limit, not its spent admin one.
      expect((await call('/v1/settings', { token: admin.key })).status).toBe(200);
      return true;
    });
  }, 60_000);
});

describe('failed root-token attempts', () => {
  it(
    'answers the 11th wrong token from one address in a minute ' +
      'with 429; other addresses and the real token go on',
    async () => {
      await inOneWindow(async () => {
        const address = `192.0.2.${Math.floor(Math.random() * 250)}`;
        const wrong = () =>
          call(`/v1/tenants/${uniqueTenantId()}`, {
            method: 'PUT',
            token: 'guess-' + crypto.randomUUID(),
            headers: { 'CF-Connecting-IP': address },
          });
        const statuses = await withinOneWindow(11, 1, wrong);
        if (statuses === null) return false;
        expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
        expect(statuses[10]).toBe(429);
        const refused = await wrong();
        expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/);
        expect((await errorOf(refused)).code).toBe('rate_limited');
        const elsewhere = await call(`/v1/tenants/${uniqueTenantId()}`, {
          method: 'PUT',
          token: 'guess',
          headers: { 'CF-Connecting-IP': '198.51.100.7' },
        });
        expect(elsewhere.status).toBe(401);
        const root = await call(`/v1/tenants/${uniqueTenantId()}`, {
          method: 'PUT',
          token: ROOT_TOKEN,
          json: {},
          headers: { 'CF-Connecting-IP': address },
        });
        expect(root.status).toBe(201);
        return true;
      });
    },
  );

  it('does not count requests with a key, known or not', async () => {
    const address = '203.0.113.9';
    const unknownKey = 'mn_' + 'A'.repeat(43);
    for (let i = 0; i < 12; i++) {
      expect(
        (await call('/v1/counts', { token: unknownKey, headers: { 'CF-Connecting-IP': address } })).status,
      ).toBe(401);
    }
  });
});
