import { beforeAll, describe, expect, it } from 'vitest';

import { postEvents } from './support/events';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { tenantWithKeys } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

const counts = (readKey: string, headers: Record<string, string> = {}) =>
  call('/v1/counts', { token: readKey, headers });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the request is still unanswered after a moment: a wrong early answer shows up as 'answered'. */
async function stateAfterAMoment(pending: Promise<Response>): Promise<'answered' | 'waiting'> {
  return Promise.race([pending.then(() => 'answered' as const), sleep(300).then(() => 'waiting' as const)]);
}

describe('GET /v1/counts: ETag and conditional requests', () => {
  it('names the counts with an ETag, answers 304 while they match and 200 once they change', async () => {
    const t = await tenantWithKeys();
    const first = await counts(t.read);
    expect(first.status).toBe(200);
    const tag = first.headers.get('ETag');
    expect(tag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('Cache-Control')).toBe('no-store');

    const same = await counts(t.read, { 'If-None-Match': tag! });
    expect(same.status).toBe(304);
    expect(same.headers.get('ETag')).toBe(tag);
    expect(await same.text()).toBe('');

    await postEvents(t.ingest, { type: 'facebook', problem: 'app_removed' });
    const changed = await counts(t.read, { 'If-None-Match': tag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(tag);
    expect((await changed.json<{ unread: number }>()).unread).toBe(1);
  });
});

describe('GET /v1/counts: long poll with Prefer: wait', () => {
  it('holds the request until an event changes the counts, then answers them', async () => {
    const t = await tenantWithKeys();
    const tag = (await counts(t.read)).headers.get('ETag')!;
    const pending = counts(t.read, { 'If-None-Match': tag, Prefer: 'wait=20' });
    expect(await stateAfterAMoment(pending)).toBe('waiting');
    expect(
      (
        await postEvents(t.ingest, {
          type: 'campaign_failure',
          campaign: { id: 1, name: 'Welcome' },
          error: { message: 'x' },
        })
      ).status,
    ).toBe(202);
    const answer = await pending;
    expect(answer.status).toBe(200);
    const body = await answer.json<{ unread: number; bySeverity: { critical: number } }>();
    expect(body).toMatchObject({ unread: 1, bySeverity: { critical: 1 } });
    expect(answer.headers.get('ETag')).not.toBe(tag);
  });

  it('is woken by mark read and by usage too', async () => {
    const t = await tenantWithKeys();
    await postEvents(t.ingest, { type: 'facebook', problem: 'terms_not_accepted' });
    let tag = (await counts(t.read)).headers.get('ETag')!;
    const byRead = counts(t.read, { 'If-None-Match': tag, Prefer: 'wait=20' });
    expect(await stateAfterAMoment(byRead)).toBe('waiting');
    await call('/v1/notifications/read', { token: t.read, json: { all: true } });
    const read = await byRead;
    expect(read.status).toBe(200);
    expect((await read.json<{ unread: number }>()).unread).toBe(0);

    tag = read.headers.get('ETag')!;
    const byUsage = counts(t.read, { 'If-None-Match': tag, Prefer: 'wait=20' });
    expect(await stateAfterAMoment(byUsage)).toBe('waiting');
    await call('/v1/usage', { token: t.ingest, json: { calls: 7 } });
    const used = await byUsage;
    expect(used.status).toBe(200);
    expect((await used.json<{ quota: { used: number } }>()).quota.used).toBe(7);
  });

  it('answers 304 with the same tag when the wait ends without a change', async () => {
    const t = await tenantWithKeys();
    const tag = (await counts(t.read)).headers.get('ETag')!;
    const answer = await counts(t.read, { 'If-None-Match': tag, Prefer: 'wait=1' });
    expect(answer.status).toBe(304);
    expect(answer.headers.get('ETag')).toBe(tag);
  });

  it('answers at once when the known tag is already stale, or when there is no tag to wait on', async () => {
    const t = await tenantWithKeys();
    const stale = counts(t.read, { 'If-None-Match': 'W/"c0000000000"', Prefer: 'wait=20' });
    expect(await stateAfterAMoment(stale)).toBe('answered');
    expect((await stale).status).toBe(200);
    const untagged = counts(t.read, { Prefer: 'wait=20' });
    expect(await stateAfterAMoment(untagged)).toBe('answered');
    expect((await untagged).status).toBe(200);
  });

  it('refuses an oversized header with 400 and keeps the key rules', async () => {
    const t = await tenantWithKeys();
    const response = await counts(t.read, { 'If-None-Match': `"${'x'.repeat(2000)}"` });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('invalid_input');
    expect((await counts(t.ingest, { Prefer: 'wait=1' })).status).toBe(403);
  });
});

describe('GET /v1/counts from another origin', () => {
  it('allows the long-poll headers in a preflight and exposes the ETag', async () => {
    const preflight = await call('/v1/counts', {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abc',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization, if-none-match, prefer',
      },
    });
    const allowed = (preflight.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'if-none-match', 'prefer']) expect(allowed).toContain(header);
    const t = await tenantWithKeys();
    const answer = await counts(t.read, { Origin: 'chrome-extension://abc' });
    expect((answer.headers.get('Access-Control-Expose-Headers') ?? '').toLowerCase()).toContain('etag');
  });
});
