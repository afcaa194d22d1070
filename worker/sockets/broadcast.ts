import { STREAM_NOTIFICATIONS_PER_CHANGE } from '../../shared/limits';
import type { Notification } from '../../shared/notifications';

/** One serialized message to every open socket; a socket that fails is closing anyway and is skipped. */
export function sendText(sockets: WebSocket[], text: string): void {
  for (const socket of sockets) {
    try {
      socket.send(text);
    } catch {
      // Closed between getWebSockets() and send(): nothing to deliver.
    }
  }
}

/**
 * The surfaced notifications a change sends down the stream: all of a small change, the newest
 * `STREAM_NOTIFICATIONS_PER_CHANGE` of a big one (clients read the feed for the rest).
 */
export function streamed(surfaced: Notification[]): Notification[] {
  if (surfaced.length <= STREAM_NOTIFICATIONS_PER_CHANGE) return surfaced;
  return [...surfaced]
    .sort((a, b) => (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : 0))
    .slice(0, STREAM_NOTIFICATIONS_PER_CHANGE);
}

export function closeQuietly(ws: WebSocket, code: number, reason: string): void {
  try {
    // 1005/1006 may not be sent; answer with a normal close instead.
    ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
  } catch {
    // Already closed.
  }
}
