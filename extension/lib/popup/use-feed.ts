import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

import type { MarkRead, Notification, NotificationPage } from '../../../shared/notifications';
import type { ConnectionProblem } from '../connection/connection-problem';
import { type ApiResult, createPageApi } from '../connection/page-api';
import { onPush, sendToBackground, type TriageRequest } from '../state/protocol';
import type { Connection, FeedFilter, FeedStatus } from '../state/storage';
import { markLocallyRead, mergeFeed, replaceNotification } from './feed';
import { dropKeptPage, keepFirstPages } from './feed-cache';
import { takeFirstPage, takeKeptPage } from './first-page';

/** The worker's default page size: what the next open paints before the worker answers. */
const FIRST_PAGE = 50;

export interface FeedState {
  items: Notification[];
  /** Which connection each notification shown belongs to (by notification id). */
  owners: Record<string, string>;
  loading: boolean;
  /** Set only when no connection could answer; one that fails shows in its own state. */
  problem: ConnectionProblem | null;
  /** The next page of each connection, where there is one. */
  cursors: Record<string, string>;
  /** The items are the pages kept from the last open; the workers' answers are on their way. */
  stale: boolean;
}

const INITIAL: FeedState = { items: [], owners: {}, loading: true, problem: null, cursors: {}, stale: false };

type Mode = 'replace' | 'quiet' | 'more';

/**
 * The popup's feed over one connection or several ("All"): first pages on open and on every change
 * of `status`, a quiet reload when an unread count moves or a notification arrives; marked items
 * stay visible (as read) until the next open, so nothing jumps away under the keyboard focus.
 * Each notification keeps its connection: marking and triage go to that one.
 */
