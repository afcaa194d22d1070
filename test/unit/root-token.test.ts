import { describe, expect, it } from 'vitest';

import { EXAMPLE_ROOT_TOKEN, MIN_ROOT_TOKEN_LENGTH, rootTokenProblem } from '../../worker/keys/root-token';

describe('ROOT_TOKEN strength', () => {
  it('accepts a random token of 32 characters or more', () => {
    expect(rootTokenProblem('x'.repeat(MIN_ROOT_TOKEN_LENGTH))).toBeNull();
    expect(rootTokenProblem('Q3v0dS1mY2Jh-8r6pKx_aLw7ZtFq9nUe4oIb')).toBeNull();
  });

  it('refuses a missing, short or example token', () => {
    expect(rootTokenProblem(undefined)).toBe('missing');
    expect(rootTokenProblem('')).toBe('missing');
    expect(rootTokenProblem('x'.repeat(MIN_ROOT_TOKEN_LENGTH - 1))).toBe('short');
    expect(rootTokenProblem(EXAMPLE_ROOT_TOKEN)).toBe('example');
  });
});
