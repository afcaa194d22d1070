import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { MarketoEventInput } from '../../shared/events';
import { StreamMessage } from '../../shared/notifications';
import { quotaDayAt } from '../../worker/domain/quota-day';
import { events } from './support/events';
import { MEMBER } from './support/members';
import { TENANT, type TenantStub as Stub } from './support/tenant-object';

const threeDigits = () => String(Math.floor(Math.random() * 1000)).padStart(3, '0');
const munchkinId = () => `${threeDigits()}-STR-${threeDigits()}`;
const facebook = { type: 'facebook', problem: 'app_removed' } as MarketoEventInput;

const streamUrl = (ticket: string) => `https://tenant/v1/stream?ticket=${encodeURIComponent(ticket)}`;
const upgrade = { headers: { Upgrade: 'websocket' } };

/** Messages in arrival order; next() waits for the next one. */
function inbox(ws: WebSocket) {
  const queued: unknown[] = [];
  const waiting: ((m: unknown) => void)[] = [];
  ws.addEventListener('message', (e) => {
    const message = typeof e.data === 'string' && e.data.startsWith('{') ? JSON.parse(e.data) : e.data;
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queued.push(message);
  });
  return {
    next: (): Promise<unknown> =>
      queued.length > 0 ? Promise.resolve(queued.shift()) : new Promise((r) => waiting.push(r)),
    async nextStream(): Promise<StreamMessage> {
      return StreamMessage.parse(await this.next());
    },
  };
}

/** The key id tickets are made for (the object trusts the route to give the caller's). */
const KEY_ID = 'key_streamtest000000';

async function ticketFor(stub: Stub, nowMs?: number, keyId = KEY_ID) {
  const result = await stub.createTicket(keyId, MEMBER, nowMs);
  if ('error' in result) throw new Error(result.error);
  return result;
}

async function connect(stub: Stub, keyId = KEY_ID) {
  const { ticket } = await ticketFor(stub, undefined, keyId);
  const response = await stub.fetch(streamUrl(ticket), upgrade);
  expect(response.status).toBe(101);
  const ws = response.webSocket!;
  ws.accept();
  return { ws, messages: inbox(ws) };
}

describe('stream tickets', () => {
  it('start with the tenant id, are valid 60 s and used once', async () => {
    const id = munchkinId();
    const stub = TENANT.getByName(id);
    const now = Date.now();
    const { ticket, expiresAt } = await ticketFor(stub, now);
    expect(ticket.startsWith(`${id}.`)).toBe(true);
    expect(ticket.length).toBeGreaterThan(id.length + 20);
    expect(Date.parse(expiresAt)).toBe(now + 60_000);
    const first = await stub.fetch(streamUrl(ticket), upgrade);
    expect(first.status).toBe(101);
    first.webSocket!.accept();
    first.webSocket!.close(1000, 'done');
    const again = await stub.fetch(streamUrl(ticket), upgrade);
    expect(again.status).toBe(401);
    // Bare: the route answers it with its JSON error.
    expect(await again.text()).toBe('');
  });

  it('refuses an expired ticket and a missing one', async () => {
    const stub = TENANT.getByName(munchkinId());
    const { ticket } = await ticketFor(stub, Date.now() - 61_000);
    expect((await stub.fetch(streamUrl(ticket), upgrade)).status).toBe(401);
    const missing = await stub.fetch('https://tenant/v1/stream', upgrade);
    expect(missing.status).toBe(401);
    expect(missing.webSocket).toBeNull();
  });

  it('are refused for a revoked key, also when the key still authenticates elsewhere', async () => {
    const stub = TENANT.getByName(munchkinId());
    const { ticket } = await ticketFor(stub, undefined, 'key_revokedkey000000');
    expect(await stub.revokeKey('key_revokedkey000000')).toEqual({ closed: 0 });
    expect(await stub.createTicket('key_revokedkey000000', MEMBER)).toEqual({ error: 'key_revoked' });
    expect((await stub.fetch(streamUrl(ticket), upgrade)).status).toBe(401);
    // Other keys of the tenant are not affected.
    const { ws } = await connect(stub, 'key_otherkey00000000');
    ws.close(1000, 'done');
  });

  it('answers a refused ticket with a bare 401 and opens no socket', async () => {
    const stub = TENANT.getByName(munchkinId());
    const { ticket } = await ticketFor(stub);
    const wrong = await stub.fetch(streamUrl(`${ticket}x`), upgrade);
    expect(wrong.status).toBe(401);
    expect(wrong.webSocket).toBeNull();
    expect(await wrong.text()).toBe('');
    expect(await runInDurableObject(stub, (_instance, state) => state.getWebSockets().length)).toBe(0);
    const ok = await stub.fetch(streamUrl(ticket), upgrade);
    expect(ok.status).toBe(101);
    ok.webSocket!.accept();
    ok.webSocket!.close(1000, 'done');
  });
});

