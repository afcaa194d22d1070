import { defined, type Occurrence } from '../domain/occurrence';
import { carriedFields, type EventOf, groupKey } from './occurrence';

/** Consecutive failures are counted per operation and target; an absent target is its own key. */
export function linkedinAttemptKey(operation: string, target: string | undefined): string {
  return JSON.stringify([operation, target ?? null]);
}

/** A success resets the run of failures; a failure extends it. */
export function nextAttempts(previous: number, outcome: 'failure' | 'success'): number {
  return outcome === 'success' ? 0 : previous + 1;
}

/** Notify once the run reaches maxAttempts, and again on every further failure. */
export function shouldNotifyLinkedin(attempts: number, maxAttempts: number): boolean {
  return attempts >= maxAttempts;
}

/** Made only once the run of failures reached maxAttempts; grouped per operation and target. */
export function linkedinOccurrence(e: EventOf<'linkedin'>, attempts: number): Occurrence {
  return {
    type: 'linkedin',
    groupKey: groupKey('linkedin', e.operation, e.target),
    severity: 'critical',
    data: defined({ ...carriedFields(e), operation: e.operation, target: e.target, attempts }),
  };
}
