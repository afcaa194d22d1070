import { IO_TOKEN_CHARS, IO_TOKEN_PATTERN } from '../../shared/io-events';

/**
 * KV layout of the receiving URLs: `io-token:<SHA-256 of the token>` -> tenant id. The token itself
 * is stored nowhere: the tenant's object keeps the same hash, and is the one that decides (a URL
 * rotated away answers 404 at once, whatever KV still says elsewhere).
 */
const tokenKey = (hash: string) => `io-token:${hash}`;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 24 characters from [a-z0-9], without modulo bias. */
export function newIoToken(): string {
  let out = '';
  while (out.length < IO_TOKEN_CHARS) {
    for (const byte of crypto.getRandomValues(new Uint8Array(IO_TOKEN_CHARS * 2))) {
      if (byte < 252 && out.length < IO_TOKEN_CHARS) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}

export async function ioTokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function saveIoToken(kv: KVNamespace, hash: string, tenant: string): Promise<void> {
  await kv.put(tokenKey(hash), tenant);
}

export async function forgetIoToken(kv: KVNamespace, hash: string): Promise<void> {
  await kv.delete(tokenKey(hash));
}

/** The tenant and token hash of a receiving URL's token, or null (malformed, unknown, rotated away). */
export async function tenantOfIoToken(
  kv: KVNamespace,
  token: string,
): Promise<{ tenant: string; hash: string } | null> {
  if (!IO_TOKEN_PATTERN.test(token)) return null;
  const hash = await ioTokenHash(token);
  const tenant = await kv.get(tokenKey(hash));
  return tenant === null ? null : { tenant, hash };
}
