import type { NotificationPage } from '../../../shared/notifications';
import { createApi, type ApiResult } from '../../lib/api-client';
import { connectionItem, feedStatusItem, type Connection, type FeedStatus } from '../../lib/storage';

/**
 * The feed's first page, asked of the worker as soon as the popup's script runs: at the same time
 * as the page reads storage and its language's catalog, not after its first render. The feed takes it once, for the
 * same connection and status; anything else (a later reload, another filter) asks anew.
 */
const pending = new Map<string, Promise<ApiResult<NotificationPage>>>();
const keyOf = (connection: Connection, status: FeedStatus) => JSON.stringify([connection.workerUrl, connection.key, status]);

export function prefetchFirstPage(): void {
  void Promise.all([connectionItem.getValue(), feedStatusItem.getValue()]).then(([connection, filter]) => {
    const api = createApi(connection);
    if (!api.ok || !connection) return;
    const status: FeedStatus = filter === 'unread' ? 'unread' : 'all';
    pending.set(keyOf(connection, status), api.value.notifications({ status }));
  });
}

export function takeFirstPage(connection: Connection, status: FeedStatus): Promise<ApiResult<NotificationPage>> | undefined {
  const key = keyOf(connection, status);
  const page = pending.get(key);
  pending.delete(key);
  return page;
}
