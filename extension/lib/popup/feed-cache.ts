import { storage } from '#imports';

import type { NotificationPage } from '../../../shared/notifications';
import type { Endpoint, FeedStatus } from '../state/storage';
import { checkWire } from '../wire/schemas';

/**
 * The popup's last first pages, one per connection and status (the popup opens on the filter it
 * was left on): the next open paints them at once while the workers are asked again. Session
 * storage, so they go with the browser; read back through the wire schema like any answer.
 */
export interface KeptPage {
  owner: string;
  items: unknown;
}
/** Version 2: the kept pages by owner (one per connection and status). */
export type KeptPages = Record<string, unknown>;

/** Version 1 (the v2 extension) kept one page `{owner, items}`: it becomes the only one of the map. */
export function migrateKeptPageV1(stored: unknown): KeptPages {
  const old = stored as Partial<KeptPage> | null;
  return old && typeof old.owner === 'string' ? { [old.owner]: old.items } : {};
}

/** At most this many pages are kept (10 connections, two statuses). */
const MAX_KEPT = 20;

// Defined at first use: session storage is missing from Firefox content scripts, and defining an item reads it.
const define = () =>
  storage.defineItem<KeptPages>('session:keptPage', {
    fallback: {},
    version: 2,
    migrations: { 2: migrateKeptPageV1 },
  });
let item: ReturnType<typeof define> | undefined;
const keptItem = () => (item ??= define());

/** Whose page it is, without keeping the key a second time (FNV-1a of the worker, key and status). */
export function ownerOf(connection: Endpoint, status: FeedStatus): string {
  let hash = 0x811c9dc5;
  for (const c of `${connection.workerUrl} ${connection.key} ${status}`)
    hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** The kept pages, to be read at the same time as the connections they must belong to (keptPageFor). */
export const readKeptPages = (): Promise<KeptPages> => keptItem().getValue();

export function keptPageFor(
  kept: KeptPages | null,
  connection: Endpoint,
  status: FeedStatus,
): NotificationPage | null {
  const owner = ownerOf(connection, status);
  if (!kept || !Object.hasOwn(kept, owner)) return null;
  const checked = checkWire('NotificationPage', { items: kept[owner], nextCursor: null });
  return checked.success ? checked.data : null;
}

/**
 * Keeps what the popup shows as the first page of `status`; on the unread page, only what is still
 * unread and not snoozed.
 */
export function keepFirstPage(
  connection: Endpoint,
  status: FeedStatus,
  items: NotificationPage['items'],
): Promise<void> {
  return keepFirstPages(status, [{ connection, items }]);
}

/** The first pages of several connections at once (one write: separate ones would overwrite each other). */
export async function keepFirstPages(
  status: FeedStatus,
  pages: readonly { connection: Endpoint; items: NotificationPage['items'] }[],
): Promise<void> {
  const now = Date.now();
  const fresh = Object.fromEntries(
    pages.map(({ connection, items }) => {
      const open = items.filter(
        (n) => n.readAt === null && !(n.snoozedUntil && Date.parse(n.snoozedUntil) > now),
      );
      return [ownerOf(connection, status), status === 'unread' ? open : items];
    }),
  );
  const others = Object.entries(await keptItem().getValue()).filter(
    ([owner]) => !Object.hasOwn(fresh, owner),
  );
  await keptItem().setValue({
    ...Object.fromEntries(others.slice(-Math.max(0, MAX_KEPT - pages.length))),
    ...fresh,
  });
}

/** Forgets a connection's pages: its worker refused it. */
export async function dropKeptPage(connection: Endpoint): Promise<void> {
  const owners = new Set([ownerOf(connection, 'unread'), ownerOf(connection, 'all')]);
  const kept = await keptItem().getValue();
  await keptItem().setValue(Object.fromEntries(Object.entries(kept).filter(([owner]) => !owners.has(owner))));
}
