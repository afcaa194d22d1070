/** Where the content script runs; experience.adobe.com is narrowed to Marketo by isMarketoPage. */
export const MARKETO_MATCHES = ['*://*.marketo.com/*', 'https://experience.adobe.com/*'];

/**
 * Links from events are untrusted: only https links to Marketo's own hosts are shown,
 * so a notification can never send the user to javascript:, http: or a look-alike host.
 */
export function marketoLink(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 2000) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return null;
  return isMarketoHost(parsed.hostname) ? parsed.href : null;
}

export function isMarketoHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'experience.adobe.com' || (host.endsWith('.marketo.com') && host.length > '.marketo.com'.length);
}

/** Marketo Engage inside Adobe Experience Cloud lives under a path or hash that names it. */
export function isMarketoPage(href: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  if (host.endsWith('.marketo.com')) return true;
  if (host !== 'experience.adobe.com') return false;
  return /marketo/i.test(parsed.pathname + parsed.hash);
}