describe('stream sockets', () => {
  it('are accepted through the Hibernation API, so an idle object can sleep with them open', async () => {
    const stub = TENANT.getByName(munchkinId());
    const { ws, messages } = await connect(stub);
    await messages.nextStream();
    // ctx.getWebSockets() lists only sockets accepted with ctx.acceptWebSocket, not ws.accept().
    expect(await runInDurableObject(stub, (_instance, state) => state.getWebSockets().length)).toBe(1);
    ws.close(1000, 'done');
  });
});

describe('quota day change', () => {
  afterEach(() => vi.useRealTimers());
  const alarmOf = (stub: Stub) => runInDurableObject(stub, (_instance, state) => state.storage.getAlarm());

  it('wakes the object at midnight America/Chicago while sockets are open and pushes the new day', async () => {
    // A reset a day or more ahead of the real clock, so the alarm it sets is not due for real during the test.
    const reset = quotaDayAt(quotaDayAt(Date.now()).endMs).endMs;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(reset - 60_000);
    const stub = TENANT.getByName(munchkinId());
    await stub.addUsage(1_500);
    expect(await alarmOf(stub)).toBeNull();
    const { ws, messages } = await connect(stub);
    expect(await messages.nextStream()).toMatchObject({
      kind: 'counts',
      counts: { quota: { used: 1_500, resetsAt: new Date(reset).toISOString() } },
    });
    // The reset comes before the prune time (a day after the ticket).
    expect(await alarmOf(stub)).toBe(reset);

    vi.setSystemTime(reset + 1_000);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const nextReset = quotaDayAt(reset).endMs;
    expect(await messages.nextStream()).toMatchObject({
      kind: 'counts',
      counts: { quota: { used: 0, limit: 50_000, resetsAt: new Date(nextReset).toISOString() } },
    });
    // Set again: the prune of the used ticket (a day after the first alarm) or the next reset, whichever is first.
    expect(await alarmOf(stub)).toBe(Math.min(nextReset, reset + 1_000 + 24 * 3_600_000));
    ws.close(1000, 'done');
  });

  it('leaves the alarm to housekeeping when no socket is open', async () => {
    const stub = TENANT.getByName(munchkinId());
    const before = Date.now();
    await stub.ingest(events(facebook));
    // Housekeeping within a minute of a new notification, then when the notification expires (90 days).
    expect(await alarmOf(stub)).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const alarm = await alarmOf(stub);
    expect(alarm).toBeGreaterThanOrEqual(before + 90 * 24 * 3_600_000);
    expect(alarm).toBeLessThanOrEqual(Date.now() + 90 * 24 * 3_600_000);
  });
});

