import { beforeAll, describe, expect, it } from 'vitest';

import { call, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { checkAgainstDocument } from './support/openapi';
import { type TenantWithKeys, tenantWithKeys } from './support/tenants';

let t: TenantWithKeys;
beforeAll(async () => {
  await warmUp();
  t = await tenantWithKeys();
}, WARM_UP_TIMEOUT_MS);

const URL_BASE = 'https://worker.test';
const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('answers checked against the OpenAPI document', () => {
  it('lets a real answer through, its body still readable', async () => {
    const response = await call('/v1/counts', { token: t.read });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ unread: 0 });
  });

  it('refuses a body that does not match the documented schema', async () => {
    const asked = { method: 'POST', url: `${URL_BASE}/v1/events` };
    await expect(
      checkAgainstDocument(asked, jsonResponse(202, { accepted: 'one', duplicates: 0 })),
    ).rejects.toThrow(/accepted must be integer/);
    await expect(
      checkAgainstDocument(asked, jsonResponse(202, { accepted: 1, duplicates: 0 })),
    ).resolves.toBeUndefined();
  });

  it('refuses a status the operation does not document', async () => {
    const asked = { method: 'GET', url: `${URL_BASE}/v1/counts` };
    await expect(
      checkAgainstDocument(asked, jsonResponse(418, { error: { code: 'internal', message: 'x' } })),
    ).rejects.toThrow(/documented: 200/);
  });

  it('refuses an error body of another shape, also for a path the document does not have', async () => {
    const asked = { method: 'GET', url: `${URL_BASE}/v1/nowhere` };
    await expect(checkAgainstDocument(asked, jsonResponse(404, { message: 'not found' }))).rejects.toThrow(
      /error/,
    );
    await expect(checkAgainstDocument(asked, jsonResponse(200, { ok: true }))).rejects.toThrow(
      /no such operation/,
    );
    await expect(
      checkAgainstDocument(asked, jsonResponse(404, { error: { code: 'not_found', message: 'Not here' } })),
    ).resolves.toBeUndefined();
  });

  it('takes an answer without a body where the document gives none', async () => {
    const asked = { method: 'DELETE', url: `${URL_BASE}/v1/tenants/123-ABC-456/keys/k1` };
    await expect(checkAgainstDocument(asked, new Response(null, { status: 204 }))).resolves.toBeUndefined();
    await expect(checkAgainstDocument(asked, new Response(null, { status: 200 }))).rejects.toThrow(
      /documented: 204/,
    );
  });
});
