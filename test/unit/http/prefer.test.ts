import { describe, expect, it } from 'vitest';

import { MAX_COUNTS_WAIT_MS, preferredWaitMs } from '../../../worker/http/prefer';

describe('Prefer: wait', () => {
  it('reads the seconds and caps them', () => {
    expect(preferredWaitMs('wait=10')).toBe(10_000);
    expect(preferredWaitMs('respond-async, wait=5')).toBe(5_000);
    expect(preferredWaitMs('WAIT = 3')).toBe(3_000);
    expect(preferredWaitMs('wait=0')).toBe(0);
    expect(preferredWaitMs('wait=600')).toBe(MAX_COUNTS_WAIT_MS);
  });

  it('ignores what is not a wait preference', () => {
    for (const prefer of [
      undefined,
      '',
      'return=minimal',
      'wait=',
      'wait=-1',
      'wait=1.5',
      'nowait=3',
      'wait=abc',
    ]) {
      expect(preferredWaitMs(prefer)).toBeNull();
    }
  });
});
