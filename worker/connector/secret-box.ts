/**
 * The Marketo client secret at rest: AES-GCM with a key derived (HKDF-SHA-256) from the worker secret
 * CONNECTOR_KEY. The tenant id is the additional data, so a sealed secret opens only for its tenant.
 */
import { fromBase64Url, toBase64Url } from '../../shared/base64url';

const VERSION = 'v1';
const encoder = new TextEncoder();

function bytesOf(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return null;
  return Uint8Array.from(fromBase64Url(text), (c) => c.charCodeAt(0));
}

async function deriveKey(connectorKey: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(connectorKey), 'HKDF', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode('marketo-notifier'),
      info: encoder.encode('connector client secret'),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealSecret(secret: string, connectorKey: string, tenant: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(tenant) },
    await deriveKey(connectorKey),
    encoder.encode(secret),
  );
  return `${VERSION}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
}

/** The secret, or null when it does not open (another key, another tenant, damaged). */
export async function openSecret(
  sealed: string,
  connectorKey: string,
  tenant: string,
): Promise<string | null> {
  const [version, ivText, dataText] = sealed.split('.');
  const iv = ivText === undefined ? null : bytesOf(ivText);
  const data = dataText === undefined ? null : bytesOf(dataText);
  if (version !== VERSION || iv === null || iv.length !== 12 || data === null) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(tenant) },
      await deriveKey(connectorKey),
      data,
    );
    return new TextDecoder().decode(plain);
  } catch {
    // A wrong key or tampered text fails authentication: that is the answer, not a fault.
    return null;
  }
}
