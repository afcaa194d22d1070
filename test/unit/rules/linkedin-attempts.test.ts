import { describe, expect, it } from 'vitest';
import { linkedinAttemptKey, nextAttempts, shouldNotifyLinkedin } from '../../../worker/rules/linkedin-attempts';

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
});
