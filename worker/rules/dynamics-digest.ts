import type { CrmProblem, ExternalId } from '../../shared/events';
import type { z } from 'zod';
import { DIGEST_CAUSES, MAX_DIGEST_LEADS, type CrmDigestData, type DigestCause } from '../../shared/notifications';

export type DigestData = z.infer<typeof CrmDigestData>;

const HOUR_MS = 3_600_000;

export interface DigestWindow {
  startMs: number;
  endMs: number;
}

/** Windows are aligned to the Unix epoch (UTC), so every tenant's windows line up. */
export function digestWindow(nowMs: number, digestHours: number): DigestWindow {
  const size = digestHours * HOUR_MS;
  const startMs = Math.floor(nowMs / size) * size;
  return { startMs, endMs: startMs + size };
}

/** Dynamics lead failures go into the digest; other Dynamics problems notify at once. */
export function isDigestCause(problem: CrmProblem): problem is DigestCause {
  return (DIGEST_CAUSES as readonly string[]).includes(problem);
}

/** The digest data for one failed lead. */
export function digestForLead(window: DigestWindow, cause: DigestCause, leadId: ExternalId | undefined): DigestData {
  return {
    kind: 'digest',
    crm: 'dynamics',
    windowStart: new Date(window.startMs).toISOString(),
    windowEnd: new Date(window.endMs).toISOString(),
    causes: { [cause]: 1 },
    leads: leadId === undefined ? [] : [leadId],
  };
}

/** Adds the causes up and keeps the last 100 lead ids, oldest first. */
export function mergeDigest(previous: DigestData, next: DigestData): DigestData {
  const causes: DigestData['causes'] = { ...previous.causes };
  for (const [cause, n] of Object.entries(next.causes) as [DigestCause, number][]) {
    causes[cause] = (causes[cause] ?? 0) + n;
  }
  const leads = [...previous.leads, ...next.leads].slice(-MAX_DIGEST_LEADS);
  return { ...previous, ...next, causes, leads };
}
