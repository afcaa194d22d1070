import { Webhook } from 'standardwebhooks';
import { beforeAll, describe, expect, it } from 'vitest';

import { postEvents } from '../support/events';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from '../support/http';
import { path, received, receiverUrl } from '../support/outbound';
import { type TenantWithKeys, tenantWithKeys } from '../support/tenants';

let t: TenantWithKeys;
beforeAll(async () => {
  await warmUp();
  t = await tenantWithKeys();
}, WARM_UP_TIMEOUT_MS);

const SLACK_URL = 'https://hooks.slack.com/services/T0000/B0000/abcdefghijklmnopWXYZ';
const create = (token: string, body: unknown) => call('/v1/channels', { token, json: body });
const listed = async (token: string) =>
  (await (await call('/v1/channels', { token })).json<{ channels: { id: string }[] }>()).channels;

describe('channel routes', () => {
  it('create, read, change and remove a channel; the URL never comes back', async () => {
    const { admin } = await tenantWithKeys();
    const made = await create(admin, {
      kind: 'slack',
      name: 'Ops',
      url: SLACK_URL,
      types: ['campaign_failure'],
    });
    expect(made.status).toBe(201);
    const channel = await made.json<Record<string, unknown>>();
    expect(channel).toMatchObject({
      kind: 'slack',
      name: 'Ops',
      target: 'https://hooks.slack.com…WXYZ',
      state: 'ok',
      minSeverity: 'warning',
    });
    expect(channel).not.toHaveProperty('secret');
    expect(JSON.stringify(channel)).not.toContain('abcdefghijklmnop');
    const id = channel.id as string;
    const got = await (await call(`/v1/channels/${id}`, { token: admin })).json<Record<string, unknown>>();
    expect(JSON.stringify(got)).not.toContain('abcdefghijklmnop');
    const patched = await call(`/v1/channels/${id}`, {
      method: 'PATCH',
      token: admin,
      json: {
        minSeverity: 'critical',
        quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Stockholm' },
      },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      minSeverity: 'critical',
      types: ['campaign_failure'],
      quietHours: { start: '22:00' },
    });
    expect((await call(`/v1/channels/${id}`, { method: 'DELETE', token: admin })).status).toBe(200);
    expect((await call(`/v1/channels/${id}`, { token: admin })).status).toBe(404);
  });

  it('answer a webhook secret once; after a rotation the old and the new one both sign', async () => {
    const { admin, ingest } = await tenantWithKeys();
    const to = path('ok');
    const made = await (
      await create(admin, { kind: 'webhook', name: 'Hook', url: receiverUrl() + to })
    ).json<{ id: string; secret: string }>();
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(await (await call(`/v1/channels/${made.id}`, { token: admin })).json()).not.toHaveProperty(
      'secret',
    );
    const rotated = await (
      await call(`/v1/channels/${made.id}/rotate-secret`, { method: 'POST', token: admin })
    ).json<{ secret: string }>();
    expect(rotated.secret).not.toBe(made.secret);
    const tested = await call(`/v1/channels/${made.id}/test`, { method: 'POST', token: admin });
    expect(await tested.json()).toEqual({ delivered: true, status: 200 });
    const [message] = await received(to);
    for (const secret of [made.secret, rotated.secret])
      expect(new Webhook(secret).verify(message!.body, message!.headers)).toMatchObject({ type: 'test' });
    expect(message!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    const deliveries = await (
      await call(`/v1/channels/${made.id}/deliveries?limit=5`, { token: admin })
    ).json<{ deliveries: unknown[] }>();
    expect(deliveries.deliveries).toMatchObject([
      { reason: 'test', state: 'delivered', attempts: 1, lastStatus: 200 },
    ]);
    expect((await postEvents(ingest, { type: 'facebook', problem: 'app_removed' })).status).toBe(202);
    expect(
      (await call(`/v1/channels/${made.id}/rotate-secret`, { method: 'POST', token: admin })).status,
    ).toBe(200);
  });

  it('report a failed test with the status, without retrying it', async () => {
    const { admin } = await tenantWithKeys();
    const made = await (
      await create(admin, { kind: 'teams', name: 'Teams', url: receiverUrl() + path('fail') })
    ).json<{ id: string }>();
    const tested = await (
      await call(`/v1/channels/${made.id}/test`, { method: 'POST', token: admin })
    ).json();
    expect(tested).toEqual({ delivered: false, status: 500, error: 'rollup_error' });
    const list = await (
      await call(`/v1/channels/${made.id}/deliveries`, { token: admin })
    ).json<{ deliveries: unknown[] }>();
    expect(list.deliveries).toMatchObject([{ reason: 'test', state: 'failed', nextAttemptAt: null }]);
    expect(await (await call(`/v1/channels/${made.id}`, { token: admin })).json()).toMatchObject({
      state: 'ok',
    });
  });

  it('need an admin key', async () => {
    expect((await call('/v1/channels', { token: t.read })).status).toBe(403);
    expect((await call('/v1/channels')).status).toBe(401);
  });
});

describe('bad input gets a clear 4xx and changes nothing', () => {
  const ok = { kind: 'webhook', name: 'Hook', url: 'https://hooks.example.com/in' };
  const cases: [string, Record<string, unknown>][] = [
    ['a URL of the wrong host for its kind', { ...ok, kind: 'slack' }],
    ['a Teams URL elsewhere', { ...ok, kind: 'teams', url: 'https://example.com/workflows' }],
    ['http outside OUTBOUND_DEV_HOSTS', { ...ok, url: 'http://hooks.example.com/in' }],
    ['a loopback port not listed', { ...ok, url: 'http://127.0.0.1:1/in' }],
    ['an IP literal', { ...ok, url: 'https://192.168.0.10/in' }],
    ['an IPv6 literal', { ...ok, url: 'https://[fd00::1]/in' }],
    ['localhost', { ...ok, url: 'https://localhost/in' }],
    ['a single-label host', { ...ok, url: 'https://intranet/in' }],
    ['userinfo', { ...ok, url: 'https://user:secret@hooks.example.com/in' }],
    ['another port', { ...ok, url: 'https://hooks.example.com:8443/in' }],
    ['an unknown type', { ...ok, types: ['campaign_failure', 'weather'] }],
    ['an unknown severity', { ...ok, minSeverity: 'fatal' }],
    ['quiet hours with a bad time', { ...ok, quietHours: { start: '25:00', end: '07:00', timeZone: 'UTC' } }],
    [
      'quiet hours in an unknown time zone',
      { ...ok, quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Atlantis' } },
    ],
    [
      'more than 10 recipients',
      { kind: 'email', name: 'Mail', to: Array.from({ length: 11 }, (_, i) => `p${i}@example.com`) },
    ],
    ['an invalid address', { kind: 'email', name: 'Mail', to: ['not an address'] }],
    ['a name over 80 characters', { ...ok, name: 'x'.repeat(81) }],
    ['an unknown kind', { ...ok, kind: 'pager' }],
  ];

  it.each(cases)('%s', async (_label, body) => {
    const { admin } = await tenantWithKeys();
    const answer = await create(admin, body);
    expect(answer.status).toBe(400);
    const error = await errorOf(answer);
    expect(error.code).toBe('invalid_input');
    expect(error.details).toBeInstanceOf(Array);
    expect(await listed(admin)).toHaveLength(0);
  });

  it('refuse a bad PATCH and keep the channel as it was', async () => {
    const { admin } = await tenantWithKeys();
    const made = await (await create(admin, ok)).json<{ id: string; updatedAt: string }>();
    const refused = [
      { url: 'https://10.0.0.1/x' },
      { kind: 'slack' },
      { minSeverity: 'fatal' },
      { name: '' },
      { to: ['a@example.com'] },
    ];
    for (const patch of refused) {
      expect(
        (await call(`/v1/channels/${made.id}`, { method: 'PATCH', token: admin, json: patch })).status,
      ).toBe(400);
    }
    expect(await (await call(`/v1/channels/${made.id}`, { token: admin })).json()).toMatchObject({
      target: 'https://hooks.example.com…m/in',
      updatedAt: made.updatedAt,
    });
  });

  it('refuse the 21st channel with 409 too_many_channels', async () => {
    const { admin } = await tenantWithKeys();
    for (let i = 0; i < 20; i++) expect((await create(admin, { ...ok, name: `Hook ${i}` })).status).toBe(201);
    const answer = await create(admin, { ...ok, name: 'One too many' });
    expect(answer.status).toBe(409);
    expect((await errorOf(answer)).code).toBe('too_many_channels');
    expect(await listed(admin)).toHaveLength(20);
  });

  it("answer 404 for another tenant's channel, and leave it alone", async () => {
    const mine = await tenantWithKeys();
    const theirs = await tenantWithKeys();
    const made = await (await create(theirs.admin, ok)).json<{ id: string }>();
    expect((await call(`/v1/channels/${made.id}`, { token: mine.admin })).status).toBe(404);
    expect(
      (
        await call(`/v1/channels/${made.id}`, {
          method: 'PATCH',
          token: mine.admin,
          json: { enabled: false },
        })
      ).status,
    ).toBe(404);
    expect((await call(`/v1/channels/${made.id}`, { method: 'DELETE', token: mine.admin })).status).toBe(404);
    expect((await call(`/v1/channels/${made.id}/test`, { method: 'POST', token: mine.admin })).status).toBe(
      404,
    );
    expect(
      (await call(`/v1/channels/${made.id}/rotate-secret`, { method: 'POST', token: mine.admin })).status,
    ).toBe(404);
    expect((await call(`/v1/channels/${made.id}/deliveries`, { token: mine.admin })).status).toBe(404);
    expect(await (await call(`/v1/channels/${made.id}`, { token: theirs.admin })).json()).toMatchObject({
      enabled: true,
    });
  });

  it('refuse a secret rotation for a kind without a secret, and a bad deliveries limit', async () => {
    const { admin } = await tenantWithKeys();
    const made = await (
      await create(admin, { kind: 'slack', name: 'S', url: SLACK_URL })
    ).json<{ id: string }>();
    expect(
      (await call(`/v1/channels/${made.id}/rotate-secret`, { method: 'POST', token: admin })).status,
    ).toBe(409);
    expect((await call(`/v1/channels/${made.id}/deliveries?limit=0`, { token: admin })).status).toBe(400);
    expect((await call(`/v1/channels/${made.id}/deliveries?limit=101`, { token: admin })).status).toBe(400);
  });
});
