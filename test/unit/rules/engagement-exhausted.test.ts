import { describe, expect, it } from 'vitest';

import { engagementOccurrence } from '../../../worker/rules/engagement-exhausted';
import { asNotification, event } from './support';

describe('engagement exhausted rule', () => {
  const occurrence = (stream: string, n: number, program = 1) =>
    engagementOccurrence(
      event<'engagement_exhausted'>({
        type: 'engagement_exhausted',
        program: { id: program, name: 'P' },
        stream: { name: stream },
        exhaustedLeads: n,
      }),
    );

  it('keeps one engagement notification per program and stream', () => {
    expect(occurrence('s1', 3).groupKey).toBe(occurrence('s1', 9).groupKey);
    expect(occurrence('s1', 3).groupKey).not.toBe(occurrence('s2', 3).groupKey);
    expect(occurrence('s1', 3, 1).groupKey).not.toBe(occurrence('s1', 3, 2).groupKey);
  });

  it('is a warning that carries the number of exhausted leads', () => {
    const o = occurrence('s1', 9);
    expect(o.severity).toBe('warning');
    expect(asNotification(o).data).toMatchObject({ exhaustedLeads: 9, stream: { name: 's1' } });
  });
});
