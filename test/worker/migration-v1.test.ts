import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

import { MarketoEvent } from '../../shared/events';
import { NotificationPage } from '../../shared/notifications';
import { groupKey } from '../../worker/rules/occurrence';
import { recountUnread } from '../../worker/store/counters';
import { TenantDurableObject } from '../../worker/tenant/object';
import { type V1Notification, writeV1Store } from './fixtures/v1-store';
import { newTenant, NOW } from './support/tenant-object';

const AT = Date.parse('2026-05-05T10:00:00Z');

const v1Failure = (campaign: number, readAtMs: number | null): V1Notification => ({
  id: `v1-${campaign}`,
  groupKey: groupKey('campaign_failure', campaign, null),
  type: 'campaign_failure',
  severity: 'critical',
  data: { campaign: { id: campaign, name: `C${campaign}` }, error: { message: 'failed' } },
  count: 2,
  atMs: AT + campaign * 60_000,
  readAtMs,
});

const V1_ROWS: V1Notification[] = [
  v1Failure(1, AT + 3_600_000),
  v1Failure(2, null),
  v1Failure(3, null),
  {
    id: 'v1-fb',
    groupKey: groupKey('facebook', 'app_removed'),
    type: 'facebook',
    severity: 'critical',
    data: { problem: 'app_removed' },
    count: 1,
    atMs: AT,
    readAtMs: AT + 1000,
  },
  {
    id: 'v1-cleanup',
    groupKey: groupKey('trigger_campaign_cleanup', 9),
    type: 'trigger_campaign_cleanup',
    severity: 'info',
    data: { campaign: { id: 9, name: 'T' }, action: 'scheduled' },
    count: 1,
    atMs: AT,
    readAtMs: null,
  },
];

describe('v1 to v2 migration', () => {
  it('opens a store written by v1: its read state becomes every member’s, and nothing is lost or reset', async () => {
    const stub = newTenant('migration');
    const outcome = await runInDurableObject(stub, async (_old, state) => {
      writeV1Store(state.storage.sql, V1_ROWS);
      // The v2 code opens the store v1 left: its constructor migrates.
      const v2 = new TenantDurableObject(state, env);
      const sql = state.storage.sql;
      const tables = sql
        .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .toArray()
        .map((r) => r.name);
      const before = {
        anna: await v2.counts('anna', NOW),
        ben: await v2.counts('key_legacyread000000', NOW),
      };
      const all = NotificationPage.parse(await v2.list('anna', { status: 'all', limit: 50 }, NOW)).items;
      const unread = NotificationPage.parse(
        await v2.list('anna', { status: 'unread', limit: 50 }, NOW),
      ).items;
      const settings = await v2.getSettings();
      // Members go their own ways from there.
      await v2.markRead('anna', { ids: ['v1-2'] }, NOW);
      const afterAnna = {
        anna: await v2.counts('anna', NOW),
        ben: await v2.counts('key_legacyread000000', NOW),
      };
      // A repeat of a notification read in v1 is unread for everyone again.
      await v2.ingest(
        [
          MarketoEvent.parse({
            type: 'campaign_failure',
            campaign: { id: 1, name: 'C1' },
            error: { message: 'again' },
          }),
        ],
        NOW,
      );
      const afterRepeat = {
        anna: await v2.counts('anna', NOW),
        ben: await v2.counts('key_legacyread000000', NOW),
      };
      const repeated = NotificationPage.parse(
        await v2.list('ben', { status: 'all', limit: 50 }, NOW),
      ).items.find((n) => n.id === 'v1-1');
      const recount = recountUnread(sql, 'anna', NOW);
      return { tables, before, all, unread, settings, afterAnna, afterRepeat, repeated, recount };
    });
    expect(outcome.tables).not.toContain('counters');
    // v1: 3 unread (two campaign failures and the cleanup), 2 read.
    for (const counts of Object.values(outcome.before)) {
      expect(counts).toMatchObject({
        unread: 3,
        byType: { campaign_failure: 2, facebook: 0, trigger_campaign_cleanup: 1 },
        bySeverity: { critical: 2, info: 1 },
      });
    }
    expect(outcome.all.map((n) => n.id).sort()).toEqual(V1_ROWS.map((n) => n.id).sort());
    const read = outcome.all.find((n) => n.id === 'v1-1')!;
    expect(read).toMatchObject({
      count: 2,
      readAt: new Date(AT + 3_600_000).toISOString(),
      ack: null,
      resolved: null,
      data: { campaign: { name: 'C1' } },
    });
    expect(outcome.unread.map((n) => n.id).sort()).toEqual(['v1-2', 'v1-3', 'v1-cleanup']);
    expect(outcome.settings.quota.dailyLimit).toBe(1234);
    expect(outcome.afterAnna.anna.unread).toBe(2);
    expect(outcome.afterAnna.ben.unread).toBe(3);
    expect(outcome.afterRepeat.anna.unread).toBe(3);
    expect(outcome.afterRepeat.ben.unread).toBe(4);
    expect(outcome.repeated).toMatchObject({ count: 3, readAt: null });
    expect(outcome.recount).toEqual({
      unread: outcome.afterRepeat.anna.unread,
      byType: outcome.afterRepeat.anna.byType,
      bySeverity: outcome.afterRepeat.anna.bySeverity,
    });
  });

  it('migrates once: opening the migrated store again changes nothing', async () => {
    const stub = newTenant('migration');
    const counts = await runInDurableObject(stub, async (_old, state) => {
      writeV1Store(state.storage.sql, V1_ROWS);
      const first = await new TenantDurableObject(state, env).counts('anna', NOW);
      const second = await new TenantDurableObject(state, env).counts('anna', NOW);
      return { first, second };
    });
    expect(counts.second).toEqual(counts.first);
    expect(counts.first.unread).toBe(3);
  });
});
