import { toBase64Url } from '../../shared/base64url';

/** Bearer keys: `mn_` and 32 random bytes in base64url. Only their SHA-256 hash is ever stored. */
export const KEY_PREFIX = 'mn_';
const KEY_BYTES = 32;
const KEY_PATTERN = /^mn_[A-Za-z0-9_-]{43}$/;
/** Key ids are public (they name a key for revocation), never usable as a key. */
export const KEY_ID_PATTERN = /^key_[A-Za-z0-9_-]{16}$/;

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export const generateKey = (): string => KEY_PREFIX + toBase64Url(randomBytes(KEY_BYTES));
export const generateKeyId = (): string => 'key_' + toBase64Url(randomBytes(12));
export const looksLikeKey = (token: string): boolean => KEY_PATTERN.test(token);

async function sha256(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await sha256(text));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two secrets in constant time: hashing first makes the lengths equal. */
export async function secretsEqual(given: string, expected: string): Promise<boolean> {
  if (expected.length === 0) return false;
  const [a, b] = (await Promise.all([sha256(given), sha256(expected)])).map((d) => new Uint8Array(d));
  let difference = 0;
  for (let i = 0; i < a!.length; i++) difference |= a![i]! ^ b![i]!;
  return difference === 0;
}
