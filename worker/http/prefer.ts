/**
 * The longest a client may ask GET /v1/counts to wait for a change: under the 30 s a browser's
 * service worker waits for a response.
 */
export const MAX_COUNTS_WAIT_MS = 25_000;

/** `Prefer: wait=<seconds>` (RFC 7240) as milliseconds, at most MAX_COUNTS_WAIT_MS; null when absent. */
export function preferredWaitMs(prefer: string | undefined): number | null {
  const match = /(?:^|[,;\s])wait\s*=\s*"?(\d{1,6})"?(?:$|[,;\s])/i.exec(prefer ?? '');
  if (!match) return null;
  return Math.min(Number(match[1]) * 1000, MAX_COUNTS_WAIT_MS);
}
