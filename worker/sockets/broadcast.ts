import type { Counts, Notification, StreamMessage } from '../../shared/notifications';

/** Sends to every open socket; a socket that fails is closing anyway and is skipped. */
export function broadcast(sockets: WebSocket[], message: StreamMessage): void {
  const text = JSON.stringify(message);
  for (const socket of sockets) {
    try {
      socket.send(text);
    } catch {
      // Closed between getWebSockets() and send(): nothing to deliver.
    }
  }
}

/** A change as the stream shows it: the notifications that surfaced (new, or unread again), then the counts. */
export function broadcastChange(sockets: WebSocket[], surfaced: Notification[], counts: () => Counts): void {
  if (sockets.length === 0) return;
  for (const notification of surfaced) broadcast(sockets, { kind: 'notification', notification });
  broadcast(sockets, { kind: 'counts', counts: counts() });
}

export function closeQuietly(ws: WebSocket, code: number, reason: string): void {
  try {
    // 1005/1006 may not be sent; answer with a normal close instead.
    ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
  } catch {
    // Already closed.
  }
}
