import { beforeAll, describe, expect, it } from 'vitest';

import type { IoEventsState } from '../../../shared/io-events';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from '../support/http';
import { type TenantWithKeys, tenantWithKeys } from '../support/tenants';
import {
  batchItem,
  deliver,
  keyHits,
  keyPath,
  NOTIFICATION,
  notifications,
  register,
  sign,
  signedHeaders,
} from './support';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

async function streamTenant(): Promise<TenantWithKeys & { token: string }> {
  const t = await tenantWithKeys();
  return { ...t, token: (await register(t.admin)).token };
}

const failure = (munchkinId: string, extra: { recipient?: string; eventId?: string } = {}) => [
  batchItem(
    `${NOTIFICATION}campaign_failure`,
    { componentType: 'campaign_failure', eventAction: { campaignId: 1234, userId: 'foo@bar.com' } },
    { munchkinId, ...extra },
  ),
];

/** Nothing stored: no notification, no counts, no last event. */
async function expectNothingStored(t: TenantWithKeys): Promise<void> {
  expect(await notifications(t.read)).toHaveLength(0);
  const state = await (await call('/v1/io-events', { token: t.admin })).json<IoEventsState>();
  expect(state).toMatchObject({ lastEventAt: null, byType: {}, duplicates: 0, unknown: 0, mismatched: 0 });
}

