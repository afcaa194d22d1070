import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { createBackgroundApi } from '../../extension/lib/background/background-api';
import { type Api, createApi } from '../../extension/lib/connection/api-client';
import { normalizeWorkerUrl, streamUrl } from '../../extension/lib/connection/connection-url';
import { testConnection } from '../../extension/lib/options/connection-test';
import { type FeedStatus, languageItem } from '../../extension/lib/state/storage';
import { NOTIFICATION_TYPES } from '../../shared/notification-types';
import { FeedQuery } from '../../shared/notifications';
import { counts } from './fixtures';

const KEY = 'mn_secretsecretsecret1234';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const errorBody = (code: string, message: string, details?: unknown) => ({
  error: { code, message, details },
});

/** A worker stand-in answering by method and path; records what it was asked. */
function fakeWorker(routes: Record<string, (request: Request) => Response | Promise<Response>>) {
  const calls: {
    method: string;
    url: string;
    auth: string | null;
    language: string | null;
    body: string | null;
  }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const headers = request.headers;
    calls.push({
      method: request.method,
      url: request.url,
      auth: headers.get('authorization'),
      language: headers.get('accept-language'),
      body: request.body ? await request.text() : null,
    });
    const route = routes[`${request.method} ${url.pathname}`];
    return route ? route(request) : json(404, errorBody('not_found', 'no route'));
  }) as typeof fetch;
  return { options: { fetch: fetchImpl }, calls };
}

describe('api client', () => {
  it('sends the key as a bearer token and parses counts with the shared schema', async () => {
    const worker = fakeWorker({
      'GET /v1/counts': () => json(200, counts({ facebook: 1 }, { critical: 1 })),
    });
    const api = createApi({ workerUrl: 'http://127.0.0.1:8787/', key: KEY }, worker.options);
    if (!api.ok) throw new Error('expected a client');
    const result = await api.value.counts();
    expect(result).toMatchObject({ ok: true, value: { unread: 1 } });
    expect(worker.calls[0]).toMatchObject({
      method: 'GET',
      url: 'http://127.0.0.1:8787/v1/counts',
      auth: `Bearer ${KEY}`,
    });
  });

  it('asks for the feed with status, limit and cursor', async () => {
    const worker = fakeWorker({ 'GET /v1/notifications': () => json(200, { items: [], nextCursor: null }) });
    const api = createApi({ workerUrl: 'http://127.0.0.1:8787', key: KEY }, worker.options);
    if (!api.ok) throw new Error('expected a client');
    await api.value.notifications({ status: 'all', cursor: 'abc' });
    const url = new URL(worker.calls[0]!.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'all', limit: '50', cursor: 'abc' });
    await api.value.notifications({ status: 'unread', type: 'linkedin', limit: 20 });
    const typed = Object.fromEntries(new URL(worker.calls[1]!.url).searchParams);
    expect(typed).toEqual({ status: 'unread', type: 'linkedin', limit: '20' });
    // What the client sends is what the worker's own query schema accepts.
    expect(FeedQuery.parse(typed)).toEqual({ status: 'unread', type: 'linkedin', limit: 20 });
  });

  it('sends every status and type of the shared query schema as the worker reads them', async () => {
    // The types are checked by `npm run typecheck`; the requests below are checked when the test runs.
    type ClientQuery = Parameters<Api['notifications']>[0];
    expectTypeOf<FeedStatus>().toEqualTypeOf<FeedQuery['status']>();
    expectTypeOf<ClientQuery['status']>().toEqualTypeOf<FeedQuery['status']>();
    expectTypeOf<NonNullable<ClientQuery['type']>>().toEqualTypeOf<NonNullable<FeedQuery['type']>>();
    expectTypeOf<NonNullable<ClientQuery['limit']>>().toEqualTypeOf<FeedQuery['limit']>();
    const worker = fakeWorker({ 'GET /v1/notifications': () => json(200, { items: [], nextCursor: null }) });
    const api = createApi({ workerUrl: 'http://127.0.0.1:8787', key: KEY }, worker.options);
    if (!api.ok) throw new Error('expected a client');
    const asked: ClientQuery[] = (['unread', 'all'] as const).flatMap((status) =>
      // Limits from 1 up, within the worker's 1..100.
      NOTIFICATION_TYPES.map((type, i) => ({ status, type, limit: 1 + ((i * 11) % 100), cursor: `c${i}` })),
    );
    for (const query of asked) expect(await api.value.notifications(query)).toMatchObject({ ok: true });
    const read = worker.calls.map((c) => FeedQuery.parse(Object.fromEntries(new URL(c.url).searchParams)));
    expect(read).toEqual(asked);
  });

  it('posts mark-read selections as JSON', async () => {
    const worker = fakeWorker({ 'POST /v1/notifications/read': () => json(200, { updated: 2 }) });
    const api = createBackgroundApi({ workerUrl: 'http://127.0.0.1:8787', key: KEY }, worker.options);
    if (!api.ok) throw new Error('expected a client');
    expect(await api.value.markRead({ ids: ['a', 'b'] })).toEqual({ ok: true, value: { updated: 2 } });
    expect(JSON.parse(worker.calls[0]!.body!)).toEqual({ ids: ['a', 'b'] });
  });

  it('puts ids into the path as one segment each, and revokes a key with DELETE', async () => {
    const worker = fakeWorker({
      'POST /v1/notifications/a%2Fb%3F/ack': () => json(404, errorBody('not_found', 'no such notification')),
      'DELETE /v1/tenants/123-ABC-456/keys/key%201': () => new Response(null, { status: 204 }),
    });
    const api = createBackgroundApi({ workerUrl: 'http://127.0.0.1:8787', key: KEY }, worker.options);
    if (!api.ok) throw new Error('expected a client');
    expect(await api.value.acknowledge('a/b?')).toMatchObject({ ok: false, problem: { status: 404 } });
    expect(await api.value.revokeKey('123-ABC-456', 'key 1')).toEqual({ ok: true, value: undefined });
    expect(worker.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST http://127.0.0.1:8787/v1/notifications/a%2Fb%3F/ack',
      'DELETE http://127.0.0.1:8787/v1/tenants/123-ABC-456/keys/key%201',
    ]);
  });

  it.each([
    [401, 'refused'],
    [403, 'wrong_role'],
    [429, 'rate_limited'],
    [503, 'server'],
  ])('maps HTTP %i to %s', async (status, kind) => {
    const worker = fakeWorker({ 'GET /v1/counts': () => json(status, errorBody('x', 'no')) });
    const api = createApi({ workerUrl: 'http://127.0.0.1:8787', key: KEY }, worker.options);
    if (!api.ok) throw new Error('expected a client');
    expect(await api.value.counts()).toEqual({
      ok: false,
      problem: expect.objectContaining({ kind, status }),
    });
  });

  it('reports an unreachable worker, a foreign answer, a bad URL and a missing connection', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const down = createApi({ workerUrl: 'http://127.0.0.1:9', key: KEY }, { fetch: failing });
    if (!down.ok) throw new Error('expected a client');
    expect(await down.value.counts()).toEqual({ ok: false, problem: { kind: 'unreachable' } });

    const foreign = fakeWorker({
      'GET /v1/counts': () => new Response('<html>hello</html>', { status: 200 }),
    });
    const api = createApi({ workerUrl: 'http://127.0.0.1:8787', key: KEY }, foreign.options);
    if (!api.ok) throw new Error('expected a client');
    expect(await api.value.counts()).toMatchObject({ ok: false, problem: { kind: 'bad_response' } });

    expect(createApi({ workerUrl: 'ftp://x', key: KEY })).toEqual({
      ok: false,
      problem: { kind: 'bad_url' },
    });
    expect(createApi(null)).toEqual({ ok: false, problem: { kind: 'not_configured' } });
  });

  it('keeps the worker validation details for the settings form', async () => {
    const details = [{ path: ['quota', 'dailyLimit'], message: 'Too small' }];
    const worker = fakeWorker({
      'PUT /v1/settings': () => json(400, errorBody('invalid_input', 'Invalid settings', details)),
    });
    const api = createApi({ workerUrl: 'http://127.0.0.1:8787', key: KEY }, worker.options);
    if (!api.ok) throw new Error('expected a client');
    expect(await api.value.updateSettings({ quota: { dailyLimit: 0 } })).toEqual({
      ok: false,
      problem: { kind: 'invalid_input', status: 400, message: 'Invalid settings', details },
    });
  });
});

