import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';

import { STREAM_CLOSE_CODES } from '../../shared/notifications';
import { StreamTicket, Tenant } from '../../shared/tenant';
import { call, errorOf, ROOT_TOKEN, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { fetchWorker } from './support/openapi';
import { createKey, createTenant, uniqueTenantId } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

const putTenant = (id: string, json: unknown = {}) =>
  call(`/v1/tenants/${id}`, { method: 'PUT', token: ROOT_TOKEN, json });

describe('PUT /v1/tenants/:id', () => {
  it('creates a tenant (201) and answers 200 with the same tenant when it exists', async () => {
    const id = uniqueTenantId();
    const created = await putTenant(id, { name: 'Acme EU' });
    expect(created.status).toBe(201);
    const tenant = Tenant.parse(await created.json());
    expect(tenant).toMatchObject({ id, name: 'Acme EU' });
    const again = await putTenant(id, { name: 'Other name' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(tenant);
  });

  it('accepts no body at all, and a name is optional', async () => {
    const id = uniqueTenantId();
    const response = await call(`/v1/tenants/${id}`, { method: 'PUT', token: ROOT_TOKEN });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id, name: null });
  });

  it.each(['123-abc-456', '12-ABC-456', '123ABC456', '123-ABC-4567', 'x'])(
    'rejects the id %s with 400 and creates nothing',
    async (id) => {
      const response = await putTenant(id);
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('invalid_input');
      expect(error.details).toEqual([expect.objectContaining({ path: ['id'] })]);
      expect(await env.KV.get(`tenant:${id}`)).toBeNull();
    },
  );

  it('rejects unknown fields and bad names', async () => {
    const id = uniqueTenantId();
    for (const body of [{ label: 'x' }, { name: '' }, { name: 7 }]) {
      const response = await putTenant(id, body);
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_input');
    }
    expect(await env.KV.get(`tenant:${id}`)).toBeNull();
  });
});

describe('POST /v1/tenants/:id/keys', () => {
  it('creates a key of each role (201) shown once, stored only as a SHA-256 hash', async () => {
    const tenant = await createTenant();
    for (const role of ['ingest', 'read', 'admin'] as const) {
      const response = await call(`/v1/tenants/${tenant}/keys`, {
        token: ROOT_TOKEN,
        json: { role, label: `${role} key` },
      });
      expect(response.status).toBe(201);
      const body = await response.json<{ id: string; key: string; role: string }>();
      // Read and admin keys belong to a member: by default the key's own id.
      expect(Object.keys(body).sort()).toEqual(
        role === 'ingest' ? ['id', 'key', 'role'] : ['id', 'key', 'member', 'role'],
      );
      if (role !== 'ingest') expect((body as { member?: string }).member).toBe(body.id);
      expect(body.role).toBe(role);
      expect(body.key).toMatch(/^mn_[A-Za-z0-9_-]{43}$/);
      const stored = await env.KV.list();
      const values = await Promise.all(stored.keys.map((k) => env.KV.get(k.name)));
      expect(stored.keys.map((k) => k.name).join()).not.toContain(body.key);
      for (const value of values) expect(value ?? '').not.toContain(body.key);
      const digest = new Uint8Array(
        await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body.key)),
      );
      const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
      expect(await env.KV.get(`key:${hex}`, 'json')).toMatchObject({
        id: body.id,
        tenant,
        role,
        label: `${role} key`,
      });
    }
  });

  it('gives every key a new secret and id', async () => {
    const tenant = await createTenant();
    const keys = await Promise.all([createKey(tenant, 'read'), createKey(tenant, 'read')]);
    expect(keys[0]!.key).not.toBe(keys[1]!.key);
    expect(keys[0]!.id).not.toBe(keys[1]!.id);
  });

  it('validates the role and fields (400), and answers 404 for an unknown tenant', async () => {
    const tenant = await createTenant();
    for (const body of [{}, { role: 'owner' }, { role: 'read', extra: true }, { role: 'read', label: '' }]) {
      const response = await call(`/v1/tenants/${tenant}/keys`, { token: ROOT_TOKEN, json: body });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_input');
    }
    const unknown = await call(`/v1/tenants/${uniqueTenantId()}/keys`, {
      token: ROOT_TOKEN,
      json: { role: 'read' },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('DELETE /v1/tenants/:id/keys/:keyId', () => {
  it('revokes at once: the key gets 401 on its next request', async () => {
    const tenant = await createTenant();
    const key = await createKey(tenant, 'ingest');
    const event = { type: 'facebook', problem: 'app_removed' };
    expect((await call('/v1/events', { token: key.key, json: event })).status).toBe(202);
    const revoked = await call(`/v1/tenants/${tenant}/keys/${key.id}`, {
      method: 'DELETE',
      token: ROOT_TOKEN,
    });
    expect(revoked.status).toBe(204);
    const after = await call('/v1/events', { token: key.key, json: event });
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe('unauthorized');
  });

  it(
    'closes the sockets the key opened (code 4401) and takes ' +
      'back its unused tickets; other keys stay connected',
    async () => {
      const tenant = await createTenant();
      const [revoked, kept] = await Promise.all([createKey(tenant, 'read'), createKey(tenant, 'admin')]);
      const ticketOf = async (key: string) =>
        StreamTicket.parse(await (await call('/v1/stream/ticket', { method: 'POST', token: key })).json())
          .ticket;
      const open = async (ticket: string) => {
        const response = await fetchWorker(
          new Request(`https://worker.test/v1/stream?ticket=${encodeURIComponent(ticket)}`, {
            headers: { Upgrade: 'websocket' },
          }),
        );
        expect(response.status).toBe(101);
        const socket = response.webSocket!;
        const first = new Promise((resolve) => socket.addEventListener('message', resolve, { once: true }));
        const closed = new Promise<CloseEvent>((resolve) =>
          socket.addEventListener('close', resolve, { once: true }),
        );
        socket.accept();
        await first;
        return { socket, closed };
      };
      const doomed = await open(await ticketOf(revoked.key));
      const unused = await ticketOf(revoked.key);
      const other = await open(await ticketOf(kept.key));

      expect(
        (await call(`/v1/tenants/${tenant}/keys/${revoked.id}`, { method: 'DELETE', token: ROOT_TOKEN }))
          .status,
      ).toBe(204);
      const close = await doomed.closed;
      expect(close.code).toBe(STREAM_CLOSE_CODES.keyRevoked);
      expect(close.code).toBe(4401);
      const refused = await fetchWorker(
        new Request(`https://worker.test/v1/stream?ticket=${encodeURIComponent(unused)}`, {
          headers: { Upgrade: 'websocket' },
        }),
      );
      expect(refused.status).toBe(401);
      const stub = env.TENANT.getByName(tenant);
      expect(
        await runInDurableObject(stub, (_instance, state) => [
          state.getWebSockets(revoked.id).length,
          state.getWebSockets(kept.id).length,
        ]),
      ).toEqual([0, 1]);
      other.socket.close(1000, 'done');
    },
  );

  it('answers 404 for an unknown key id, and for a key id of another tenant', async () => {
    const [a, b] = await Promise.all([createTenant(), createTenant()]);
    const key = await createKey(a, 'read');
    const unknown = await call(`/v1/tenants/${a}/keys/key_AAAAAAAAAAAAAAAA`, {
      method: 'DELETE',
      token: ROOT_TOKEN,
    });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('not_found');
    const elsewhere = await call(`/v1/tenants/${b}/keys/${key.id}`, { method: 'DELETE', token: ROOT_TOKEN });
    expect(elsewhere.status).toBe(404);
    expect((await call('/v1/counts', { token: key.key })).status).toBe(200);
    const twice = async () =>
      (await call(`/v1/tenants/${a}/keys/${key.id}`, { method: 'DELETE', token: ROOT_TOKEN })).status;
    expect(await twice()).toBe(204);
    expect(await twice()).toBe(404);
  });

  it('rejects a malformed key id with 400', async () => {
    const tenant = await createTenant();
    const response = await call(`/v1/tenants/${tenant}/keys/not-a-key-id`, {
      method: 'DELETE',
      token: ROOT_TOKEN,
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('invalid_input');
  });
});

describe('GET /v1/key', () => {
  it('describes the calling key of every role without its secret, and changes nothing', async () => {
    const tenant = await createTenant();
    const before = await env.KV.list();
    for (const role of ['ingest', 'read', 'admin'] as const) {
      const created = await call(`/v1/tenants/${tenant}/keys`, {
        token: ROOT_TOKEN,
        json: { role, label: `${role} label` },
      });
      const { id, key } = await created.json<{ id: string; key: string }>();
      const response = await call('/v1/key', { token: key });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        id,
        tenant,
        role,
        label: `${role} label`,
        ...(role === 'ingest' ? {} : { member: id }),
      });
      expect(text).not.toContain(key);
    }
    // Only the three keys' records were written (two entries each), none by the reads.
    expect((await env.KV.list()).keys.length).toBe(before.keys.length + 6);
  });

  it('answers 401 without a key or with an unknown one, and 403 for the root token', async () => {
    expect((await call('/v1/key')).status).toBe(401);
    expect((await call('/v1/key', { token: `mn_${'a'.repeat(43)}` })).status).toBe(401);
    const root = await call('/v1/key', { token: ROOT_TOKEN });
    expect(root.status).toBe(403);
    expect((await errorOf(root)).code).toBe('forbidden');
  });
});
