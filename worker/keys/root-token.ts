/** Shorter root tokens are refused: a guessable token would open every tenant. */
export const MIN_ROOT_TOKEN_LENGTH = 32;
/** The value `.dev.vars.example` ships with: copying the example must not give anyone root access. */
export const EXAMPLE_ROOT_TOKEN = 'change-me-to-a-long-random-string';

export type RootTokenProblem = 'missing' | 'short' | 'example';

/** Why a configured ROOT_TOKEN may not be used, or null when it may. */
export function rootTokenProblem(token: string | undefined): RootTokenProblem | null {
  if (token === undefined || token === '') return 'missing';
  if (token === EXAMPLE_ROOT_TOKEN) return 'example';
  if (token.length < MIN_ROOT_TOKEN_LENGTH) return 'short';
  return null;
}

let warned = false;

/**
 * The root token when it is strong enough, else null (root access off). The first request of an
 * isolate, its start as far as a worker has one, logs why once; the token itself is never logged.
 */
export function usableRootToken(token: string | undefined): string | null {
  const problem = rootTokenProblem(token);
  if (problem === null) return token!;
  if (!warned && problem !== 'missing') {
    warned = true;
    const why =
      problem === 'example' ? 'the example value' : `shorter than ${MIN_ROOT_TOKEN_LENGTH} characters`;
    console.warn(`root access is off: ROOT_TOKEN is ${why}; set a long random secret`);
  }
  return null;
}
