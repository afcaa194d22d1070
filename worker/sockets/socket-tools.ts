import { toBase64Url } from '../../shared/base64url';

/** A ticket's random part. */
export function randomToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(24)));
}

/** Closes a socket, whatever state it is in. */
export function closeQuietly(ws: WebSocket, code: number, reason: string): void {
  try {
    // 1005/1006 may not be sent; answer with a normal close instead.
    ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
  } catch {
    // Already closed.
  }
}
