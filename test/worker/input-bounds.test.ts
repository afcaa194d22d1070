import { beforeAll, describe, expect, it } from 'vitest';

import { MAX_FORM_FIELDS, MAX_FORM_NAME_SEGMENTS } from '../../shared/events';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { type TenantWithKeys, tenantWithKeys } from './support/tenants';

let t: TenantWithKeys;
beforeAll(async () => {
  await warmUp();
  t = await tenantWithKeys();
}, WARM_UP_TIMEOUT_MS);

const postForm = (raw: string) =>
  call('/v1/events', {
    token: t.ingest,
    raw,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });

describe('form bodies', () => {
  it('answers a field name of 6,000 dotted segments with 400, not 500', async () => {
    const response = await postForm(
      `type=facebook&problem=app_removed&${Array(6_000).fill('a').join('.')}=1`,
    );
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(String(MAX_FORM_NAME_SEGMENTS));
  });

  it(`takes names of ${MAX_FORM_NAME_SEGMENTS} segments and refuses ${MAX_FORM_NAME_SEGMENTS + 1}`, async () => {
    const name = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`).join('.');
    const deepest = await postForm(`type=facebook&problem=app_removed&${name(MAX_FORM_NAME_SEGMENTS)}=1`);
    // Judged by the event schema (an unknown field), not by the depth.
    expect(deepest.status).toBe(400);
    expect((await errorOf(deepest)).message).not.toContain(String(MAX_FORM_NAME_SEGMENTS));
    const deeper = await postForm(`type=facebook&problem=app_removed&${name(MAX_FORM_NAME_SEGMENTS + 1)}=1`);
    expect(deeper.status).toBe(400);
    expect((await errorOf(deeper)).message).toContain(String(MAX_FORM_NAME_SEGMENTS));
  });

  it(`refuses more than ${MAX_FORM_FIELDS} fields, before looking at them, and stores nothing`, async () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `f${i}=`).join('&');
    const atLimit = await postForm(`type=facebook&problem=app_removed&${fields(MAX_FORM_FIELDS - 2)}`);
    // Empty values count as absent: 200 fields make a valid event.
    expect(atLimit.status).toBe(202);
    const over = await postForm(`type=facebook&problem=app_removed&${fields(MAX_FORM_FIELDS - 1)}`);
    expect(over.status).toBe(400);
    const error = await errorOf(over);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(String(MAX_FORM_FIELDS));
    const counts = await (await call('/v1/counts', { token: t.read })).json<{ unread: number }>();
    expect(counts.unread).toBe(1);
  });
});

describe('numbers in query strings', () => {
  it.each(['0x10', '1e1', '+10', '-1', ' 10', '10.0', '1_0', '１０', '0b1'])(
    'refuses limit=%s with 400',
    async (limit) => {
      const response = await call(`/v1/notifications?limit=${encodeURIComponent(limit)}`, { token: t.read });
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('invalid_input');
      expect(JSON.stringify(error.details)).toContain('limit');
    },
  );

  it('takes decimal digits, leading zeros included', async () => {
    for (const limit of ['10', '010', '100', '1']) {
      expect((await call(`/v1/notifications?limit=${limit}`, { token: t.read })).status).toBe(200);
    }
  });
});
