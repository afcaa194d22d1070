import { describe, expect, it } from 'vitest';

import { backoffDelay } from '../../extension/lib/background/backoff';
import {
  CONNECT_TIMEOUT_MS,
  KEEPALIVE_MS,
  PONG_TIMEOUT_MS,
  type SocketLike,
  StreamConnection,
} from '../../extension/lib/background/stream-connection';
import type { ApiResult } from '../../extension/lib/connection/api-client';
import type { StreamMessage } from '../../shared/notifications';
import { campaignFailure, counts } from './fixtures';

class FakeSocket {
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  sent: string[] = [];
  closed = false;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
}

/** Timers that run only when the test says so. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    setTimer: (fn: () => void, ms: number) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimer: (handle: unknown) => void pending.delete(handle as number),
    delays: () => [...pending.values()].map((t) => t.ms),
    runAll: () => {
      const due = [...pending.entries()];
      pending.clear();
      due.forEach(([, t]) => t.fn());
    },
    /** Fires the pending timers set for `ms` (as if that much time passed for them alone). */
    run: (ms: number) => {
      const due = [...pending.entries()].filter(([, t]) => t.ms === ms);
      due.forEach(([handle]) => pending.delete(handle));
      due.forEach(([, t]) => t.fn());
      return due.length;
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(urls: ApiResult<string>[]) {
  const sockets: FakeSocket[] = [];
  const messages: StreamMessage[] = [];
  const downs: unknown[] = [];
  let opens = 0;
  const timers = manualTimers();
  const stream = new StreamConnection({
    streamUrl: async () => urls.shift() ?? { ok: true, value: 'ws://127.0.0.1/v1/stream?ticket=t' },
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as SocketLike;
    },
    onMessage: (m) => messages.push(m),
    onOpen: () => opens++,
    onDown: (p) => downs.push(p),
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    random: () => 0.5,
  });
  return { stream, sockets, messages, downs, timers, opens: () => opens };
}

