import { keyUrl } from './key-path';
import { type KeyOutcome, publicKey } from './keys';

/** `ok`, or why not: `refused` answers 401, `unavailable` (the key host) 503. */
export type Verification = 'ok' | 'refused' | 'unavailable';

const MAX_SIGNATURE_CHARS = 2048;

function base64Bytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length > MAX_SIGNATURE_CHARS || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** RSA-SHA256 (PKCS #1 v1.5) of the raw body, base64 as Adobe sends it. */
export async function signatureMatches(
  key: CryptoKey,
  signature: string,
  body: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const bytes = base64Bytes(signature.trim());
  if (bytes === null) return false;
  try {
    return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, bytes, body);
  } catch {
    return false;
  }
}

interface SignedPair {
  signature: string;
  url: string;
}

/**
 * Adobe signs every delivery twice (x-adobe-digital-signature-1 and -2, with the keys at
 * x-adobe-public-key1-path and -2-path) so that keys can rotate: one match is enough. Both keys
 * are fetched at once. A key path that is not a path on the key host refuses the delivery.
 */
export async function verifyDelivery(
  headers: Headers,
  body: Uint8Array<ArrayBuffer>,
  keyHost: string,
  nowMs = Date.now(),
): Promise<Verification> {
  const pairs: SignedPair[] = [];
  for (const n of [1, 2]) {
    const signature = headers.get(`x-adobe-digital-signature-${n}`);
    const path = headers.get(`x-adobe-public-key${n}-path`);
    if (signature === null && path === null) continue;
    const url = keyUrl(keyHost, path);
    if (signature === null || url === null) return 'refused';
    pairs.push({ signature, url });
  }
  if (pairs.length === 0) return 'refused';
  // Both keys at once (one fetch for one URL); the first signature that matches decides.
  const keys = new Map<string, Promise<KeyOutcome>>();
  for (const { url } of pairs) if (!keys.has(url)) keys.set(url, publicKey(url, nowMs));
  const attempts = pairs.map(async ({ url, signature }): Promise<Verification> => {
    const outcome = await keys.get(url)!;
    if (outcome.kind !== 'key') return outcome.kind;
    return (await signatureMatches(outcome.key, signature, body)) ? 'ok' : 'refused';
  });
  const onlyOk = (a: Promise<Verification>) => a.then((v) => (v === 'ok' ? v : Promise.reject(v)));
  const first = await Promise.any(attempts.map(onlyOk)).catch(() => null);
  if (first === 'ok') return 'ok';
  const outcomes = await Promise.all(attempts);
  return outcomes.includes('unavailable') ? 'unavailable' : 'refused';
}
