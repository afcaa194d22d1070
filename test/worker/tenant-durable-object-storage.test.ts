import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

import { type MarketoEventInput } from '../../shared/events';
import { type FeedQuery } from '../../shared/notifications';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { decodeCursor, encodeCursor } from '../../worker/domain/cursor';
import { readUnreadCounts, recountUnread } from '../../worker/store/counters';
import { feedQuery } from '../../worker/store/notifications';
import { markReadFor } from '../../worker/store/read-state';
import { migrate } from '../../worker/store/schema';
import type { TenantDurableObject } from '../../worker/tenant/object';
import { campaignFailure, events } from './support/events';
import { MEMBER } from './support/members';
import { countingRows, newTenant, NOW, page } from './support/tenant-object';

describe('tenant durable object: marking read, counters, settings, pruning, migrations', () => {
  it('marks read by many ids at once, ignoring unknown ones', async () => {
    const stub = newTenant();
    await stub.ingest(events(campaignFailure(1, 1), campaignFailure(2, 1)), NOW);
    const known = (await page(stub)).items.map((n) => n.id);
    const ids = [...Array.from({ length: 300 }, (_, i) => `unknown-${i}`), ...known, ...known];
    expect(await stub.markRead(MEMBER, { ids })).toEqual({ updated: 2 });
    expect((await stub.counts(MEMBER, NOW)).unread).toBe(0);
  });

  it('reads every feed access path through an index, without a full scan or sorting', async () => {
    const stub = newTenant();
    await stub.ingest(
      events(campaignFailure(1, 1), campaignFailure(2, 1), { type: 'facebook', problem: 'app_removed' }),
      NOW,
    );
    const requests: FeedQuery[] = [];
    for (const status of ['unread', 'all'] as const) {
      for (const type of [undefined, 'facebook'] as const) {
        for (const cursor of [undefined, encodeCursor({ lastAtMs: NOW, id: 'm' })])
          requests.push({ status, type, limit: 50, cursor });
      }
    }
    const plans = await runInDurableObject(stub, (_instance, state) =>
      requests.map((request) => {
        // The statement the list really runs, not a copy of it.
        const { text, bindings } = feedQuery(
          request,
          request.cursor === undefined ? null : decodeCursor(request.cursor),
          MEMBER,
          NOW,
        );
        const plan = state.storage.sql
          .exec<{ detail: string }>(`EXPLAIN QUERY PLAN ${text}`, ...bindings)
          .toArray();
        return { request, plan: plan.map((r) => r.detail).join('; ') };
      }),
    );
    expect(plans).toHaveLength(8);
    for (const { request, plan } of plans) {
      // The narrowest index: the open ones are partial, the typed ones lead with the type.
      const scope = request.status === 'unread' ? 'open' : 'feed';
      const index = `notifications_${scope}${request.type === undefined ? '' : '_type'}`;
      expect(plan, JSON.stringify(request)).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
      expect(plan, JSON.stringify(request)).not.toMatch(/TEMP B-TREE|SCAN notifications(?! USING)/);
    }
  });

  it('marks all read', async () => {
    const stub = newTenant();
    await stub.ingest(
      events(campaignFailure(1, 1), campaignFailure(2, 1), { type: 'facebook', problem: 'app_removed' }),
      NOW,
    );
    expect(await stub.markRead(MEMBER, { all: true })).toEqual({ updated: 3 });
    expect(await stub.markRead(MEMBER, { all: true })).toEqual({ updated: 0 });
    const counts = await stub.counts(MEMBER, NOW);
    expect(counts.unread).toBe(0);
    expect(Object.values(counts.bySeverity).every((n) => n === 0)).toBe(true);
  });

  it('marks all read without bringing rows back, and sets the counters to zero directly', async () => {
    const stub = newTenant();
    const many: MarketoEventInput[] = Array.from({ length: 250 }, (_, i) => campaignFailure(i, 1));
    many.push(
      { type: 'trigger_campaign_cleanup', campaign: { id: 1, name: 'T' }, action: 'scheduled' },
      { type: 'crm_sync', crm: 'salesforce', problem: 'api_limit' },
    );
    await stub.ingest(events(...many), NOW);
    const [oneRead] = (await page(stub, { limit: 1 })).items;
    await stub.markRead(MEMBER, { ids: [oneRead!.id] });
    const outcome = await runInDurableObject(stub, (_instance, state) => {
      // Counters off on purpose: subtracting per notification would leave them off zero.
      state.storage.sql.exec('UPDATE member_totals SET value = value + 5');
      const counting = countingRows(state.storage.sql);
      const updated = state.storage.transactionSync(() =>
        markReadFor(counting.sql, MEMBER, { all: true }, NOW),
      );
      return { updated, rowsToJs: counting.rows(), counters: readUnreadCounts(state.storage.sql, MEMBER) };
    });
    expect(outcome.updated).toBe(251);
    // At most the one row of the statement's change count.
    expect(outcome.rowsToJs).toBeLessThanOrEqual(1);
    expect(outcome.counters.unread).toBe(0);
    expect(Object.values(outcome.counters.byType).every((n) => n === 0)).toBe(true);
    expect(Object.values(outcome.counters.bySeverity).every((n) => n === 0)).toBe(true);
    expect((await page(stub)).items).toHaveLength(0);
  });

  it('keeps the counters equal to a recount after a mixed sequence', async () => {
    const stub = newTenant();
    await stub.ingest(
      events(
        campaignFailure(1, 1),
        campaignFailure(1, 1),
        campaignFailure(2, 1),
        { type: 'crm_sync', crm: 'salesforce', problem: 'api_limit' },
        { type: 'crm_sync', crm: 'dynamics', problem: 'duplicate_lead', lead: { id: 5 } },
        { type: 'trigger_campaign_cleanup', campaign: { id: 3, name: 'T' }, action: 'scheduled' },
        {
          type: 'engagement_exhausted',
          program: { id: 4, name: 'E' },
          stream: { name: 's' },
          exhaustedLeads: 3,
        },
      ),
      NOW,
    );
    const first = (await page(stub)).items;
    await stub.markRead(MEMBER, { ids: [first[0]!.id, first[2]!.id] });
    await stub.addUsage(45_000, NOW);
    await stub.ingest(
      events(campaignFailure(1, 1), { type: 'crm_sync', crm: 'dynamics', problem: 'field_length' }),
      NOW,
    );
    await stub.markRead(MEMBER, { ids: [first[4]!.id] });
    await stub.ingest(events({ type: 'web_services_quota', errorCode: 607 }), NOW);
    const [counters, recount] = await runInDurableObject(stub, (_instance, state) => [
      readUnreadCounts(state.storage.sql, MEMBER),
      recountUnread(state.storage.sql, MEMBER, NOW),
    ]);
    expect(counters).toEqual(recount);
    expect(counters.unread).toBeGreaterThan(0);
    const counts = await stub.counts(MEMBER, NOW);
    expect({ unread: counts.unread, byType: counts.byType, bySeverity: counts.bySeverity }).toEqual(recount);
    expect(counts.unread).toBe((await page(stub, { limit: 100 })).items.length);
  });

  it('stores settings, merging a partial document and re-validating', async () => {
    const stub = newTenant();
    expect(await stub.getSettings()).toEqual(DEFAULT_SETTINGS);
    const updated = await stub.updateSettings({ quota: { dailyLimit: 1000 }, linkedin: { maxAttempts: 5 } });
    expect(updated.quota).toEqual({ dailyLimit: 1000, thresholds: [80, 100] });
    expect(updated.linkedin.maxAttempts).toBe(5);
    expect(await stub.getSettings()).toEqual(updated);
    expect((await stub.counts(MEMBER, NOW)).quota.limit).toBe(1000);
    await runInDurableObject(stub, async (instance: TenantDurableObject) => {
      await expect(instance.updateSettings({ quota: { dailyLimit: -5 } })).rejects.toThrow();
    });
    expect(await stub.getSettings()).toEqual(updated);
  });

  it('forgets event ids after the retention when the alarm prunes', async () => {
    const stub = newTenant();
    const eightDaysAgo = Date.now() - 8 * 24 * 3_600_000;
    await stub.ingest(events(campaignFailure(1, 1, { id: 'old' })), eightDaysAgo);
    await stub.ingest(events(campaignFailure(1, 1, { id: 'recent' })));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await stub.ingest(events(campaignFailure(1, 1, { id: 'old' })))).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    expect(await stub.ingest(events(campaignFailure(1, 1, { id: 'recent' })))).toEqual({
      accepted: 0,
      duplicates: 1,
    });
  });

  it(
    'sets the next housekeeping by what expires first: the ' +
      'oldest remembered id here, a minute ahead at least',
    async () => {
      const stub = newTenant();
      const day = 24 * 3_600_000;
      const threeDaysAgo = Date.now() - 3 * day;
      await stub.ingest(events(campaignFailure(1, 1, { id: 'three-days' })), threeDaysAgo);
      await stub.ingest(events(campaignFailure(1, 1, { id: 'now' })));
      expect(await runDurableObjectAlarm(stub)).toBe(true);
      const alarmOf = () => runInDurableObject(stub, (_instance, state) => state.storage.getAlarm());
      // Nothing could expire before the oldest id does, seven days after it was seen (notifications last 90).
      expect(await alarmOf()).toBe(threeDaysAgo + 7 * day);
      expect(await stub.ingest(events(campaignFailure(1, 1, { id: 'three-days' })))).toEqual({
        accepted: 0,
        duplicates: 1,
      });

      const almostExpired = newTenant();
      await almostExpired.ingest(
        events(campaignFailure(1, 1, { id: 'almost-a-week' })),
        Date.now() - 7 * day + 10_000,
      );
      const before = Date.now();
      expect(await runDurableObjectAlarm(almostExpired)).toBe(true);
      const alarm = await runInDurableObject(almostExpired, (_instance, state) => state.storage.getAlarm());
      expect(alarm).toBeGreaterThanOrEqual(before + 60_000);
      expect(alarm).toBeLessThanOrEqual(Date.now() + 60_000);
    },
  );

  it('adds the key column to a ticket table made before key ids were kept', async () => {
    const stub = newTenant();
    const columns = await runInDurableObject(stub, (_instance, state) => {
      const sql = state.storage.sql;
      sql.exec('DROP TABLE stream_tickets');
      sql.exec('CREATE TABLE stream_tickets (ticket TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)');
      sql.exec("INSERT INTO stream_tickets (ticket, expires_at) VALUES ('old', ?)", Date.now() + 60_000);
      migrate(sql);
      migrate(sql);
      return sql
        .exec<{ name: string }>("SELECT name FROM pragma_table_info('stream_tickets')")
        .toArray()
        .map((r) => r.name);
    });
    // The key, its member and the enroll key that bought it (an enrolment's sockets are capped together).
    expect(columns.sort()).toEqual(['enrolled_by', 'expires_at', 'key_id', 'member', 'ticket']);
    // A ticket without a key cannot be revoked, so it opens nothing.
    const response = await stub.fetch(`https://tenant/v1/stream?ticket=old`, {
      headers: { Upgrade: 'websocket' },
    });
    expect(response.status).toBe(401);
  });
});
