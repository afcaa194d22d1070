import type { NotificationPage } from '../../../shared/notifications';
import { type ApiResult, createPageApi } from '../connection/page-api';
import {
  connectionsItem,
  type Endpoint,
  type FeedStatus,
  feedStatusItem,
  popupTabItem,
} from '../state/storage';
import { keptPageFor, readKeptPages } from './feed-cache';
import { shownConnections, tabFromUrl } from './tabs';

/**
 * The feed's first pages, asked of the workers as soon as the popup's script runs: at the same time
 * as the page reads storage and its language's catalog, not after its first render. The feed takes
 * each once, for the same connection and status; anything else (a later reload, another filter)
 * asks anew. The pages kept from the last open are read alongside, so the first frame can show them.
 */
const pending = new Map<string, Promise<ApiResult<NotificationPage>>>();
const kept = new Map<string, NotificationPage>();
const keyOf = (connection: Endpoint, status: FeedStatus) =>
  JSON.stringify([connection.workerUrl, connection.key, status]);

/** Resolves once the kept pages (if any) are read; the workers' answers come later, through takeFirstPage. */
export async function prefetchFirstPage(): Promise<void> {
  const keptPages = readKeptPages().catch(() => null);
  const [connections, filter, tab] = await Promise.all([
    connectionsItem.getValue(),
    feedStatusItem.getValue(),
    popupTabItem.getValue(),
  ]);
  const status: FeedStatus = filter === 'unread' ? 'unread' : 'all';
  const shown = shownConnections(connections, tabFromUrl(location.href) ?? tab);
  for (const connection of shown) {
    const api = createPageApi(connection);
    if (api.ok) pending.set(keyOf(connection, status), api.value.notifications({ status }));
  }
  const pages = await keptPages;
  for (const connection of shown) {
    const page = keptPageFor(pages, connection, status);
    if (page) kept.set(keyOf(connection, status), page);
  }
}

export function takeFirstPage(
  connection: Endpoint,
  status: FeedStatus,
): Promise<ApiResult<NotificationPage>> | undefined {
  const key = keyOf(connection, status);
  const page = pending.get(key);
  pending.delete(key);
  return page;
}

/** The page kept from the last open, once: to paint while the worker is asked again. */
export function takeKeptPage(
  connection: Endpoint | null | undefined,
  status: FeedStatus,
): NotificationPage | undefined {
  if (!connection) return undefined;
  const key = keyOf(connection, status);
  const page = kept.get(key);
  kept.delete(key);
  return page;
}
