import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { BackgroundController } from '../../extension/lib/background/controller';
import { startBackground } from '../../extension/lib/background/start';
import type { SocketLike } from '../../extension/lib/background/stream-connection';
import { BADGE_COLORS } from '../../extension/lib/notification/badge';
import { requestMessage } from '../../extension/lib/state/protocol';
import {
  announcedItem,
  type BackgroundState,
  connectionsItem,
  languageItem,
  statesItem,
  typePrefsItem,
} from '../../extension/lib/state/storage';
import { normalizeTypePrefs } from '../../extension/lib/state/storage';
import type { Notification } from '../../shared/notifications';
import { campaignFailure, counts } from './fixtures';

const KEY = 'mn_controllertestkey00001234';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A worker at the HTTP boundary: counts and an unread page; no stream, so the extension polls. */
function serveWorker(options: {
  status?: number;
  counts: ReturnType<typeof counts>;
  unread?: Notification[];
}) {
  const seen: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (!/^https?:/.test(request.url)) return realFetch(input, init); // the package's own files (catalogs)
    const path = new URL(request.url).pathname;
    seen.push(`${request.method} ${path}`);
    if (options.status) return json(options.status, { error: { code: 'unauthorized', message: 'no' } });
    if (path === '/v1/counts') return json(200, options.counts);
    if (path === '/v1/notifications') return json(200, { items: options.unread ?? [], nextCursor: null });
    if (path === '/v1/notifications/read') return json(200, { updated: 1 });
    if (path === '/v1/stream/ticket')
      return json(200, { ticket: 't1', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    return json(404, { error: { code: 'not_found', message: 'no route' } });
  }) as typeof fetch;
  return seen;
}

const realFetch = globalThis.fetch;
const PROD = { id: 'c1', label: 'Production', workerUrl: 'http://127.0.0.1:8787', key: KEY };
/** The state of the connection PROD. */
const state = async (): Promise<BackgroundState> => (await statesItem.getValue()).c1!;
const setState = (value: BackgroundState) => statesItem.setValue({ c1: value });
let controller: BackgroundController;
const badge = async () => ({
  text: await fakeBrowser.action.getBadgeText({}),
  title: await fakeBrowser.action.getTitle({}),
  color: await fakeBrowser.action.getBadgeBackgroundColor({}),
});
const rgba = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  fakeBrowser.reset();
  controller = new BackgroundController();
});
afterEach(() => {
  vi.restoreAllMocks();
  controller.stop();
  globalThis.fetch = realFetch;
});

/** A WebSocket that opens only when the test says so. */
class FakeSocket {
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  send() {}
  close() {
    this.closed = true;
  }
}

