import { describe, expect, it, vi } from 'vitest';

import { STREAM_NOTIFICATIONS_PER_CHANGE } from '../../../shared/limits';
import { emptyCounts, type Notification } from '../../../shared/notifications';
import { closeQuietly, streamed } from '../../../worker/sockets/broadcast';
import { ChangeWaiters } from '../../../worker/sockets/change-waiters';
import { pushToMembers } from '../../../worker/sockets/members';

const quota = { used: 0, limit: 50_000, resetsAt: '2026-11-24T06:00:00.000Z' };

/** Just what the broadcast uses of a socket. */
function fakeSocket(fails = false) {
  const sent: unknown[] = [];
  const socket = {
    send: (text: string) => {
      if (fails) throw new Error('closed');
      sent.push(JSON.parse(text));
    },
    close: vi.fn(),
  };
  return { socket: socket as unknown as WebSocket, sent, close: socket.close };
}

describe('socket broadcast', () => {
  const at = (minute: number) =>
    ({
      id: `n${minute}`,
      type: 'facebook',
      lastAt: new Date(Date.UTC(2026, 10, 23, 12, minute)).toISOString(),
    }) as Notification;

  it('sends each member the shared messages, then their own, to every socket; a closed one is skipped', () => {
    const a = fakeSocket();
    const broken = fakeSocket(true);
    const b = fakeSocket();
    const notification = at(1);
    const own = vi.fn((member: string) => [
      { kind: 'counts' as const, counts: { ...emptyCounts(quota), unread: member === 'ann' ? 1 : 2 } },
    ]);
    pushToMembers(
      new Map([
        ['ann', [a.socket, broken.socket]],
        ['bob', [b.socket]],
      ]),
      { shared: [{ kind: 'notification', notification }], own },
    );
    expect(a.sent).toEqual([
      { kind: 'notification', notification },
      { kind: 'counts', counts: { ...emptyCounts(quota), unread: 1 } },
    ]);
    expect(b.sent).toEqual([
      { kind: 'notification', notification },
      { kind: 'counts', counts: { ...emptyCounts(quota), unread: 2 } },
    ]);
    expect(own).toHaveBeenCalledTimes(2);
  });

  it(`streams all of a small change and the newest ${STREAM_NOTIFICATIONS_PER_CHANGE} of a big one`, () => {
    const few = [at(3), at(1), at(2)];
    expect(streamed(few)).toBe(few);
    const many = Array.from({ length: 100 }, (_, i) => at((i * 37) % 100));
    const sent = streamed(many);
    expect(sent.map((n) => n.id)).toEqual(
      Array.from({ length: STREAM_NOTIFICATIONS_PER_CHANGE }, (_, i) => `n${99 - i}`),
    );
  });

  it('closes with a code that may be sent, and ignores a socket already closed', () => {
    const a = fakeSocket();
    closeQuietly(a.socket, 1006, 'gone');
    expect(a.close).toHaveBeenCalledWith(1000, 'gone');
    closeQuietly(a.socket, 4401, 'key revoked');
    expect(a.close).toHaveBeenLastCalledWith(4401, 'key revoked');
    a.close.mockImplementation(() => {
      throw new Error('already closed');
    });
    expect(() => closeQuietly(a.socket, 1000, 'done')).not.toThrow();
  });
});

describe('change waiters', () => {
  it('wakes every waiting request at a change, and each one only once', async () => {
    const waiters = new ChangeWaiters();
    const woken: number[] = [];
    const first = waiters.next(60_000).then(() => woken.push(1));
    const second = waiters.next(60_000).then(() => woken.push(2));
    waiters.wakeAll();
    await Promise.all([first, second]);
    expect(woken.sort()).toEqual([1, 2]);
    waiters.wakeAll();
    expect(woken).toHaveLength(2);
  });

  it('gives up after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const waiters = new ChangeWaiters();
      let done = false;
      const waiting = waiters.next(1_000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