export function useFeed(connections: readonly Connection[], filter: FeedFilter, unread: string | undefined) {
  const status: FeedStatus = filter === 'unread' ? 'unread' : 'all';
  const [feed, setFeed] = useState<FeedState>(() => keptFeed(connections, status) ?? INITIAL);
  const [actionProblem, setActionProblem] = useState<ConnectionProblem | null>(null);
  const request = useRef(0);
  const keptStatus = useRef(status);
  const ids = connections.map((c) => c.id).join(' ');

  const load = useCallback(
    async (mode: Mode) => {
      const id = ++request.current;
      // The kept pages stay in view until the workers answer, for the filter they were kept for; else "loading".
      if (mode === 'replace')
        setFeed((f) => (f.stale && keptStatus.current === status ? f : { ...INITIAL, loading: true }));
      const asked = connections.filter((c) => mode !== 'more' || feed.cursors[c.id]);
      const pages = await Promise.all(asked.map((c) => pageOf(c, status, mode, feed.cursors[c.id])));
      if (id !== request.current) return;
      const answered = pages.flatMap((page, i) =>
        page.ok ? [{ connection: asked[i]!, page: page.value }] : [],
      );
      pages.forEach((page, i) => {
        if (!page.ok && mode === 'replace' && page.problem.kind === 'refused')
          void dropKeptPage(asked[i]!).catch(() => undefined);
      });
      const failed = pages.find((page): page is { ok: false; problem: ConnectionProblem } => !page.ok);
      if (answered.length === 0 && failed) {
        return setFeed((f) => ({
          ...f,
          loading: false,
          stale: false,
          problem: mode === 'quiet' && f.items.length ? f.problem : failed.problem,
        }));
      }
      setFeed((f) => {
        const owners = { ...(mode === 'replace' ? {} : f.owners) };
        const incoming = answered.flatMap(({ connection, page }) =>
          page.items.map((n) => ((owners[n.id] = connection.id), n)),
        );
        const cursors = mode === 'quiet' ? f.cursors : { ...(mode === 'replace' ? {} : f.cursors) };
        if (mode !== 'quiet') {
          for (const { connection, page } of answered) {
            if (page.nextCursor) cursors[connection.id] = page.nextCursor;
            else delete cursors[connection.id];
          }
        }
        return {
          stale: false,
          items: nextItems(mode, f.items, incoming),
          owners,
          loading: false,
          problem: null,
          cursors,
        };
      });
    },
    [ids, status, feed.cursors],
  );

  useEffect(() => {
    void load('replace');
  }, [ids, status]);
  // A move of an unread count, not its first value: the first pages are on their way then.
  const lastUnread = useRef(unread);
  useEffect(() => {
    const before = lastUnread.current;
    lastUnread.current = unread;
    if (before !== undefined && unread !== before) void load('quiet');
  }, [unread]);
  // What is in view becomes the pages the next open paints first (what was marked read leaves the unread one).
  useEffect(() => {
    if (feed.stale || feed.loading || feed.problem) return;
    const pages = connections.map((connection) => ({
      connection,
      items: feed.items.filter((n) => feed.owners[n.id] === connection.id).slice(0, FIRST_PAGE),
    }));
    void keepFirstPages(status, pages).catch(() => undefined);
  }, [feed, ids, status]);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(
    () =>
      onPush('notificationArrived', ({ connectionId }) => {
        if (connections.some((c) => c.id === connectionId)) void loadRef.current('quiet');
      }),
    [ids],
  );
  // A colleague acknowledged or resolved one: shown in place at once.
  useEffect(
    () =>
      onPush('notificationUpdated', ({ notification }) =>
        setFeed((f) => ({ ...f, items: replaceNotification(f.items, notification) })),
      ),
    [],
  );

  const ownerOf = (notificationId: string) => feed.owners[notificationId] ?? connections[0]?.id ?? '';

  /**
   * Acknowledge, resolve or snooze through the background, at the notification's connection; the
   * answer replaces the item in view.
   */
  const triage = async (request: TriageRequest) => {
    setActionProblem(null);
    const result = await sendToBackground('triage', { ...request, connectionId: ownerOf(request.id) });
    if (!result?.ok) return setActionProblem(result?.problem ?? { kind: 'unreachable' });
    setFeed((f) => ({ ...f, items: replaceNotification(f.items, result.value) }));
  };

  /**
   * Marks at once in view, then asks each connection's worker, one selection after the other;
   * undone in view if one fails. `selections` are by connection id.
   */
  const markRead = async (selections: readonly { connectionId: string; selection: MarkRead }[]) => {
    if (!selections.length) return;
    const before = feed.items;
    const now = new Date().toISOString();
    setActionProblem(null);
    setFeed((f) => ({
      ...f,
      items: selections.reduce((items, { connectionId, selection }) => {
        const ids =
          'all' in selection
            ? items.filter((n) => f.owners[n.id] === connectionId).map((n) => n.id)
            : selection.ids;
        return markLocallyRead(items, ids, now);
      }, f.items),
    }));
    for (const payload of selections) {
      const result = await sendToBackground('markRead', payload);
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
    ownerOf,
    reload: () => load('replace'),
    loadMore: () => (Object.keys(feed.cursors).length ? load('more') : undefined),
    markRead,
    triage,
  };
}

/** One connection's page: the one asked for at script start when it is the first, else asked now. */
function pageOf(
  connection: Connection,
  status: FeedStatus,
  mode: Mode,
  cursor: string | undefined,
): Promise<ApiResult<NotificationPage>> {
  const api = createPageApi(connection);
  if (!api.ok) return Promise.resolve(api);
  const prefetched = mode === 'replace' ? takeFirstPage(connection, status) : undefined;
  return prefetched ?? api.value.notifications({ status, ...(mode === 'more' && cursor ? { cursor } : {}) });
}

/** The pages kept from the last open, painted in the first frame while the workers are asked again. */
function keptFeed(connections: readonly Connection[], status: FeedStatus): FeedState | null {
  const owners: Record<string, string> = {};
  let found = false;
  const items = connections.flatMap((c) => {
    const page = takeKeptPage(c, status);
    if (!page) return [];
    found = true;
    return page.items.map((n) => ((owners[n.id] = c.id), n));
  });
  return found ? { ...INITIAL, items, owners, loading: false, stale: true } : null;
}

/** Quiet reloads keep items the user just marked read, so they do not vanish under the pointer. */
function nextItems(mode: Mode, current: Notification[], page: Notification[]): Notification[] {
  if (mode === 'replace') return page;
  if (mode === 'more') return mergeFeed(current, page);
  return mergeFeed(
    current.filter((n) => n.readAt !== null),
    page,
  );
}
