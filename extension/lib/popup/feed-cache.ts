import { storage } from '#imports';
import type { NotificationPage } from '../../../shared/notifications';
import type { Connection, FeedStatus } from '../state/storage';
import { checkWire } from '../wire/schemas';

/**
 * The popup's last first page, for one connection and status (the popup opens on the filter it
 * was left on): the next open paints it at once while the worker is asked again. Session storage,
 * so it goes with the browser; read back through the wire schema like any answer.
 */
export interface KeptPage {
  owner: string;
  items: unknown;
}

// Defined at first use: session storage is missing from Firefox content scripts, and defining an item reads it.
const define = () => storage.defineItem<KeptPage | null>('session:keptPage', { fallback: null, version: 1 });
let item: ReturnType<typeof define> | undefined;
const keptItem = () => (item ??= define());

/** Whose page it is, without keeping the key a second time (FNV-1a of the worker, key and status). */
export function ownerOf(connection: Connection, status: FeedStatus): string {
  let hash = 0x811c9dc5;
  for (const c of `${connection.workerUrl} ${connection.key} ${status}`) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** The kept page, to be read at the same time as the connection it must belong to (keptPageFor). */
export const readKeptPage = (): Promise<KeptPage | null> => keptItem().getValue();

export function keptPageFor(kept: KeptPage | null, connection: Connection, status: FeedStatus): NotificationPage | null {
  if (kept?.owner !== ownerOf(connection, status)) return null;
  const checked = checkWire('NotificationPage', { items: kept.items, nextCursor: null });
  return checked.success ? checked.data : null;
}

/** Keeps what the popup shows as the first page of `status`; on the unread page, only what is still unread and not snoozed. */
export async function keepFirstPage(connection: Connection, status: FeedStatus, items: NotificationPage['items']): Promise<void> {
  const now = Date.now();
  const open = items.filter((n) => n.readAt === null && !(n.snoozedUntil && Date.parse(n.snoozedUntil) > now));
  await keptItem().setValue({ owner: ownerOf(connection, status), items: status === 'unread' ? open : items });
}

/** Forgets the page: the worker refused the connection. */
export async function dropKeptPage(): Promise<void> {
  await keptItem().removeValue();
}
