import type { Occurrence } from '../domain/occurrence';
import { carriedFields, type EventOf, groupKey } from './occurrence';

/** Grouped per problem. */
export function facebookOccurrence(e: EventOf<'facebook'>): Occurrence {
  return {
    type: 'facebook',
    groupKey: groupKey('facebook', e.problem),
    severity: 'critical',
    data: { ...carriedFields(e), problem: e.problem },
  };
}
