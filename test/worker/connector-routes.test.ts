import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { ConnectorStatus, ConnectorView, QuotaHistory } from '../../shared/connector';
import { Counts } from '../../shared/notifications';
import type { AppType } from '../../worker/app';
import { tenantStub } from '../../worker/tenant/stub';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { CLIENT_SECRET, sim, simInstance, simUrl } from './support/marketo';
import { fetchWorker } from './support/openapi';
import { tenantWithKeys } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);
afterEach(() => vi.restoreAllMocks());

const put = (key: string, json: unknown) => call('/v1/connector', { method: 'PUT', token: key, json });
const poll = (key: string) => call('/v1/connector/poll', { method: 'POST', token: key });

async function connected() {
  const t = await tenantWithKeys();
  const clientId = await simInstance({ users: { 'etl@example.com': 700, 'crm@example.com': 200 } });
  const res = await put(t.admin, { restUrl: simUrl(), clientId, clientSecret: CLIENT_SECRET });
  expect(res.status).toBe(200);
  return { ...t, clientId, view: ConnectorView.parse(await res.json()) };
}

describe('PUT|GET|DELETE /v1/connector', () => {
  it('stores the connector with its defaults and never answers the secret', async () => {
    const t = await tenantWithKeys();
    expect(await errorOf(await call('/v1/connector', { token: t.admin }))).toMatchObject({
      code: 'not_found',
    });
    const clientId = await simInstance();
    const saved = ConnectorView.parse(
      await (
        await put(t.admin, { restUrl: `${simUrl()}/rest`, clientId, clientSecret: CLIENT_SECRET })
      ).json(),
    );
    expect(saved).toEqual({
      restUrl: simUrl(),
      clientId,
      enabled: true,
      pollMinutes: 5,
      campaignsEveryMinutes: 60,
      maxDailyCalls: 1000,
      secretSet: true,
      status: {
        state: 'ok',
        lastPollAt: null,
        nextPollAt: expect.any(String),
        lastError: null,
        callsToday: 0,
        apiUser: null,
      },
    });
    // A later PUT changes what it names and keeps the rest, the secret included.
    const changed = ConnectorView.parse(
      await (await put(t.admin, { pollMinutes: 15, maxDailyCalls: 200 })).json(),
    );
    expect(changed).toMatchObject({
      clientId,
      pollMinutes: 15,
      maxDailyCalls: 200,
      campaignsEveryMinutes: 60,
      secretSet: true,
    });
    expect(ConnectorStatus.parse(await (await poll(t.admin)).json())).toMatchObject({
      state: 'ok',
      apiUser: 'notifier-api@example.com',
    });
    const removed = ConnectorView.parse(await (await put(t.admin, { clientSecret: null })).json());
    expect(removed).toMatchObject({ secretSet: false, status: { state: 'off', nextPollAt: null } });
    expect((await call('/v1/connector', { method: 'DELETE', token: t.admin })).status).toBe(200);
    expect((await call('/v1/connector', { token: t.admin })).status).toBe(404);
    expect((await call('/v1/connector', { method: 'DELETE', token: t.admin })).status).toBe(404);
    expect((await poll(t.admin)).status).toBe(404);
  });

  it('is for admin keys; the quota history for read keys', async () => {
    const t = await connected();
    expect((await put(t.read, { pollMinutes: 10 })).status).toBe(403);
    expect((await call('/v1/connector', { token: t.read })).status).toBe(403);
    expect((await poll(t.read)).status).toBe(403);
    await poll(t.admin);
    const history = QuotaHistory.parse(await (await call('/v1/quota/history', { token: t.read })).json());
    expect(history.today).toHaveLength(1);
    expect(history.days).toHaveLength(7);
    const counts = Counts.parse(await (await call('/v1/counts', { token: t.read })).json());
    expect(counts.quota.topUsers).toEqual([
      { userId: 'etl@example.com', count: 700 },
      { userId: 'crm@example.com', count: 200 },
      { userId: 'notifier-api@example.com', count: 1 },
    ]);
  });
});

