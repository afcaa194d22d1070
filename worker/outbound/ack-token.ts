/**
 * Acknowledge tokens, the `<token>` of `<worker>/a/<token>`: one notification of one tenant, for
 * the channel kind whose message carried it, valid 7 days. HMAC-SHA256 with a key derived
 * (HKDF-SHA-256, its own info string) from the worker secret CONNECTOR_KEY; the MAC is checked
 * with crypto.subtle.verify, a constant-time compare. The token is
 * `v1.<base64url of the JSON payload>.<base64url of the MAC over "v1.<payload>">`.
 */
import { z } from 'zod';

import { fromBase64Url, toBase64Url } from '../../shared/base64url';
import { CHANNEL_KINDS } from '../../shared/channel-limits';

export const ACK_TOKEN_TTL_MS = 7 * 24 * 3_600_000;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface AckTokenPayload {
  tenantId: string;
  notificationId: string;
  channelKind: ChannelKind;
  expiresAtMs: number;
}

const VERSION = 'v1';
/** Longer tokens are refused before any work. */
export const MAX_ACK_TOKEN_LENGTH = 1024;
const encoder = new TextEncoder();

const Payload = z.tuple([
  z.string().min(1).max(200),
  z.string().min(1).max(200),
  z.enum(CHANNEL_KINDS),
  z.int().min(0).max(Number.MAX_SAFE_INTEGER),
]);

/** The HMAC key of acknowledge tokens, derived from CONNECTOR_KEY (the connector's own key is another). */
export async function deriveAckKey(connectorKey: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(connectorKey), 'HKDF', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode('marketo-notifier'),
      info: encoder.encode('acknowledge link token'),
    },
    material,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign', 'verify'],
  );
}

const keyOf = (key: CryptoKey | string) =>
  typeof key === 'string' ? deriveAckKey(key) : Promise.resolve(key);

function bytesOf(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return null;
  return Uint8Array.from(fromBase64Url(text), (c) => c.charCodeAt(0));
}

/** The acknowledge link: `<worker>/a/<token>`, the worker being PUBLIC_URL or the channel's request origin. */
export function ackLink(workerOrigin: string, token: string): string {
  return `${workerOrigin.replace(/\/+$/, '')}/a/${token}`;
}

/** When a token made now stops working. */
export const ackTokenExpiry = (nowMs: number): number => nowMs + ACK_TOKEN_TTL_MS;

/** `key`: the derived key (deriveAckKey) or CONNECTOR_KEY itself. */
export async function signAckToken(payload: AckTokenPayload, key: CryptoKey | string): Promise<string> {
  const json = JSON.stringify([
    payload.tenantId,
    payload.notificationId,
    payload.channelKind,
    payload.expiresAtMs,
  ]);
  const signed = `${VERSION}.${toBase64Url(encoder.encode(json))}`;
  const mac = await crypto.subtle.sign('HMAC', await keyOf(key), encoder.encode(signed));
  return `${signed}.${toBase64Url(new Uint8Array(mac))}`;
}

/**
 * The token's payload; 'expired' for a genuine token past its time; 'invalid' for anything else
 * (forged, altered, truncated, another key, not a token at all).
 */
export async function verifyAckToken(
  token: string,
  key: CryptoKey | string,
  nowMs: number,
): Promise<AckTokenPayload | 'expired' | 'invalid'> {
  if (typeof token !== 'string' || token.length > MAX_ACK_TOKEN_LENGTH) return 'invalid';
  const [version, payloadText, macText, ...rest] = token.split('.');
  if (version !== VERSION || payloadText === undefined || macText === undefined || rest.length > 0)
    return 'invalid';
  const mac = bytesOf(macText);
  const payloadBytes = bytesOf(payloadText);
  if (mac === null || mac.length !== 32 || payloadBytes === null) return 'invalid';
  const genuine = await crypto.subtle.verify(
    'HMAC',
    await keyOf(key),
    mac,
    encoder.encode(`${version}.${payloadText}`),
  );
  if (!genuine) return 'invalid';
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(payloadBytes));
  } catch {
    return 'invalid';
  }
  const payload = Payload.safeParse(parsed);
  if (!payload.success) return 'invalid';
  const [tenantId, notificationId, channelKind, expiresAtMs] = payload.data;
  if (nowMs >= expiresAtMs) return 'expired';
  return { tenantId, notificationId, channelKind, expiresAtMs };
}
