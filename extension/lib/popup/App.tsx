import { useEffect, useState } from 'preact/hooks';

import { displayText } from '../../../shared/display-text';
import { createPageApi } from '../connection/page-api';
import type { Translator } from '../i18n';
import { countedUnread } from '../notification/badge';
import { sendToBackground } from '../state/protocol';
import {
  type BackgroundState,
  type BackgroundStates,
  type Connection,
  connectionsItem,
  type FeedFilter,
  feedStatusItem,
  INITIAL_STATE,
  normalizeTypePrefs,
  popupTabItem,
  prefsOf,
  statesItem,
  type TypePrefs,
  typePrefsItem,
} from '../state/storage';
import { AllowAccess } from '../ui/AllowAccess';
import { useNow, useStorageItem } from '../ui/hooks';
import { Feed } from './Feed';
import { acknowledgedBy, groupFeed, markAllSelections, unreadToFocusAfter } from './feed';
import { QuotaChart } from './QuotaChart';
import { QuotaGauge } from './QuotaGauge';
import { Empty, ErrorState, Loading, problemText, Unconfigured } from './States';
import { ALL, currentTab, shownConnections, tabFromUrl } from './tabs';
import { useFeed } from './use-feed';
import { useFocusAfterMarking } from './use-focus-after-marking';

const SHOW_ALL = normalizeTypePrefs(null);

export function App({ tr }: { tr: Translator }) {
  const connections = useStorageItem(connectionsItem);
  const states = useStorageItem(statesItem) ?? {};
  const storedTab = useStorageItem(popupTabItem);
  const [asked] = useState(() => tabFromUrl(location.href));
  const shared = useStorageItem(typePrefsItem);
  useEffect(() => {
    void sendToBackground('refresh', {}).catch(() => undefined);
  }, []);
  if (connections === undefined) return <Loading tr={tr} />;
  const tab = currentTab(connections, asked ?? storedTab);
  const shown = shownConnections(connections, tab);
  const stateOf = (c: Connection) => states[c.id] ?? INITIAL_STATE;
  // In "All", the status of a failing one first (they are named below), else of the first.
  const status = shown.map(stateOf).find((s) => s.status === 'error') ?? (shown[0] && stateOf(shown[0]));
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>{tr.t('app.name')}</h1>
        {status && <Status state={status} tr={tr} />}
      </header>
      {shown.map((c) => (
        <AllowAccess key={c.id} tr={tr} workerUrl={c.workerUrl} />
      ))}
      {connections.length > 1 && (
        <Tabs connections={connections} states={states} shared={shared} tab={tab} tr={tr} />
      )}
      {connections.length ? (
        <Connected
          key={tab}
          tr={tr}
          connections={shown}
          states={states}
          labelled={tab === ALL && connections.length > 1}
        />
      ) : (
        <Unconfigured tr={tr} />
      )}
    </main>
  );
}

function Status({ state, tr }: { state: BackgroundState; tr: Translator }) {
  return (
    <span
      class={`status status-${state.status}`}
      data-testid="connection-status"
      data-status={state.status}
      title={state.problem ? problemText(state.problem, tr) : undefined}
    >
      {tr.t(`status.${state.status}`)}
    </span>
  );
}

interface TabsProps {
  connections: Connection[];
  states: BackgroundStates;
  shared: TypePrefs | undefined;
  tab: string;
  tr: Translator;
}

