/**
 * One HTTP attempt to a receiver: never longer than the timeout (answer included), never more
 * than a few KiB of the answer read, never a throw. Errors are the worker's own words or the
 * receiver's short answer text, never the URL (a secret).
 */
export const SEND_TIMEOUT_MS = 10_000;
/** Of a receiver's answer, at most this much is read (Slack's error strings are short). */
export const MAX_ANSWER_BYTES = 4096;
const MAX_ERROR_LENGTH = 200;

export interface SendResult {
  /** The HTTP status; null after a timeout or a network failure. */
  status: number | null;
  retryAfter: string | null;
  error: string | null;
}

/** Up to `max` bytes of a body as text; the rest is not read (the stream is cancelled). */
async function readSome(body: ReadableStream<Uint8Array> | null, max: number): Promise<string> {
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(Math.min(size, max));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
    if (offset >= bytes.length) break;
  }
  return new TextDecoder().decode(bytes);
}

/** The answer text as an error: one line, printable, short. */
export function shortError(text: string): string | null {
  const line = text
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim()
    .slice(0, MAX_ERROR_LENGTH);
  return line.length > 0 ? line : null;
}

/** Races `work` against the timeout; the signal aborts what is still running. */
export async function withTimeout<T>(
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T | 'timeout'> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), timedOut]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

export async function sendHttp(
  url: string,
  init: RequestInit,
  timeoutMs = SEND_TIMEOUT_MS,
): Promise<SendResult> {
  try {
    const outcome = await withTimeout(timeoutMs, async (signal) => {
      const response = await fetch(url, { ...init, signal, redirect: 'manual' });
      const ok = response.status >= 200 && response.status < 300;
      const text = await readSome(response.body, ok ? 0 : MAX_ANSWER_BYTES).catch(() => '');
      const error = ok ? null : (shortError(text) ?? `HTTP ${response.status}`);
      return { status: response.status, retryAfter: response.headers.get('retry-after'), error };
    });
    if (outcome === 'timeout') return { status: null, retryAfter: null, error: 'timeout' };
    return outcome;
  } catch {
    return { status: null, retryAfter: null, error: 'unreachable' };
  }
}
