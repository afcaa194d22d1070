import { MarketoEmailFact } from '../../shared/email';
import { MarketoEvent } from '../../shared/events';
import { marketoLink } from '../../shared/marketo-hosts';
import { typeCandidates } from './classify';
import { EXTRACTORS, type MailText, mailText } from './extract';
import { fitEvent, fitObject } from './fit';
import { type EmailReading, excerptOf } from './read';
import type { EmailType } from './type-names';

/** What a notification e-mail becomes: events of one seed type, or the facts of an unknown mail. */
export type EmailOutcome =
  { kind: 'events'; type: EmailType; events: MarketoEvent[] } | { kind: 'unknown'; fact: MarketoEmailFact };

function commonFields(reading: EmailReading): MailText['common'] {
  const url = reading.links.map(marketoLink).find((link) => link !== null);
  return { ...(url ? { url } : {}), ...(reading.date ? { occurredAt: reading.date } : {}) };
}

/** The events pass the same schema as posted ones; a mail that gives none valid is not lost but unknown. */
function validEvents(candidates: unknown[] | null): MarketoEvent[] | null {
  if (candidates === null || candidates.length === 0) return null;
  const events: MarketoEvent[] = [];
  for (const candidate of candidates) {
    const event = fitEvent(MarketoEvent, candidate);
    if (event !== null) events.push(event);
  }
  return events.length > 0 ? events : null;
}

/** A mail of no seed type, as facts; the facts that do not fit are left out, never the mail. */
export function unknownOutcome(reading: EmailReading, url?: string): EmailOutcome {
  const { subject, from } = reading;
  const candidate = { subject, from, excerpt: excerptOf(reading.text), ...(url ? { url } : {}) };
  const fact = fitObject(MarketoEmailFact, candidate) ?? { subject: '', from: '', excerpt: '' };
  return { kind: 'unknown', fact };
}

/**
 * Classified by the type names of Marketo's 12 languages (subject first, then text); the first
 * candidate type whose facts the mail holds wins. Anything else is kept as a `marketo_email` fact.
 */
export function interpretEmail(reading: EmailReading): EmailOutcome {
  const mail = mailText(reading.subject, reading.text, commonFields(reading));
  for (const type of typeCandidates(reading.subject, reading.text)) {
    const events = validEvents(EXTRACTORS[type](mail));
    if (events !== null) return { kind: 'events', type, events };
  }
  return unknownOutcome(reading, mail.common.url);
}
