import type { StreamMessage } from '../../shared/notifications';

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

export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}
