import PostalMime, { type Address } from 'postal-mime';

import { EMAIL_EXCERPT_CHARS, MAX_EMAIL_SUBJECT_CHARS } from '../../shared/email';
import { htmlLinks, htmlToText, tidyText } from './html-text';

/** A notification e-mail reduced to what the classifier reads: text only, links apart. */
export interface EmailReading {
  /** The Message-ID header (angle brackets dropped), or null when the mail has none. */
  messageId: string | null;
  subject: string;
  /** The sender's address (header From, else the envelope's). */
  from: string;
  /** The plain text part, or the HTML part turned into text. */
  text: string;
  /** Every link of the mail, as written (nothing is trusted yet). */
  links: string[];
  /** The Date header as an ISO-8601 instant, when it is a date. */
  date: string | null;
}

/** Marketo's notices are short; a longer text is not read further (bounds the work per mail). */
const MAX_TEXT_CHARS = 50_000;
const TEXT_LINK = /\bhttps?:\/\/[^\s<>"'()[\]]+/gi;

function firstAddress(address: Address | undefined): string {
  if (address === undefined) return '';
  if (address.address !== undefined) return address.address;
  return address.group[0]?.address ?? '';
}

/** Cut to `max` UTF-16 units without splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const last = head.charCodeAt(head.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}

/** The first characters of the text on one line: what a notification shows of an unknown mail. */
export function excerptOf(text: string): string {
  return cut(text.replace(/\s+/g, ' ').trim(), EMAIL_EXCERPT_CHARS);
}

function isoDate(value: string | undefined): string | null {
  const ms = value === undefined ? NaN : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Whether some part of the message is HTML (its headers say text/html). */
function hasHtmlPart(raw: ArrayBuffer | Uint8Array | string): boolean {
  const source = typeof raw === 'string' ? raw : new TextDecoder().decode(raw);
  return /content-type:\s*text\/html/i.test(source);
}

/** Parses the raw message (postal-mime); rejects only when the bytes are no MIME message at all. */
export async function readEmail(
  raw: ArrayBuffer | Uint8Array | string,
  envelopeFrom = '',
): Promise<EmailReading> {
  const email = await PostalMime.parse(raw, {
    attachmentEncoding: 'arraybuffer',
    maxNestingDepth: 20,
    maxHeadersSize: 256 * 1024,
  });
  // postal-mime makes each body from the other when a part is missing; its HTML-to-text quotes every
  // href, javascript: ones included. So an HTML part is always turned into text here, by htmlToText.
  const html = hasHtmlPart(raw) ? (email.html ?? '') : '';
  const text = cut(html !== '' ? htmlToText(html) : tidyText(email.text ?? ''), MAX_TEXT_CHARS);
  const textLinks = Array.from(text.matchAll(TEXT_LINK), (m) => m[0]);
  const messageId = (email.messageId ?? '').trim().replace(/^<|>$/g, '');
  return {
    messageId: messageId === '' ? null : messageId,
    subject: cut(tidyText(email.subject ?? '').replace(/\n/g, ' '), MAX_EMAIL_SUBJECT_CHARS),
    from: cut(firstAddress(email.from) || envelopeFrom, 320),
    text,
    links: [...htmlLinks(html), ...textLinks],
    date: isoDate(email.date),
  };
}
