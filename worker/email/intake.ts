import { EmailOrigin, MAX_EMAIL_BYTES } from '../../shared/email';
import { readUpTo } from '../http/bytes';
import { fitObject } from './fit';
import { type EmailOutcome, interpretEmail, unknownOutcome } from './interpret';
import { type EmailReading, excerptOf, readEmail } from './read';

/** What becomes of one incoming message: refused (the sender gets the reason), or read. */
export type EmailIntake =
  | { kind: 'reject'; reason: string }
  | { kind: 'accept'; messageId: string | null; origin: EmailOrigin; outcome: EmailOutcome };

export const REJECT_REASONS = {
  tooLarge: `Message refused: larger than ${MAX_EMAIL_BYTES / 1024 / 1024} MiB.`,
  unknownRecipient: 'Message refused: unknown recipient address.',
  unreadable: 'Message refused: not a readable MIME message.',
} as const;

/** The message's bytes, or null as soon as they pass `max` (nothing more is read then). */
export function readLimited(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array | null> {
  return readUpTo(stream, max, (reader) => reader.cancel().catch(() => undefined));
}

/** Parses and classifies one message; a parser failure is a refusal, never an exception. */
export async function intakeEmail(raw: Uint8Array, envelopeFrom: string): Promise<EmailIntake> {
  if (raw.byteLength > MAX_EMAIL_BYTES) return { kind: 'reject', reason: REJECT_REASONS.tooLarge };
  const reading = await readEmail(raw, envelopeFrom).catch(() => null);
  if (reading === null) return { kind: 'reject', reason: REJECT_REASONS.unreadable };
  const candidate = { source: 'email', subject: reading.subject, excerpt: excerptOf(reading.text) };
  const origin = fitObject(EmailOrigin, candidate) ?? { source: 'email' as const, subject: '', excerpt: '' };
  return { kind: 'accept', messageId: reading.messageId, origin, outcome: interpretSafely(reading) };
}

/** No mail is lost to a fault in the classifier: it is kept as a marketo_email then. */
function interpretSafely(reading: EmailReading): EmailOutcome {
  try {
    return interpretEmail(reading);
  } catch {
    return unknownOutcome(reading);
  }
}
