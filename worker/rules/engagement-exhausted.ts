import type { Occurrence } from '../domain/occurrence';
import { carriedFields, type EventOf, groupKey } from './occurrence';

/** One notification per program and stream; it carries the latest number of exhausted leads. */
export function engagementOccurrence(e: EventOf<'engagement_exhausted'>): Occurrence {
  return {
    type: 'engagement_exhausted',
    groupKey: groupKey('engagement_exhausted', e.program.id, e.stream.name),
    severity: 'warning',
    data: { ...carriedFields(e), program: e.program, stream: e.stream, exhaustedLeads: e.exhaustedLeads },
  };
}
