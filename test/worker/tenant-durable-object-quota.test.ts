import { describe, expect, it } from 'vitest';

import { type Notification, NotificationPage } from '../../shared/notifications';
import { events } from './support/events';
import { MEMBER } from './support/members';
import { newTenant, type TenantStub } from './support/tenant-object';

const at = (iso: string) => Date.parse(iso);

async function quotaNotifications(stub: TenantStub) {
  const { items } = NotificationPage.parse(
    await stub.list(MEMBER, { status: 'all', type: 'web_services_quota', limit: 100 }),
  );
  return items as Extract<Notification, { type: 'web_services_quota' }>[];
}

describe('web services quota', () => {
  it('adds usage to the day and fires each threshold once per day', async () => {
    const stub = newTenant('quota');
    const noon = at('2026-05-05T17:00:00Z');
    expect(await stub.addUsage(39_999, noon)).toEqual({
      used: 39_999,
      limit: 50_000,
      resetsAt: '2026-05-06T05:00:00.000Z',
    });
    expect(await quotaNotifications(stub)).toHaveLength(0);
    await stub.addUsage(1, noon);
    await stub.addUsage(5_000, noon);
    let items = await quotaNotifications(stub);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      severity: 'warning',
      count: 1,
      data: { day: '2026-05-05', threshold: 80, used: 40_000, limit: 50_000 },
    });
    await stub.addUsage(6_000, noon);
    await stub.addUsage(6_000, noon);
    items = await quotaNotifications(stub);
    // Same lastAt: compare as a set.
    expect(items.map((n) => [n.data.threshold, n.severity, n.count]).sort()).toEqual([
      [100, 'critical', 1],
      [80, 'warning', 1],
    ]);
    expect((await stub.counts(MEMBER, noon)).quota).toEqual({
      used: 57_000,
      limit: 50_000,
      resetsAt: '2026-05-06T05:00:00.000Z',
    });
    // A new quota day starts from zero and may fire again.
    const nextDay = at('2026-05-06T05:00:00Z');
    expect((await stub.counts(MEMBER, nextDay)).quota).toEqual({
      used: 0,
      limit: 50_000,
      resetsAt: '2026-05-07T05:00:00.000Z',
    });
    await stub.addUsage(50_000, nextDay);
    items = await quotaNotifications(stub);
    expect(items).toHaveLength(4);
    expect(
      items
        .filter((n) => n.data.day === '2026-05-06')
        .map((n) => n.data.threshold)
        .sort(),
    ).toEqual([100, 80]);
  });

  it('follows the configured limit and thresholds', async () => {
    const stub = newTenant('quota');
    await stub.updateSettings({ quota: { dailyLimit: 1000, thresholds: [50, 90] } });
    await stub.addUsage(950, at('2026-05-05T17:00:00Z'));
    const items = await quotaNotifications(stub);
    expect(items.map((n) => [n.data.threshold, n.severity]).sort()).toEqual([
      [50, 'warning'],
      [90, 'warning'],
    ]);
  });

  it('fires the 100 % notification on error 607 once per day', async () => {
    const stub = newTenant('quota');
    const now = at('2026-05-05T17:00:00Z');
    await stub.addUsage(100, now);
    await stub.ingest(
      events({ type: 'web_services_quota', errorCode: 607, message: 'Daily quota reached' }),
      now,
    );
    await stub.ingest(events({ type: 'web_services_quota', errorCode: 607 }), now);
    await stub.addUsage(60_000, now);
    const items = await quotaNotifications(stub);
    expect(items.map((n) => n.data.threshold).sort()).toEqual([100, 80]);
    expect(items.find((n) => n.data.threshold === 100)).toMatchObject({
      severity: 'critical',
      count: 1,
      data: { day: '2026-05-05', used: 100, limit: 50_000, errorCode: 607, message: 'Daily quota reached' },
    });
  });

  it('fires the 100 % notification once per day for any event carrying error 607, besides its own', async () => {
    const stub = newTenant('quota');
    const now = at('2026-05-05T17:00:00Z');
    await stub.addUsage(700, now);
    await stub.ingest(
      events({
        type: 'campaign_failure',
        campaign: { id: 1, name: 'C' },
        error: { message: 'quota' },
        errorCode: 607,
      }),
      now,
    );
    await stub.ingest(
      events(
        { type: 'crm_sync', crm: 'salesforce', problem: 'api_limit', errorCode: '607' },
        { type: 'facebook', problem: 'app_removed', errorCode: 606 },
      ),
      now,
    );
    const all = NotificationPage.parse(await stub.list(MEMBER, { status: 'all', limit: 100 })).items;
    expect(all.map((n) => n.type).sort()).toEqual([
      'campaign_failure',
      'crm_sync',
      'facebook',
      'web_services_quota',
    ]);
    const items = await quotaNotifications(stub);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      severity: 'critical',
      count: 1,
      data: { day: '2026-05-05', threshold: 100, used: 700, limit: 50_000, errorCode: 607 },
    });
    // Reaching 100 % by usage later the same day fires nothing new at 100; the next day may fire again.
    await stub.addUsage(60_000, now);
    expect((await quotaNotifications(stub)).map((n) => n.data.threshold).sort()).toEqual([100, 80]);
    await stub.ingest(
      events({ type: 'linkedin', operation: 'send', outcome: 'failure', errorCode: 607 }),
      at('2026-05-06T17:00:00Z'),
    );
    expect(
      (await quotaNotifications(stub))
        .filter((n) => n.data.day === '2026-05-06')
        .map((n) => n.data.threshold),
    ).toEqual([100]);
  });

  it(
    'fires at once a threshold that a lower limit or a ' +
      "new threshold puts below today's usage, once per day",
    async () => {
      const stub = newTenant('quota');
      const now = at('2026-05-05T17:00:00Z');
      await stub.addUsage(30_000, now);
      expect(await quotaNotifications(stub)).toHaveLength(0);
      await stub.updateSettings({ quota: { thresholds: [50, 80, 100] } }, now);
      expect(
        (await quotaNotifications(stub)).map((n) => [n.data.threshold, n.data.used, n.data.limit]),
      ).toEqual([[50, 30_000, 50_000]]);
      await stub.updateSettings({ quota: { dailyLimit: 30_000 } }, now);
      const items = await quotaNotifications(stub);
      expect(items.map((n) => [n.data.threshold, n.severity, n.data.limit]).sort()).toEqual([
        [100, 'critical', 30_000],
        [50, 'warning', 50_000],
        [80, 'warning', 30_000],
      ]);
      // Nothing fires twice the same day, neither by settings nor by usage.
      await stub.updateSettings({ quota: { dailyLimit: 20_000, thresholds: [50, 80, 100] } }, now);
      await stub.addUsage(1, now);
      expect((await quotaNotifications(stub)).every((n) => n.count === 1)).toBe(true);
      expect(await quotaNotifications(stub)).toHaveLength(3);
      // A higher limit fires nothing.
      const other = newTenant('quota');
      await other.addUsage(10_000, now);
      await other.updateSettings({ quota: { dailyLimit: 100_000 } }, now);
      expect(await quotaNotifications(other)).toHaveLength(0);
    },
  );

  it('does not fire a threshold reached while the type was disabled', async () => {
    const stub = newTenant('quota');
    const now = at('2026-05-05T17:00:00Z');
    await stub.updateSettings({ types: { web_services_quota: { enabled: false } } });
    await stub.addUsage(45_000, now);
    await stub.updateSettings({ types: { web_services_quota: { enabled: true } } });
    await stub.addUsage(10_000, now);
    expect((await quotaNotifications(stub)).map((n) => n.data.threshold)).toEqual([100]);
  });

  it('ends the day at local midnight on 2026-03-08 (23 h day)', async () => {
    const stub = newTenant('quota');
    // 00:00 CST = 06:00Z; the next midnight is CDT, 05:00Z.
    expect((await stub.addUsage(10, at('2026-03-08T06:00:00Z'))).resetsAt).toBe('2026-03-09T05:00:00.000Z');
    expect(await stub.addUsage(10, at('2026-03-09T04:59:59.999Z'))).toMatchObject({
      used: 20,
      resetsAt: '2026-03-09T05:00:00.000Z',
    });
    expect(await stub.addUsage(10, at('2026-03-09T05:00:00Z'))).toMatchObject({
      used: 10,
      resetsAt: '2026-03-10T05:00:00.000Z',
    });
    // Before the day: still 2026-03-07, which ended at 06:00Z.
    expect(await stub.addUsage(5, at('2026-03-08T05:59:59Z'))).toMatchObject({
      used: 5,
      resetsAt: '2026-03-08T06:00:00.000Z',
    });
  });

  it('ends the day at local midnight on 2026-11-01 (25 h day)', async () => {
    const stub = newTenant('quota');
    // 00:00 CDT = 05:00Z; the next midnight is CST, 06:00Z.
    expect((await stub.addUsage(10, at('2026-11-01T05:00:00Z'))).resetsAt).toBe('2026-11-02T06:00:00.000Z');
    expect(await stub.addUsage(10, at('2026-11-02T05:30:00Z'))).toMatchObject({
      used: 20,
      resetsAt: '2026-11-02T06:00:00.000Z',
    });
    expect(await stub.addUsage(10, at('2026-11-02T06:00:00Z'))).toMatchObject({
      used: 10,
      resetsAt: '2026-11-03T06:00:00.000Z',
    });
    await stub.addUsage(40_000, at('2026-11-02T05:59:00Z'));
    expect((await quotaNotifications(stub)).map((n) => n.data.day)).toEqual(['2026-11-01']);
  });
});
