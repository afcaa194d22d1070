import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { MarkRead, Notification } from '../../../shared/notifications';
import { createPageApi } from '../connection/page-api';
import type { ConnectionProblem } from '../connection/connection-problem';
import { markLocallyRead, mergeFeed, replaceNotification } from './feed';
import { onPush, sendToBackground, type TriageRequest } from '../state/protocol';
import type { Connection, FeedFilter } from '../state/storage';
import { dropKeptPage, keepFirstPage } from './feed-cache';
import { takeFirstPage, takeKeptPage } from './first-page';

/** The worker's default page size: what the next open paints before the worker answers. */
const FIRST_PAGE = 50;

export interface FeedState {
  items: Notification[];
  loading: boolean;
  problem: ConnectionProblem | null;
  nextCursor: string | null;
  /** The items are the page kept from the last open; the worker's answer is on its way. */
  stale: boolean;
}

const INITIAL: FeedState = { items: [], loading: true, problem: null, nextCursor: null, stale: false };

/**
 * The popup's feed: first page on open and on every change of `status`, a quiet reload when the
 * unread count moves or a notification arrives; marked items stay visible (as read) until the
 * next open, so nothing jumps away under the keyboard focus.
 */
export function useFeed(connection: Connection | null | undefined, filter: FeedFilter, unread: number | undefined) {
  const status = filter === 'unread' ? 'unread' : 'all';
  const [feed, setFeed] = useState<FeedState>(() => {
    const kept = takeKeptPage(connection, status);
    return kept ? { ...INITIAL, items: kept.items, loading: false, stale: true } : INITIAL;
  });
  const [actionProblem, setActionProblem] = useState<ConnectionProblem | null>(null);
  const request = useRef(0);
  const keptStatus = useRef(status);

  const load = useCallback(
    async (mode: 'replace' | 'quiet' | 'more', cursor?: string) => {
      const api = createPageApi(connection ?? null);
      if (!api.ok) return setFeed({ ...INITIAL, loading: false, problem: api.problem });
      const id = ++request.current;
      // The kept page stays in view until the worker answers, for the filter it was kept for; else "loading".
      if (mode === 'replace') setFeed((f) => (f.stale && keptStatus.current === status ? f : { ...INITIAL, loading: true }));
      const prefetched = mode === 'replace' && connection ? takeFirstPage(connection, status) : undefined;
      const page = await (prefetched ?? api.value.notifications({ status, cursor }));
      if (id !== request.current) return;
      if (!page.ok) {
        if (mode === 'replace') void dropKeptPage().catch(() => undefined);
        return setFeed((f) => ({ ...f, loading: false, stale: false, problem: mode === 'quiet' && f.items.length ? f.problem : page.problem }));
      }
      setFeed((f) => ({
        stale: false,
        items: nextItems(mode, f.items, page.value.items),
        loading: false,
        problem: null,
        nextCursor: mode === 'quiet' ? f.nextCursor : page.value.nextCursor,
      }));
    },
    [connection, status],
  );

  useEffect(() => {
    if (connection !== undefined) void load('replace');
  }, [load, connection]);
  // A move of the unread count, not its first value: the first page is on its way then.
  const lastUnread = useRef(unread);
  useEffect(() => {
    const before = lastUnread.current;
    lastUnread.current = unread;
    if (before !== undefined && unread !== before && connection) void load('quiet');
  }, [unread]);
  // What is in view becomes the page the next open paints first (what was marked read leaves the unread one).
  useEffect(() => {
    if (connection && !feed.stale && !feed.loading && !feed.problem) {
      void keepFirstPage(connection, status, feed.items.slice(0, FIRST_PAGE)).catch(() => undefined);
    }
  }, [feed, connection, status]);
  useEffect(() => onPush('notificationArrived', () => void load('quiet')), [load]);
  // A colleague acknowledged or resolved one: shown in place at once.
  useEffect(() => onPush('notificationUpdated', ({ notification }) => setFeed((f) => ({ ...f, items: replaceNotification(f.items, notification) }))), []);

  /** Acknowledge, resolve or snooze through the background; the answer replaces the item in view. */
  const triage = async (request: TriageRequest) => {
    setActionProblem(null);
    const result = await sendToBackground('triage', request);
    if (!result?.ok) return setActionProblem(result?.problem ?? { kind: 'unreachable' });
    setFeed((f) => ({ ...f, items: replaceNotification(f.items, result.value) }));
  };

  /** Marks at once in view, then asks the worker, one selection after the other; undone in view if one fails. */
  const markRead = async (selections: MarkRead[]) => {
    if (!selections.length) return;
    const before = feed.items;
    const now = new Date().toISOString();
    setActionProblem(null);
    setFeed((f) => ({ ...f, items: selections.reduce((items, s) => markLocallyRead(items, 'all' in s ? 'all' : s.ids, now), f.items) }));
    for (const selection of selections) {
      const result = await sendToBackground('markRead', { selection });
      if (!result?.ok) {
        setFeed((f) => ({ ...f, items: before }));
        setActionProblem(result?.problem ?? { kind: 'unreachable' });
        return;
      }
    }
  };

  return {
    feed,
    actionProblem,
    reload: () => load('replace'),
    loadMore: () => (feed.nextCursor ? load('more', feed.nextCursor) : undefined),
    markRead,
    triage,
  };
}

/** Quiet reloads keep items the user just marked read, so they do not vanish under the pointer. */
function nextItems(mode: 'replace' | 'quiet' | 'more', current: Notification[], page: Notification[]): Notification[] {
  if (mode === 'replace') return page;
  if (mode === 'more') return mergeFeed(current, page);
  return mergeFeed(current.filter((n) => n.readAt !== null), page);
}
