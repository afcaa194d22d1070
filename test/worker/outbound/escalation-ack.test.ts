import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

import { NotificationPage, StreamMessage } from '../../../shared/notifications';
import { signAckToken } from '../../../worker/outbound/rendering';
import {
  bodyOf,
  channel,
  events,
  failure,
  MINUTE,
  newTenant,
  NOW,
  path,
  received,
  receiverUrl,
  SECOND,
  type Stub,
} from '../support/outbound';

const feed = async (stub: Stub) =>
  NotificationPage.parse(await stub.list('anna', { status: 'all', limit: 50 })).items;

describe('escalation', () => {
  it('escalates an unacknowledged notification once, and not one acknowledged in time', async () => {
    const { stub } = newTenant();
    await stub.updateSettings({ escalation: { afterMinutes: 10 } }, NOW);
    const plain = path('ok');
    const escalating = path('ok');
    await channel(stub, { url: receiverUrl() + plain });
    await channel(stub, { url: receiverUrl() + escalating, escalation: true });
    await stub.ingest(events(failure(1), failure(2)), NOW);
    const [second, first] = await feed(stub);
    await stub.ackVia(second!.id, 'Anna', 'ack', 'slack', NOW + MINUTE);
    await stub.runOutbound(NOW);
    await stub.runOutbound(NOW + SECOND);
    await stub.runOutbound(NOW + 10 * MINUTE + SECOND);
    await stub.runOutbound(NOW + 40 * MINUTE);
    const sent = (await received(escalating)).map(bodyOf);
    expect(sent.map((b) => b.type)).toEqual([
      'notification.created',
      'notification.created',
      'notification.escalated',
    ]);
    expect(sent[2]!.data.id).toBe(first!.id);
    expect((await received(plain)).map((r) => bodyOf(r).type)).toEqual([
      'notification.created',
      'notification.created',
    ]);
  });

  it('does nothing while the setting is off', async () => {
    const { stub } = newTenant();
    const to = path('ok');
    await channel(stub, { url: receiverUrl() + to, escalation: true });
    await stub.ingest(events(failure(1)), NOW);
    await stub.runOutbound(NOW);
    await stub.runOutbound(NOW + 2 * 60 * MINUTE);
    expect((await received(to)).map((r) => bodyOf(r).type)).toEqual(['notification.created']);
  });
});

/** The acknowledge link of the message the channel received. */
async function linkOf(stub: Stub) {
  const to = path('ok');
  await channel(stub, { url: receiverUrl() + to });
  await stub.ingest(events(failure(1)), NOW);
  await stub.runOutbound(NOW);
  const [message] = await received(to);
  return bodyOf(message!).data.ackUrl as string;
}

const open = (url: string, init?: RequestInit) => exports.default.fetch(new Request(url, init));
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('acknowledge links', () => {
  it('show a script-free page on GET and change nothing', async () => {
    const { stub } = newTenant();
    const link = await linkOf(stub);
    const page = await open(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('<form');
    expect(html).not.toMatch(/<script/i);
    const [n] = await feed(stub);
    expect(n).toMatchObject({ ack: null, resolved: null, readAt: null });
  });

  it('acknowledge as "name (via kind)" on POST, pushed live to the sockets', async () => {
    const { stub } = newTenant();
    const link = await linkOf(stub);
    const { ticket } = (await stub.createTicket('key_acklinks0000000', 'anna')) as { ticket: string };
    const socket = (
      await stub.fetch(`https://tenant/v1/stream?ticket=${ticket}`, { headers: { Upgrade: 'websocket' } })
    ).webSocket!;
    const pushed: StreamMessage[] = [];
    socket.addEventListener('message', (e) => pushed.push(StreamMessage.parse(JSON.parse(e.data as string))));
    socket.accept();
    const answer = await open(link, form({ name: 'Anna', action: 'ack' }));
    expect(answer.status).toBe(200);
    const [n] = await feed(stub);
    expect(n!.ack).toMatchObject({ member: 'Anna', via: 'webhook' });
    await expect
      .poll(() => pushed.find((m) => m.kind === 'update'))
      .toMatchObject({ notification: { ack: { member: 'Anna', via: 'webhook' } } });
    await open(link, form({ name: 'Ben', action: 'resolve' }));
    expect((await feed(stub))[0]!.resolved).toMatchObject({ member: 'Ben', via: 'webhook' });
    socket.close();
  });

  it("refuse a bad name, a forged, an expired and another tenant's token, changing nothing", async () => {
    const { id, stub } = newTenant();
    const link = await linkOf(stub);
    const [n] = await feed(stub);
    expect((await open(link, form({ name: '', action: 'ack' }))).status).toBe(400);
    expect((await open(link, form({ name: 'Anna', action: 'delete' }))).status).toBe(400);
    const token = link.slice(link.lastIndexOf('/') + 1);
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const base = link.slice(0, link.lastIndexOf('/') + 1);
    expect((await open(base + forged)).status).toBe(404);
    expect((await open(base + forged, form({ name: 'Anna', action: 'ack' }))).status).toBe(404);
    const expired = await signAckToken(
      { tenantId: id, notificationId: n!.id, channelKind: 'slack', expiresAtMs: Date.now() - 1 },
      'test-connector-key',
    );
    expect((await open(base + expired, form({ name: 'Anna', action: 'ack' }))).status).toBe(410);
    const other = newTenant();
    const elsewhere = await signAckToken(
      { tenantId: other.id, notificationId: n!.id, channelKind: 'slack', expiresAtMs: Date.now() + MINUTE },
      'test-connector-key',
    );
    expect((await open(base + elsewhere, form({ name: 'Anna', action: 'ack' }))).status).toBe(404);
    const otherKey = await signAckToken(
      { tenantId: id, notificationId: n!.id, channelKind: 'slack', expiresAtMs: Date.now() + MINUTE },
      'another-key',
    );
    expect((await open(base + otherKey, form({ name: 'Anna', action: 'ack' }))).status).toBe(404);
    expect((await feed(stub))[0]).toMatchObject({ ack: null, resolved: null });
  });
});
