import { runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';

import { STREAM_LIMITS } from '../../shared/limits';
import { StreamTicket } from '../../shared/tenant';
import { saveTicket } from '../../worker/store/tickets';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { MEMBER } from './support/members';
import { openSocket, openStream, ticketOf } from './support/streams';
import { TENANT, type TenantStub } from './support/tenant-object';
import { createKey, createTenant } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('stream caps', () => {
  it(
    `refuses the ${STREAM_LIMITS.socketsPerKey + 1}th socket of ` +
      'a key with 429 too_many_streams; other keys still connect',
    async () => {
      const tenant = await createTenant();
      const [read, other] = [await createKey(tenant, 'read'), await createKey(tenant, 'read')];
      const sockets: WebSocket[] = [];
      for (let i = 0; i < STREAM_LIMITS.socketsPerKey; i++) sockets.push(await openSocket(read.key));
      const refused = await ticketOf(read.key);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/);
      const error = await errorOf(refused);
      expect(error.code).toBe('too_many_streams');
      expect(error.message).toContain(String(STREAM_LIMITS.socketsPerKey));
      sockets.push(await openSocket(other.key));
      // One closes: the key may open another.
      const closed = new Promise((resolve) => sockets[0]!.addEventListener('close', resolve, { once: true }));
      sockets[0]!.close(1000, 'done');
      await closed;
      await expect.poll(async () => (await ticketOf(read.key)).status, { timeout: 5_000 }).toBe(200);
      for (const socket of sockets.slice(1)) socket.close(1000, 'done');
    },
  );

  it('refuses a socket over the cap also when its tickets were taken before the sockets opened', async () => {
    const tenant = await createTenant();
    const read = await createKey(tenant, 'read');
    const tickets = [];
    for (let i = 0; i < STREAM_LIMITS.unusedTicketsPerKey; i++)
      tickets.push(StreamTicket.parse(await (await ticketOf(read.key)).json()).ticket);
    const eleventh = await ticketOf(read.key);
    expect(eleventh.status).toBe(429);
    expect((await errorOf(eleventh)).code).toBe('too_many_streams');
    const sockets: WebSocket[] = [];
    for (const ticket of tickets) {
      const response = await openStream(ticket);
      expect(response.status).toBe(101);
      response.webSocket!.accept();
      sockets.push(response.webSocket!);
    }
    // Ten sockets now: a ticket made by the object directly (as if the caps were raced) opens nothing.
    const stub = TENANT.getByName(tenant);
    const raced = await runTicketPastCaps(stub, read.id);
    const response = await openStream(raced);
    expect(response.status).toBe(429);
    expect((await errorOf(response)).code).toBe('too_many_streams');
    for (const socket of sockets) socket.close(1000, 'done');
  });

  it(`holds a tenant to ${STREAM_LIMITS.socketsPerTenant} sockets`, async () => {
    const tenant = await createTenant();
    const stub = TENANT.getByName(tenant);
    const sockets: WebSocket[] = [];
    const keys = Array.from(
      { length: STREAM_LIMITS.socketsPerTenant / STREAM_LIMITS.socketsPerKey },
      (_, i) => `key_tenantcap${String(i).padStart(6, '0')}`,
    );
    for (const keyId of keys) {
      await Promise.all(
        Array.from({ length: STREAM_LIMITS.socketsPerKey }, async () => {
          const ticket = await stub.createTicket(keyId, MEMBER);
          if ('error' in ticket) throw new Error(ticket.error);
          const response = await stub.fetch(
            `https://tenant/v1/stream?ticket=${encodeURIComponent(ticket.ticket)}`,
            { headers: { Upgrade: 'websocket' } },
          );
          expect(response.status).toBe(101);
          response.webSocket!.accept();
          sockets.push(response.webSocket!);
        }),
      );
    }
    expect(sockets).toHaveLength(STREAM_LIMITS.socketsPerTenant);
    expect(await stub.createTicket('key_onemorekey000000', MEMBER)).toEqual({
      error: 'too_many_streams',
      limit: 'socketsPerTenant',
      max: STREAM_LIMITS.socketsPerTenant,
    });
    for (const socket of sockets) socket.close(1000, 'done');
  }, 60_000);

  it(`lets a key have ${STREAM_LIMITS.waitsPerKey} long polls waiting, and refuses the next with 429`, async () => {
    const tenant = await createTenant();
    const [read, other] = [await createKey(tenant, 'read'), await createKey(tenant, 'read')];
    const tag = (await call('/v1/counts', { token: read.key })).headers.get('ETag')!;
    const wait = (key: string) =>
      call('/v1/counts', { token: key, headers: { 'If-None-Match': tag, Prefer: 'wait=20' } });
    const waiting = Array.from({ length: STREAM_LIMITS.waitsPerKey }, () => wait(read.key));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await wait(read.key);
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).code).toBe('too_many_streams');
    // A plain request of the same key, and another key's wait, are not affected.
    expect((await call('/v1/counts', { token: read.key })).status).toBe(200);
    const othersWait = wait(other.key);
    // A change answers them all.
    const ingest = await createKey(tenant, 'ingest');
    expect(
      (await call('/v1/events', { token: ingest.key, json: { type: 'facebook', problem: 'app_removed' } }))
        .status,
    ).toBe(202);
    for (const response of await Promise.all([...waiting, othersWait])) expect(response.status).toBe(200);
  });
});

/** A ticket saved straight into the object's table, past the caps the object checks when issuing. */
async function runTicketPastCaps(stub: TenantStub, keyId: string): Promise<string> {
  const ticket = `${stub.name ?? 'x'}.raced-${crypto.randomUUID()}`;
  await runInDurableObject(stub, (_i, state) =>
    saveTicket(state.storage.sql, ticket, keyId, MEMBER, Date.now() + 60_000),
  );
  return ticket;
}
