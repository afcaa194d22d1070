import { describe, expect, it, vi } from 'vitest';
import { emptyCounts, type Notification } from '../../../shared/notifications';
import { broadcastChange, closeQuietly } from '../../../worker/sockets/broadcast';
import { ChangeWaiters } from '../../../worker/sockets/change-waiters';

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
  it('sends surfaced notifications, then the counts, to every socket; a closed one is skipped', () => {
    const a = fakeSocket();
    const broken = fakeSocket(true);
    const b = fakeSocket();
    const notification = { id: 'n1', type: 'facebook' } as Notification;
    broadcastChange([a.socket, broken.socket, b.socket], [notification], () => emptyCounts(quota));
    for (const { sent } of [a, b]) {
      expect(sent).toEqual([
        { kind: 'notification', notification },
        { kind: 'counts', counts: emptyCounts(quota) },
      ]);
    }
  });

  it('reads no counts when no socket is open', () => {
    const counts = vi.fn(() => emptyCounts(quota));
    broadcastChange([], [], counts);
    expect(counts).not.toHaveBeenCalled();
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
