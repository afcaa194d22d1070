import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';

import { MarketoEvent, type MarketoEventInput } from '../../shared/events';
import { readUnreadCounts, recountUnread } from '../../worker/store/counters';
import { pruneSeenEventsBeyond } from '../../worker/store/idempotency';
import { pruneLinkedinRuns, setLinkedinFailures } from '../../worker/store/linkedin';
import { writeMeta } from '../../worker/store/meta';
import { loadSettings } from '../../worker/store/settings';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { MEMBER } from './support/members';
import { newTenant, type TenantStub } from './support/tenant-object';
import { tenantWithKeys } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

const DAY = 86_400_000;
const failure = (n: number, extra: Partial<MarketoEventInput> = {}) =>
  MarketoEvent.parse({
    type: 'campaign_failure',
    campaign: { id: n, name: `C${n}` },
    error: { message: 'failed' },
    ...extra,
  });
const campaignsOf = (items: { data: unknown }[]) =>
  items.map((n) => (n.data as { campaign: { id: number } }).campaign.id);

async function ingestMany(stub: TenantStub, from: number, to: number, atMs: (n: number) => number) {
  for (let n = from; n <= to; n++) await stub.ingest([failure(n)], atMs(n));
}

async function countersMatch(stub: TenantStub) {
  const [kept, recounted] = await runInDurableObject(stub, (_i, state) => [
    readUnreadCounts(state.storage.sql, MEMBER),
    recountUnread(state.storage.sql, MEMBER, Date.now()),
  ]);
  expect(kept).toEqual(recounted);
}

describe('retention of notifications', () => {
  it('prunes read notifications first, then the oldest, and keeps the newest unread', async () => {
    const stub = newTenant('retention');
    await stub.updateSettings({ retention: { maxNotifications: 100 } });
    const base = Date.now() - 1_000_000;
    await ingestMany(stub, 1, 110, (n) => base + n * 1000);
    // Ten old ones and ten new ones are read; pruning the 10 over the maximum takes the 10 read ones, oldest first.
    const page = await stub.list(MEMBER, { status: 'all', limit: 100 });
    if ('error' in page) throw new Error(page.error);
    const byCampaign = new Map(page.items.map((n) => [campaignsOf([n])[0]!, n.id]));
    const readIds = [...[11, 12, 13, 14, 15, 16, 17, 18, 19, 20], ...[101, 102, 103, 104, 105]].map((c) =>
      byCampaign.get(c)!,
    );
    await stub.markRead(MEMBER, { ids: readIds });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const all = await stub.list(MEMBER, { status: 'all', limit: 100 });
    if ('error' in all) throw new Error(all.error);
    const kept = campaignsOf(all.items);
    expect(kept).toHaveLength(100);
    // The ten read ones went; the oldest unread (1..10) stay, and the read new ones too.
    for (const gone of [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]) expect(kept).not.toContain(gone);
    for (const stays of [1, 10, 101, 110]) expect(kept).toContain(stays);
    expect((await stub.counts(MEMBER)).unread).toBe(95);
    await countersMatch(stub);

    // Beyond the read ones, the oldest unread go; the newest unread stay.
    await ingestMany(stub, 111, 130, (n) => base + n * 1000);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const after = await stub.list(MEMBER, { status: 'all', limit: 100 });
    if ('error' in after) throw new Error(after.error);
    const now = campaignsOf(after.items);
    expect(now).toHaveLength(100);
    expect(now.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => 130 - i));
    expect(now).not.toContain(1);
    expect(now).toContain(110);
    await countersMatch(stub);
  });

  it(`drops notifications last seen more than retention.days ago, read or not`, async () => {
    const stub = newTenant('retention');
    await stub.updateSettings({ retention: { days: 30 } });
    const now = Date.now();
    await stub.ingest([failure(1)], now - 31 * DAY);
    await stub.ingest([failure(2)], now - 29 * DAY);
    await stub.ingest([failure(3)], now - 40 * DAY);
    await stub.markRead(MEMBER, { all: true });
    await stub.ingest([failure(3)], now - DAY); // a repeat brings it back within retention
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const all = await stub.list(MEMBER, { status: 'all', limit: 100 });
    if ('error' in all) throw new Error(all.error);
    expect(campaignsOf(all.items).sort()).toEqual([2, 3]);
    await countersMatch(stub);
    // The next housekeeping is due when the oldest left expires.
    const alarm = await runInDurableObject(stub, (_i, state) => state.storage.getAlarm());
    expect(alarm).toBe(now - 29 * DAY + 30 * DAY);
  });

  it('prunes within the request when a flood outruns the alarm', async () => {
    const stub = newTenant('retention');
    await stub.updateSettings({ retention: { maxNotifications: 100 } });
    const base = Date.now() - 1_000_000;
    for (let batch = 0; batch < 3; batch++) {
      await stub.ingest(
        Array.from({ length: 100 }, (_, i) => failure(batch * 100 + i + 1)),
        base + batch * 1000,
      );
    }
    // 300 made, no alarm run: the store never held much more than its maximum and a tenth.
    const stored = await runInDurableObject(
      stub,
      (_i, state) => state.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM notifications').one().n,
    );
    expect(stored).toBeLessThanOrEqual(200);
    expect(stored).toBeGreaterThanOrEqual(100);
    await countersMatch(stub);
  });

  it('sets housekeeping within a minute of new notifications', async () => {
    const stub = newTenant('retention');
    await stub.ingest([failure(1)]);
    const alarm = await runInDurableObject(stub, (_i, state) => state.storage.getAlarm());
    expect(alarm).not.toBeNull();
    expect(alarm!).toBeLessThanOrEqual(Date.now() + 60_000);
  });
});

