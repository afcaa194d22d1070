// Signed deliveries of Adobe I/O Events for the workerd tests: our own RSA keys (test/fixtures/io-events),
// the local key host of test/global/adobe-key-host.ts, and events shaped like Adobe's examples.
import { inject } from 'vitest';

import type { IoEventsCreated } from '../../../shared/io-events';
import type { Notification } from '../../../shared/notifications';
import { call } from '../support/http';

declare module 'vitest' {
  export interface ProvidedContext {
    adobeKeysUrl: string;
    adobePrivateKeys: { a: string; b: string };
  }
}

export const CLIENT_ID = '0f13cce22f4645328e01b90262b3ee51';
type KeyName = 'a' | 'b';

const privateKeys = new Map<KeyName, Promise<CryptoKey>>();

function privateKey(name: KeyName): Promise<CryptoKey> {
  let key = privateKeys.get(name);
  if (!key) {
    const pem = inject('adobePrivateKeys')[name];
    const der = Uint8Array.from(atob(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '')), (c) =>
      c.charCodeAt(0),
    );
    key = crypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    privateKeys.set(name, key);
  }
  return key;
}

/** Base64 RSA-SHA256 of the raw body, as Adobe signs it. */
export async function sign(body: string, key: KeyName = 'a'): Promise<string> {
  const signature = await crypto.subtle.sign(
    'RSASSA-PKCS1-v1_5',
    await privateKey(key),
    new TextEncoder().encode(body),
  );
  return btoa(String.fromCharCode(...new Uint8Array(signature)));
}

/** A fresh key path on the local key host: `kind` a or b serves that key (scripts/lib/adobe-key-host.ts). */
export const keyPath = (kind: 'a' | 'b' | 'bad' | 'slow' | 'fail' | 'missing') =>
  `/prod/keys/${kind}-${crypto.randomUUID()}.pem`;

/** How many times the key host was asked for `path`. */
export async function keyHits(path: string): Promise<number> {
  const response = await fetch(`${inject('adobeKeysUrl')}/__hits?path=${encodeURIComponent(path)}`);
  return (await response.json<{ hits: number }>()).hits;
}

export interface Signer {
  key?: KeyName;
  path?: string;
  /** Which header pair carries the signature: 1, 2, or both (the second with `second`). */
  slot?: 1 | 2;
  second?: { key: KeyName; path: string };
}

/** Both of Adobe's header pairs, or one of them. */
export async function signedHeaders(body: string, signer: Signer = {}): Promise<Record<string, string>> {
  const slot = signer.slot ?? 1;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  headers[`x-adobe-digital-signature-${slot}`] = await sign(body, signer.key ?? 'a');
  headers[`x-adobe-public-key${slot}-path`] = signer.path ?? keyPath(signer.key ?? 'a');
  if (signer.second) {
    headers['x-adobe-digital-signature-2'] = await sign(body, signer.second.key);
    headers['x-adobe-public-key2-path'] = signer.second.path;
  }
  return headers;
}

export async function register(admin: string, clientId = CLIENT_ID): Promise<{ token: string; url: string }> {
  const response = await call('/v1/io-events', { token: admin, json: { clientId } });
  if (response.status !== 200) throw new Error(`register: ${response.status}`);
  const { url } = await response.json<IoEventsCreated>();
  return { url, token: new URL(url).pathname.split('/').pop()! };
}

/** POSTs `body` to the receiving URL, signed unless headers are given. */
export async function deliver(
  token: string,
  body: unknown,
  signer: Signer = {},
  headers?: Record<string, string>,
): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return call(`/io/${token}`, {
    method: 'POST',
    raw,
    headers: headers ?? (await signedHeaders(raw, signer)),
  });
}

export async function notifications(read: string): Promise<Notification[]> {
  const response = await call('/v1/notifications?status=all&limit=100', { token: read });
  return (await response.json<{ items: Notification[] }>()).items;
}

let sequence = 0;
const nextId = () => `${crypto.randomUUID()}-${(sequence += 1)}`;

/** One event in the batch envelope of Adobe's setup pages (`eventid`, `event.body`, `recipientclientid`). */
export function batchItem(
  type: string,
  data: Record<string, unknown>,
  options: { munchkinId: string; eventId?: string; recipient?: string },
) {
  return {
    eventid: options.eventId ?? nextId(),
    event: {
      body: {
        specversion: '1.0',
        source: 'urn:mlm',
        time: '2026-12-07T07:32:30Z',
        type,
        dataschema: 'V1.0',
        datacontenttype: 'application/json',
        data: { munchkinId: options.munchkinId, imsOrgId: 'ABCDEF0123456789@AdobeOrg', ...data },
      },
    },
    recipientclientid: options.recipient ?? CLIENT_ID,
  };
}

/** One event as Marketo's data-streams page shows it (`event_id`, `event.data`, `recipient_client_id`). */
export function singleEvent(
  type: string,
  data: Record<string, unknown>,
  options: { munchkinId: string; eventId?: string; recipient?: string },
) {
  const id = options.eventId ?? nextId();
  return {
    event_id: id,
    event: {
      specversion: '1.0',
      id: crypto.randomUUID(),
      type,
      source: 'https://www.marketo.com',
      time: '2026-12-07T07:35:12.28Z',
      datacontenttype: 'application/json',
      dataschema: 'V1.0',
      data: { munchkinId: options.munchkinId, imsOrgId: 'ABCDEF0123456789@AdobeOrg', ...data },
    },
    recipient_client_id: options.recipient ?? CLIENT_ID,
  };
}

export const NOTIFICATION = 'com.adobe.platform.marketo.notification.';
export const AUDIT = 'com.adobe.platform.marketo.audit.user.';
