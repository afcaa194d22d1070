import { beforeAll, describe, expect, it } from 'vitest';

import { type Notification, type NotificationOf, NotificationPage } from '../../shared/notifications';
import { WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { connectedTenant, sim, simUrl } from './support/marketo';
import { MEMBER } from './support/members';
import { newTenant, type TenantStub } from './support/tenant-object';

type Stub = TenantStub;
const at = (iso: string) => Date.parse(iso);
const NOON = at('2026-05-05T17:00:00Z');
const MIN = 60_000;

async function notifications<T extends Notification['type']>(
  stub: Stub,
  type?: T,
): Promise<NotificationOf<T>[]> {
  return NotificationPage.parse(await stub.list(MEMBER, { status: 'all', type, limit: 100 }))
    .items as NotificationOf<T>[];
}

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('connector: the access token', () => {
  it('is reused from poll to poll', async () => {
    const { stub, clientId } = await connectedTenant({ nowMs: NOON });
    for (let i = 0; i < 3; i += 1) await stub.pollConnector(NOON + i * MIN);
    expect((await sim.report(clientId)).identityCalls).toBe(1);
  });

  it.each(['601', '602'])('is replaced once on %s, and the call retried', async (code) => {
    const { stub, clientId } = await connectedTenant({ nowMs: NOON });
    await stub.pollConnector(NOON);
    await sim.replay(clientId, { on: 'usage', fault: code });
    const status = await stub.pollConnector(NOON + MIN);
    expect(status).toMatchObject({ state: 'ok', lastError: null });
    const report = await sim.report(clientId);
    expect(report.identityCalls).toBe(2);
    expect(report.calls.filter((c) => c.kind === 'usage').map((c) => c.outcome)).toEqual([
      'ok',
      `error${code}`,
      'ok',
    ]);
  });

  it('is asked for again a minute before it expires', async () => {
    const { stub, clientId } = await connectedTenant({ nowMs: NOON, tokenTtlSeconds: 600 });
    await stub.pollConnector(NOON);
    await sim.clock(clientId, NOON + 8 * MIN);
    await stub.pollConnector(NOON + 8 * MIN);
    expect((await sim.report(clientId)).identityCalls).toBe(1);
    await sim.clock(clientId, NOON + 9 * MIN);
    await stub.pollConnector(NOON + 9 * MIN);
    expect((await sim.report(clientId)).identityCalls).toBe(2);
  });
});

describe('connector: Marketo’s limits', () => {
  it('backs off on 606 and 615, doubling up to an hour, and returns to the interval after a success', async () => {
    const { stub, clientId } = await connectedTenant({ nowMs: NOON });
    const next = async (atMs: number) => Date.parse((await stub.pollConnector(atMs))!.nextPollAt!) - atMs;
    await sim.replay(
      clientId,
      { on: 'usage', fault: '606', times: 3 },
      { on: 'usage', fault: '615', times: 2 },
    );
    expect(await next(NOON)).toBe(10 * MIN);
    expect(await next(NOON + MIN)).toBe(20 * MIN);
    expect(await next(NOON + 2 * MIN)).toBe(40 * MIN);
    const status = await stub.pollConnector(NOON + 3 * MIN);
    expect(status).toMatchObject({
      state: 'ok',
      lastError: { code: '615', message: 'Concurrent access limit reached' },
    });
    expect(Date.parse(status!.nextPollAt!) - (NOON + 3 * MIN)).toBe(60 * MIN);
    expect(await next(NOON + 4 * MIN)).toBe(60 * MIN);
    expect(await next(NOON + 5 * MIN)).toBe(5 * MIN);
  });

  // 2026-03-08 is 23 hours long in America/Chicago (DST starts), 2026-11-01 25 hours.
  it.each([
    ['a summer day', '2026-05-05T17:00:00Z', '2026-05-06T05:00:00.000Z'],
    ['the day DST starts', '2026-03-08T20:00:00Z', '2026-03-09T05:00:00.000Z'],
    ['the day DST ends', '2026-11-01T20:00:00Z', '2026-11-02T06:00:00.000Z'],
  ])('makes no call after a 607 until the quota day resets, on %s', async (_, nowIso, resetIso) => {
    const now = at(nowIso);
    const reset = at(resetIso);
    const { stub, clientId } = await connectedTenant({ nowMs: now });
    await sim.replay(clientId, { on: 'usage', fault: '607' });
    const paused = await stub.pollConnector(now);
    expect(paused).toMatchObject({ state: 'paused', nextPollAt: resetIso, lastError: { code: '607' } });
    const [quota] = await notifications(stub, 'web_services_quota');
    expect(quota).toMatchObject({ severity: 'critical', data: { threshold: 100, errorCode: 607 } });
    const callsBefore = (await sim.report(clientId)).calls.length;
    expect(await stub.pollConnector(reset - 1)).toMatchObject({ state: 'paused', nextPollAt: resetIso });
    expect((await sim.report(clientId)).calls.length).toBe(callsBefore);
    await sim.clock(clientId, reset);
    expect(await stub.pollConnector(reset)).toMatchObject({ state: 'ok', lastError: null });
    expect((await sim.report(clientId)).calls.length).toBeGreaterThan(callsBefore);
  });

  it('stays within maxDailyCalls, counts calls exactly, and pauses until the quota day resets', async () => {
    const { stub, clientId } = await connectedTenant({ nowMs: NOON }, { maxDailyCalls: 6 });
    expect(await stub.pollConnector(NOON)).toMatchObject({ state: 'ok', callsToday: 4 });
    const paused = await stub.pollConnector(NOON + MIN);
    expect(paused).toMatchObject({
      state: 'paused',
      callsToday: 6,
      lastError: { code: 'max_daily_calls' },
      nextPollAt: '2026-05-06T05:00:00.000Z',
    });
    await stub.pollConnector(NOON + 2 * MIN);
    expect((await sim.report(clientId)).restCalls).toBe(6);
    const tomorrow = at('2026-05-06T05:00:00Z');
    await sim.clock(clientId, tomorrow);
    expect(await stub.pollConnector(tomorrow)).toMatchObject({ state: 'ok', callsToday: 4 });
  });
});

describe('connector: failing and recovering', () => {
  it.each([
    ['a refused identity', { on: 'identity', fault: 'refused' }, 'identity_refused'],
    ['access denied (603)', { on: 'usage', fault: '603' }, '603'],
    ['a timeout', { on: 'usage', fault: 'timeout', delayMs: 5_000 }, 'timeout'],
  ])(
    'turns failing on %s with one connector notification, read by itself after the next good poll',
    async (_, replay, code) => {
      const { stub, clientId } = await connectedTenant({ nowMs: NOON });
      await sim.replay(clientId, { ...replay, times: 2 });
      expect(await stub.pollConnector(NOON, 500)).toMatchObject({ state: 'failing', lastError: { code } });
      expect(await stub.pollConnector(NOON + MIN, 500)).toMatchObject({ state: 'failing' });
      let [item] = await notifications(stub, 'connector');
      expect(item).toMatchObject({ severity: 'critical', count: 1, readAt: null, data: { code } });
      expect(await stub.pollConnector(NOON + 2 * MIN)).toMatchObject({ state: 'ok', lastError: null });
      [item] = await notifications(stub, 'connector');
      expect(item!.readAt).not.toBeNull();
      expect((await stub.counts(MEMBER, NOON)).byType.connector).toBe(0);
    },
  );

  it('turns failing when the host cannot be reached', async () => {
    const stub = newTenant();
    await stub.putConnector({ restUrl: 'http://127.0.0.1:9', clientId: 'x', clientSecret: 'y' }, NOON);
    expect(await stub.pollConnector(NOON)).toMatchObject({
      state: 'failing',
      lastError: { code: 'unreachable' },
    });
    expect((await notifications(stub, 'connector')).map((n) => n.data)).toEqual([{ code: 'unreachable' }]);
  });

  it('turns failing on passing faults only after three polls in a row', async () => {
    const { stub, clientId } = await connectedTenant({ nowMs: NOON });
    await sim.replay(
      clientId,
      { on: 'usage', fault: 'http502' },
      { on: 'usage', fault: 'malformed' },
      { on: 'usage', fault: '611' },
    );
    expect(await stub.pollConnector(NOON)).toMatchObject({ state: 'ok', lastError: { code: 'http_502' } });
    expect(await stub.pollConnector(NOON + MIN)).toMatchObject({
      state: 'ok',
      lastError: { code: 'malformed' },
    });
    expect(await stub.pollConnector(NOON + 2 * MIN)).toMatchObject({
      state: 'failing',
      lastError: { code: '611', message: 'System error' },
    });
    expect((await notifications(stub, 'connector')).map((n) => n.data)).toEqual([{ code: '611' }]);
  });

  it('comes back unread when it fails again after a recovery', async () => {
    const { stub, clientId } = await connectedTenant({ nowMs: NOON });
    await sim.replay(clientId, { on: 'usage', fault: '603' });
    await stub.pollConnector(NOON);
    await stub.pollConnector(NOON + MIN);
    await sim.replay(clientId, { on: 'errors', fault: '603' });
    await stub.pollConnector(NOON + 2 * MIN);
    const [item] = await notifications(stub, 'connector');
    expect(item).toMatchObject({ count: 2, readAt: null });
  });

  it('polls from the alarm when the next poll is due', async () => {
    const { runDurableObjectAlarm } = await import('cloudflare:test');
    const earlier = Date.now() - 10 * MIN;
    const { stub, clientId } = await connectedTenant({ nowMs: earlier });
    expect((await stub.getConnector())?.status.lastPollAt).toBeNull();
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await stub.getConnector())?.status).toMatchObject({
      state: 'ok',
      lastPollAt: expect.any(String),
    });
    expect((await sim.report(clientId)).restCalls).toBeGreaterThan(0);
    expect(simUrl()).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