describe('background controller', () => {
  it('shows the unread count of counted types in the worst colour, and keeps the state in storage', async () => {
    serveWorker({
      counts: counts({ campaign_failure: 2, engagement_exhausted: 1 }, { critical: 2, warning: 1 }),
    });
    await connectionsItem.setValue([PROD]);
    await controller.configure();
    await settle();
    const shown = await badge();
    expect(shown.text).toBe('3');
    expect(shown.color.slice(0, 3)).toEqual([0xc5, 0x22, 0x1f]);
    expect(shown.title).toBe('Marketo Notifier: 3 unread notifications');
    expect((await state()).counts?.unread).toBe(3);

    await typePrefsItem.setValue(normalizeTypePrefs({ campaign_failure: { countInBadge: false } }));
    await languageItem.setValue('nl');
    await controller.repaint();
    const repainted = await badge();
    expect(repainted.text).toBe('1');
    expect(repainted.color.slice(0, 3)).toEqual(rgba(BADGE_COLORS.warning));
    expect(repainted.title).toBe('Marketo Notifier: 1 ongelezen melding');
  });

  it('shows a grey ! with the reason when the key is refused', async () => {
    serveWorker({ status: 401, counts: counts({}, {}) });
    await connectionsItem.setValue([PROD]);
    await controller.configure();
    await settle();
    const shown = await badge();
    expect(shown.text).toBe('!');
    expect(shown.color.slice(0, 3)).toEqual([0x5f, 0x63, 0x68]);
    expect(shown.title).toContain('The key was refused');
    expect(await state()).toMatchObject({ status: 'error', problem: { kind: 'refused' } });
  });

  it('stays quiet and unconfigured without a connection', async () => {
    await controller.configure();
    expect(await badge()).toMatchObject({
      text: '',
      title: 'Marketo Notifier: set up the connection in the options',
    });
    expect(await statesItem.getValue()).toEqual({});
  });

  it('announces new critical notifications found by polling, once, as desktop notifications', async () => {
    const fresh = campaignFailure('n9', new Date(Date.now() + 1000).toISOString());
    await setState({
      status: 'polling',
      problem: null,
      counts: counts({}, {}),
      updatedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    serveWorker({ counts: counts({ campaign_failure: 1 }, { critical: 1 }), unread: [fresh] });
    await connectionsItem.setValue([PROD]);
    await controller.configure();
    await settle();
    const created = await fakeBrowser.notifications.getAll();
    expect(Object.keys(created)).toEqual(['marketo-notifier:c1:n9']);
    await fakeBrowser.notifications.clear('marketo-notifier:c1:n9');
    await controller.poll();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
  });

  it('while polling, announces a new critical notification even when the critical count stayed flat', async () => {
    // One was read and one is new: the count is 1 before and after.
    await announcedItem.setValue(['n1@2026-11-22T09:00:00.000Z']);
    await setState({
      status: 'polling',
      problem: null,
      counts: counts({ campaign_failure: 1 }, { critical: 1 }),
      updatedAt: new Date().toISOString(),
    });
    serveWorker({
      counts: counts({ campaign_failure: 1 }, { critical: 1 }),
      unread: [campaignFailure('n2', '2026-11-22T09:30:00.000Z')],
    });
    await connectionsItem.setValue([PROD]);
    await controller.configure();
    await settle();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['marketo-notifier:c1:n2']);
  });

  it('while polling, announces independent of the local clock (a worker clock behind ours)', async () => {
    const localNow = new Date().toISOString();
    const behind = new Date(Date.now() - 3_600_000).toISOString();
    await setState({ status: 'polling', problem: null, counts: counts({}, {}), updatedAt: localNow });
    serveWorker({
      counts: counts({ campaign_failure: 1 }, { critical: 1 }),
      unread: [campaignFailure('late', behind)],
    });
    await connectionsItem.setValue([PROD]);
    await controller.configure();
    await settle();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['marketo-notifier:c1:late']);
  });

  it('on the first contact remembers what is there without announcing it', async () => {
    serveWorker({
      counts: counts({ campaign_failure: 1 }, { critical: 1 }),
      unread: [campaignFailure('old', '2026-11-01T10:00:00.000Z')],
    });
    await connectionsItem.setValue([PROD]);
    await controller.configure();
    await settle();
    await controller.poll();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
    expect(await announcedItem.getValue()).toEqual(['old@2026-11-01T10:00:00.000Z']);
  });

  it('marks read through the worker and refreshes the counts', async () => {
    const seen = serveWorker({ counts: counts({ facebook: 1 }, { critical: 1 }) });
    await connectionsItem.setValue([PROD]);
    await controller.configure();
    const result = await controller.handlers().markRead({ connectionId: 'c1', selection: { ids: ['n1'] } });
    expect(result).toEqual({ ok: true, value: { updated: 1 } });
    const afterMark = seen.slice(seen.indexOf('POST /v1/notifications/read'));
    expect(afterMark).toContain('GET /v1/counts');
  });

  it('polls while the stream is still connecting, and stops polling once it is open', async () => {
    const sockets: FakeSocket[] = [];
    controller = new BackgroundController({
      openSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket as unknown as SocketLike;
      },
    });
    const seen = serveWorker({ counts: counts({ facebook: 1 }, { critical: 1 }) });
    const countCalls = () => seen.filter((call) => call === 'GET /v1/counts').length;
    await connectionsItem.setValue([PROD]);
    await controller.configure();
    await settle();
    expect(sockets.map((s) => s.url)).toEqual(['ws://127.0.0.1:8787/v1/stream?ticket=t1']);
    expect((await state()).status).not.toBe('live');

    const before = countCalls();
    await controller.tick();
    expect(countCalls()).toBe(before + 1);

    sockets[0]!.onopen!({});
    await settle();
    expect((await state()).status).toBe('live');
    await controller.tick();
    expect(countCalls()).toBe(before + 1);
  });

  it('answers a request that wakes the service worker once the client is made, not with not_configured', async () => {
    const seen = serveWorker({ counts: counts({ facebook: 1 }, { critical: 1 }) });
    await connectionsItem.setValue([PROD]);
    // As on wake-up: the background starts and the waking message is dispatched right away.
    controller = startBackground(
      new BackgroundController({ openSocket: (url) => new FakeSocket(url) as unknown as SocketLike }),
    );
    const answer = await fakeBrowser.runtime.sendMessage(
      requestMessage('markRead', { connectionId: 'c1', selection: { ids: ['n1'] } }),
    );
    expect(answer).toEqual({ ok: true, value: { updated: 1 } });
    expect(seen).toContain('POST /v1/notifications/read');
    const state = await fakeBrowser.runtime.sendMessage(requestMessage('getState', {}));
    expect(state).toMatchObject({ c1: { counts: { unread: 1 } } });
  });

  it('waits for a configure() that replaced the one a request was waiting for', async () => {
    serveWorker({ counts: counts({ facebook: 1 }, { critical: 1 }) });
    await connectionsItem.setValue([PROD]);
    void controller.configure();
    const answer = controller.handlers().markRead({ connectionId: 'c1', selection: { ids: ['n1'] } });
    // The connection changes again; the second configure() reads it slowly, the first gives way.
    let release!: () => void;
    const slowRead = vi
      .spyOn(connectionsItem, 'getValue')
      .mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve([PROD]))));
    void controller.configure();
    await settle();
    release();
    expect(await answer).toEqual({ ok: true, value: { updated: 1 } });
    expect(slowRead).toHaveBeenCalled();
  });
});

