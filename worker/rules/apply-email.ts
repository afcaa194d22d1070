import type { EmailOrigin, MarketoEmailFact } from '../../shared/email';
import type { MarketoEvent } from '../../shared/events';
import { rememberNewEvent } from '../store/idempotency';
import type { Recorded } from '../store/notifications';
import { applyEvent } from './apply-event';
import { marketoEmailOccurrence } from './marketo-email';
import { type ApplyContext, recordIfEnabled } from './record';

/** One notification e-mail, read and classified by the worker (worker/email/). */
export interface EmailDelivery {
  /** Names the mail for deduplication: a hash of its Message-ID (of its bytes when it has none). */
  mailKey: string;
  origin: EmailOrigin;
  outcome: { kind: 'events'; events: MarketoEvent[] } | { kind: 'unknown'; fact: MarketoEmailFact };
}

/**
 * A mail seen before is a duplicate. Else its events follow the same rules as posted ones (grouping,
 * the Dynamics digest, LinkedIn attempts, quota once per day), carrying the mail's origin; a mail of
 * no seed type becomes a `marketo_email`.
 */
export function applyEmail(
  ctx: ApplyContext,
  mail: EmailDelivery,
): { duplicate: boolean; recorded: Recorded[] } {
  const seenId = `email:${mail.mailKey}`;
  if (!rememberNewEvent(ctx.sql, seenId, ctx.nowMs)) return { duplicate: true, recorded: [] };
  if (mail.outcome.kind === 'events') {
    const withOrigin = { ...ctx, origin: mail.origin };
    return {
      duplicate: false,
      recorded: mail.outcome.events.flatMap((event) => applyEvent(withOrigin, event)),
    };
  }
  const occurrence = marketoEmailOccurrence(mail.outcome.fact, mail.mailKey);
  return { duplicate: false, recorded: recordIfEnabled(ctx, occurrence, ctx.nowMs) };
}
