import type { Connection } from '../state/storage';

/** Marketo Engage in Experience Cloud names its instance: `#/@<org>/so:<Munchkin ID>/marketo-engage/...`. */
const SO_MUNCHKIN = /^https:\/\/experience\.adobe\.com\/[^#]*#(?:.*\/)?so:(\d{3}-[a-z]{3}-\d{3})(?:[/?#]|$)/i;

/** The Munchkin ID the page's address names (Marketo Engage in experience.adobe.com), or null. */
export function munchkinOfPage(href: string): string | null {
  return SO_MUNCHKIN.exec(href)?.[1]!.toUpperCase() ?? null;
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
  const host = /^https:\/\/([^/:?#]+)/i.exec(href)?.[1]!.toLowerCase() ?? '';
  const matching = connections.filter((c) => (munchkin ? c.tenant === munchkin : c.marketoHost === host));
  const matched = matching.length > 0;
  return { connections: matched ? matching : (connections as Connection[]), matched };
}
