/**
 * A minimal stand-in for the message renderers (same names and signatures), used until the full
 * renderers land: JSON and plain text, a real Standard Webhooks signature, a real HMAC token.
 * `./rendering.ts` re-exports it; pointing that file at the renderers is the only change.
 */
import { fromBase64Url, toBase64Url } from '../../shared/base64url';
import type { Language } from '../../shared/languages';
import type { NotificationType } from '../../shared/notification-types';
import type { Notification } from '../../shared/notifications';

export type OutboundReason = 'notification' | 'escalation' | 'digest' | 'summary' | 'test';
export type WebhookType = 'notification.created' | 'notification.reopened' | 'notification.escalated' | 'digest' | 'summary' | 'test';
export type RequestKind = 'slack' | 'teams' | 'webhook';
export type ChannelKind = RequestKind | 'email';
export type OutboundNotification = Notification & { ackUrl: string };
export interface OutboundSummary {
  from: string;
  to: string;
  count: number;
  byType: Partial<Record<NotificationType, number>>;
  notifications: OutboundNotification[];
}
export const MAX_LISTED = 50;
export interface OutboundMessage {
  reason: OutboundReason;
  webhookType: WebhookType;
  language: Language;
  tenantId: string;
  channelName: string;
  notification?: OutboundNotification;
  repeats?: number;
  summary?: OutboundSummary;
}
export interface OutboundRequestOptions {
  url: string;
  secrets?: string[];
  deliveryId: string;
  nowMs: number;
}
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
export const ACK_TOKEN_TTL_MS = 7 * 24 * 3_600_000;
export const ackTokenExpiry = (nowMs: number): number => nowMs + ACK_TOKEN_TTL_MS;

function headline(m: OutboundMessage): string {
  if (m.notification) return `${m.notification.severity}: ${m.notification.type}${m.repeats ? ` (+${m.repeats})` : ''}`;
  if (m.summary) return `${m.reason}: ${m.summary.count}`;
  return `${m.reason}: ${m.channelName}`;
}

function webhookData(m: OutboundMessage): unknown {
  if (m.notification) return m.notification;
  if (m.summary) return { ...m.summary, notifications: m.summary.notifications.slice(0, MAX_LISTED) };
  return { tenantId: m.tenantId, channel: m.channelName };
}

export function renderWebhookBody(m: OutboundMessage, nowMs: number): string {
  return JSON.stringify({ type: m.webhookType, timestamp: new Date(nowMs).toISOString(), data: webhookData(m) });
}

const toBase64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const secretBytes = (secret: string) => Uint8Array.from(atob(secret.slice(WEBHOOK_SECRET_PREFIX.length)), (c) => c.charCodeAt(0));

export async function signWebhook(secrets: string[], id: string, timestampSec: number, body: string): Promise<string> {
  const signed = new TextEncoder().encode(`${id}.${timestampSec}.${body}`);
  const signatures = await Promise.all(
    secrets.map(async (secret) => {
      const key = await crypto.subtle.importKey('raw', secretBytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return `v1,${toBase64(await crypto.subtle.sign('HMAC', key, signed))}`;
    }),
  );
  return signatures.join(' ');
}

export function newWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)).buffer);
}

export async function outboundRequest(kind: RequestKind, m: OutboundMessage, opts: OutboundRequestOptions): Promise<{ url: string; init: RequestInit }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const text = `${headline(m)}${m.notification ? ` ${m.notification.ackUrl}` : ''}`;
  let body: string;
  if (kind === 'slack') body = JSON.stringify({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
  else if (kind === 'teams') {
    const card = { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text, wrap: true }] };
    body = JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] });
  } else {
    body = renderWebhookBody(m, opts.nowMs);
    const timestamp = Math.floor(opts.nowMs / 1000);
    headers['webhook-id'] = opts.deliveryId;
    headers['webhook-timestamp'] = String(timestamp);
    headers['webhook-signature'] = await signWebhook(opts.secrets ?? [], opts.deliveryId, timestamp, body);
  }
  return { url: opts.url, init: { method: 'POST', headers, body, redirect: 'manual' } };
}

export function renderEmail(m: OutboundMessage): EmailContent {
  const subject = headline(m);
  const text = `${subject}\n${m.notification?.ackUrl ?? ''}`;
  return { subject, text, html: `<p>${text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>` };
}

export interface AckTokenPayload {
  tenantId: string;
  notificationId: string;
  channelKind: ChannelKind;
  expiresAtMs: number;
}

const encoder = new TextEncoder();

async function hmacKey(connectorKey: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(connectorKey), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('marketo-notifier'), info: encoder.encode('acknowledge link token') },
    material,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign', 'verify'],
  );
}

export async function signAckToken(payload: AckTokenPayload, key: string): Promise<string> {
  const json = JSON.stringify([payload.tenantId, payload.notificationId, payload.channelKind, payload.expiresAtMs]);
  const signed = `v1.${toBase64Url(encoder.encode(json))}`;
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(key), encoder.encode(signed));
  return `${signed}.${toBase64Url(new Uint8Array(mac))}`;
}

export async function verifyAckToken(token: string, key: string, nowMs: number): Promise<AckTokenPayload | 'expired' | 'invalid'> {
  const [version, payloadText, macText, ...rest] = token.split('.');
  if (token.length > 1024 || version !== 'v1' || !payloadText || !macText || rest.length > 0) return 'invalid';
  if (!/^[A-Za-z0-9_-]+$/.test(payloadText) || !/^[A-Za-z0-9_-]+$/.test(macText)) return 'invalid';
  const mac = Uint8Array.from(fromBase64Url(macText), (c) => c.charCodeAt(0));
  if (!(await crypto.subtle.verify('HMAC', await hmacKey(key), mac, encoder.encode(`v1.${payloadText}`)))) return 'invalid';
  try {
    const [tenantId, notificationId, channelKind, expiresAtMs] = JSON.parse(fromBase64Url(payloadText)) as [string, string, ChannelKind, number];
    if (nowMs >= expiresAtMs) return 'expired';
    return { tenantId, notificationId, channelKind, expiresAtMs };
  } catch {
    return 'invalid';
  }
}

export type AckPageState = 'open' | 'done' | 'expired' | 'invalid';
export interface AckPageInput {
  language: Language;
  state: AckPageState;
  notification?: Notification;
  name?: string;
  nameInvalid?: boolean;
}
export interface AckPage {
  status: number;
  headers: Record<string, string>;
  body: string;
}
export const ACK_PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  'cache-control': 'no-store',
};

export function renderAckPage(input: AckPageInput): AckPage {
  const status = { open: input.nameInvalid ? 400 : 200, done: 200, expired: 410, invalid: 404 }[input.state];
  const form =
    input.state === 'open'
      ? '<form method="post"><input name="name" maxlength="80" required><button name="action" value="ack">ack</button>' +
        '<button name="action" value="resolve">resolve</button></form>'
      : '';
  return { status, headers: ACK_PAGE_HEADERS, body: `<!doctype html><html lang="${input.language}"><body><p>${input.state}</p>${form}</body></html>` };
}
