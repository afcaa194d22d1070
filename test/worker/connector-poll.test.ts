import { beforeAll, describe, expect, it } from 'vitest';

import { type Notification, type NotificationOf, NotificationPage } from '../../shared/notifications';
import { WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { connectedTenant, sim } from './support/marketo';
import { MEMBER } from './support/members';
import type { TenantStub } from './support/tenant-object';

type Stub = TenantStub;
const at = (iso: string) => Date.parse(iso);
const NOON = at('2026-05-05T17:00:00Z');

async function notifications<T extends Notification['type']>(
  stub: Stub,
  type?: T,
): Promise<NotificationOf<T>[]> {
  return NotificationPage.parse(await stub.list(MEMBER, { status: 'all', type, limit: 100 }))
    .items as NotificationOf<T>[];
}

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('connector poll: usage', () => {
  it('replaces the quota counter with Marketo’s total and names the top users', async () => {
    const { stub, clientId } = await connectedTenant({
      nowMs: NOON,
      users: {
        'etl@example.com': 900,
        'crm@example.com': 300,
        'forms@example.com': 40,
        'rare@example.com': 2,
      },
    });
    await stub.addUsage(5_000, NOON);
    const status = await stub.pollConnector(NOON);
    expect(status).toMatchObject({
      state: 'ok',
      lastError: null,
      apiUser: 'notifier-api@example.com',
      lastPollAt: new Date(NOON).toISOString(),
    });
    // usage.json counts itself: 1242 + the connector's first call.
    const { quota } = await stub.counts(MEMBER, NOON);
    expect(quota.used).toBe(1243);
    expect(quota.topUsers).toEqual([
      { userId: 'etl@example.com', count: 900 },
      { userId: 'crm@example.com', count: 300 },
      { userId: 'forms@example.com', count: 40 },
    ]);
    // POST /v1/usage adds on top until the next poll replaces it again.
    await stub.addUsage(10, NOON);
    expect((await stub.counts(MEMBER, NOON)).quota.used).toBe(1253);
    // The first poll made 4 calls (usage, last 7 days, errors, campaigns); the second reads 1242 + 5.
    await stub.pollConnector(NOON + 60_000);
    expect((await stub.counts(MEMBER, NOON)).quota.used).toBe(1247);
    // Marketo also counted that poll's errors and campaigns calls, made after its usage call.
    expect((await sim.report(clientId)).usage.total).toBe(1249);
    expect((await stub.getConnector(NOON))?.status.callsToday).toBe(7);
  });
});

describe('connector poll: quota thresholds and forecast', () => {
  it('fires each threshold once a day from the poll', async () => {
    const { stub, clientId } = await connectedTenant({ nowMs: NOON, users: { 'etl@example.com': 39_999 } });
    await stub.pollConnector(NOON);
    let items = await notifications(stub, 'web_services_quota');
    expect(items.map((n) => n.data.threshold)).toEqual([80]);
    await stub.pollConnector(NOON + 60_000);
    await sim.usage(clientId, { 'etl@example.com': 10_000 });
    await stub.pollConnector(NOON + 120_000);
    await stub.pollConnector(NOON + 180_000);
    items = await notifications(stub, 'web_services_quota');
    expect(items.map((n) => [n.data.threshold, n.severity, n.count]).sort()).toEqual([
      [100, 'critical', 1],
      [80, 'warning', 1],
    ]);
  });

  it('forecasts the limit from the last hour’s pace, once per quota day', async () => {
    const t0 = NOON;
    const { stub, clientId } = await connectedTenant({ nowMs: t0, users: { 'etl@example.com': 10_000 } });
    await stub.pollConnector(t0);
    expect(await notifications(stub, 'web_services_quota')).toEqual([]);
    // 10,000 more calls in 30 minutes: 20,000 an hour, 30,000 left, the limit 1.5 hours later.
    const t1 = t0 + 30 * 60_000;
    await sim.clock(clientId, t1);
    // The first poll's other 3 calls and this poll's usage call count too.
    await sim.usage(clientId, { 'etl@example.com': 9_995 });
    await stub.pollConnector(t1);
    const [forecast] = await notifications(stub, 'web_services_quota');
    expect(forecast).toMatchObject({
      severity: 'warning',
      count: 1,
      data: { kind: 'forecast', day: '2026-05-05', used: 20_000, limit: 50_000 },
    });
    const forecastAt = Date.parse(forecast!.data.forecastAt!);
    expect(Math.abs(forecastAt - (t1 + 90 * 60_000))).toBeLessThan(60_000);
    expect((await stub.quotaHistory(t1)).today.map((s) => s.used)).toEqual([10_001, 20_000]);
    const t2 = t1 + 10 * 60_000;
    await sim.clock(clientId, t2);
    await sim.usage(clientId, { 'etl@example.com': 5_000 });
    await stub.pollConnector(t2);
    expect((await notifications(stub, 'web_services_quota')).map((n) => n.count)).toEqual([1]);
  });

  it('fetches the last 7 days at the first poll of each quota day', async () => {
    const { stub, clientId } = await connectedTenant({ nowMs: NOON });
    await stub.pollConnector(NOON);
    await stub.pollConnector(NOON + 60_000);
    const days = (await stub.quotaHistory(NOON)).days;
    expect(days).toHaveLength(7);
    expect(days[6]!.date).toBe('2026-05-04');
    const next = at('2026-05-06T15:00:00Z');
    await sim.clock(clientId, next);
    await stub.pollConnector(next);
    const kinds = (await sim.report(clientId)).calls.map((c) => c.kind).filter((k) => k === 'usage7');
    expect(kinds).toHaveLength(2);
    expect((await stub.quotaHistory(next)).days[6]!.date).toBe('2026-05-05');
  });
});

describe('connector poll: api_errors', () => {
  it('makes one notification a day when a code reaches the minimum, unread again when another code does', async () => {
    const { stub, clientId } = await connectedTenant({ nowMs: NOON, errors: { '606': 19, '610': 3 } });
    await stub.pollConnector(NOON);
    expect(await notifications(stub, 'api_errors')).toEqual([]);
    await sim.errors(clientId, { '606': 1 });
    await stub.pollConnector(NOON + 60_000);
    let [item] = await notifications(stub, 'api_errors');
    expect(item).toMatchObject({
      severity: 'warning',
      count: 1,
      readAt: null,
      data: { day: '2026-05-05', byCode: { '606': 20, '610': 3 }, total: 23, reached: ['606'], minCount: 20 },
    });
    await stub.markRead(MEMBER, { ids: [item!.id] });
    await sim.errors(clientId, { '606': 30 });
    await stub.pollConnector(NOON + 120_000);
    expect((await notifications(stub, 'api_errors'))[0]!.readAt).not.toBeNull();
    await sim.errors(clientId, { '607': 20 });
    await stub.pollConnector(NOON + 180_000);
    [item] = await notifications(stub, 'api_errors');
    expect(item).toMatchObject({
      severity: 'critical',
      count: 2,
      readAt: null,
      data: { reached: ['606', '607'], byCode: { '606': 50, '607': 20 } },
    });
    expect((await stub.counts(MEMBER, NOON)).byType.api_errors).toBe(1);
  });

  it('follows the apiErrors.minCount setting', async () => {
    const { stub } = await connectedTenant({ nowMs: NOON, errors: { '611': 5 } });
    await stub.updateSettings({ apiErrors: { minCount: 5 } }, NOON);
    await stub.pollConnector(NOON);
    expect((await notifications(stub, 'api_errors')).map((n) => n.data)).toMatchObject([
      { reached: ['611'], minCount: 5 },
    ]);
  });
});

describe('connector poll: campaigns', () => {
  const campaigns = [
    { id: 1, name: 'Welcome' },
    { id: 2, name: 'Scoring' },
    { id: 3, name: 'Newsletter', type: 'batch' as const, isActive: false, status: 'Never Run' },
    { id: 4, name: 'Old trigger', isActive: false },
  ];

  it('records a silent baseline, then names a deactivated trigger campaign and a campaign turned Invalid', async () => {
    const { stub, clientId } = await connectedTenant({ nowMs: NOON, campaigns });
    await stub.pollConnector(NOON);
    await stub.pollConnector(NOON + 60_000);
    expect(await notifications(stub)).toEqual([]);
    await sim.campaign(clientId, 1, { isActive: false, status: 'Inactive' });
    await sim.campaign(clientId, 3, { status: 'Invalid' });
    await sim.campaign(clientId, 4, { isActive: true, status: 'Active' });
    await stub.pollConnector(NOON + 120_000);
    const [cleanup] = await notifications(stub, 'trigger_campaign_cleanup');
    expect(cleanup).toMatchObject({
      severity: 'info',
      data: {
        campaign: { id: 1, name: 'Welcome' },
        action: 'deactivated',
        url: 'https://app-sim.marketo.com/#SC1A1',
      },
    });
    const [invalid] = await notifications(stub, 'campaign_failure');
    expect(invalid).toMatchObject({
      severity: 'critical',
      data: {
        campaign: { id: 3, name: 'Newsletter' },
        error: { code: 'invalid' },
        url: 'https://app-sim.marketo.com/#SC3A1',
      },
    });
    // The change is now the baseline: the next run is silent again.
    await stub.pollConnector(NOON + 180_000);
    expect((await notifications(stub)).map((n) => n.count)).toEqual([1, 1]);
  });

  it('pages through more than 200 campaigns', async () => {
    const many = Array.from({ length: 230 }, (_, i) => ({ id: 100 + i, name: `C${i}` }));
    const { stub, clientId } = await connectedTenant({ nowMs: NOON, campaigns: many });
    await stub.pollConnector(NOON);
    await sim.campaign(clientId, 329, { isActive: false, status: 'Inactive' });
    await stub.pollConnector(NOON + 60_000);
    expect((await notifications(stub, 'trigger_campaign_cleanup')).map((n) => n.data)).toMatchObject([
      { campaign: { id: 329 } },
    ]);
  });
});
