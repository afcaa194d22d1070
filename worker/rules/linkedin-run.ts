import type { Occurrence } from '../domain/occurrence';
import { linkedinFailures, setLinkedinFailures } from '../store/linkedin';
import { linkedinAttemptKey, linkedinOccurrence, nextAttempts, shouldNotifyLinkedin } from './linkedin';
import type { EventOf } from './occurrence';
import type { ApplyContext } from './record';

/** The LinkedIn rule with its state: the run of failures per operation and target. */
export function linkedinRun(ctx: ApplyContext, event: EventOf<'linkedin'>): Occurrence | null {
  const key = linkedinAttemptKey(event.operation, event.target);
  const attempts = nextAttempts(linkedinFailures(ctx.sql, key), event.outcome);
  setLinkedinFailures(ctx.sql, key, attempts, ctx.nowMs);
  if (!shouldNotifyLinkedin(attempts, ctx.settings.linkedin.maxAttempts)) return null;
  return linkedinOccurrence(event, attempts);
}
