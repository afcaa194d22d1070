import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

import { MarketoEvent, type MarketoEventInput } from '../../shared/events';
import { Counts } from '../../shared/notifications';
import type { TenantDurableObject } from '../../worker/tenant/object';
import { campaignFailure, events } from './support/events';
import { MEMBER } from './support/members';
import { newTenant, NOW, page, query } from './support/tenant-object';

describe('tenant durable object: feed, grouping, idempotency', () => {
  it('creates a notification and groups repeats by campaign and error code', async () => {
    const stub = newTenant();
    const first = await stub.ingest(
      events(campaignFailure(1, 611, { occurredAt: '2026-05-05T10:00:00Z', message: 'm1', errorCode: 611 })),
      NOW,
    );
    expect(first).toEqual({ accepted: 1, duplicates: 0 });
    await stub.ingest(
      events(
        campaignFailure(1, 611, {
          occurredAt: '2026-05-05T12:00:00Z',
          url: 'https://app-ab01.marketo.com/#SC1A1',
        }),
      ),
      NOW,
    );
    await stub.ingest(events(campaignFailure(1, 612)), NOW);
    const { items } = await page(stub, { status: 'all' });
    expect(items).toHaveLength(2);
    const grouped = items.find((n) => n.type === 'campaign_failure' && n.data.error.code === 611);
    expect(grouped).toMatchObject({
      severity: 'critical',
      count: 2,
      firstAt: '2026-05-05T10:00:00.000Z',
      lastAt: '2026-05-05T12:00:00.000Z',
      readAt: null,
      data: { message: 'm1', errorCode: 611, url: 'https://app-ab01.marketo.com/#SC1A1' },
    });
    // The event without occurredAt happened "now": it is the newest.
    expect(items[0]?.lastAt).toBe(new Date(NOW).toISOString());
    const counts = Counts.parse(await stub.counts(MEMBER, NOW));
    expect(counts.unread).toBe(2);
    expect(counts.byType.campaign_failure).toBe(2);
    expect(counts.bySeverity.critical).toBe(2);
  });

  it('never moves lastAt backwards and clamps future times to now', async () => {
    const stub = newTenant();
    await stub.ingest(events(campaignFailure(1, 1, { occurredAt: '2026-05-05T12:00:00Z' })), NOW);
    await stub.ingest(events(campaignFailure(1, 1, { occurredAt: '2026-05-05T08:00:00Z' })), NOW);
    await stub.ingest(events(campaignFailure(2, 1, { occurredAt: '2030-01-01T00:00:00Z' })), NOW);
    const { items } = await page(stub);
    expect(items.map((n) => [n.firstAt, n.lastAt])).toEqual([
      [new Date(NOW).toISOString(), new Date(NOW).toISOString()],
      ['2026-05-05T08:00:00.000Z', '2026-05-05T12:00:00.000Z'],
    ]);
  });

  it('makes a read notification unread again on a repeat', async () => {
    const stub = newTenant();
    await stub.ingest(events(campaignFailure(1, 1)), NOW);
    const [n] = (await page(stub)).items;
    expect(await stub.markRead(MEMBER, { ids: [n!.id, 'unknown-id'] })).toEqual({ updated: 1 });
    expect(await stub.markRead(MEMBER, { ids: [n!.id] })).toEqual({ updated: 0 });
    expect((await stub.counts(MEMBER, NOW)).unread).toBe(0);
    expect((await page(stub)).items).toHaveLength(0);
    expect((await page(stub, { status: 'all' })).items[0]?.readAt).not.toBeNull();
    await stub.ingest(events(campaignFailure(1, 1)), NOW + 1000);
    const [again] = (await page(stub)).items;
    expect(again).toMatchObject({ id: n!.id, count: 2, readAt: null });
    expect((await stub.counts(MEMBER, NOW)).unread).toBe(1);
  });

  it('treats a known event id as a duplicate, also within one batch', async () => {
    const stub = newTenant();
    const batch = events(
      campaignFailure(1, 1, { id: 'e1' }),
      campaignFailure(1, 1, { id: 'e1' }),
      campaignFailure(1, 1),
    );
    expect(await stub.ingest(batch, NOW)).toEqual({ accepted: 2, duplicates: 1 });
    expect(await stub.ingest(events(campaignFailure(1, 1, { id: 'e1' })), NOW)).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    const [n] = (await page(stub)).items;
    expect(n?.count).toBe(2);
  });

  it('applies a batch all or nothing', async () => {
    const stub = newTenant();
    const good = events(campaignFailure(1, 1, { id: 'keep-me' }))[0]!;
    // Not a valid event: applying it throws half-way through the batch.
    const broken = { type: 'campaign_failure', error: { message: 'x' } } as unknown as MarketoEvent;
    // Called inside the object so that the expected rejection does not cross RPC.
    await runInDurableObject(stub, async (instance: TenantDurableObject) => {
      await expect(instance.ingest([good, broken], NOW)).rejects.toThrow();
    });
    expect((await stub.counts(MEMBER, NOW)).unread).toBe(0);
    expect((await page(stub, { status: 'all' })).items).toHaveLength(0);
    // The id was not remembered either.
    expect(await stub.ingest([good], NOW)).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('accepts events of a disabled type without a notification', async () => {
    const stub = newTenant();
    const settings = await stub.updateSettings({ types: { campaign_failure: { enabled: false } } });
    expect(settings.types.campaign_failure.enabled).toBe(false);
    expect(settings.types.facebook.enabled).toBe(true);
    expect(
      await stub.ingest(
        events(campaignFailure(1, 1, { id: 'd1' }), { type: 'facebook', problem: 'app_removed' }),
        NOW,
      ),
    ).toEqual({ accepted: 2, duplicates: 0 });
    expect(await stub.ingest(events(campaignFailure(1, 1, { id: 'd1' })), NOW)).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    const { items } = await page(stub, { status: 'all' });
    expect(items.map((n) => n.type)).toEqual(['facebook']);
  });

  it('pages newest first with an opaque cursor, by status and type', async () => {
    const stub = newTenant();
    const batch: MarketoEventInput[] = [];
    for (let i = 0; i < 7; i++)
      batch.push(campaignFailure(i, 1, { occurredAt: new Date(NOW - i * 60_000).toISOString() }));
    // Two with the same lastAt: the id breaks the tie.
    batch.push(campaignFailure(100, 1, { occurredAt: new Date(NOW - 60_000).toISOString() }));
    batch.push({
      type: 'facebook',
      problem: 'terms_not_accepted',
      occurredAt: new Date(NOW - 30_000).toISOString(),
    });
    await stub.ingest(events(...batch), NOW);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await page(stub, { status: 'all', limit: 3, cursor });
      expect(p.items.length).toBeLessThanOrEqual(3);
      seen.push(...p.items.map((n) => n.id));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    const all = (await page(stub, { status: 'all', limit: 100 })).items;
    expect(all.map((n) => n.id)).toEqual(seen);
    const lastAts = all.map((n) => Date.parse(n.lastAt));
    expect([...lastAts].sort((a, b) => b - a)).toEqual(lastAts);

    const onlyFacebook = await page(stub, { type: 'facebook' });
    expect(onlyFacebook.items.map((n) => n.type)).toEqual(['facebook']);
    expect(onlyFacebook.nextCursor).toBeNull();

    await stub.markRead(MEMBER, { ids: [all[0]!.id, all[1]!.id] });
    const unread = await page(stub, { limit: 100 });
    expect(unread.items.map((n) => n.id)).toEqual(seen.slice(2));
  });

  it('pages across notifications from before 1970 and from year 0', async () => {
    const stub = newTenant();
    const occurredAt = [
      '1900-01-01T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '1969-12-31T23:59:59.999Z',
      '2026-05-05T00:00:00Z',
      '1850-06-01T12:00:00+01:00',
    ];
    await stub.ingest(events(...occurredAt.map((at, i) => campaignFailure(i, 1, { occurredAt: at }))), NOW);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await page(stub, { status: 'all', limit: 1, cursor });
      seen.push(...p.items.map((n) => n.lastAt));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([
      '2026-05-05T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '1900-01-01T00:00:00.000Z',
      '1850-06-01T11:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
    ]);
  });

  it('answers a malformed cursor with invalid_cursor', async () => {
    const stub = newTenant();
    expect(await stub.list(MEMBER, query({ cursor: 'garbage!' }))).toEqual({ error: 'invalid_cursor' });
    expect(await stub.list(MEMBER, query({ cursor: btoa('["x","y"]') }))).toEqual({
      error: 'invalid_cursor',
    });
  });
});
