import { beforeAll, describe, expect, it } from 'vitest';

import { IO_TOKEN_PATTERN, type IoEventsState } from '../../../shared/io-events';
import { call, errorOf, WARM_UP_TIMEOUT_MS, warmUp } from '../support/http';
import { tenantWithKeys } from '../support/tenants';
import { CLIENT_ID, register } from './support';

beforeAll(warmUp, WARM_UP_TIMEOUT_MS);

describe('POST|GET|DELETE /v1/io-events', () => {
  it('answers a URL of 24 random characters once; GET answers the state without it', async () => {
    const t = await tenantWithKeys();
    const { url, token } = await register(t.admin);
    expect(url).toBe(`https://worker.test/io/${token}`);
    expect(token).toMatch(IO_TOKEN_PATTERN);
    const response = await call('/v1/io-events', { token: t.admin });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(token);
    const state = JSON.parse(text) as IoEventsState;
    expect(state).toMatchObject({
      clientId: CLIENT_ID,
      lastEventAt: null,
      byType: {},
      unknown: 0,
      mismatched: 0,
      duplicates: 0,
    });
  });

  it('rotates: the old URL answers 404, the new one the challenge', async () => {
    const t = await tenantWithKeys();
    const first = await register(t.admin);
    expect((await call(`/io/${first.token}?challenge=abc`)).status).toBe(200);
    const second = await register(t.admin, 'other-client');
    expect(second.token).not.toBe(first.token);
    const old = await call(`/io/${first.token}?challenge=abc`);
    expect(old.status).toBe(404);
    expect((await errorOf(old)).code).toBe('not_found');
    expect((await call(`/io/${first.token}`, { method: 'POST', json: [] })).status).toBe(404);
    expect((await call(`/io/${second.token}?challenge=abc`)).status).toBe(200);
    const state = await (await call('/v1/io-events', { token: t.admin })).json<IoEventsState>();
    expect(state.clientId).toBe('other-client');
  });

  it('DELETE turns receiving off: the URL answers 404, GET 404', async () => {
    const t = await tenantWithKeys();
    const { token } = await register(t.admin);
    expect((await call('/v1/io-events', { method: 'DELETE', token: t.admin })).status).toBe(200);
    expect((await call(`/io/${token}?challenge=x`)).status).toBe(404);
    expect((await call('/v1/io-events', { token: t.admin })).status).toBe(404);
    expect((await call('/v1/io-events', { method: 'DELETE', token: t.admin })).status).toBe(404);
  });

  it('is for admin keys only, and checks the client id', async () => {
    const t = await tenantWithKeys();
    expect((await call('/v1/io-events', { token: t.read, json: { clientId: CLIENT_ID } })).status).toBe(403);
    expect((await call('/v1/io-events', { json: { clientId: CLIENT_ID } })).status).toBe(401);
    for (const clientId of ['', 'a b', 'x'.repeat(101), 42]) {
      const response = await call('/v1/io-events', { token: t.admin, json: { clientId } });
      expect(response.status, String(clientId)).toBe(400);
    }
    expect(
      (await call('/v1/io-events', { token: t.admin, json: { clientId: CLIENT_ID, extra: 1 } })).status,
    ).toBe(400);
    expect((await call('/v1/io-events', { token: t.admin })).status).toBe(404);
  });
});

describe('GET /io/<token>?challenge=: the registration handshake', () => {
  it('answers the challenge as Adobe sent it', async () => {
    const t = await tenantWithKeys();
    const { token } = await register(t.admin);
    const response = await call(
      `/io/${token}?challenge=${encodeURIComponent('8ec8d794-e0ab-42df-9017-e3dada8e84f7')}`,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: '8ec8d794-e0ab-42df-9017-e3dada8e84f7' });
  });

  it('refuses a missing or overlong challenge, and an unknown or malformed token', async () => {
    const t = await tenantWithKeys();
    const { token } = await register(t.admin);
    expect((await call(`/io/${token}`)).status).toBe(400);
    expect((await call(`/io/${token}?challenge=${'x'.repeat(501)}`)).status).toBe(400);
    expect((await call(`/io/${'a'.repeat(24)}?challenge=x`)).status).toBe(404);
    expect((await call(`/io/${token.toUpperCase()}?challenge=x`)).status).toBe(404);
    expect((await call(`/io/${token}x?challenge=x`)).status).toBe(404);
  });
});

describe('typed client (hc<AppType>)', () => {
  it('registers, reads the state and turns off with the JSON types of the routes', async () => {
    const { hc } = await import('hono/client');
    const { fetchWorker } = await import('../support/openapi');
    type AppType = import('../../../worker/app').AppType;
    const t = await tenantWithKeys();
    const client = hc<AppType>('https://worker.test', {
      headers: { Authorization: `Bearer ${t.admin}` },
      fetch: (input: RequestInfo | URL, init?: RequestInit) => fetchWorker(new Request(input, init)),
    });
    const created = await client.v1['io-events'].$post({ json: { clientId: CLIENT_ID } });
    if (created.status !== 200) throw new Error(`register: ${created.status}`);
    expect((await created.json()).url).toMatch(/^https:\/\/worker\.test\/io\/[a-z0-9]{24}$/);
    const state = await client.v1['io-events'].$get();
    if (state.status !== 200) throw new Error(`state: ${state.status}`);
    expect((await state.json()).clientId).toBe(CLIENT_ID);
    const deleted = await client.v1['io-events'].$delete();
    expect(deleted.status).toBe(200);
  });
});
