export { isMarketoHost, marketoLink } from '../../shared/marketo-hosts';

/** Where the content script runs; experience.adobe.com is narrowed to Marketo by isMarketoPage. */
export const MARKETO_MATCHES = ['*://*.marketo.com/*', 'https://experience.adobe.com/*'];

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
