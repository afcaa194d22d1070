import type { NotificationPage } from '../../../shared/notifications';
import { createPageApi, type ApiResult } from '../connection/page-api';
import { keptPageFor, readKeptPage } from './feed-cache';
import { connectionItem, feedStatusItem, type Connection, type FeedStatus } from '../state/storage';

/**
 * The feed's first page, asked of the worker as soon as the popup's script runs: at the same time
 * as the page reads storage and its language's catalog, not after its first render. The feed takes it once, for the
 * same connection and status; anything else (a later reload, another filter) asks anew.
 * The page kept from the last open is read alongside, so the first frame can already show it.
 */
const pending = new Map<string, Promise<ApiResult<NotificationPage>>>();
const kept = new Map<string, NotificationPage>();
const keyOf = (connection: Connection, status: FeedStatus) => JSON.stringify([connection.workerUrl, connection.key, status]);

/** Resolves once the kept page (if any) is read; the worker's answer comes later, through takeFirstPage. */
export async function prefetchFirstPage(): Promise<void> {
  const keptPage = readKeptPage().catch(() => null);
  const [connection, filter] = await Promise.all([connectionItem.getValue(), feedStatusItem.getValue()]);
  const api = createPageApi(connection);
  if (!api.ok || !connection) return;
  const status: FeedStatus = filter === 'unread' ? 'unread' : 'all';
  pending.set(keyOf(connection, status), api.value.notifications({ status }));
  const page = keptPageFor(await keptPage, connection, status);
  if (page) kept.set(keyOf(connection, status), page);
}

export function takeFirstPage(connection: Connection, status: FeedStatus): Promise<ApiResult<NotificationPage>> | undefined {
  const key = keyOf(connection, status);
  const page = pending.get(key);
  pending.delete(key);
  return page;
}

/** The page kept from the last open, once: to paint while the worker is asked again. */
export function takeKeptPage(connection: Connection | null | undefined, status: FeedStatus): NotificationPage | undefined {
  if (!connection) return undefined;
  const key = keyOf(connection, status);
  const page = kept.get(key);
  kept.delete(key);
  return page;
}
