import type { Connection } from '../state/storage';

/** The popup's tabs: "all" (every connection) or one connection's id. */
export const ALL = 'all';

/** A tab named by the page's address (`?connection=<id>`: a desktop notification's click). */
export function tabFromUrl(href: string): string | null {
  try {
    return new URL(href).searchParams.get('connection');
  } catch {
    return null;
  }
}

/** The tab in force: the one asked for if its connection exists, else "all". */
export function currentTab(connections: readonly Connection[], asked: string | null | undefined): string {
  return asked && connections.some((c) => c.id === asked) ? asked : ALL;
}

/** The connections a tab shows. */
export function shownConnections(
  connections: readonly Connection[],
  asked: string | null | undefined,
): Connection[] {
  const tab = currentTab(connections, asked);
  return tab === ALL ? [...connections] : connections.filter((c) => c.id === tab);
}
