import type { EmailOrigin, MarketoEmailFact } from '../../shared/email';
import type { Occurrence } from '../domain/occurrence';
import { groupKey } from './occurrence';

/** A mail that matched no seed type is its own notification, for information; its repeats are duplicates. */
export function marketoEmailOccurrence(fact: MarketoEmailFact, mailKey: string): Occurrence {
  return {
    type: 'marketo_email',
    groupKey: groupKey('marketo_email', mailKey),
    severity: 'info',
    data: { ...fact, source: 'email' },
  };
}

/** What a seed type's rule made from an e-mail also says where it came from (latest mail wins on a repeat). */
export function withEmailOrigin(occurrence: Occurrence, origin: EmailOrigin): Occurrence {
  return { ...occurrence, data: { ...occurrence.data, ...origin } } as Occurrence;
}
