/** Keys are cached this long, as Adobe's SDK does. */
export const KEY_CACHE_MS = 24 * 3_600_000;
/** Each key fetch gives up after this long: Adobe waits 10 s for the whole answer. */
export const KEY_FETCH_TIMEOUT_MS = 5_000;
/** A PEM public key is a few hundred bytes; anything far larger is not one. */
const MAX_KEY_BYTES = 16 * 1024;
const MAX_CACHED_KEYS = 64;

/** A key, or why there is none: `refused` (404, unparsable: 401), `unavailable` (slow, 5xx: 503). */
export type KeyOutcome = { kind: 'key'; key: CryptoKey } | { kind: 'refused' } | { kind: 'unavailable' };

/** Per isolate. Fetches are not shared between requests: a Worker may not wait on another request's I/O. */
const cache = new Map<string, { key: CryptoKey; expiresAtMs: number }>();

/** The SPKI key of a PEM text, for RSA-SHA256 verification; null when it is none. */
export async function importPem(pem: string): Promise<CryptoKey | null> {
  const match = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem);
  if (!match) return null;
  try {
    const der = Uint8Array.from(atob(match[1]!.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
    const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    return await crypto.subtle.importKey('spki', der, algorithm, false, ['verify']);
  } catch {
    return null;
  }
}

async function fetchKey(url: string, timeoutMs: number): Promise<KeyOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  } catch {
    return { kind: 'unavailable' };
  }
  if (response.status >= 500 || response.status === 429) {
    await response.body?.cancel();
    return { kind: 'unavailable' };
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    return { kind: 'refused' };
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await response.arrayBuffer();
  } catch {
    return { kind: 'unavailable' };
  }
  if (bytes.byteLength > MAX_KEY_BYTES) return { kind: 'refused' };
  const key = await importPem(new TextDecoder().decode(bytes));
  return key === null ? { kind: 'refused' } : { kind: 'key', key };
}

/** The public key at `url`, from the cache while it is younger than 24 hours; failures are not cached. */
export async function publicKey(
  url: string,
  nowMs = Date.now(),
  timeoutMs = KEY_FETCH_TIMEOUT_MS,
): Promise<KeyOutcome> {
  const cached = cache.get(url);
  if (cached && cached.expiresAtMs > nowMs) return { kind: 'key', key: cached.key };
  cache.delete(url);
  const outcome = await fetchKey(url, timeoutMs);
  if (outcome.kind === 'key') {
    if (cache.size >= MAX_CACHED_KEYS) cache.delete(cache.keys().next().value!);
    cache.set(url, { key: outcome.key, expiresAtMs: nowMs + KEY_CACHE_MS });
  }
  return outcome;
}