describe('language of the worker messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks the worker for the language chosen in the options, per request', async () => {
    const worker = fakeWorker({ 'GET /v1/counts': () => json(200, counts({}, {})) });
    const api = createApi({ workerUrl: 'http://127.0.0.1:8787', key: KEY }, worker.options);
    if (!api.ok) throw new Error('expected a client');
    await languageItem.setValue('sv');
    await api.value.counts();
    await languageItem.setValue('fr');
    await api.value.counts();
    expect(worker.calls.map((c) => c.language)).toEqual(['sv', 'fr']);
  });

  it('follows the browser language when the options say auto', async () => {
    const worker = fakeWorker({ 'GET /v1/counts': () => json(200, counts({}, {})) });
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl-BE', 'en']);
    const api = createApi({ workerUrl: 'http://127.0.0.1:8787', key: KEY }, worker.options);
    if (!api.ok) throw new Error('expected a client');
    await api.value.counts();
    expect(worker.calls[0]!.language).toBe('nl');
    vi.restoreAllMocks();
  });

  it('shows the worker message it gets back in that language', async () => {
    const worker = fakeWorker({
      'PUT /v1/settings': (request) =>
        json(
          400,
          errorBody(
            'invalid_input',
            request.headers.get('accept-language') === 'nl'
              ? 'De inhoud van het verzoek is niet geldig.'
              : 'The request body is not valid.',
          ),
        ),
    });
    await languageItem.setValue('nl');
    const api = createApi({ workerUrl: 'http://127.0.0.1:8787', key: KEY }, worker.options);
    if (!api.ok) throw new Error('expected a client');
    const saved = await api.value.updateSettings({ linkedin: { maxAttempts: 3 } });
    expect(worker.calls[0]!.language).toBe('nl');
    expect(saved).toMatchObject({
      ok: false,
      problem: { message: 'De inhoud van het verzoek is niet geldig.' },
    });
  });
});

