/**
 * A body read as a stream up to a limit: at most `limit` bytes are ever kept, and a larger body is
 * cancelled at the chunk that crosses it (or before the first read, when Content-Length says so).
 */
export type BoundedRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too_large' };

export async function readAtMost(response: Response, limit: number): Promise<BoundedRead> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await cancelQuietly(response.body);
    return { ok: false, reason: 'too_large' };
  }
  if (response.body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // A failed read (an aborted call, a dropped connection) throws to the caller.
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** A body the caller does not read: given back unread (a failed cancel changes nothing). */
export async function cancelQuietly(body: ReadableStream | null): Promise<void> {
  await body?.cancel().catch(() => undefined);
}
