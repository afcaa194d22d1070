import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

import { SocketsOwner } from '../../worker/sockets/socket-owner';
import type { TenantDurableObject } from '../../worker/tenant/object';
import { campaignFailure, events } from './support/events';
import { MEMBER } from './support/members';
import { newTenant } from './support/tenant-object';

/** Waits (in the object) until `received` holds `n` messages, or gives up after a few seconds. */
async function settle(received: unknown[], n: number) {
  for (let i = 0; i < 300 && received.length < n; i++) await new Promise((r) => setTimeout(r, 10));
}

describe('the socket owner', () => {
  it('keeps who owns a socket in its attachment, and tags it with its key only', async () => {
    const stub = newTenant();
    const ticket = await stub.createTicket('key_new0000000000001', MEMBER);
    if ('error' in ticket) throw new Error(ticket.error);
    const url = `https://tenant/v1/stream?ticket=${encodeURIComponent(ticket.ticket)}`;
    const response = await stub.fetch(url, { headers: { Upgrade: 'websocket' } });
    expect(response.status).toBe(101);
    const seen = await runInDurableObject(stub, (_instance, state) =>
      state.getWebSockets().map((ws) => ({ tags: state.getTags(ws), owner: ws.deserializeAttachment() })),
    );
    const owner = { keyId: 'key_new0000000000001', member: MEMBER };
    expect(seen).toEqual([{ tags: ['key_new0000000000001'], owner }]);
    response.webSocket?.accept();
    response.webSocket?.close();
  });

  it("keeps the enroll key that bought a socket's key in its attachment, and counts by it", async () => {
    const stub = newTenant();
    const enrollKey = 'key_enroll000000001';
    const owners = [
      { keyId: 'key_enr0000000000001', member: MEMBER, enrolledBy: enrollKey },
      { keyId: 'key_enr0000000000002', member: 'Bo', enrolledBy: enrollKey },
      { keyId: 'key_own0000000000001', member: MEMBER },
    ];
    const responses: Response[] = [];
    for (const { keyId, member, enrolledBy } of owners) {
      const ticket = await stub.createTicket(keyId, member, Date.now(), enrolledBy ?? null);
      if ('error' in ticket) throw new Error(ticket.error);
      const url = `https://tenant/v1/stream?ticket=${encodeURIComponent(ticket.ticket)}`;
      responses.push(await stub.fetch(url, { headers: { Upgrade: 'websocket' } }));
    }
    expect(responses.map((r) => r.status)).toEqual([101, 101, 101]);
    const seen = await runInDurableObject(stub, (_instance, state) => {
      const sockets = new SocketsOwner(state);
      return {
        attached: state.getWebSockets().map((ws) => ws.deserializeAttachment() as unknown),
        enrolment: sockets.countEnrolment(enrollKey),
        other: sockets.countEnrolment('key_enroll000000002'),
      };
    });
    expect(seen.attached).toHaveLength(3);
    expect(seen.attached).toEqual(expect.arrayContaining(owners));
    expect(seen.enrolment).toBe(2);
    expect(seen.other).toBe(0);
    for (const response of responses) {
      response.webSocket?.accept();
      response.webSocket?.close();
    }
  });

  it('reads the old tags of sockets accepted before attachments, and still pushes to them', async () => {
    const stub = newTenant();
    const outcome = await runInDurableObject(stub, async (instance: TenantDurableObject, state) => {
      // As accepted before: the key, then `member:<member>`; or the key alone (its id was its member).
      const withMember = new WebSocketPair();
      state.acceptWebSocket(withMember[1], ['key_old0000000000001', `member:${MEMBER}`]);
      const keyOnly = new WebSocketPair();
      state.acceptWebSocket(keyOnly[1], ['key_old0000000000002']);
      const sockets = new SocketsOwner(state);
      const owners = [sockets.ownerOf(withMember[1]), sockets.ownerOf(keyOnly[1])];
      const members = [...sockets.byMember('all').keys()].sort();
      const onlyAnna = [...sockets.byMember(new Set([MEMBER])).keys()];
      withMember[0].accept();
      const received: string[] = [];
      withMember[0].addEventListener('message', (e) => {
        received.push((JSON.parse(String(e.data)) as { kind: string }).kind);
      });
      await instance.ingest(events(campaignFailure(1, 611)));
      await settle(received, 2);
      const closed = await instance.revokeKey('key_old0000000000001');
      return { owners, members, onlyAnna, received, closed };
    });
    expect(outcome.owners).toEqual([
      { keyId: 'key_old0000000000001', member: MEMBER },
      { keyId: 'key_old0000000000002', member: 'key_old0000000000002' },
    ]);
    expect(outcome.members).toEqual([MEMBER, 'key_old0000000000002'].sort());
    expect(outcome.onlyAnna).toEqual([MEMBER]);
    expect(outcome.received).toEqual(['notification', 'counts']);
    expect(outcome.closed).toEqual({ closed: 1 });
  });
});