describe('PUT /v1/connector: bad input changes nothing', () => {
  it.each([
    [
      'a host MARKETO_HOSTS does not list',
      { restUrl: 'https://marketo.example.com' },
      'host_not_allowed',
      null,
    ],
    [
      'http to a host that is not loopback',
      { restUrl: 'http://123-ABC-456.mktorest.com' },
      'invalid_input',
      ['restUrl'],
    ],
    [
      'a path that is not the REST endpoint',
      { restUrl: 'https://123-ABC-456.mktorest.com/identity/x' },
      'invalid_input',
      ['restUrl'],
    ],
    [
      'an unknown field',
      { restUrl: 'https://123-ABC-456.mktorest.com', clientId: 'id', clientSecret: 's', pollEvery: 3 },
      'invalid_input',
      [],
    ],
    [
      'a secret of 10 KB',
      { restUrl: 'https://123-ABC-456.mktorest.com', clientId: 'id', clientSecret: 'x'.repeat(10_240) },
      'invalid_input',
      ['clientSecret'],
    ],
    [
      'an interval out of range',
      { restUrl: 'https://123-ABC-456.mktorest.com', clientId: 'id', clientSecret: 's', pollMinutes: 0 },
      'invalid_input',
      ['pollMinutes'],
    ],
    ['an explicit port other than 443', { restUrl: 'https://x.mktorest.com:1' }, 'host_not_allowed', null],
    [
      'a first PUT without a secret',
      { restUrl: 'https://123-ABC-456.mktorest.com', clientId: 'id', clientSecret: undefined },
      'invalid_input',
      ['clientSecret'],
    ],
  ])('%s: 400 with a clear message', async (_, body, code, path) => {
    const t = await tenantWithKeys();
    const res = await put(t.admin, { clientId: 'id', clientSecret: 'secret-value', ...body });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    if (path !== null && path.length > 0)
      expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    if (code === 'host_not_allowed') expect(error.message).toContain('*.mktorest.com');
    expect((await call('/v1/connector', { token: t.admin })).status).toBe(404);
  });

  it('keeps the stored connector when a change is refused', async () => {
    const t = await connected();
    expect((await put(t.admin, { restUrl: 'https://evil.example.net', pollMinutes: 9 })).status).toBe(400);
    expect(ConnectorView.parse(await (await call('/v1/connector', { token: t.admin })).json())).toMatchObject(
      { restUrl: simUrl(), pollMinutes: 5 },
    );
  });
});

describe('PUT /v1/connector: another host needs the secret again', () => {
  it('answers 400 secret_required for a new origin without clientSecret, and changes nothing', async () => {
    const t = await connected();
    const moved = await put(t.admin, { restUrl: 'https://other-123.mktorest.com', pollMinutes: 9 });
    expect(moved.status).toBe(400);
    const error = await errorOf(moved);
    expect(error.code).toBe('secret_required');
    expect(error.details).toEqual([expect.objectContaining({ path: ['clientSecret'] })]);
    const view = ConnectorView.parse(await (await call('/v1/connector', { token: t.admin })).json());
    expect(view).toMatchObject({ restUrl: simUrl(), pollMinutes: 5, secretSet: true });
    // The same origin written another way keeps the secret; a new origin with the secret is taken.
    expect((await put(t.admin, { restUrl: `${simUrl()}/rest/`, pollMinutes: 7 })).status).toBe(200);
    const other = 'https://other-123.mktorest.com';
    const taken = await put(t.admin, { restUrl: other, clientSecret: 'another-secret' });
    const takenView = ConnectorView.parse(await taken.json());
    expect(takenView).toMatchObject({ restUrl: other, pollMinutes: 7, secretSet: true });
  });
});

