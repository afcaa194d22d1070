import type { KeyRecord, KeyRole } from '../../shared/tenant';
import { ApiFailure } from '../errors';
import type { MessageKey } from '../i18n/messages';
import type { AppContext } from './context';

/** Every limiter of wrangler.toml counts in windows of this length. */
const WINDOW_SECONDS = 60;

/** Which limiter (wrangler.toml `[[ratelimits]]`) counts a key's requests to routes of a role. */
const LIMITER_OF_ROLE = {
  ingest: 'INGEST_LIMITER',
  read: 'READ_LIMITER',
  admin: 'ADMIN_LIMITER',
  // A team's roll-out enrols many people at once; POST /v1/enroll is capped per day besides.
  enroll: 'READ_LIMITER',
} as const satisfies Record<KeyRole, string>;

/** Seconds until the current window ends (windows follow the clock's minutes), at least 1. */
export function secondsToWindowEnd(nowMs: number): number {
  return WINDOW_SECONDS - (Math.floor(nowMs / 1000) % WINDOW_SECONDS);
}

const rateLimited = (key: MessageKey) => {
  const seconds = secondsToWindowEnd(Date.now());
  return new ApiFailure(429, 'rate_limited', key, {
    params: { seconds },
    headers: { 'Retry-After': String(seconds) },
  });
};

/**
 * Counts one request of the key against the limit of the routes' role; over it, 429 with Retry-After.
 * The keys enrolled through one enroll key also share one read limit, so that one enroll key cannot
 * multiply the tenant's reads by the keys it buys.
 */
export async function limitKeyRequest(c: AppContext, role: KeyRole, key: KeyRecord): Promise<void> {
  const { success } = await c.env[LIMITER_OF_ROLE[role]].limit({ key: key.id });
  if (!success) throw rateLimited('rate_limited');
  if (key.enrolledBy === undefined) return;
  const shared = await c.env.READ_LIMITER.limit({ key: `enrolled-by:${key.enrolledBy}` });
  if (!shared.success) throw rateLimited('rate_limited');
}

/** The client's address as Cloudflare reports it; one bucket for requests without it (local tools). */
const clientAddress = (c: AppContext) => c.req.header('CF-Connecting-IP') ?? 'unknown';

/** Counts a failed root-token attempt of the client's address; the 11th in a window is 429 instead of 401. */
export async function limitRootFailure(c: AppContext): Promise<void> {
  const { success } = await c.env.ROOT_FAILURE_LIMITER.limit({ key: clientAddress(c) });
  if (!success) throw rateLimited('root_attempts');
}