/** "All" and one tab per connection, each with its unread count; the accessible name starts with the label. */
function Tabs({ connections, states, shared, tab, tr }: TabsProps) {
  const unreadOf = (c: Connection) => {
    const counts = states[c.id]?.counts;
    return counts ? countedUnread(counts, prefsOf(c, shared)) : 0;
  };
  const total = connections.reduce((sum, c) => sum + unreadOf(c), 0);
  const entries = [
    [ALL, tr.t('popup.allConnections'), tr.t('popup.allLabel', { count: total }), total] as const,
    ...connections.map((c) => {
      const label = displayText(c.label);
      return [c.id, label, tr.t('popup.tabLabel', { label, count: unreadOf(c) }), unreadOf(c)] as const;
    }),
  ];
  return (
    <div class="tabs" role="tablist" aria-label={tr.t('popup.connections')}>
      {entries.map(([id, label, name, count]) => (
        <button
          type="button"
          role="tab"
          key={id}
          data-testid={`tab-${id}`}
          aria-selected={tab === id}
          aria-label={name}
          onClick={() => void popupTabItem.setValue(id)}
        >
          {label}{' '}
          {count > 0 && (
            <span class="tab-count" aria-hidden="true">
              {count > 99 ? '99+' : count}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

interface ConnectedProps {
  tr: Translator;
  connections: Connection[];
  states: BackgroundStates;
  /** "All" with several connections: each row names its connection. */
  labelled: boolean;
}

function Connected({ tr, connections, states, labelled }: ConnectedProps) {
  const stored = useStorageItem(feedStatusItem);
  const shared = useStorageItem(typePrefsItem);
  const now = useNow();
  const filter = stored ?? 'unread';
  const stateOf = (c: Connection) => states[c.id] ?? INITIAL_STATE;
  const unreadKey = connections.map((c) => stateOf(c).counts?.unread ?? '').join(' ');
  const { feed, actionProblem, ownerOf, reload, loadMore, markRead, triage } = useFeed(
    connections,
    filter,
    unreadKey,
  );
  const members = useMembers(connections);
  const byId = new Map(connections.map((c) => [c.id, c]));
  // Each notification as its connection's choices and member see it.
  const visible = feed.items.filter((n) => {
    const owner = ownerOf(n.id);
    return (
      prefsOf(byId.get(owner) ?? {}, shared)[n.type].show &&
      (filter !== 'mine' || acknowledgedBy([n], members[owner] ?? null).length)
    );
  });
  // Hidden types are left out above, each by its connection's choices.
  const groups = groupFeed(visible, SHOW_ALL);
  const anyUnread =
    groups.some((g) => g.unread > 0) ||
    connections.some(
      (c) =>
        (stateOf(c).counts?.unread ?? 0) > 0 && Object.values(prefsOf(c, shared)).every((pref) => pref.show),
    );
  const { feedRef, focusNext } = useFocusAfterMarking();
  const markOne = (id: string) => {
    focusNext(unreadToFocusAfter(groups, id));
    void markRead([{ connectionId: ownerOf(id), selection: { ids: [id] } }]);
  };
  const markAll = () => {
    focusNext(null);
    const own = (c: Connection) => feed.items.filter((n) => ownerOf(n.id) === c.id);
    void markRead(
      connections.flatMap((c) =>
        markAllSelections(own(c), prefsOf(c, shared)).map((selection) => ({ connectionId: c.id, selection })),
      ),
    );
  };
  const single = connections.length === 1 ? connections[0]! : null;
  const singleState = single ? stateOf(single) : null;
  const failing = connections.filter((c) => stateOf(c).status === 'error' && stateOf(c).problem);
  return (
    <>
      {singleState?.counts && <QuotaGauge quota={singleState.counts.quota} tr={tr} />}
      {singleState?.counts && <QuotaChart connection={single} quota={singleState.counts.quota} tr={tr} />}
      {failing.map((c) => (
        <p
          class="problem banner"
          data-testid="connection-problem"
          data-connection={c.id}
          role="alert"
          key={c.id}
        >
          {labelled
            ? tr.t('badge.connectionFailing', {
                label: displayText(c.label),
                reason: problemText(stateOf(c).problem!, tr),
              })
            : problemText(stateOf(c).problem!, tr)}
        </p>
      ))}
      <div class="toolbar">
        <StatusFilter value={filter} tr={tr} />
        <button type="button" data-testid="mark-all-read" disabled={!anyUnread} onClick={markAll}>
          {tr.t('popup.markAllRead')}
        </button>
      </div>
      {actionProblem && (
        <p class="problem" role="alert" data-testid="action-problem">
          {problemText(actionProblem, tr)}
        </p>
      )}
      {/* Not a live region: a whole feed read out on every change is noise; tabIndex lets focus rest here. */}
      <section
        class="feed"
        data-testid="feed"
        aria-label={tr.t('popup.feed')}
        aria-busy={feed.loading || feed.stale}
        data-stale={feed.stale || undefined}
        tabIndex={-1}
        ref={feedRef}
      >
        {feed.loading ? (
          <Loading tr={tr} />
        ) : feed.problem ? (
          <ErrorState tr={tr} problem={feed.problem} onRetry={() => void reload()} />
        ) : groups.length === 0 ? (
          <Empty tr={tr} filter={filter} />
        ) : (
          <Feed
            groups={groups}
            tr={tr}
            now={now}
            labelOf={labelled ? (id) => displayText(byId.get(ownerOf(id))?.label ?? '') : undefined}
            onMarkRead={markOne}
            onTriage={(request) => void triage(request)}
          />
        )}
        {Object.keys(feed.cursors).length > 0 && !feed.loading && !feed.stale && (
          <button type="button" class="load-more" data-testid="load-more" onClick={() => void loadMore()}>
            {tr.t('popup.loadMore')}
          </button>
        )}
      </section>
    </>
  );
}

/** The member each connection's key belongs to: kept at enrolment, else asked of the worker once. */
function useMembers(connections: Connection[]): Record<string, string | null> {
  const [members, setMembers] = useState<Record<string, string | null>>(() =>
    Object.fromEntries(connections.map((c) => [c.id, c.member ?? null])),
  );
  const ids = connections.map((c) => `${c.id} ${c.key}`).join(' ');
  useEffect(() => {
    for (const c of connections) {
      if (c.member) continue;
      const api = createPageApi(c);
      if (api.ok)
        void api.value
          .key()
          .then((key) => key.ok && setMembers((m) => ({ ...m, [c.id]: key.value.member ?? null })));
    }
  }, [ids]);
  return members;
}

function StatusFilter({ value, tr }: { value: FeedFilter; tr: Translator }) {
  const options: [FeedFilter, string, string?][] = [
    ['unread', tr.t('popup.showUnread')],
    ['mine', tr.t('popup.showMine'), tr.t('popup.showMineLabel')],
    ['all', tr.t('popup.showAll')],
  ];
  return (
    <div class="filter" role="group" aria-label={tr.t('popup.filter')}>
      {/* The visible word is the button's name; the longer title only describes it (a name that
          left the visible word out would not be found by those who speak to select it). */}
      {options.map(([option, label, title]) => (
        <button
          type="button"
          key={option}
          title={title}
          data-testid={`filter-${option}`}
          aria-pressed={value === option}
          class={value === option ? 'primary' : undefined}
          onClick={() => void feedStatusItem.setValue(option)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
