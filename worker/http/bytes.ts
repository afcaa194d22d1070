/**
 * A stream's bytes, counted as they arrive (a chunked body has no length to trust); null as soon as
 * they pass `max`, when `overflow` decides what becomes of the rest (cancel it, or read it away).
 */
export async function readUpTo(
  stream: ReadableStream<Uint8Array>,
  max: number,
  overflow: (reader: ReadableStreamDefaultReader<Uint8Array>, readSoFar: number) => Promise<void>,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await overflow(reader, size);
      return null;
    }
    chunks.push(value);
  }
  return joinChunks(chunks, size);
}

/** The chunks of a stream read to its end, as one array of `size` bytes. */
export function joinChunks(chunks: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
