import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';

import { NotificationPage } from '../../../shared/notifications';
import {
  channel,
  deliveries,
  events,
  failure,
  MINUTE,
  newTenant,
  NOW,
  path,
  received,
  receiverUrl,
  script,
  SECOND,
  type Stub,
  stubFor,
} from '../support/outbound';

const only = async (stub: Stub, channelId: string) => (await deliveries(stub, channelId))[0]!;
const channelNotifications = async (stub: Stub) => {
  const page = NotificationPage.parse(await stub.list('anna', { status: 'all', type: 'channel', limit: 50 }));
  return page.items.filter((n) => n.type === 'channel');
};

describe('retries', () => {
  it('retry a 500 after 5 s, then 1 min, with the same webhook-id', async () => {
    const { stub } = newTenant();
    const to = path('fail');
    const made = await channel(stub, { url: receiverUrl() + to });
    await stub.ingest(events(failure(1)), NOW);
    await stub.runOutbound(NOW);
    expect(await only(stub, made.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastStatus: 500,
      lastError: 'rollup_error',
    });
    expect(Date.parse((await only(stub, made.id)).nextAttemptAt!)).toBe(NOW + 5 * SECOND);
    await stub.runOutbound(NOW + 4 * SECOND);
    expect(await received(to)).toHaveLength(1);
    await stub.runOutbound(NOW + 5 * SECOND);
    expect(await only(stub, made.id)).toMatchObject({
      attempts: 2,
      nextAttemptAt: new Date(NOW + 5 * SECOND + MINUTE).toISOString(),
    });
    const ids = (await received(to)).map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
  });

  it('retry after a timeout of 10 s, and other channels are not held up by it', async () => {
    const { stub } = newTenant();
    const slow = await channel(stub, { url: receiverUrl() + path('slow') });
    const fast = path('ok');
    await channel(stub, { url: receiverUrl() + fast });
    await stub.ingest(events(failure(1)), NOW);
    const started = Date.now();
    const runs = stub.runOutbound(NOW);
    // The other channel's message arrives while the slow receiver still holds its request.
    await expect.poll(async () => (await received(fast)).length, { timeout: 5000 }).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    await runs;
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
    expect(Date.now() - started).toBeLessThan(14_000);
    expect(await only(stub, slow.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastStatus: null,
      lastError: 'timeout',
    });
  }, 30_000);

  it("honour a 429's Retry-After, and use the schedule without one", async () => {
    const { stub } = newTenant();
    const after = await channel(stub, { url: receiverUrl() + path('limit-after/120') });
    const plain = await channel(stub, { url: receiverUrl() + path('limit') });
    await stub.ingest(events(failure(1)), NOW);
    await stub.runOutbound(NOW);
    expect(await only(stub, after.id)).toMatchObject({
      lastStatus: 429,
      nextAttemptAt: new Date(NOW + 120 * SECOND).toISOString(),
    });
    expect(await only(stub, plain.id)).toMatchObject({
      lastStatus: 429,
      nextAttemptAt: new Date(NOW + 5 * SECOND).toISOString(),
    });
  });

  it('fail at once on another 4xx and on a redirect, which is not followed', async () => {
    const { stub } = newTenant();
    const missing = await channel(stub, { url: receiverUrl() + path('missing') });
    const redirect = path('redirect');
    const moved = await channel(stub, { url: receiverUrl() + redirect });
    await stub.ingest(events(failure(1)), NOW);
    await stub.runOutbound(NOW);
    expect(await only(stub, missing.id)).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 404 });
    expect(await only(stub, moved.id)).toMatchObject({ state: 'failed', lastStatus: 302 });
    expect(await received(`/ok${redirect}`)).toHaveLength(0);
    expect((await stub.getChannel(missing.id))?.state).toBe('ok');
  });

  it('read no more than a few KiB of a 50 MB answer', async () => {
    const { stub } = newTenant();
    const huge = await channel(stub, { url: receiverUrl() + path('huge') });
    await stub.ingest(events(failure(1)), NOW);
    const started = Date.now();
    await stub.runOutbound(NOW);
    expect(Date.now() - started).toBeLessThan(5000);
    const d = await only(stub, huge.id);
    expect(d).toMatchObject({ state: 'pending', lastStatus: 500 });
    expect(d.lastError!.length).toBeLessThanOrEqual(200);
  });
});

