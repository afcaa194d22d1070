import { describe, expect, it } from 'vitest';

import {
  linkedinAttemptKey,
  linkedinOccurrence,
  nextAttempts,
  shouldNotifyLinkedin,
} from '../../../worker/rules/linkedin';
import { asNotification, event } from './support';

describe('linkedin attempts', () => {
  it('keys by operation and target; an absent target is its own key', () => {
    expect(linkedinAttemptKey('send', 'a')).not.toBe(linkedinAttemptKey('send', 'b'));
    expect(linkedinAttemptKey('send', 'a')).not.toBe(linkedinAttemptKey('login', 'a'));
    expect(linkedinAttemptKey('send', undefined)).not.toBe(linkedinAttemptKey('send', 'null'));
    expect(linkedinAttemptKey('send', undefined)).toBe(linkedinAttemptKey('send', undefined));
  });

  it('counts consecutive failures and resets on success', () => {
    let n = 0;
    for (const outcome of ['failure', 'failure', 'success', 'failure'] as const) n = nextAttempts(n, outcome);
    expect(n).toBe(1);
  });

  it('notifies from maxAttempts on', () => {
    expect(shouldNotifyLinkedin(2, 3)).toBe(false);
    expect(shouldNotifyLinkedin(3, 3)).toBe(true);
    expect(shouldNotifyLinkedin(4, 3)).toBe(true);
  });

  it('makes a critical notification per operation and target, with the run length', () => {
    const e = (operation: string, target?: string) =>
      event<'linkedin'>({ type: 'linkedin', operation, target, outcome: 'failure' });
    const o = linkedinOccurrence(e('send', 'list-1'), 3);
    expect(o.severity).toBe('critical');
    expect(asNotification(o).data).toEqual({ operation: 'send', target: 'list-1', attempts: 3 });
    expect(linkedinOccurrence(e('send', 'list-1'), 4).groupKey).toBe(o.groupKey);
    expect(linkedinOccurrence(e('send', 'list-2'), 3).groupKey).not.toBe(o.groupKey);
    expect(linkedinOccurrence(e('login'), 3).data).not.toHaveProperty('target');
  });
});
