import { beforeAll, describe, expect, it } from 'vitest';

import { KeyList } from '../../shared/tenant';
import { call, errorOf, ROOT_TOKEN, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { MEMBER } from './support/members';
import { newTenant, TENANT } from './support/tenant-object';
import { createKey, createTenant } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

const listKeys = async (tenant: string, token: string) => {
  const response = await call(`/v1/tenants/${tenant}/keys`, { token });
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, keys: KeyList.parse(JSON.parse(text)).keys };
};

describe('GET /v1/tenants/:id/keys', () => {
  it('lists every key with role, label, created and last used, never a key itself', async () => {
    const tenant = await createTenant();
    const created = [];
    for (const [role, label] of [
      ['ingest', 'webhook'],
      ['read', 'Ann'],
      ['admin', 'ops'],
    ] as const) {
      const response = await call(`/v1/tenants/${tenant}/keys`, { token: ROOT_TOKEN, json: { role, label } });
      created.push(await response.json<{ id: string; key: string; role: string }>());
    }
    const byRoot = await listKeys(tenant, ROOT_TOKEN);
    expect(byRoot.keys.map((k) => [k.id, k.role, k.label])).toEqual(
      created.map((k, i) => [k.id, k.role, ['webhook', 'Ann', 'ops'][i]]),
    );
    for (const k of byRoot.keys) {
      expect(Date.parse(k.createdAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(k.lastUsedAt).toBeNull();
    }
    for (const { key } of created) expect(byRoot.text).not.toContain(key);

    const before = Date.now();
    expect((await call('/v1/counts', { token: created[1]!.key })).status).toBe(200);
    const byAdmin = await listKeys(tenant, created[2]!.key);
    const used = Object.fromEntries(byAdmin.keys.map((k) => [k.id, k.lastUsedAt]));
    expect(used[created[0]!.id]).toBeNull();
    expect(Date.parse(used[created[1]!.id]!)).toBeGreaterThanOrEqual(before);
    // Listing is a use of the admin key too.
    expect(used[created[2]!.id]).not.toBeNull();
  });

  it('counts GET and POST /v1/email-address as uses of the admin key', async () => {
    const tenant = await createTenant();
    const [getter, poster] = [await createKey(tenant, 'admin'), await createKey(tenant, 'admin')];
    const before = Date.now() - 60_000;
    expect((await call('/v1/email-address', { token: getter.key })).status).toBe(404);
    expect((await call('/v1/email-address', { method: 'POST', token: poster.key })).status).toBe(200);
    const { keys } = await listKeys(tenant, ROOT_TOKEN);
    for (const { id } of [getter, poster]) {
      const lastUsedAt = keys.find((k) => k.id === id)!.lastUsedAt;
      expect(lastUsedAt, id).not.toBeNull();
      expect(Date.parse(lastUsedAt!)).toBeGreaterThanOrEqual(before);
    }
  });

  it('writes lastUsedAt at most once a minute per key', async () => {
    const stub = newTenant('keys');
    const t0 = Date.parse('2026-06-01T10:00:00Z');
    expect(await stub.admitKey('key_minute000000000', t0)).toBe(true);
    expect(await stub.admitKey('key_minute000000000', t0 + 59_000)).toBe(true);
    expect(await stub.keysLastUsed(['key_minute000000000', 'key_neverused000000'])).toEqual({
      key_minute000000000: new Date(t0).toISOString(),
    });
    expect(await stub.admitKey('key_minute000000000', t0 + 60_000)).toBe(true);
    expect(await stub.keysLastUsed(['key_minute000000000'])).toEqual({
      key_minute000000000: new Date(t0 + 60_000).toISOString(),
    });
  });

  it('leaves a revoked key out, and refuses other tenants and roles', async () => {
    const [a, b] = [await createTenant(), await createTenant()];
    const [adminA, readA, adminB] = [
      await createKey(a, 'admin'),
      await createKey(a, 'read'),
      await createKey(b, 'admin'),
    ];
    expect(
      (await call(`/v1/tenants/${a}/keys/${readA.id}`, { method: 'DELETE', token: adminA.key })).status,
    ).toBe(204);
    expect((await listKeys(a, adminA.key)).keys.map((k) => k.id)).toEqual([adminA.id]);
    const elsewhere = await call(`/v1/tenants/${a}/keys`, { token: adminB.key });
    expect(elsewhere.status).toBe(403);
    const reader = await call(`/v1/tenants/${b}/keys`, { token: (await createKey(b, 'read')).key });
    expect(reader.status).toBe(403);
    expect((await errorOf(reader)).code).toBe('forbidden');
    expect((await call(`/v1/tenants/${a}/keys`)).status).toBe(401);
  });
});

describe('a revoked key, while KV still knows it', () => {
  it('is refused at once by the tenant object on every route', async () => {
    const tenant = await createTenant();
    const [ingest, read, admin] = [
      await createKey(tenant, 'ingest'),
      await createKey(tenant, 'read'),
      await createKey(tenant, 'admin'),
    ];
    const stub = TENANT.getByName(tenant);
    // Revoked in the tenant's object only, as when KV elsewhere has not caught up yet.
    for (const key of [ingest, read, admin]) await stub.revokeKey(key.id);
    const attempts = [
      call('/v1/events', { token: ingest.key, json: { type: 'facebook', problem: 'app_removed' } }),
      call('/v1/usage', { token: ingest.key, json: { calls: 1 } }),
      call('/v1/counts', { token: read.key }),
      call('/v1/counts', { token: read.key, headers: { 'If-None-Match': '"x"', Prefer: 'wait=5' } }),
      call('/v1/notifications', { token: read.key }),
      call('/v1/notifications/read', { token: read.key, json: { all: true } }),
      call('/v1/stream/ticket', { method: 'POST', token: read.key }),
      call('/v1/settings', { token: read.key }),
      call('/v1/settings', { method: 'PUT', token: admin.key, json: { linkedin: { maxAttempts: 5 } } }),
      call('/v1/key', { token: read.key }),
      call(`/v1/tenants/${tenant}/keys`, { token: admin.key }),
      call(`/v1/tenants/${tenant}/keys`, { token: admin.key, json: { role: 'admin' } }),
      call('/v1/email-address', { token: admin.key }),
      call('/v1/email-address', { method: 'POST', token: admin.key }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe('unauthorized');
    }
    // Nothing changed.
    expect((await stub.counts(MEMBER)).unread).toBe(0);
    expect((await stub.getSettings()).linkedin.maxAttempts).toBe(3);
  });
});
