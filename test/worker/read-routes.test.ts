import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';

import { Counts, NotificationPage, QuotaState, StreamMessage } from '../../shared/notifications';
import { DEFAULT_SETTINGS, Settings } from '../../shared/settings';
import { StreamTicket } from '../../shared/tenant';
import { postEvents } from './support/events';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { fetchWorker } from './support/openapi';
import { tenantWithKeys } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

const failure = (campaignId: number) => ({
  type: 'campaign_failure',
  campaign: { id: campaignId, name: `C${campaignId}` },
  error: { message: 'failed' },
});

async function page(readKey: string, query = '') {
  const response = await call(`/v1/notifications${query}`, { token: readKey });
  expect(response.status).toBe(200);
  return NotificationPage.parse(await response.json());
}

describe('GET /v1/notifications', () => {
  it('pages through the feed with limit and cursor, filtered by type', async () => {
    const t = await tenantWithKeys();
    await postEvents(t.ingest, {
      events: [failure(1), failure(2), failure(3), { type: 'facebook', problem: 'app_removed' }],
    });
    const first = await page(t.read, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await page(t.read, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((n) => n.id);
    expect(new Set(ids).size).toBe(4);
    const facebook = await page(t.read, '?type=facebook&status=all');
    expect(facebook.items.map((n) => n.type)).toEqual(['facebook']);
  });

  it('treats empty parameters, as a URL template leaves them, as absent', async () => {
    const t = await tenantWithKeys();
    await postEvents(t.ingest, { events: [failure(1), { type: 'facebook', problem: 'app_removed' }] });
    const page1 = await page(t.read, '?status=unread&type=&limit=&cursor=');
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toBeNull();
    expect((await page(t.read, '?status=&type=&limit=&cursor=')).items).toHaveLength(2);
    const filled = await page(t.read, '?type=facebook&limit=1&cursor=');
    expect(filled.items.map((n) => n.type)).toEqual(['facebook']);
  });

  it.each(['?limit=0', '?limit=101', '?limit=ten', '?status=old', '?type=email', '?unknown=1'])(
    'rejects the query %s with 400',
    async (query) => {
      const t = await tenantWithKeys();
      const response = await call(`/v1/notifications${query}`, { token: t.read });
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('invalid_input');
      expect(Array.isArray(error.details)).toBe(true);
    },
  );

  it('answers 400 for a cursor the tenant did not make', async () => {
    const t = await tenantWithKeys();
    const response = await call('/v1/notifications?cursor=forged', { token: t.read });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'invalid_input', details: [{ path: ['cursor'] }] });
  });
});

