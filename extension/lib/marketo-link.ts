export { isMarketoHost, marketoLink } from '../../shared/marketo-hosts';
import { isMarketoAppHost } from '../../shared/marketo-hosts';

/**
 * Where the content script may run. Match patterns cannot say `app-*`: isMarketoPage narrows
 * *.marketo.com to Marketo's app hosts (not the landing pages also served there), and
 * experience.adobe.com to Marketo; elsewhere the overlay shows nothing.
 */
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
  if (isMarketoAppHost(host)) return true;
  if (host !== 'experience.adobe.com') return false;
  return /marketo/i.test(parsed.pathname + parsed.hash);
}