describe('retention settings', () => {
  it('takes maxNotifications 100..1,000,000 and days 1..3650, defaults 10,000 and 90', async () => {
    const t = await tenantWithKeys();
    const settings = await (await call('/v1/settings', { token: t.read })).json<{ retention: unknown }>();
    expect(settings.retention).toEqual({ maxNotifications: 10_000, days: 90 });
    for (const retention of [
      { maxNotifications: 99 },
      { maxNotifications: 1_000_001 },
      { days: 0 },
      { days: 3651 },
      { days: 1.5 },
      { keep: 1 },
    ]) {
      const refused = await call('/v1/settings', { method: 'PUT', token: t.admin, json: { retention } });
      expect(refused.status).toBe(400);
      expect((await errorOf(refused)).code).toBe('invalid_input');
    }
    const changed = await call('/v1/settings', {
      method: 'PUT',
      token: t.admin,
      json: { retention: { days: 7 } },
    });
    expect((await changed.json<{ retention: unknown }>()).retention).toEqual({
      maxNotifications: 10_000,
      days: 7,
    });
  });

  it('gives a document stored before retention existed the default retention, keeping the rest', async () => {
    const stub = newTenant('retention');
    const loaded = await runInDurableObject(stub, (_i, state) => {
      const { retention: _dropped, ...v1 } = loadSettings(state.storage.sql);
      writeMeta(state.storage.sql, 'settings', JSON.stringify({ ...v1, linkedin: { maxAttempts: 7 } }));
      return loadSettings(state.storage.sql);
    });
    expect(loaded.linkedin.maxAttempts).toBe(7);
    expect(loaded.retention).toEqual({ maxNotifications: 10_000, days: 90 });
  });
});

describe('other tables stay bounded', () => {
  it('forgets the event ids seen longest ago beyond the maximum', async () => {
    const stub = newTenant('retention');
    const now = Date.now();
    for (let i = 0; i < 12; i++) await stub.ingest([failure(1, { id: `e${i}` })], now - (12 - i) * 1000);
    const left = await runInDurableObject(stub, (_i, state) => {
      pruneSeenEventsBeyond(state.storage.sql, 10);
      return state.storage.sql
        .exec<{ id: string }>('SELECT id FROM seen_events ORDER BY seen_at')
        .toArray()
        .map((r) => r.id);
    });
    expect(left).toEqual(Array.from({ length: 10 }, (_, i) => `e${i + 2}`));
    expect(await stub.ingest([failure(1, { id: 'e11' })])).toEqual({ accepted: 0, duplicates: 1 });
  });

  it('drops the LinkedIn runs changed longest ago beyond the maximum', async () => {
    const stub = newTenant('retention');
    const left = await runInDurableObject(stub, (_i, state) => {
      const sql = state.storage.sql;
      for (let i = 0; i < 5; i++) setLinkedinFailures(sql, `send|target-${i}`, 1, 1000 + i);
      pruneLinkedinRuns(sql, 3);
      return sql
        .exec<{ key: string }>('SELECT key FROM linkedin_attempts ORDER BY updated_at')
        .toArray()
        .map((r) => r.key);
    });
    expect(left).toEqual(['send|target-2', 'send|target-3', 'send|target-4']);
  });

  it('prunes revoked keys a day after revocation, and used tickets, in housekeeping', async () => {
    const stub = newTenant('retention');
    const now = Date.now();
    await stub.revokeKey('key_longagorevoked00', now - 2 * DAY);
    await stub.revokeKey('key_justrevoked00000', now);
    await stub.createTicket('key_ticketholder0000', MEMBER, now - 120_000);
    await stub.ingest([failure(1)]);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const rows = await runInDurableObject(stub, (_i, state) => ({
      revoked: state.storage.sql
        .exec<{ key_id: string }>('SELECT key_id FROM revoked_keys')
        .toArray()
        .map((r) => r.key_id),
      tickets: state.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM stream_tickets').one().n,
    }));
    expect(rows).toEqual({ revoked: ['key_justrevoked00000'], tickets: 0 });
  });
});