describe('lastError: Marketo’s text', () => {
  const TOKEN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:sim/;

  it('is cut to 500 characters and never holds the secret, the client id or the access token', async () => {
    const t = await connected();
    // A host that echoes the request into its error message: identity's query, then a REST call's header.
    await sim.replay(t.clientId, { on: 'identity', fault: 'echo' });
    const identity = ConnectorStatus.parse(await (await poll(t.admin)).json());
    expect(identity.lastError?.code).toBe('611');
    expect(identity.lastError!.message).toContain('[redacted]');
    expect(identity.lastError!.message.length).toBeLessThanOrEqual(500);
    await sim.replay(t.clientId, { on: 'usage', fault: 'echo' });
    const usage = ConnectorStatus.parse(await (await poll(t.admin)).json());
    expect(usage.lastError!.message).toContain('Bearer [redacted]');
    expect(usage.lastError!.message.length).toBeLessThanOrEqual(500);
    // The connector's own settings name the client id; its status does not.
    const view = await (await call('/v1/connector', { token: t.admin })).json();
    const answered = ConnectorView.parse(view).status;
    for (const text of [JSON.stringify(identity), JSON.stringify(usage), JSON.stringify(answered)]) {
      expect(text).not.toContain(CLIENT_SECRET);
      expect(text).not.toContain(t.clientId);
      expect(text).not.toMatch(TOKEN);
    }
  });
});

describe('POST /v1/connector/poll: no Marketo failure makes a 5xx', () => {
  it('answers 200 with the failure in the status, whatever Marketo does', async () => {
    const t = await connected();
    const faults = [
      '601',
      '602',
      '603',
      '606',
      '607',
      '611',
      '615',
      'http500',
      'http502',
      'malformed',
      'success_false',
    ];
    for (const fault of faults) {
      await sim.replay(t.clientId, { on: 'usage', fault });
      const res = await poll(t.admin);
      expect(res.status, fault).toBe(200);
      ConnectorStatus.parse(await res.json());
      // 607 pauses the connector for the day: start it over for the next fault.
      expect((await call('/v1/connector', { method: 'DELETE', token: t.admin })).status).toBe(200);
      expect(
        (await put(t.admin, { restUrl: simUrl(), clientId: t.clientId, clientSecret: CLIENT_SECRET })).status,
      ).toBe(200);
    }
  });
});

describe('the client secret', () => {
  it('never appears in an answer, an error, a log line or the stored state', async () => {
    const secret = `Sx${crypto.randomUUID().replaceAll('-', '')}`;
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation(
        (...args: unknown[]) => void logged.push(args.map(String).join(' ')),
      );
    }
    const bodies: string[] = [];
    const keep = async (res: Response) => void bodies.push(await res.text());
    const t = await tenantWithKeys();
    // A wrong secret: Marketo's identity refuses it.
    const clientId = await simInstance();
    await keep(await put(t.admin, { restUrl: simUrl(), clientId, clientSecret: secret }));
    await keep(await call('/v1/connector', { token: t.admin }));
    await keep(await poll(t.admin));
    await keep(await put(t.admin, { restUrl: 'https://evil.example.net', clientSecret: secret }));
    await keep(await put(t.admin, { clientSecret: `${secret}${'y'.repeat(10_000)}` }));
    await keep(await put(t.admin, { clientSecret: secret, extra: secret }));
    await keep(await call('/v1/notifications?status=all', { token: t.admin }));
    await keep(await call('/v1/counts', { token: t.admin }));
    await keep(await call('/v1/openapi.json'));
    expect(bodies.join('\n')).toContain('identity_refused');
    for (const text of [...bodies, ...logged]) expect(text).not.toContain(secret);
    const stored = await runInDurableObject(tenantStub(env, t.tenant), (_, state) =>
      JSON.stringify(state.storage.sql.exec('SELECT * FROM meta').toArray()),
    );
    expect(stored).toContain('sealedSecret');
    expect(stored).not.toContain(secret);
  });
});

describe('typed client', () => {
  it('reaches the connector routes with their JSON types', async () => {
    const t = await connected();
    const client = hc<AppType>('https://worker.test', {
      headers: { Authorization: `Bearer ${t.admin}` },
      fetch: (input: RequestInfo | URL, init?: RequestInit) => fetchWorker(new Request(input, init)),
    });
    const polled = await client.v1.connector.poll.$post();
    if (polled.status !== 200) throw new Error(`poll: ${polled.status}`);
    const status: ConnectorStatus = await polled.json();
    expect(status.state).toBe('ok');
    const got = await client.v1.connector.$get();
    if (got.status !== 200) throw new Error(`get: ${got.status}`);
    expect((await got.json()).status.callsToday).toBe(4);
    const history = await client.v1.quota.history.$get();
    if (history.status !== 200) throw new Error(`history: ${history.status}`);
    expect((await history.json()).today).toHaveLength(1);
  });
});
