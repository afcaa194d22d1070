import type { z } from 'zod';

import { type BoundedRead, cancelQuietly, readAtMost } from './bounded-read';
import { Envelope, IdentityAnswer } from './marketo-answers';

/**
 * Every way a call to Marketo can fail, as a value: the poll decides what each means. Nothing here
 * carries the request's URL or Marketo's raw text beyond the error message it gave.
 */
export type MarketoFailure =
  | { kind: 'marketo'; code: string; message: string }
  | { kind: 'identity_refused'; status: number }
  | { kind: 'http'; status: number }
  | { kind: 'timeout' }
  /** The poll as a whole ran out of time (POLL_DEADLINE_MS over all its calls). */
  | { kind: 'poll_deadline' }
  | { kind: 'unreachable' }
  | { kind: 'malformed' }
  /** An answer over MAX_ANSWER_BYTES: reading stopped there. */
  | { kind: 'too_large' }
  | { kind: 'max_daily_calls' }
  /** The stored client secret does not open with this CONNECTOR_KEY (the key was changed). */
  | { kind: 'secret_unreadable' };

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: MarketoFailure };

export const fail = <T = never>(failure: MarketoFailure): Outcome<T> => ({ ok: false, failure });

/** Answers larger than this are not what the endpoints the connector calls give. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** How long one call may take, and the poll's own deadline (aborted when the poll's time is up). */
export interface CallLimits {
  timeoutMs: number;
  pollDeadline?: AbortSignal;
}

/**
 * One GET with a deadline; redirects are not followed (they could lead outside MARKETO_HOSTS). The body
 * is read as a stream and reading stops at MAX_ANSWER_BYTES; a non-200 answer's body is not read at all
 * (only its status is used).
 */
async function getJson(
  url: string,
  headers: Record<string, string>,
  limits: CallLimits,
): Promise<Outcome<{ status: number; json: unknown }>> {
  const { pollDeadline } = limits;
  if (pollDeadline?.aborted) return fail({ kind: 'poll_deadline' });
  const callTimeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = pollDeadline === undefined ? callTimeout : AbortSignal.any([callTimeout, pollDeadline]);
  const failed = (): Outcome<never> => {
    if (pollDeadline?.aborted) return fail({ kind: 'poll_deadline' });
    return fail(signal.aborted ? { kind: 'timeout' } : { kind: 'unreachable' });
  };
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json', ...headers },
      redirect: 'manual',
      signal,
    });
  } catch {
    return failed();
  }
  if (response.status !== 200) {
    await cancelQuietly(response.body);
    return { ok: true, value: { status: response.status, json: null } };
  }
  let read: BoundedRead;
  try {
    read = await readAtMost(response, MAX_ANSWER_BYTES);
  } catch {
    return failed();
  }
  if (!read.ok) return fail({ kind: 'too_large' });
  try {
    const json = JSON.parse(new TextDecoder().decode(read.bytes)) as unknown;
    return { ok: true, value: { status: 200, json } };
  } catch {
    return fail({ kind: 'malformed' });
  }
}

const callLimits = (limits: CallLimits | number): CallLimits =>
  typeof limits === 'number' ? { timeoutMs: limits } : limits;

function marketoError(errors: { code: string; message?: string }[] | undefined): MarketoFailure {
  const first = errors?.[0];
  // Whole: the session scrubs the text of its credentials before it cuts it (scrub.ts).
  return { kind: 'marketo', code: first?.code ?? 'unknown', message: first?.message ?? '' };
}

/** GET <restUrl>/identity/oauth/token: the token and the API user, or why not. */
export async function requestToken(
  restUrl: string,
  clientId: string,
  clientSecret: string,
  limits: CallLimits | number,
): Promise<Outcome<z.infer<typeof IdentityAnswer>>> {
  const query = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  });
  const answer = await getJson(`${restUrl}/identity/oauth/token?${query}`, {}, callLimits(limits));
  if (!answer.ok) return answer;
  const { status, json } = answer.value;
  if (status === 400 || status === 401 || status === 403) return fail({ kind: 'identity_refused', status });
  if (status !== 200) return fail({ kind: 'http', status });
  const envelope = Envelope.safeParse(json);
  if (envelope.success && !envelope.data.success) return fail(marketoError(envelope.data.errors));
  const identity = IdentityAnswer.safeParse(json);
  return identity.success ? { ok: true, value: identity.data } : fail({ kind: 'malformed' });
}

/**
 * One REST GET with the token in the Authorization header (query-parameter tokens end 2026-08-31).
 * success:false becomes the first error's code; each result item is parsed with `item`.
 */
export async function getRest<T extends z.ZodType>(
  restUrl: string,
  pathAndQuery: string,
  token: string,
  item: T,
  limits: CallLimits | number,
): Promise<Outcome<z.output<T>[]>> {
  const headers = { Authorization: `Bearer ${token}` };
  const answer = await getJson(`${restUrl}${pathAndQuery}`, headers, callLimits(limits));
  if (!answer.ok) return answer;
  const { status, json } = answer.value;
  if (status !== 200) return fail({ kind: 'http', status });
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) return fail({ kind: 'malformed' });
  if (!envelope.data.success) return fail(marketoError(envelope.data.errors));
  const items: z.output<T>[] = [];
  for (const raw of envelope.data.result ?? []) {
    const parsed = item.safeParse(raw);
    if (!parsed.success) return fail({ kind: 'malformed' });
    items.push(parsed.data);
  }
  return { ok: true, value: items };
}
