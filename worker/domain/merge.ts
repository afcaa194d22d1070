import type { z } from 'zod';

import type { NotificationType } from '../../shared/notification-types';
import { type CrmDigestData, type DigestCause, MAX_DIGEST_LEADS } from '../../shared/notifications';
import { defined } from './occurrence';

export type DigestData = z.infer<typeof CrmDigestData>;

/** Adds the causes up and keeps the last 100 lead ids, oldest first. */
export function mergeDigest(previous: DigestData, next: DigestData): DigestData {
  const causes: DigestData['causes'] = { ...previous.causes };
  for (const [cause, n] of Object.entries(next.causes) as [DigestCause, number][]) {
    causes[cause] = (causes[cause] ?? 0) + n;
  }
  const leads = [...previous.leads, ...next.leads].slice(-MAX_DIGEST_LEADS);
  return { ...previous, ...next, causes, leads };
}

/** A repeat keeps what it does not restate; the digest adds its counts up instead. */
export function mergeData(type: NotificationType, previous: object, next: object): object {
  const prev = previous as { kind?: string };
  const nxt = next as { kind?: string };
  if (type === 'crm_sync' && prev.kind === 'digest' && nxt.kind === 'digest') {
    return mergeDigest(previous as DigestData, next as DigestData);
  }
  return { ...previous, ...defined(next) };
}