describe('long poll while the stream is down', () => {
  /** A worker whose GET /v1/counts honours If-None-Match and Prefer: wait, held until `change()`. */
  function longPollingWorker(initial: ReturnType<typeof counts>) {
    let current = initial;
    let version = 1;
    const held: (() => void)[] = [];
    const countRequests: { tag: string | null; prefer: string | null; signal: AbortSignal }[] = [];
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (!/^https?:/.test(request.url)) return realFetch(input, init);
      const path = new URL(request.url).pathname;
      if (path === '/v1/counts') {
        const tag = request.headers.get('if-none-match');
        const prefer = request.headers.get('prefer');
        countRequests.push({ tag, prefer, signal: init?.signal ?? request.signal });
        if (tag === `W/"v${version}"` && prefer) await new Promise<void>((resolve) => held.push(resolve));
        return new Response(JSON.stringify(current), {
          status: 200,
          headers: { 'content-type': 'application/json', ETag: `W/"v${version}"` },
        });
      }
      if (path === '/v1/notifications') return json(200, { items: [], nextCursor: null });
      if (path === '/v1/stream/ticket')
        return json(200, { ticket: 't1', expiresAt: new Date(Date.now() + 60_000).toISOString() });
      return json(404, { error: { code: 'not_found', message: 'no route' } });
    }) as typeof fetch;
    return {
      countRequests,
      change(next: ReturnType<typeof counts>) {
        current = next;
        version += 1;
        for (const release of held.splice(0)) release();
      },
    };
  }

  it('brings a change to the badge through a held GET /v1/counts, and stops once the stream opens', async () => {
    const worker = longPollingWorker(counts({ facebook: 1 }, { critical: 1 }));
    const sockets: FakeSocket[] = [];
    controller = new BackgroundController({
      openSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket as unknown as SocketLike;
      },
    });
    await connectionsItem.setValue([PROD]);
    await controller.configure();
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    // A proxy refuses the upgrade: the socket closes without ever opening.
    sockets[0]!.onclose?.({ code: 1006 });
    await vi.waitFor(() =>
      expect(worker.countRequests.at(-1)).toMatchObject({ tag: 'W/"v1"', prefer: 'wait=25' }),
    );
    expect((await badge()).text).toBe('1');
    expect((await state()).status).toBe('polling');

    worker.change(counts({ facebook: 1, linkedin: 1 }, { critical: 2 }));
    await vi.waitFor(async () => expect((await badge()).text).toBe('2'));
    await vi.waitFor(() =>
      expect(worker.countRequests.at(-1)).toMatchObject({ tag: 'W/"v2"', prefer: 'wait=25' }),
    );

    // The stream reconnects (after its backoff) and opens: the held request is given up.
    await vi.waitFor(() => expect(sockets).toHaveLength(2), { timeout: 5_000 });
    const held = worker.countRequests.at(-1)!;
    sockets[1]!.onopen?.({});
    await settle();
    expect(held.signal.aborted).toBe(true);
    const asked = worker.countRequests.length;
    await settle();
    expect(worker.countRequests.length).toBe(asked);
    expect((await state()).status).toBe('live');
  });
});

