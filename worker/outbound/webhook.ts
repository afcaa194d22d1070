/**
 * Signed webhooks, Standard Webhooks 1.0: the body `{type, timestamp, data}` and the
 * `webhook-signature` header, `v1,` + base64 of HMAC-SHA256 over `id.timestamp.body` keyed with
 * the secret's decoded bytes; one signature per secret (old and new during a rotation), separated
 * by spaces. The data is the machine's view: notifications as `GET /v1/notifications` shows them.
 */
import { WEBHOOK_SECRET_BYTES, WEBHOOK_SECRET_PREFIX } from '../../shared/channels';
import { displayText } from '../../shared/display-text';
import { messageContent } from './content';
import { MAX_LISTED, type OutboundMessage } from './message';

function webhookData(m: OutboundMessage): unknown {
  if ((m.reason === 'notification' || m.reason === 'escalation') && m.notification) return m.notification;
  if (m.reason === 'digest' || m.reason === 'summary') {
    const summary = m.summary ?? { from: '', to: '', count: 0, byType: {}, notifications: [] };
    const notifications = summary.notifications.slice(0, MAX_LISTED);
    return { ...summary, count: Math.max(summary.count, notifications.length), notifications };
  }
  if (m.reason !== 'test') throw new Error(`An outbound message for ${m.reason} needs its notification.`);
  const content = messageContent(m);
  return { tenantId: m.tenantId, channel: displayText(m.channelName), text: content.body };
}

export function renderWebhookBody(m: OutboundMessage, nowMs: number): string {
  return JSON.stringify({
    type: m.webhookType,
    timestamp: new Date(nowMs).toISOString(),
    data: webhookData(m),
  });
}

function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX)
    ? secret.slice(WEBHOOK_SECRET_PREFIX.length)
    : secret;
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `webhook-signature` header value: `v1,<sig>` for each secret, separated by spaces. */
export async function signWebhook(
  secrets: string[],
  id: string,
  timestampSec: number,
  body: string,
): Promise<string> {
  if (secrets.length === 0) throw new Error('A webhook needs at least one signing secret.');
  const signed = new TextEncoder().encode(`${id}.${timestampSec}.${body}`);
  const signatures = await Promise.all(
    secrets.map(async (secret) => {
      const key = await crypto.subtle.importKey(
        'raw',
        secretBytes(secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      return `v1,${toBase64(await crypto.subtle.sign('HMAC', key, signed))}`;
    }),
  );
  return signatures.join(' ');
}

/** A new signing secret: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(WEBHOOK_SECRET_BYTES));
  return WEBHOOK_SECRET_PREFIX + toBase64(bytes.buffer);
}
