import type { MessageKey } from '../i18n';

/** Why the extension cannot talk to the worker, in terms the user can act on. */
export const PROBLEM_KINDS = [
  'not_configured',
  'bad_url',
  'unreachable',
  'refused',
  'wrong_role',
  'bad_response',
  'server',
  'rate_limited',
  'invalid_input',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface ConnectionProblem {
  kind: ProblemKind;
  status?: number;
  /** The worker's own error message (never contains secrets). */
  message?: string;
  /** The worker's validation details, e.g. zod issues for settings fields. */
  details?: unknown;
  /** How long the worker asked to wait (Retry-After of a 429), in seconds. */
  retryAfterSeconds?: number;
}

/** The parameters every problem message may use. */
export function problemParams(problem: ConnectionProblem): {
  status: number | string;
  message: string;
  seconds: number;
} {
  return {
    status: problem.status ?? '',
    message: problem.message ?? '',
    seconds: problem.retryAfterSeconds ?? 60,
  };
}

/** Retry-After as seconds (1..3600), whatever the header held; 60 when it is absent or not a number of seconds. */
export function retryAfterSeconds(header: string | null | undefined): number {
  const seconds = /^\s*\d{1,6}\s*$/.test(header ?? '') ? Number(header) : 60;
  return Math.min(3_600, Math.max(1, seconds));
}

export function problemKey(kind: ProblemKind): MessageKey {
  return `problem.connection.${kind}`;
}

/** Maps an HTTP status the worker answered to what it means for the user. */
export function problemFromStatus(
  status: number,
  message?: string,
  details?: unknown,
  retryAfter?: string | null,
): ConnectionProblem {
  if (status === 401) return { kind: 'refused', status };
  if (status === 403) return { kind: 'wrong_role', status };
  if (status === 429)
    return { kind: 'rate_limited', status, retryAfterSeconds: retryAfterSeconds(retryAfter) };
  if (status >= 500) return { kind: 'server', status };
  if (status === 400 || status === 409 || status === 413 || status === 415) {
    return { kind: 'invalid_input', status, message, details };
  }
  return { kind: 'bad_response', status };
}