describe('stream messages', () => {
  it('sends counts on connect', async () => {
    const stub = TENANT.getByName(munchkinId());
    await stub.ingest(events(facebook));
    const { ws, messages } = await connect(stub);
    const hello = await messages.nextStream();
    expect(hello.kind).toBe('counts');
    if (hello.kind === 'counts') {
      expect(hello.counts.unread).toBe(1);
      expect(hello.counts.bySeverity.critical).toBe(1);
      expect(hello.counts.quota.limit).toBe(50_000);
    }
    ws.close(1000, 'done');
  });

  it(
    'pushes a new notification and counts; a repeat while unread ' +
      'pushes counts only; a repeat after read pushes it again',
    async () => {
      const stub = TENANT.getByName(munchkinId());
      const { ws, messages } = await connect(stub);
      expect((await messages.nextStream()).kind).toBe('counts');

      await stub.ingest(events(facebook));
      const created = await messages.nextStream();
      expect(created).toMatchObject({
        kind: 'notification',
        notification: { type: 'facebook', count: 1, readAt: null },
      });
      expect(await messages.nextStream()).toMatchObject({ kind: 'counts', counts: { unread: 1 } });

      await stub.ingest(events(facebook));
      expect(await messages.nextStream()).toMatchObject({ kind: 'counts', counts: { unread: 1 } });

      const id = created.kind === 'notification' ? created.notification.id : '';
      await stub.markRead(MEMBER, { ids: [id] });
      expect(await messages.nextStream()).toMatchObject({ kind: 'counts', counts: { unread: 0 } });

      await stub.ingest(events(facebook));
      expect(await messages.nextStream()).toMatchObject({
        kind: 'notification',
        notification: { id, count: 3, readAt: null },
      });
      expect(await messages.nextStream()).toMatchObject({ kind: 'counts', counts: { unread: 1 } });
      ws.close(1000, 'done');
    },
  );

  it('pushes counts once when all are marked read, and nothing when none was unread', async () => {
    const stub = TENANT.getByName(munchkinId());
    await stub.ingest(events(facebook, { type: 'crm_sync', crm: 'salesforce', problem: 'permissions' }));
    const { ws, messages } = await connect(stub);
    expect(await messages.nextStream()).toMatchObject({ kind: 'counts', counts: { unread: 2 } });
    expect(await stub.markRead(MEMBER, { all: true })).toEqual({ updated: 2 });
    expect(await messages.nextStream()).toMatchObject({
      kind: 'counts',
      counts: { unread: 0, bySeverity: { critical: 0 } },
    });
    expect(await stub.markRead(MEMBER, { all: true })).toEqual({ updated: 0 });
    await stub.ingest(events(facebook));
    // The next message is the repeat coming back unread: the empty mark-all pushed nothing.
    expect(await messages.nextStream()).toMatchObject({
      kind: 'notification',
      notification: { type: 'facebook', count: 2 },
    });
    ws.close(1000, 'done');
  });

  it('pushes counts to every socket on usage and on a new daily limit, and answers ping', async () => {
    const stub = TENANT.getByName(munchkinId());
    const a = await connect(stub);
    const b = await connect(stub);
    await a.messages.nextStream();
    await b.messages.nextStream();

    await stub.addUsage(1_234);
    for (const { messages } of [a, b]) {
      expect(await messages.nextStream()).toMatchObject({
        kind: 'counts',
        counts: { quota: { used: 1_234, limit: 50_000 } },
      });
    }
    await stub.updateSettings({ quota: { dailyLimit: 2_000 } });
    for (const { messages } of [a, b]) {
      expect(await messages.nextStream()).toMatchObject({
        kind: 'counts',
        counts: { quota: { used: 1_234, limit: 2_000 } },
      });
    }
    // 1 234 of 1 500 crosses 80 %: the settings change pushes the notification, then the counts.
    await stub.updateSettings({ quota: { dailyLimit: 1_500 } });
    for (const { messages } of [a, b]) {
      expect(await messages.nextStream()).toMatchObject({
        kind: 'notification',
        notification: {
          type: 'web_services_quota',
          severity: 'warning',
          data: { threshold: 80, used: 1_234, limit: 1_500 },
        },
      });
      expect(await messages.nextStream()).toMatchObject({
        kind: 'counts',
        counts: { unread: 1, quota: { used: 1_234, limit: 1_500 } },
      });
    }
    a.ws.send('ping');
    expect(await a.messages.next()).toBe('pong');
    a.ws.close(1000, 'done');
    b.ws.close(1000, 'done');
  });
});
