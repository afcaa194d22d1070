/** Marketo Engage's own UI: `app-<pod>.marketo.com`, `engage-<pod>.marketo.com`. */
const MARKETO_APP_HOST = /^(app|engage)-[a-z0-9-]+\.marketo\.com$/;

/** One of Marketo's app hosts; never a landing-page host, which *.marketo.com serves too. */
export function isMarketoAppHost(hostname: string): boolean {
  return MARKETO_APP_HOST.test(hostname.toLowerCase());
}

/**
 * Marketo's own hosts: its app (`app-*` and `engage-*.marketo.com`) and Marketo Engage inside Adobe
 * Experience Cloud.
 */
export function isMarketoHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'experience.adobe.com' || isMarketoAppHost(host);
}

/** Links are kept up to this many characters, as the event and e-mail schemas take them. */
export const MAX_LINK_CHARS = 2000;

/**
 * Links from events and e-mails are untrusted: only https links to Marketo's own hosts count,
 * never javascript:, http:, credentials in the URL, another port or a look-alike host. The link
 * answered is measured, not the input: percent-encoding makes a non-ASCII link up to 9 times longer.
 */
export function marketoLink(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > MAX_LINK_CHARS) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return null;
  return isMarketoHost(parsed.hostname) && parsed.href.length <= MAX_LINK_CHARS ? parsed.href : null;
}
