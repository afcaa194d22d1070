export { marketoLink } from '../../../shared/marketo-hosts';
import { isMarketoAppHost } from '../../../shared/marketo-hosts';

/**
 * The hosts of the Marketo UI as match patterns (host permissions, tabs to tell about toasts):
 * https only, as Marketo serves its UI; a plain-http page could be anyone's on the way.
 */
export const MARKETO_MATCHES = ['https://*.marketo.com/*', 'https://experience.adobe.com/*'];

/**
 * Where the content script runs: match patterns cannot say `app-*`, so these globs (on the whole
 * URL, and-ed with MARKETO_MATCHES) keep it to hosts that start with `app-` or `engage-`, never the
 * landing pages also served on *.marketo.com. A glob's `*` crosses dots, ports and slashes, hence
 * the scheme written out. In Experience Cloud, isMarketoPage then narrows to Marketo Engage.
 */
export const MARKETO_APP_GLOBS = ['https://app-*', 'https://engage-*', 'https://experience.adobe.com/*'];

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
