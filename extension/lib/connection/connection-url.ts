/** Hosts a worker may be reached on over plain http: this computer only (`npm start`, tests). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * The worker's base URL without trailing slash, or null when it is not one: https, or http on
 * localhost or 127.0.0.1 only, since the key travels with every request.
 */
export function normalizeWorkerUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)))
    return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The host permission pattern of the worker's origin (any port: match patterns have none). */
export function originPattern(workerUrl: string): string | null {
  const normalized = normalizeWorkerUrl(workerUrl);
  if (normalized === null) return null;
  const { protocol, hostname } = new URL(normalized);
  return `${protocol}//${hostname}/*`;
}

/**
 * The key to keep with a URL the user saves: the one typed, else the stored one, but only for the
 * same worker; a key never follows the user to another origin.
 */
export function keyForUrl(
  typedKey: string,
  workerUrl: string,
  stored: { workerUrl: string; key: string } | null,
): string {
  if (typedKey.trim()) return typedKey.trim();
  if (!stored?.key) return '';
  const [now, before] = [normalizeWorkerUrl(workerUrl), normalizeWorkerUrl(stored.workerUrl)];
  return now !== null && before !== null && new URL(now).origin === new URL(before).origin ? stored.key : '';
}

/** The stream's WebSocket URL: same host, ws(s) scheme, one-use ticket in the query. */
export function streamUrl(baseUrl: string, ticket: string): string {
  const url = new URL(`${baseUrl}/v1/stream`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('ticket', ticket);
  return url.href;
}
