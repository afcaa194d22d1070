import { describe, expect, it } from 'vitest';

import { MarketoEvent } from '../../shared/events';
import { STREAM_NOTIFICATIONS_PER_CHANGE } from '../../shared/limits';
import { StreamMessage } from '../../shared/notifications';
import { newTenant, type TenantStub as Stub } from './support/tenant-object';

const failure = (id: number) =>
  MarketoEvent.parse({
    type: 'campaign_failure',
    campaign: { id, name: `C${id}` },
    error: { message: 'failed' },
  });

/** A member's socket: messages in arrival order. */
async function open(stub: Stub, keyId: string, member: string) {
  const ticket = await stub.createTicket(keyId, member);
  if ('error' in ticket) throw new Error(ticket.error);
  const response = await stub.fetch(`https://tenant/v1/stream?ticket=${encodeURIComponent(ticket.ticket)}`, {
    headers: { Upgrade: 'websocket' },
  });
  const ws = response.webSocket!;
  ws.accept();
  const messages: StreamMessage[] = [];
  ws.addEventListener('message', (e) => messages.push(StreamMessage.parse(JSON.parse(String(e.data)))));
  return { ws, messages };
}

/** Waits until every socket has at least `n` messages. */
async function settle(sockets: { messages: unknown[] }[], n: number[]) {
  for (let i = 0; i < 1000 && sockets.some((s, k) => s.messages.length < n[k]!); i++)
    await new Promise((r) => setTimeout(r, 10));
}

const kinds = (messages: StreamMessage[]) => messages.map((m) => m.kind);

describe('pushes go only to the members a change concerns', () => {
  it(
    'mark read and snooze reach the member’s own sockets; ' +
      'acknowledge and new notifications reach everyone',
    async () => {
      const stub = newTenant('member-stream');
      const anna1 = await open(stub, 'key_anna000000000001', 'Anna');
      const anna2 = await open(stub, 'key_anna000000000002', 'Anna');
      const ben = await open(stub, 'key_ben0000000000001', 'Ben');
      const all = [anna1, anna2, ben];
      await settle(all, [1, 1, 1]);
      await stub.ingest([failure(1), failure(2)]);
      await settle(all, [4, 4, 4]);
      for (const s of all)
        expect(kinds(s.messages)).toEqual(['counts', 'notification', 'notification', 'counts']);

      const page = await stub.list('Anna', { status: 'unread', limit: 10 });
      if ('error' in page) throw new Error(page.error);
      const ids = page.items.map((n) => n.id);
      await stub.markRead('Anna', { ids: [ids[0]!] });
      await settle(all, [5, 5, 4]);
      // Ben's next message is the acknowledge below, not Anna's counts.
      await stub.forKey('key_ben0000000000001', 'Ben').acknowledge(ids[1]!);
      await settle(all, [7, 7, 6]);
      for (const anna of [anna1, anna2]) {
        expect(kinds(anna.messages).slice(4)).toEqual(['counts', 'update', 'counts']);
        const counts = anna.messages[4];
        expect(counts?.kind === 'counts' && counts.counts.unread).toBe(1);
      }
      expect(kinds(ben.messages).slice(4)).toEqual(['update', 'counts']);
      const update = ben.messages[4];
      expect(update?.kind === 'update' && update.notification.ack?.member).toBe('Ben');

      await stub.forKey('key_ben0000000000001', 'Ben').snooze(ids[1]!, Date.now() + 3_600_000);
      await settle(all, [7, 7, 8]);
      expect(kinds(ben.messages).slice(6)).toEqual(['update', 'counts']);
      const benCounts = ben.messages[7];
      expect(benCounts?.kind === 'counts' && benCounts.counts.unread).toBe(1);
      await new Promise((r) => setTimeout(r, 100));
      expect(anna1.messages).toHaveLength(7);
      expect(anna2.messages).toHaveLength(7);
      for (const s of all) s.ws.close(1000, 'done');
    },
    30_000,
  );
});

describe('a big change', () => {
  it(
    `streams its newest ${STREAM_NOTIFICATIONS_PER_CHANGE} ` +
      'notifications, then counts that hold them all',
    async () => {
      const stub = newTenant('member-stream-big');
      const anna = await open(stub, 'key_anna000000000001', 'Anna');
      await settle([anna], [1]);
      const base = Date.UTC(2026, 10, 23, 12);
      const events = Array.from({ length: 100 }, (_, i) =>
        MarketoEvent.parse({ ...failure(i), occurredAt: new Date(base + i * 1000).toISOString() }),
      );
      await stub.ingest(events);
      await settle([anna], [STREAM_NOTIFICATIONS_PER_CHANGE + 2]);
      await new Promise((r) => setTimeout(r, 100));
      const after = anna.messages.slice(1);
      expect(kinds(after)).toEqual([
        ...Array<string>(STREAM_NOTIFICATIONS_PER_CHANGE).fill('notification'),
        'counts',
      ]);
      const names = after.flatMap((m) =>
        m.kind === 'notification' && m.notification.type === 'campaign_failure'
          ? [m.notification.data.campaign.name]
          : [],
      );
      expect(names).toEqual(Array.from({ length: STREAM_NOTIFICATIONS_PER_CHANGE }, (_, i) => `C${99 - i}`));
      const counts = after.at(-1);
      expect(counts?.kind === 'counts' && counts.counts.unread).toBe(100);
      anna.ws.close(1000, 'done');
    },
    30_000,
  );
});
