/** Marketo's own hosts: its app (`*.marketo.com`) and Marketo Engage inside Adobe Experience Cloud. */
export function isMarketoHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'experience.adobe.com' || (host.endsWith('.marketo.com') && host.length > '.marketo.com'.length);
}

/**
 * Links from events and e-mails are untrusted: only https links to Marketo's own hosts count,
 * never javascript:, http:, credentials in the URL, another port or a look-alike host.
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
