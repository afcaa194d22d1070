import { hc } from 'hono/client';
import { beforeAll, describe, expect, it } from 'vitest';

import type { Channel, ChannelWithSecret } from '../../shared/channels';
import type { Counts, NotificationPage } from '../../shared/notifications';
import type { Settings } from '../../shared/settings';
import type { AppType } from '../../worker/app';
import { postEvents } from './support/events';
import { WARM_UP_TIMEOUT_MS, warmUp } from './support/http';
import { fetchWorker } from './support/openapi';
import { tenantWithKeys } from './support/tenants';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

/** The extension's typed client (`hc<AppType>`), sending straight to the worker. */
const clientFor = (key: string) =>
  hc<AppType>('https://worker.test', {
    headers: { Authorization: `Bearer ${key}` },
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetchWorker(new Request(input, init)),
  });

describe('typed client (hc<AppType>)', () => {
  it('reads counts, the feed, settings and a ticket with the JSON types of the routes', async () => {
    const t = await tenantWithKeys();
    await postEvents(t.ingest, { type: 'facebook', problem: 'app_removed' });
    const client = clientFor(t.admin);

    const countsResponse = await client.v1.counts.$get({ header: {} });
    if (countsResponse.status !== 200) throw new Error(`counts: ${countsResponse.status}`);
    const counts: Counts = await countsResponse.json();
    expect(counts.unread).toBe(1);

    const feedResponse = await client.v1.notifications.$get({ query: { status: 'unread', limit: '10' } });
    if (feedResponse.status !== 200) throw new Error(`feed: ${feedResponse.status}`);
    const feed: NotificationPage = await feedResponse.json();
    expect(feed.items[0]?.type).toBe('facebook');

    const marked = await client.v1.notifications.read.$post({ json: { ids: [feed.items[0]!.id] } });
    expect(marked.status).toBe(200);

    const settingsResponse = await client.v1.settings.$put({ json: { linkedin: { maxAttempts: 5 } } });
    if (settingsResponse.status !== 200) throw new Error(`settings: ${settingsResponse.status}`);
    const settings: Settings = await settingsResponse.json();
    expect(settings.linkedin.maxAttempts).toBe(5);

    const ticket = await client.v1.stream.ticket.$post();
    if (ticket.status !== 200) throw new Error(`ticket: ${ticket.status}`);
    expect((await ticket.json()).ticket.startsWith(t.tenant)).toBe(true);

    const health = await client.healthz.$get();
    expect(await health.json()).toEqual({ ok: true });
  });

  it('manages outbound channels with the JSON types of their routes', async () => {
    const t = await tenantWithKeys();
    const client = clientFor(t.admin);
    const made = await client.v1.channels.$post({
      json: { kind: 'webhook', name: 'Hook', url: 'https://hooks.example.com/in' },
    });
    if (made.status !== 201) throw new Error(`channel: ${made.status}`);
    const channel: ChannelWithSecret = await made.json();
    expect(channel.secret).toMatch(/^whsec_/);
    const patched = await client.v1.channels[':id'].$patch({
      param: { id: channel.id },
      json: { enabled: false },
    });
    if (patched.status !== 200) throw new Error(`patch: ${patched.status}`);
    const changed: Channel = await patched.json();
    expect(changed.enabled).toBe(false);
    const list = await client.v1.channels.$get();
    if (list.status !== 200) throw new Error(`list: ${list.status}`);
    expect((await list.json()).channels.map((c) => c.id)).toEqual([channel.id]);
    const deliveries = await client.v1.channels[':id'].deliveries.$get({
      param: { id: channel.id },
      query: { limit: '5' },
    });
    if (deliveries.status !== 200) throw new Error(`deliveries: ${deliveries.status}`);
    expect((await deliveries.json()).deliveries).toEqual([]);
  });

  it('types the error answers too', async () => {
    const t = await tenantWithKeys();
    const response = await clientFor(t.ingest).v1.counts.$get({ header: {} });
    expect(response.status).toBe(403);
    if (response.status === 403) expect((await response.json()).error.code).toBe('forbidden');
  });
});
