/** Adobe's key host; tests and local runs name another with the var ADOBE_IO_KEYS_URL. */
export const ADOBE_KEY_HOST = 'https://static.adobeioevents.com';

const PATH_CHARS = /^\/[A-Za-z0-9._~/-]{1,300}$/;

/** The key host the worker trusts: the var ADOBE_IO_KEYS_URL when set, else Adobe's. */
export function keyHostOf(configured: string | undefined): string {
  const value = (configured ?? '').trim();
  return (value === '' ? ADOBE_KEY_HOST : value).replace(/\/+$/, '');
}

/**
 * The key's URL when `path` is a path and nothing else (`/prod/keys/pub-key-….pem`), on the key
 * host; null for anything that could name another host or leave the path (`//host`, `https://…`,
 * `@host`, `..`, `%2e`, a backslash).
 */
export function keyUrl(keyHost: string, path: string | null): string | null {
  if (path === null || !PATH_CHARS.test(path) || path.startsWith('//') || path.includes('//')) return null;
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return null;
  let host: URL;
  let url: URL;
  try {
    host = new URL(keyHost);
    url = new URL(keyHost + path);
  } catch {
    return null;
  }
  const expectedPath = host.pathname.replace(/\/+$/, '') + path;
  const elsewhere = url.origin !== host.origin || url.pathname !== expectedPath;
  return elsewhere || url.search !== '' || url.hash !== '' ? null : url.href;
}