describe('signatures', () => {
  it('either header pair is enough: signature 1 alone, signature 2 alone', async () => {
    const t = await streamTenant();
    expect((await deliver(t.token, failure(t.tenant), { slot: 1 })).status).toBe(200);
    expect((await deliver(t.token, failure(t.tenant), { slot: 2, key: 'b' })).status).toBe(200);
    expect(await notifications(t.read)).toHaveLength(1);
  });

  it('key rotation: signature 1 with a retired key that no longer matches, 2 with the new one', async () => {
    const t = await streamTenant();
    const body = JSON.stringify(failure(t.tenant));
    const headers = await signedHeaders(body, {
      key: 'b',
      path: keyPath('a'),
      second: { key: 'b', path: keyPath('b') },
    });
    expect((await deliver(t.token, body, {}, headers)).status).toBe(200);
    const reversed = JSON.stringify(failure(t.tenant));
    const headers2 = await signedHeaders(reversed, {
      key: 'a',
      path: keyPath('a'),
      second: { key: 'a', path: keyPath('b') },
    });
    expect((await deliver(t.token, reversed, {}, headers2)).status).toBe(200);
  });

  it('keys are cached: a second delivery with the same key path fetches nothing', async () => {
    const t = await streamTenant();
    const path = keyPath('a');
    expect((await deliver(t.token, failure(t.tenant), { path })).status).toBe(200);
    expect((await deliver(t.token, failure(t.tenant), { path })).status).toBe(200);
    expect(await keyHits(path)).toBe(1);
  });

  it('a failing first key host answer does not refuse a valid second signature', async () => {
    const t = await streamTenant();
    const body = JSON.stringify(failure(t.tenant));
    const headers = await signedHeaders(body, {
      key: 'a',
      path: keyPath('fail'),
      second: { key: 'a', path: keyPath('a') },
    });
    expect((await deliver(t.token, body, {}, headers)).status).toBe(200);
  });

  it('both keys are fetched at once: a slow first key does not hold up a valid second', async () => {
    const t = await streamTenant();
    const body = JSON.stringify(failure(t.tenant));
    const slow = keyPath('slow');
    const headers = await signedHeaders(body, {
      key: 'a',
      path: slow,
      second: { key: 'a', path: keyPath('a') },
    });
    const started = Date.now();
    expect((await deliver(t.token, body, {}, headers)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await keyHits(slow)).toBe(1);
  });
});

describe('bad input: refused, nothing stored', () => {
  it('unsigned, wrongly signed, or signed over other bytes: 401', async () => {
    const t = await streamTenant();
    const body = JSON.stringify(failure(t.tenant));
    const unsigned = await call(`/io/${t.token}`, {
      method: 'POST',
      raw: body,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    expect((await errorOf(unsigned)).code).toBe('unauthorized');
    const wrongKey = await signedHeaders(body, { key: 'b', path: keyPath('a') });
    expect((await deliver(t.token, body, {}, wrongKey)).status).toBe(401);
    const otherBytes = await signedHeaders(`${body} `, { key: 'a' });
    expect((await deliver(t.token, body, {}, otherBytes)).status).toBe(401);
    const garbage = {
      'x-adobe-digital-signature-1': '!!not base64!!',
      'x-adobe-public-key1-path': keyPath('a'),
    };
    expect((await deliver(t.token, body, {}, garbage)).status).toBe(401);
    const noPath = { 'x-adobe-digital-signature-1': await sign(body) };
    expect((await deliver(t.token, body, {}, noPath)).status).toBe(401);
    await expectNothingStored(t);
  });

  it('a key path that is not a path on the key host, and a key that does not parse: 401', async () => {
    const t = await streamTenant();
    const body = JSON.stringify(failure(t.tenant));
    const paths = [
      '//evil.example/k.pem',
      'https://evil.example/k.pem',
      '@evil.example/k.pem',
      '/prod/keys/../a-x.pem',
      '/prod/keys/%2e%2e/a-x.pem',
      '\\\\evil.example\\k.pem',
      '/prod/keys/a-x.pem?x=1',
      '/prod/keys/a-x.pem#frag',
      `/prod/keys/a-${'x'.repeat(400)}.pem`,
      'prod/keys/a-x.pem',
      keyPath('bad'),
      keyPath('missing'),
    ];
    for (const path of paths) {
      const headers = await signedHeaders(body, { key: 'a', path });
      const response = await deliver(t.token, body, {}, headers);
      expect(response.status, path).toBe(401);
    }
    // None of the refused paths reached the key host in another form.
    for (const path of ['/prod/keys/a-x.pem', '/prod/a-x.pem', '/k.pem', '/evil.example/k.pem'])
      expect(await keyHits(path), path).toBe(0);
    await expectNothingStored(t);
  });

  it('a wrong recipient_client_id: 401, even for one event of a batch', async () => {
    const t = await streamTenant();
    expect((await deliver(t.token, failure(t.tenant, { recipient: 'someone-else' }))).status).toBe(401);
    const mixed = [...failure(t.tenant), ...failure(t.tenant, { recipient: 'someone-else' })];
    expect((await deliver(t.token, mixed)).status).toBe(401);
    const missing = failure(t.tenant).map(({ recipientclientid: _, ...rest }) => rest);
    expect((await deliver(t.token, missing)).status).toBe(401);
    await expectNothingStored(t);
  });

  it('a body over 1 MiB: 413; malformed JSON and a non-envelope: 400', async () => {
    const t = await streamTenant();
    const big = JSON.stringify([{ pad: 'x'.repeat(1024 * 1024) }]);
    const tooLarge = await deliver(t.token, big);
    expect(tooLarge.status).toBe(413);
    expect((await errorOf(tooLarge)).code).toBe('payload_too_large');
    const malformed = await deliver(t.token, '{"eventid": ');
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe('invalid_json');
    for (const body of [
      '[]',
      '{}',
      '42',
      'null',
      '[{"eventid":"x"}]',
      '[{"eventid":"x","event":{"body":{}}}]',
    ]) {
      expect((await deliver(t.token, body)).status, body).toBe(400);
    }
    await expectNothingStored(t);
  });
});

describe('the key host failing', () => {
  it('5xx: 503 with Retry-After, nothing stored', async () => {
    const t = await streamTenant();
    const response = await deliver(t.token, failure(t.tenant), { path: keyPath('fail') });
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect((await errorOf(response)).code).toBe('unavailable');
    await expectNothingStored(t);
  });

  it('slow, both keys: 503 after one 5 s timeout (not two), within 15 s; nothing stored', async () => {
    const t = await streamTenant();
    const body = JSON.stringify(failure(t.tenant));
    const headers = await signedHeaders(body, {
      key: 'a',
      path: keyPath('slow'),
      second: { key: 'a', path: keyPath('slow') },
    });
    const started = Date.now();
    const response = await deliver(t.token, body, {}, headers);
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(response.headers.get('Retry-After')).not.toBeNull();
    await expectNothingStored(t);
  }, 30_000);
});

describe('duplicates and batches', () => {
  it('a repeated event_id stores nothing new, in one delivery or the next', async () => {
    const t = await streamTenant();
    const events = failure(t.tenant, { eventId: 'same-event' });
    expect(await (await deliver(t.token, [...events, ...events])).json()).toEqual({
      received: 1,
      duplicates: 1,
    });
    expect(await (await deliver(t.token, events)).json()).toEqual({ received: 0, duplicates: 1 });
    const items = await notifications(t.read);
    expect(items).toHaveLength(1);
    expect(items[0]!.count).toBe(1);
    const state = await (await call('/v1/io-events', { token: t.admin })).json<IoEventsState>();
    expect(state.duplicates).toBe(2);
    expect(state.byType).toEqual({ [`${NOTIFICATION}campaign_failure`]: 1 });
  });

  it('a batch of 100 events in one POST is answered within 1 s', async () => {
    const t = await streamTenant();
    const path = keyPath('a');
    await deliver(t.token, failure(t.tenant), { path });
    const batch = Array.from({ length: 100 }, (_, i) =>
      batchItem(
        `${NOTIFICATION}campaign_failure`,
        { eventAction: { campaignId: 2000 + i, userId: 'foo@bar.com' } },
        { munchkinId: t.tenant },
      ),
    );
    const started = Date.now();
    const response = await deliver(t.token, batch, { path });
    const elapsed = Date.now() - started;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 100, duplicates: 0 });
    expect(elapsed).toBeLessThan(1_000);
    expect((await notifications(t.read)).length).toBe(100);
  });
});
