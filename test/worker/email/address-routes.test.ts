import { beforeAll, describe, expect, it } from 'vitest';

import { deliver } from '../support/email';
import { fixture } from '../support/email-fixtures';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from '../support/http';
import { tenantWithKeys } from '../support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('POST|GET /v1/email-address', () => {
  it('creates the address from the tenant and 24 random characters; GET answers it', async () => {
    const t = await tenantWithKeys();
    expect(await errorOf(await call('/v1/email-address', { token: t.admin }))).toMatchObject({
      code: 'not_found',
    });
    const created = await call('/v1/email-address', { method: 'POST', token: t.admin });
    expect(created.status).toBe(200);
    const { address } = await created.json<{ address: string }>();
    expect(address).toMatch(new RegExp(`^${t.tenant.toLowerCase()}\\.[a-z0-9]{24}@notify\\.test$`));
    const read = await call('/v1/email-address', { token: t.admin });
    expect(await read.json()).toEqual({ address });
  });

  it('POST rotates: a new address, and mail to the old one is refused', async () => {
    const t = await tenantWithKeys();
    const first = (
      await (await call('/v1/email-address', { method: 'POST', token: t.admin })).json<{ address: string }>()
    ).address;
    const second = (
      await (await call('/v1/email-address', { method: 'POST', token: t.admin })).json<{ address: string }>()
    ).address;
    expect(second).not.toBe(first);
    expect(await (await call('/v1/email-address', { token: t.admin })).json()).toEqual({ address: second });
    expect(await deliver(first, fixture('facebook.en'))).toBe('Message refused: unknown recipient address.');
    expect(await deliver(second, fixture('facebook.en'))).toBeNull();
  });

  it('needs an admin key of the tenant', async () => {
    const t = await tenantWithKeys();
    for (const token of [t.read, t.ingest]) {
      expect((await call('/v1/email-address', { method: 'POST', token })).status).toBe(403);
      expect((await call('/v1/email-address', { token })).status).toBe(403);
    }
    expect((await call('/v1/email-address', { method: 'POST' })).status).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await (
      await call('/v1/openapi.json')
    ).json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(Object.keys(doc.paths['/v1/email-address'] ?? {}).sort()).toEqual(['get', 'post']);
  });
});