describe('connection test', () => {
  const conn = { workerUrl: 'http://127.0.0.1:8787', key: KEY };
  const keyInfo = (role: string) => json(200, { id: 'key_1', tenant: '123-ABC-456', role, label: null });

  it('learns the role from GET /v1/key and only reads', async () => {
    const admin = fakeWorker({
      'GET /v1/key': () => keyInfo('admin'),
      'GET /v1/counts': () => json(200, counts({}, {})),
    });
    const read = fakeWorker({
      'GET /v1/key': () => keyInfo('read'),
      'GET /v1/counts': () => json(200, counts({}, {})),
    });
    expect(await testConnection(conn, admin.options)).toMatchObject({
      ok: true,
      role: 'admin',
      tenant: '123-ABC-456',
    });
    expect(await testConnection(conn, read.options)).toMatchObject({ ok: true, role: 'read' });
    expect([...admin.calls, ...read.calls].every((c) => c.method === 'GET')).toBe(true);
  });

  it('says when the key is refused or is an ingest key', async () => {
    const refused = fakeWorker({ 'GET /v1/key': () => json(401, errorBody('unauthorized', 'no')) });
    const ingest = fakeWorker({
      'GET /v1/key': () => keyInfo('ingest'),
      'GET /v1/counts': () => json(403, errorBody('forbidden', 'no')),
    });
    expect(await testConnection(conn, refused.options)).toMatchObject({
      ok: false,
      problem: { kind: 'refused' },
    });
    expect(await testConnection(conn, ingest.options)).toMatchObject({
      ok: false,
      problem: { kind: 'wrong_role' },
    });
    expect(ingest.calls.map((c) => new URL(c.url).pathname)).toEqual(['/v1/key']);
    expect(await testConnection({ workerUrl: 'javascript:alert(1)', key: KEY })).toMatchObject({
      ok: false,
      problem: { kind: 'bad_url' },
    });
  });
});

describe('worker URL', () => {
  it('normalises http(s) URLs and builds the stream URL', () => {
    expect(normalizeWorkerUrl(' https://n.example.workers.dev/ ')).toBe('https://n.example.workers.dev');
    expect(normalizeWorkerUrl('http://127.0.0.1:8787/base//')).toBe('http://127.0.0.1:8787/base');
    expect(normalizeWorkerUrl('ws://x')).toBeNull();
    expect(normalizeWorkerUrl('https://a?b=1')).toBeNull();
    expect(streamUrl('https://n.example.workers.dev', 'T.1/+')).toBe(
      'wss://n.example.workers.dev/v1/stream?ticket=T.1%2F%2B',
    );
    expect(streamUrl('http://127.0.0.1:8787', 'abc')).toBe('ws://127.0.0.1:8787/v1/stream?ticket=abc');
  });
});

describe('counts long poll', () => {
  const conn = { workerUrl: 'http://127.0.0.1:8787', key: KEY };
  const tagged = (status: number, body: unknown, tag: string) =>
    new Response(status === 304 ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ETag: tag },
    });

  it('asks with If-None-Match and Prefer: wait, and reads 304 as unchanged and 200 as new counts', async () => {
    const fresh = counts({ linkedin: 1 }, { critical: 1 });
    let answer: Response = tagged(304, null, 'W/"a"');
    const sent: Headers[] = [];
    const worker = fakeWorker({
      'GET /v1/counts': (request) => {
        sent.push(request.headers);
        return answer;
      },
    });
    const api = createBackgroundApi(conn, worker.options);
    if (!api.ok) throw new Error('expected a client');

    expect(await api.value.countsWhenChanged('W/"a"', 25)).toEqual({
      ok: true,
      value: { changed: false, tag: 'W/"a"' },
    });
    expect(sent[0]!.get('if-none-match')).toBe('W/"a"');
    expect(sent[0]!.get('prefer')).toBe('wait=25');

    answer = tagged(200, fresh, 'W/"b"');
    expect(await api.value.countsWhenChanged('W/"a"', 25)).toEqual({
      ok: true,
      value: { changed: true, counts: fresh, tag: 'W/"b"' },
    });
  });

  it('asks plainly without a tag, and turns failures into problems', async () => {
    const sent: Headers[] = [];
    const worker = fakeWorker({
      'GET /v1/counts': (request) => {
        sent.push(request.headers);
        return json(401, errorBody('unauthorized', 'no'));
      },
    });
    const api = createBackgroundApi(conn, worker.options);
    if (!api.ok) throw new Error('expected a client');
    expect(await api.value.countsWhenChanged(null, 25)).toMatchObject({
      ok: false,
      problem: { kind: 'refused' },
    });
    expect(sent[0]!.get('if-none-match')).toBeNull();
    expect(sent[0]!.get('prefer')).toBeNull();
  });
});
