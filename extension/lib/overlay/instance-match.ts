import type { Connection } from '../state/storage';

/** A Munchkin ID in an Experience Cloud address: `#/@<org>/so:<Munchkin ID>/marketo-engage/...`. */
const SO_MUNCHKIN = /(?:^|\/)so:([0-9]{3}-[a-z]{3}-[0-9]{3})(?:[/?#]|$)/i;

/** The Munchkin ID the page's address names (Marketo Engage in experience.adobe.com), or null. */
export function munchkinOfPage(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.hostname.toLowerCase() !== 'experience.adobe.com') return null;
  const match = SO_MUNCHKIN.exec(url.hash.replace(/^#/, '')) ?? SO_MUNCHKIN.exec(url.pathname);
  return match ? match[1]!.toUpperCase() : null;
}

/** What the overlay shows on a page: the connections of the page's instance, or all of them, labelled. */
export interface PageConnections {
  connections: Connection[];
  /** True when the page named its instance and a connection is that one. */
  matched: boolean;
}

/**
 * The connection whose instance the page is: on experience.adobe.com the Munchkin ID in the address
 * names its tenant; on `app-*` and `engage-*` hosts, the Marketo host a connection names. Nothing
 * matches (or the page names no instance): every connection.
 */
export function connectionsForPage(connections: readonly Connection[], href: string): PageConnections {
  const munchkin = munchkinOfPage(href);
  let host = '';
  try {
    host = new URL(href).hostname.toLowerCase();
  } catch {
    // Not a URL: nothing matches.
  }
  const matching = connections.filter((c) =>
    munchkin !== null ? c.tenant?.toUpperCase() === munchkin : c.marketoHost !== undefined && c.marketoHost.toLowerCase() === host,
  );
  return matching.length ? { connections: matching, matched: true } : { connections: [...connections], matched: false };
}