describe('stream connection', () => {
  it('delivers valid messages and ignores anything else', async () => {
    const t = setup([{ ok: true, value: 'ws://127.0.0.1/v1/stream?ticket=one' }]);
    t.stream.start();
    await flush();
    const socket = t.sockets[0]!;
    expect(socket.url).toBe('ws://127.0.0.1/v1/stream?ticket=one');
    socket.onopen!({});
    expect(t.opens()).toBe(1);
    socket.onmessage!({
      data: JSON.stringify({ kind: 'counts', counts: counts({ facebook: 1 }, { critical: 1 }) }),
    });
    socket.onmessage!({
      data: JSON.stringify({
        kind: 'notification',
        notification: campaignFailure('n1', '2026-11-22T10:00:00Z'),
      }),
    });
    socket.onmessage!({ data: 'pong' });
    socket.onmessage!({ data: JSON.stringify({ kind: 'counts', counts: { unread: 'many' } }) });
    expect(t.messages.map((m) => m.kind)).toEqual(['counts', 'notification']);
  });

  it('reconnects with a fresh ticket after a close, with growing backoff', async () => {
    const t = setup([]);
    t.stream.start();
    await flush();
    t.sockets[0]!.onclose!({});
    expect(t.downs).toEqual([null]);
    expect(t.timers.delays()).toEqual([backoffDelay(0, undefined, () => 0.5)]);
    t.timers.runAll();
    await flush();
    expect(t.sockets).toHaveLength(2);
    t.sockets[1]!.onclose!({});
    expect(t.timers.delays()).toEqual([backoffDelay(1, undefined, () => 0.5)]);
    expect(backoffDelay(1, undefined, () => 0.5)).toBeGreaterThan(backoffDelay(0, undefined, () => 0.5));
  });

  it('retries when the ticket cannot be had, and resets the backoff once open', async () => {
    const t = setup([{ ok: false, problem: { kind: 'unreachable' } }]);
    t.stream.start();
    await flush();
    expect(t.sockets).toHaveLength(0);
    expect(t.downs).toEqual([{ kind: 'unreachable' }]);
    t.timers.runAll();
    await flush();
    t.sockets[0]!.onopen!({});
    expect(t.timers.delays()).toEqual([KEEPALIVE_MS]);
    t.timers.runAll();
    expect(t.sockets[0]!.sent).toEqual(['ping']);
  });

  it('counts as open only after onopen, and not after a close', async () => {
    const t = setup([]);
    t.stream.start();
    await flush();
    expect(t.sockets).toHaveLength(1);
    expect(t.stream.isOpen).toBe(false);
    t.sockets[0]!.onopen!({});
    expect(t.stream.isOpen).toBe(true);
    t.sockets[0]!.onclose!({});
    expect(t.stream.isOpen).toBe(false);
  });

  it('gives up a socket that does not open in time and reconnects with backoff', async () => {
    const t = setup([]);
    t.stream.start();
    await flush();
    expect(t.timers.delays()).toEqual([CONNECT_TIMEOUT_MS]);
    expect(t.timers.run(CONNECT_TIMEOUT_MS)).toBe(1);
    expect(t.sockets[0]!.closed).toBe(true);
    expect(t.stream.isOpen).toBe(false);
    expect(t.downs).toEqual([null]);
    expect(t.timers.delays()).toEqual([backoffDelay(0, undefined, () => 0.5)]);
    // A late open of the given-up socket changes nothing.
    t.sockets[0]!.onopen?.({});
    expect(t.opens()).toBe(0);
    t.timers.runAll();
    await flush();
    expect(t.sockets).toHaveLength(2);
  });

  it('closes a socket that does not answer the keepalive ping, and reconnects', async () => {
    const t = setup([]);
    t.stream.start();
    await flush();
    const socket = t.sockets[0]!;
    socket.onopen!({});
    t.timers.run(KEEPALIVE_MS);
    expect(socket.sent).toEqual(['ping']);
    expect(t.stream.isOpen).toBe(true);
    expect(t.timers.run(PONG_TIMEOUT_MS)).toBe(1);
    expect(socket.closed).toBe(true);
    expect(t.stream.isOpen).toBe(false);
    expect(t.downs).toEqual([null]);
    expect(t.timers.delays()).toEqual([backoffDelay(0, undefined, () => 0.5)]);
    t.timers.runAll();
    await flush();
    expect(t.sockets).toHaveLength(2);
  });

  it('stays open while the worker answers pong', async () => {
    const t = setup([]);
    t.stream.start();
    await flush();
    const socket = t.sockets[0]!;
    socket.onopen!({});
    for (let i = 0; i < 3; i++) {
      t.timers.run(KEEPALIVE_MS);
      socket.onmessage!({ data: 'pong' });
      expect(t.timers.delays()).toEqual([KEEPALIVE_MS]);
    }
    expect(socket.sent).toEqual(['ping', 'ping', 'ping']);
    expect(socket.closed).toBe(false);
    expect(t.stream.isOpen).toBe(true);
    expect(t.downs).toEqual([]);
  });

  it('stops for good: no retry after stop', async () => {
    const t = setup([]);
    t.stream.start();
    await flush();
    t.stream.stop();
    expect(t.sockets[0]!.closed).toBe(true);
    expect(t.timers.delays()).toEqual([]);
    expect(t.stream.isOpen).toBe(false);
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, with jitter below the ceiling', () => {
    const max = () => 0.999999;
    expect(backoffDelay(0, { baseMs: 1000, maxMs: 60000 }, max)).toBe(999);
    expect(backoffDelay(3, { baseMs: 1000, maxMs: 60000 }, max)).toBe(7999);
    expect(backoffDelay(20, { baseMs: 1000, maxMs: 60000 }, max)).toBe(59999);
    expect(backoffDelay(5, { baseMs: 1000, maxMs: 60000 }, () => 0)).toBe(500);
  });
});
