import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';

import { NotificationPage } from '../../shared/notifications';
import { generateKey, sha256Hex } from '../../worker/keys/tokens';
import { call, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { TENANT } from './support/tenant-object';
import { createKey, createTenant } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

const KV = env.KV;

describe('stored records read back', () => {
  it('refuses a key whose KV record does not fit the shared schema', async () => {
    const tenant = await createTenant();
    const key = generateKey();
    const record = {
      id: 'key_storedrecord0000',
      tenant,
      role: 'read',
      label: null,
      createdAt: new Date().toISOString(),
    };
    await KV.put(`key:${await sha256Hex(key)}`, JSON.stringify({ ...record, role: 'superuser' }));
    expect((await call('/v1/counts', { token: key })).status).toBe(401);
    // The same record with a role that exists is a working key: only the shape was refused.
    await KV.put(`key:${await sha256Hex(key)}`, JSON.stringify(record));
    expect((await call('/v1/counts', { token: key })).status).toBe(200);
  });

  it('treats a tenant record that does not fit as no tenant', async () => {
    const tenant = await createTenant();
    const admin = await createKey(tenant, 'admin');
    await KV.put(`tenant:${tenant}`, JSON.stringify({ id: tenant, name: 42 }));
    const keys = await call(`/v1/tenants/${tenant}/keys`, {
      method: 'POST',
      token: admin.key,
      json: { role: 'read' },
    });
    expect(keys.status).toBe(404);
  });

  it('reads notification rows through the shared schema', async () => {
    const tenant = await createTenant();
    const read = await createKey(tenant, 'read');
    const stub = TENANT.get(TENANT.idFromName(tenant));
    await stub.ingest([{ type: 'facebook', problem: 'app_removed' }]);
    // A field the schema does not know, as an older or newer writer might have left it.
    await runInDurableObject(stub, (_instance, state) => {
      state.storage.sql.exec(`UPDATE notifications SET data = json_set(data, '$.stray', 'x')`);
    });
    const page = NotificationPage.parse(await (await call('/v1/notifications', { token: read.key })).json());
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.data).toEqual({ problem: 'app_removed' });
  });
});
