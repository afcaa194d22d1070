/** The worker's base URL without trailing slash, or null when it is not an http(s) URL. */
export function normalizeWorkerUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The stream's WebSocket URL: same host, ws(s) scheme, one-use ticket in the query. */
export function streamUrl(baseUrl: string, ticket: string): string {
  const url = new URL(`${baseUrl}/v1/stream`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('ticket', ticket);
  return url.href;
}
