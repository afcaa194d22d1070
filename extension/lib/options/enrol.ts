import { type Browser, browser } from '#imports';

import { MEMBER_NAME_MAX, memberNameKey } from '../../../shared/members';
import { type ApiOptions, type ApiResult, createApi } from '../connection/api-client';
import { type ConnectionProblem, problemKey } from '../connection/connection-problem';
import { normalizeWorkerUrl } from '../connection/connection-url';
import type { MessageKey } from '../i18n';
import type { Endpoint } from '../state/storage';

/**
 * The name as the worker will take it, or null when it would refuse it (empty, too long, control or
 * invisible characters, a key id).
 */
export function memberNameOrNull(typed: string): string | null {
  // The worker's EnrolName rule, without shipping zod: trimmed, 1..80 characters, one line, no
  // invisible (format) characters, not of the form key_<id>.
  const name = typed.trim();
  if (name.length < 1 || name.length > MEMBER_NAME_MAX || /[\p{Cc}\p{Cf}]/u.test(name)) return null;
  return /^key_[a-z0-9_-]+$/.test(memberNameKey(name)) ? null : name;
}

/** What the options say about a failed enrolment: a taken name (409 member_exists) has its own message. */
export function enrolProblemKey(problem: ConnectionProblem): MessageKey {
  return problem.status === 409 ? 'enrol.memberExists' : problemKey(problem.kind);
}

/**
 * Trades the enroll key for a personal read key of `member`; answers the endpoint to keep, which
 * holds only the personal key (the enroll key is not kept anywhere), and the tenant it reads.
 */
export async function enrol(
  workerUrl: string,
  enrollKey: string,
  member: string,
  options: ApiOptions = {},
): Promise<ApiResult<Endpoint & { tenant?: string }>> {
  const baseUrl = normalizeWorkerUrl(workerUrl);
  if (!baseUrl) return { ok: false, problem: { kind: 'bad_url' } };
  const api = createApi({ workerUrl: baseUrl, key: enrollKey }, options);
  if (!api.ok) return api;
  const enrolled = await api.value.enroll(member);
  if (!enrolled.ok) return enrolled;
  const endpoint = { workerUrl: baseUrl, key: enrolled.value.key, member: enrolled.value.member };
  // The personal key names its tenant: the connection's label where the policy gives none, and
  // duplicates are found by it.
  const personal = createApi(endpoint, options);
  const info = personal.ok ? await personal.value.key() : null;
  return { ok: true, value: { ...endpoint, ...(info?.ok ? { tenant: info.value.tenant } : {}) } };
}

/** Chromium's optional permissions that give the profile's e-mail; Firefox has no such API. */
const PROFILE_EMAIL = {
  permissions: ['identity', 'identity.email'],
} as unknown as Browser.permissions.Permissions;

/** Whether this browser can tell the profile's e-mail at all (with the person's consent). */
export const canReadProfileEmail = (): boolean => import.meta.env.BROWSER !== 'firefox';

/**
 * The browser profile's e-mail, to prefill the name: only where the browser has the API and the
 * person granted the optional permission (`ask` requests it, which needs a click). Null otherwise.
 */
export async function profileEmail(ask: boolean): Promise<string | null> {
  if (!canReadProfileEmail()) return null;
  try {
    const granted = ask
      ? await browser.permissions.request(PROFILE_EMAIL)
      : await browser.permissions.contains(PROFILE_EMAIL);
    if (!granted) return null;
    const info = await browser.identity.getProfileUserInfo({ accountStatus: 'ANY' } as never);
    return info.email || null;
  } catch {
    return null;
  }
}