describe('POST /v1/notifications/read and GET /v1/counts', () => {
  it('marks by id and all, and the counts follow', async () => {
    const t = await tenantWithKeys();
    await postEvents(t.ingest, {
      events: [
        failure(1),
        failure(2),
        { type: 'trigger_campaign_cleanup', campaign: { id: 5, name: 'T' }, action: 'deactivated' },
      ],
    });
    const counts = async () => Counts.parse(await (await call('/v1/counts', { token: t.read })).json());
    const before = await counts();
    expect(before).toMatchObject({
      unread: 3,
      byType: { campaign_failure: 2, trigger_campaign_cleanup: 1 },
      bySeverity: { critical: 2, info: 1 },
    });
    expect(before.quota).toMatchObject({ used: 0, limit: 50_000 });
    const [newest] = (await page(t.read)).items;
    const byId = await call('/v1/notifications/read', { token: t.read, json: { ids: [newest!.id] } });
    expect(await byId.json()).toEqual({ updated: 1 });
    expect((await counts()).unread).toBe(2);
    const all = await call('/v1/notifications/read', { token: t.read, json: { all: true } });
    expect(await all.json()).toEqual({ updated: 2 });
    expect((await counts()).unread).toBe(0);
  });

  it('answers counts from the kept counters, not by scanning the feed', async () => {
    const t = await tenantWithKeys();
    await postEvents(t.ingest, { events: [failure(1), failure(2)] });
    // Counters that disagree with the feed on purpose: only a read of the counters can answer these.
    await runInDurableObject(env.TENANT.getByName(t.tenant), (_instance, state) => {
      const set = (name: string, value: number) =>
        state.storage.sql.exec("UPDATE totals SET value = ? WHERE scope = 'open' AND name = ?", value, name);
      set('total', 41);
      set('type:campaign_failure', 40);
      set('severity:critical', 39);
    });
    const counts = Counts.parse(await (await call('/v1/counts', { token: t.read })).json());
    expect(counts).toMatchObject({
      unread: 41,
      byType: { campaign_failure: 40 },
      bySeverity: { critical: 39 },
    });
  });

  it.each([{}, { all: false }, { ids: [] }, { ids: ['a'], all: true }, { ids: 'a' }])(
    'rejects the selection %j with 400',
    async (json) => {
      const t = await tenantWithKeys();
      const response = await call('/v1/notifications/read', { token: t.read, json });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_input');
    },
  );

  it('needs a JSON body (415 otherwise, 400 invalid_json when broken)', async () => {
    const t = await tenantWithKeys();
    const form = await call('/v1/notifications/read', {
      token: t.read,
      raw: 'all=true',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const broken = await call('/v1/notifications/read', {
      token: t.read,
      raw: '{',
      headers: { 'Content-Type': 'application/json' },
    });
    expect((await errorOf(broken)).code).toBe('invalid_json');
  });
});

describe('one content-type rule for every JSON body', () => {
  const ACCEPTED = [
    'application/json',
    'Application/JSON',
    'application/json;charset=UTF-8',
    'application/json ; charset=utf-8',
    'application/vnd.x+json',
    'application/vnd.api.v1+json',
    'application/vnd.x_y+json',
    'application/json; charset=utf-8; x="a;b"',
  ];
  const REFUSED = [
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/jsonx',
    'multipart/form-data; boundary=x',
  ];
  const routes = [
    { path: '/v1/settings', method: 'PUT', body: { linkedin: { maxAttempts: 4 } }, role: 'admin' },
    { path: '/v1/notifications/read', method: 'POST', body: { all: true }, role: 'read' },
  ] as const;

  it.each(routes)(
    '$method $path accepts what POST /v1/events accepts as JSON',
    async ({ path, method, body, role }) => {
      const t = await tenantWithKeys();
      for (const contentType of ACCEPTED) {
        const response = await call(path, {
          method,
          token: t[role],
          raw: JSON.stringify(body),
          headers: { 'Content-Type': contentType },
        });
        expect(response.status, contentType).toBe(200);
        const events = await call('/v1/events', {
          token: t.ingest,
          raw: JSON.stringify({ type: 'facebook', problem: 'app_removed' }),
          headers: { 'Content-Type': contentType },
        });
        expect(events.status, contentType).toBe(202);
      }
    },
  );

  it.each(routes)(
    '$method $path answers 415 with the message naming the type to send',
    async ({ path, method, body, role }) => {
      const t = await tenantWithKeys();
      for (const contentType of REFUSED) {
        const response = await call(path, {
          method,
          token: t[role],
          raw: JSON.stringify(body),
          headers: { 'Content-Type': contentType, 'Accept-Language': 'fr' },
        });
        expect(response.status, contentType).toBe(415);
        expect(await errorOf(response)).toEqual({
          code: 'unsupported_media_type',
          message: 'Envoyez le corps en application/json.',
        });
      }
    },
  );
});

describe('POST /v1/usage', () => {
  it('adds calls to the quota counter and answers the quota state', async () => {
    const t = await tenantWithKeys();
    const response = await call('/v1/usage', { token: t.ingest, json: { calls: 1200 } });
    expect(response.status).toBe(200);
    const quota = QuotaState.parse(await response.json());
    expect(quota).toMatchObject({ used: 1200, limit: 50_000 });
    expect(Date.parse(quota.resetsAt)).toBeGreaterThan(Date.now());
    const counts = Counts.parse(await (await call('/v1/counts', { token: t.read })).json());
    expect(counts.quota.used).toBe(1200);
  });

  it.each([{}, { calls: 0 }, { calls: -1 }, { calls: 1.5 }, { calls: '5' }, { calls: 1, extra: 1 }])(
    'rejects %j with 400',
    async (json) => {
      const t = await tenantWithKeys();
      const response = await call('/v1/usage', { token: t.ingest, json });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_input');
      const counts = Counts.parse(await (await call('/v1/counts', { token: t.read })).json());
      expect(counts.quota.used).toBe(0);
    },
  );
});

describe('GET|PUT /v1/settings', () => {
  it('answers the defaults, then keeps what a partial PUT omits', async () => {
    const t = await tenantWithKeys();
    const initial = Settings.parse(await (await call('/v1/settings', { token: t.read })).json());
    expect(initial).toEqual(DEFAULT_SETTINGS);
    const put = await call('/v1/settings', {
      method: 'PUT',
      token: t.admin,
      json: { quota: { thresholds: [50, 90, 100] }, types: { facebook: { enabled: false } } },
    });
    expect(put.status).toBe(200);
    const updated = Settings.parse(await put.json());
    expect(updated.quota).toEqual({ dailyLimit: 50_000, thresholds: [50, 90, 100] });
    expect(updated.types.facebook).toEqual({ enabled: false });
    expect(updated.types.crm_sync).toEqual({ enabled: true });
    expect(updated.linkedin).toEqual(DEFAULT_SETTINGS.linkedin);
    expect(await (await call('/v1/settings', { token: t.read })).json()).toEqual(updated);
  });

  const INVALID_PATCHES: [string, unknown][] = [
    ['an unknown top-level field', { colour: 'red' }],
    ['an unknown nested field', { quota: { dailyLimit: 10, resetHour: 3 } }],
    ['an unknown type', { types: { email: { enabled: true } } }],
    ['a non-boolean enabled', { types: { facebook: { enabled: 'no' } } }],
    ['a threshold over 100', { quota: { thresholds: [80, 120] } }],
    ['repeated thresholds', { quota: { thresholds: [80, 80] } }],
    ['zero attempts', { linkedin: { maxAttempts: 0 } }],
    ['a digest of a fortnight', { dynamics: { digestHours: 336 } }],
  ];

  it.each(INVALID_PATCHES)('rejects %s with 400 and changes nothing', async (_name, json) => {
    const t = await tenantWithKeys();
    const response = await call('/v1/settings', { method: 'PUT', token: t.admin, json });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_input');
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.any(Array), message: expect.any(String) }),
      ]),
    );
    expect(await (await call('/v1/settings', { token: t.read })).json()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('stream', () => {
  const streamRequest = (ticket: string | null, upgrade = true) =>
    new Request(
      `https://worker.test/v1/stream${ticket === null ? '' : `?ticket=${encodeURIComponent(ticket)}`}`,
      {
        headers: upgrade ? { Upgrade: 'websocket' } : {},
      },
    );

  it('swaps a key for a one-use ticket that opens a WebSocket with the counts', async () => {
    const t = await tenantWithKeys();
    await postEvents(t.ingest, failure(1));
    const ticketResponse = await call('/v1/stream/ticket', { method: 'POST', token: t.read });
    expect(ticketResponse.status).toBe(200);
    const { ticket, expiresAt } = StreamTicket.parse(await ticketResponse.json());
    expect(ticket.startsWith(`${t.tenant}.`)).toBe(true);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const response = await fetchWorker(streamRequest(ticket));
    expect(response.status).toBe(101);
    const socket = response.webSocket!;
    const first = new Promise<unknown>((resolve) =>
      socket.addEventListener('message', (e) => resolve(JSON.parse(e.data as string)), { once: true }),
    );
    socket.accept();
    expect(StreamMessage.parse(await first)).toMatchObject({ kind: 'counts', counts: { unread: 1 } });
    socket.close(1000, 'done');
    const reused = await fetchWorker(streamRequest(ticket));
    expect(reused.status).toBe(401);
    expect((await errorOf(reused)).code).toBe('unauthorized');
  });

  it('answers 401 for a missing or malformed ticket, and for a ticket of an unknown tenant', async () => {
    for (const ticket of [null, '', 'no-dot', 'abc.def', '123-ABC-456', '999-QQQ-999.random']) {
      const response = await fetchWorker(streamRequest(ticket));
      expect(response.status, String(ticket)).toBe(401);
      expect((await errorOf(response)).code).toBe('unauthorized');
    }
  });

  it('answers 400 to a request without a WebSocket upgrade, and keeps the ticket usable', async () => {
    const t = await tenantWithKeys();
    const { ticket } = StreamTicket.parse(
      await (await call('/v1/stream/ticket', { method: 'POST', token: t.read })).json(),
    );
    const plain = await fetchWorker(streamRequest(ticket, false));
    expect(plain.status).toBe(400);
    expect((await errorOf(plain)).code).toBe('invalid_input');
    const upgraded = await fetchWorker(streamRequest(ticket));
    expect(upgraded.status).toBe(101);
    upgraded.webSocket!.accept();
    upgraded.webSocket!.close(1000, 'done');
  });
});
