import { MAX_EMAIL_BYTES } from '../../shared/email';
import { tenantStub } from '../tenant/stub';
import { tenantOfAddress } from './address-store';
import { intakeEmail, readLimited, REJECT_REASONS } from './intake';

async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Cloudflare Email Routing hands every message for the worker's addresses here. Refused (the sender
 * gets the reason): an unknown or rotated recipient, more than 1 MiB, bytes that are no MIME message.
 * Everything else reaches the tenant's object: a seed type's events, or a `marketo_email`.
 */
export async function receiveEmail(message: ForwardableEmailMessage, env: Env): Promise<void> {
  if (message.rawSize > MAX_EMAIL_BYTES) return message.setReject(REJECT_REASONS.tooLarge);
  const tenant = await tenantOfAddress(env.KV, message.to);
  if (tenant === null) return message.setReject(REJECT_REASONS.unknownRecipient);
  const raw = await readLimited(message.raw, MAX_EMAIL_BYTES);
  if (raw === null) return message.setReject(REJECT_REASONS.tooLarge);
  const intake = await intakeEmail(raw, message.from);
  if (intake.kind === 'reject') return message.setReject(intake.reason);
  // The Message-ID names a mail across deliveries; a mail without one is named by its bytes.
  const mailKey =
    intake.messageId === null ? `raw:${await sha256Hex(raw)}` : `id:${await sha256Hex(intake.messageId)}`;
  const { outcome, origin } = intake;
  await tenantStub(env, tenant).ingestEmail({
    mailKey,
    origin,
    outcome: outcome.kind === 'events' ? { kind: 'events', events: outcome.events } : outcome,
  });
}