describe('disabled and failing channels', () => {
  it('disable a webhook on 410 and Slack on 404, with one critical channel notification each', async () => {
    const { stub } = newTenant();
    const gone = await channel(stub, { url: receiverUrl() + path('gone'), name: 'Archive' });
    const slack = await channel(stub, {
      kind: 'slack',
      url: receiverUrl() + path('missing'),
      name: 'Ops Slack',
    });
    await stub.ingest(events(failure(1)), NOW);
    await stub.runOutbound(NOW);
    expect((await stub.getChannel(gone.id))?.state).toBe('disabled');
    expect((await stub.getChannel(slack.id))?.state).toBe('disabled');
    const raised = await channelNotifications(stub);
    expect(raised.map((n) => n.data).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      {
        channelId: gone.id,
        name: 'Archive',
        kind: 'webhook',
        state: 'disabled',
        status: 410,
        error: 'channel_is_archived',
      },
      {
        channelId: slack.id,
        name: 'Ops Slack',
        kind: 'slack',
        state: 'disabled',
        status: 404,
        error: 'no_service',
      },
    ]);
    expect(raised.every((n) => n.severity === 'critical' && n.readAt === null)).toBe(true);
    // Nothing more goes to a disabled channel, until an admin turns it on again.
    const before = (await deliveries(stub, gone.id)).length;
    await stub.ingest(events(failure(2)), NOW + MINUTE);
    expect(await deliveries(stub, gone.id)).toHaveLength(before);
    expect((await deliveries(stub, gone.id)).every((d) => d.state === 'failed')).toBe(true);
    const patched = await stub.updateChannel(
      gone.id,
      { enabled: true },
      'https://worker.test',
      NOW + 2 * MINUTE,
    );
    expect(patched).toMatchObject({ state: 'ok' });
  });

  it('turn failing after 5 failed attempts in a row; a success resolves its notification', async () => {
    const { stub } = newTenant();
    const name = crypto.randomUUID();
    await script(name, [500, 500, 500, 500, 500]);
    const made = await channel(stub, { url: `${receiverUrl()}/script/${name}` });
    await stub.ingest(events(failure(1)), NOW);
    let at = NOW;
    for (let attempt = 1; attempt <= 5; attempt++) {
      await stub.runOutbound(at);
      at = Date.parse((await only(stub, made.id)).nextAttemptAt!);
    }
    expect((await stub.getChannel(made.id))?.state).toBe('failing');
    const [raised] = await channelNotifications(stub);
    expect(raised).toMatchObject({
      severity: 'critical',
      readAt: null,
      data: { state: 'failing', status: 500 },
    });
    await stub.runOutbound(at);
    expect(await only(stub, made.id)).toMatchObject({ state: 'delivered', attempts: 6, lastStatus: 200 });
    expect((await stub.getChannel(made.id))?.state).toBe('ok');
    const [after] = await channelNotifications(stub);
    expect(after!.readAt).not.toBeNull();
    expect(after!.resolved).toMatchObject({ member: 'outbound' });
  });
});

describe('the outbox', () => {
  it('sends after a restart what was committed before the process died', async () => {
    // The object's clock at a test time, so that its real alarm does not fire by itself meanwhile.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    try {
      const { id, stub: first } = newTenant();
      const to = path('ok');
      const made = await channel(first, { url: receiverUrl() + to });
      // Committed, then the object dies before its alarm could send.
      await runInDurableObject(first, async (instance, state) => {
        await instance.ingest(events(failure(1)));
        state.abort();
      }).catch(() => undefined);
      const stub = stubFor(id);
      expect(await deliveries(stub, made.id)).toMatchObject([{ state: 'pending', attempts: 0 }]);
      expect(await received(to)).toHaveLength(0);
      expect(await runDurableObjectAlarm(stub)).toBe(true);
      expect(await deliveries(stub, made.id)).toMatchObject([{ state: 'delivered', attempts: 1 }]);
      expect(await received(to)).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