describe('several connections', () => {
  /** Workers by origin: each answers its own counts, or refuses every key. */
  function serveWorkers(workers: Record<string, { counts?: ReturnType<typeof counts>; refused?: boolean }>) {
    const seen: string[] = [];
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (!/^https?:/.test(request.url)) return realFetch(input, init);
      const url = new URL(request.url);
      const worker = workers[url.origin];
      seen.push(`${request.method} ${url.origin}${url.pathname}`);
      if (!worker) throw new TypeError('fetch failed');
      if (worker.refused) return json(401, { error: { code: 'unauthorized', message: 'no' } });
      if (url.pathname === '/v1/counts') return json(200, worker.counts);
      if (url.pathname === '/v1/notifications') return json(200, { items: [], nextCursor: null });
      if (url.pathname === '/v1/key')
        return json(200, { id: 'k1', tenant: '123-ABC-456', role: 'read', label: null });
      if (url.pathname.endsWith('/ack')) return json(200, campaignFailure('n1', '2026-11-22T10:00:00.000Z'));
      if (url.pathname === '/v1/stream/ticket')
        return json(200, { ticket: 't1', expiresAt: new Date(Date.now() + 60_000).toISOString() });
      return json(404, { error: { code: 'not_found', message: 'no route' } });
    }) as typeof fetch;
    return seen;
  }
  const A = 'http://127.0.0.1:8787';
  const B = 'http://127.0.0.1:8788';
  const C = 'http://localhost:8789';

  it('adds up the badge over connections, each by its own choices, and a revoked key blocks no other', async () => {
    const seen = serveWorkers({
      [A]: { counts: counts({ campaign_failure: 2 }, { critical: 2 }) },
      [B]: { counts: counts({ engagement_exhausted: 3 }, { warning: 3 }) },
      [C]: { refused: true },
    });
    controller = new BackgroundController({
      openSocket: (url) => new FakeSocket(url) as unknown as SocketLike,
    });
    await connectionsItem.setValue([
      { id: 'prod', label: 'Production', workerUrl: A, key: KEY },
      // The sandbox counts no engagement programs in the badge: its 3 do not add up.
      {
        id: 'sandbox',
        label: 'Sandbox',
        workerUrl: B,
        key: KEY,
        prefs: normalizeTypePrefs({ engagement_exhausted: { countInBadge: false } }),
      },
      { id: 'client', label: 'Client', workerUrl: C, key: KEY },
    ]);
    await controller.configure();
    await settle();
    const states = await statesItem.getValue();
    expect(states.prod).toMatchObject({ counts: { unread: 2 } });
    expect(states.sandbox).toMatchObject({ counts: { unread: 3 } });
    expect(states.client).toMatchObject({ status: 'error', problem: { kind: 'refused' } });
    const shown = await badge();
    expect(shown.text).toBe('2');
    expect(shown.color.slice(0, 3)).toEqual(rgba(BADGE_COLORS.critical));
    expect(shown.title.split('\n')).toEqual([
      'Marketo Notifier: 2 unread notifications',
      'Production: 2 unread',
      'Sandbox: 0 unread',
      expect.stringMatching(/^Client: The key was refused/),
    ]);

    // The acknowledgement goes to the sandbox's worker only.
    const before = seen.length;
    const acked = await controller.handlers().triage({ connectionId: 'sandbox', id: 'n1', action: 'ack' });
    expect(acked.ok).toBe(true);
    expect(seen.slice(before).filter((call) => call.startsWith('POST'))).toEqual([
      `POST ${B}/v1/notifications/n1/ack`,
    ]);
  });

  it('learns each connection tenant, and stops the link of a removed connection', async () => {
    serveWorkers({
      [A]: { counts: counts({ facebook: 1 }, { critical: 1 }) },
      [B]: { counts: counts({ facebook: 4 }, { critical: 4 }) },
    });
    controller = new BackgroundController({
      openSocket: (url) => new FakeSocket(url) as unknown as SocketLike,
    });
    await connectionsItem.setValue([
      { id: 'prod', label: 'Production', workerUrl: A, key: KEY },
      { id: 'sandbox', label: 'Sandbox', workerUrl: B, key: KEY },
    ]);
    await controller.configure();
    await settle();
    expect((await badge()).text).toBe('5');
    expect((await connectionsItem.getValue()).map((c) => c.tenant)).toEqual(['123-ABC-456', '123-ABC-456']);
    await connectionsItem.setValue((await connectionsItem.getValue()).filter((c) => c.id !== 'sandbox'));
    await controller.configure();
    await controller.repaint();
    expect(Object.keys(await statesItem.getValue())).toEqual(['prod']);
    expect((await badge()).text).toBe('1');
    expect(
      await controller.handlers().markRead({ connectionId: 'sandbox', selection: { ids: ['n1'] } }),
    ).toEqual({
      ok: false,
      problem: { kind: 'not_configured' },
    });
  });
});
