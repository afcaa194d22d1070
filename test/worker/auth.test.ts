import { beforeAll, describe, expect, it } from 'vitest';

import { call, errorOf, ROOT_TOKEN, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { createKey, createTenant, tenantWithKeys, uniqueTenantId } from './support/tenants';

type Role = 'ingest' | 'read' | 'admin';

/** Every tenant route, the role it needs, and a body it accepts. */
const ROUTES: { method: string; path: string; json?: unknown; needs: Role }[] = [
  {
    method: 'POST',
    path: '/v1/events',
    json: { type: 'facebook', problem: 'terms_not_accepted' },
    needs: 'ingest',
  },
  { method: 'POST', path: '/v1/usage', json: { calls: 1 }, needs: 'ingest' },
  { method: 'GET', path: '/v1/notifications', needs: 'read' },
  { method: 'POST', path: '/v1/notifications/read', json: { all: true }, needs: 'read' },
  { method: 'GET', path: '/v1/counts', needs: 'read' },
  { method: 'POST', path: '/v1/stream/ticket', needs: 'read' },
  { method: 'GET', path: '/v1/settings', needs: 'read' },
  { method: 'PUT', path: '/v1/settings', json: { linkedin: { maxAttempts: 4 } }, needs: 'admin' },
];

const allowed = (needs: Role, has: Role) =>
  needs === 'read' ? has === 'read' || has === 'admin' : needs === has;

async function send(route: (typeof ROUTES)[number], token?: string) {
  return call(route.path, { method: route.method, token, json: route.json });
}

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('auth by role', () => {
  it.each(ROUTES)('$method $path: 401 without a key or with an unknown one', async (route) => {
    for (const token of [undefined, '', 'mn_' + 'A'.repeat(43), 'not-a-key', ROOT_TOKEN + 'x']) {
      const response = await send(route, token);
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe('unauthorized');
    }
  });

  it.each(ROUTES)('$method $path: each role gets 403 or its answer', async (route) => {
    const t = await tenantWithKeys();
    for (const role of ['ingest', 'read', 'admin'] as const) {
      const response = await send(route, t[role]);
      if (allowed(route.needs, role)) {
        expect(response.status, `${role} on ${route.path}`).toBeLessThan(300);
      } else {
        expect(response.status, `${role} on ${route.path}`).toBe(403);
        expect((await errorOf(response)).code).toBe('forbidden');
      }
    }
  });

  it.each(ROUTES)('$method $path: the root token is not a tenant key (403)', async (route) => {
    const response = await send(route, ROOT_TOKEN);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('forbidden');
  });

  it('accepts the scheme in any case and rejects other schemes', async () => {
    const t = await tenantWithKeys();
    const lower = await call('/v1/counts', { headers: { Authorization: `bearer ${t.read}` } });
    expect(lower.status).toBe(200);
    const basic = await call('/v1/counts', { headers: { Authorization: `Basic ${btoa('a:' + t.read)}` } });
    expect(basic.status).toBe(401);
  });

  it("keeps tenants apart: a key reads only its own tenant's data", async () => {
    const [a, b] = await Promise.all([tenantWithKeys(), tenantWithKeys()]);
    expect(
      (await call('/v1/events', { token: b.ingest, json: { type: 'facebook', problem: 'app_removed' } }))
        .status,
    ).toBe(202);
    const countsOf = async (key: string) =>
      (await call('/v1/counts', { token: key })).json<{ unread: number }>();
    const feedOf = async (key: string) =>
      (await call('/v1/notifications?status=all', { token: key })).json<{ items: unknown[] }>();
    expect((await countsOf(b.read)).unread).toBe(1);
    expect((await countsOf(a.read)).unread).toBe(0);
    expect((await feedOf(b.read)).items).toHaveLength(1);
    expect((await feedOf(a.read)).items).toHaveLength(0);
  });

  it('never echoes a key or the root token in any answer', async () => {
    const t = await tenantWithKeys();
    const secrets = [t.ingest, t.read, t.admin, ROOT_TOKEN];
    // Every route with every kind of caller: accepted, refused for the role, and refused as unknown.
    const bodies: string[] = [];
    for (const route of ROUTES) {
      for (const token of [...secrets, t.read + 'x', undefined])
        bodies.push(await (await send(route, token)).text());
    }
    bodies.push(
      await (await call(`/v1/tenants/${t.tenant}/keys`, { token: t.admin, json: { role: 'read' } })).text(),
    );
    expect(bodies).toHaveLength(ROUTES.length * 6 + 1);
    for (const body of bodies) {
      for (const secret of secrets) expect(body).not.toContain(secret);
    }
  });
});

describe('key management across tenants', () => {
  it("refuses another tenant's admin key (403) and a read key of the same tenant (403)", async () => {
    const a = await tenantWithKeys();
    const b = await tenantWithKeys();
    const cross = await call(`/v1/tenants/${b.tenant}/keys`, { token: a.admin, json: { role: 'read' } });
    expect(cross.status).toBe(403);
    expect((await errorOf(cross)).code).toBe('forbidden');
    const readKey = await call(`/v1/tenants/${a.tenant}/keys`, { token: a.read, json: { role: 'read' } });
    expect(readKey.status).toBe(403);
    const ingestKey = await call(`/v1/tenants/${a.tenant}/keys`, {
      token: a.ingest,
      json: { role: 'admin' },
    });
    expect(ingestKey.status).toBe(403);
  });

  it("lets a tenant's admin key create and revoke that tenant's keys", async () => {
    const a = await tenantWithKeys();
    const created = await createKey(a.tenant, 'read', a.admin);
    expect((await call('/v1/counts', { token: created.key })).status).toBe(200);
    const revoked = await call(`/v1/tenants/${a.tenant}/keys/${created.id}`, {
      method: 'DELETE',
      token: a.admin,
    });
    expect(revoked.status).toBe(204);
    expect((await call('/v1/counts', { token: created.key })).status).toBe(401);
  });

  it('only the root token creates tenants', async () => {
    const a = await tenantWithKeys();
    const id = uniqueTenantId();
    const byAdmin = await call(`/v1/tenants/${id}`, { method: 'PUT', token: a.admin, json: {} });
    expect(byAdmin.status).toBe(403);
    const anonymous = await call(`/v1/tenants/${id}`, { method: 'PUT', json: {} });
    expect(anonymous.status).toBe(401);
    // Still new for root afterwards: the refused calls created nothing.
    const byRoot = await call(`/v1/tenants/${id}`, { method: 'PUT', token: ROOT_TOKEN, json: {} });
    expect(byRoot.status).toBe(201);
  });

  it('a key of a tenant that was never created cannot be made', async () => {
    const id = uniqueTenantId();
    const response = await call(`/v1/tenants/${id}/keys`, { token: ROOT_TOKEN, json: { role: 'admin' } });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('not_found');
    await createTenant(id);
    expect(
      (await call(`/v1/tenants/${id}/keys`, { token: ROOT_TOKEN, json: { role: 'admin' } })).status,
    ).toBe(201);
  });
});
