/** Marketo access tokens: reused until shortly before they expire (authentication.md). */
export const TOKEN_MARGIN_MS = 60_000;

export interface AccessToken {
  value: string;
  expiresAtMs: number;
  /** The identity answer's `scope`: the API-only user. */
  apiUser: string;
}

export function tokenFromIdentity(
  answer: { access_token: string; expires_in: number; scope: string },
  nowMs: number,
): AccessToken {
  return { value: answer.access_token, expiresAtMs: nowMs + answer.expires_in * 1000, apiUser: answer.scope };
}

/** The cached token while it has more than a minute left; else null (ask identity again). */
export function usableToken(token: AccessToken | null, nowMs: number): AccessToken | null {
  return token !== null && token.expiresAtMs - TOKEN_MARGIN_MS > nowMs ? token : null;
}

/** 601 (invalid) and 602 (expired) are cured by a new token. */
export function needsNewToken(code: string): boolean {
  return code === '601' || code === '602';
}
