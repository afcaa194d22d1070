import type { CrmProblem, ExternalId } from '../../shared/events';
import { DIGEST_CAUSES, type DigestCause } from '../../shared/notifications';
import type { DigestData } from '../domain/merge';

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
export function digestForLead(
  window: DigestWindow,
  cause: DigestCause,
  leadId: ExternalId | undefined,
): DigestData {
  return {
    kind: 'digest',
    crm: 'dynamics',
    windowStart: new Date(window.startMs).toISOString(),
    windowEnd: new Date(window.endMs).toISOString(),
    causes: { [cause]: 1 },
    leads: leadId === undefined ? [] : [leadId],
  };
}
