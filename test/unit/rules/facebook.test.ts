import { describe, expect, it } from 'vitest';

import { facebookOccurrence } from '../../../worker/rules/facebook';
import { asNotification, event } from './support';

describe('Facebook rule', () => {
  const occurrence = (problem: string, message?: string) =>
    facebookOccurrence(event<'facebook'>({ type: 'facebook', problem, message }));

  it('groups per problem, critical', () => {
    expect(occurrence('terms_not_accepted', 'a').groupKey).toBe(
      occurrence('terms_not_accepted', 'b').groupKey,
    );
    expect(occurrence('terms_not_accepted').groupKey).not.toBe(occurrence('app_removed').groupKey);
    expect(occurrence('app_removed').severity).toBe('critical');
  });

  it('keeps the problem and what the event carried', () => {
    expect(asNotification(occurrence('app_removed', 'gone')).data).toEqual({
      problem: 'app_removed',
      message: 'gone',
    });
  });
});
