import type { SeverityOf } from '../../shared/notification-types';

/** Today's errors per code (errors.json), folded: Marketo may list a code twice. */
export function errorsByCode(
  errors: readonly { errorCode: string; count: number }[],
): Record<string, number> {
  const byCode: Record<string, number> = {};
  for (const { errorCode, count } of errors) byCode[errorCode] = (byCode[errorCode] ?? 0) + count;
  return byCode;
}

/** Codes whose count reached `minCount` today and had not before: each makes the day's notification unread. */
export function newlyReachedCodes(
  byCode: Record<string, number>,
  minCount: number,
  alreadyReached: ReadonlySet<string>,
): string[] {
  return Object.entries(byCode)
    .filter(([code, count]) => count >= minCount && !alreadyReached.has(code))
    .map(([code]) => code)
    .sort();
}

/** 603 (access denied) and 607 (quota used up) stop integrations: critical; any other code warns. */
export function apiErrorsSeverity(reachedCodes: Iterable<string>): SeverityOf<'api_errors'> {
  for (const code of reachedCodes) if (code === '603' || code === '607') return 'critical';
  return 'warning';
}
