import { useEffect, useState } from 'preact/hooks';
import { createPageApi } from '../connection/page-api';
import { acknowledgedBy, groupFeed, markAllSelections, unreadToFocusAfter } from './feed';
import type { Translator } from '../i18n';
import { sendToBackground } from '../state/protocol';
import { connectionItem, feedStatusItem, normalizeTypePrefs, stateItem, typePrefsItem, type BackgroundState, type Connection, type FeedFilter, type FeedStatus } from '../state/storage';
import { AllowAccess } from '../ui/AllowAccess';
import { useNow, useStorageItem } from '../ui/hooks';
import { Feed } from './Feed';
import { QuotaChart } from './QuotaChart';
import { QuotaGauge } from './QuotaGauge';
import { Empty, ErrorState, Loading, problemText, Unconfigured } from './States';
import { useFeed } from './use-feed';
import { useFocusAfterMarking } from './use-focus-after-marking';

export function App({ tr }: { tr: Translator }) {
  const connection = useStorageItem(connectionItem);
  const state = useStorageItem(stateItem);
  useEffect(() => {
    void sendToBackground('refresh', {}).catch(() => undefined);
  }, []);
  if (connection === undefined) return <Loading tr={tr} />;
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>{tr.t('app.name')}</h1>
        {state && <Status state={state} tr={tr} />}
      </header>
      {connection?.workerUrl && <AllowAccess tr={tr} workerUrl={connection.workerUrl} />}
      {connection ? <Connected tr={tr} state={state} /> : <Unconfigured tr={tr} />}
    </main>
  );
}

function Status({ state, tr }: { state: BackgroundState; tr: Translator }) {
  return (
    <span class={`status status-${state.status}`} data-testid="connection-status" data-status={state.status} title={state.problem ? problemText(state.problem, tr) : undefined}>
      {tr.t(`status.${state.status}`)}
    </span>
  );
}

function Connected({ tr, state }: { tr: Translator; state: BackgroundState | undefined }) {
  const connection = useStorageItem(connectionItem);
  const status = useStorageItem(feedStatusItem);
  const prefs = normalizeTypePrefs(useStorageItem(typePrefsItem));
  const now = useNow();
  const filter = status ?? 'unread';
  const { feed, actionProblem, reload, loadMore, markRead, triage } = useFeed(connection, filter, state?.counts?.unread);
  const member = useMember(connection);
  const groups = groupFeed(filter === 'mine' ? acknowledgedBy(feed.items, member) : feed.items, prefs);
  const hidesTypes = Object.values(prefs).some((pref) => !pref.show);
  // With hidden types, only what is shown can be marked; else also unread beyond the loaded page.
  const anyUnread = groups.some((g) => g.unread > 0) || (!hidesTypes && (state?.counts?.unread ?? 0) > 0);
  const { feedRef, focusNext } = useFocusAfterMarking();
  const markOne = (id: string) => {
    focusNext(unreadToFocusAfter(groups, id));
    void markRead([{ ids: [id] }]);
  };
  const markAll = () => {
    focusNext(null);
    void markRead(markAllSelections(feed.items, prefs));
  };
  return (
    <>
      {state?.counts && <QuotaGauge quota={state.counts.quota} tr={tr} />}
      {state?.counts && <QuotaChart connection={connection} quota={state.counts.quota} tr={tr} />}
      {state?.status === 'error' && state.problem && (
        <p class="problem banner" data-testid="connection-problem" role="alert">
          {problemText(state.problem, tr)}
        </p>
      )}
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
      <section class="feed" data-testid="feed" aria-label={tr.t('popup.feed')} aria-busy={feed.loading || feed.stale} data-stale={feed.stale || undefined} tabIndex={-1} ref={feedRef}>
        {feed.loading ? (
          <Loading tr={tr} />
        ) : feed.problem ? (
          <ErrorState tr={tr} problem={feed.problem} onRetry={() => void reload()} />
        ) : groups.length === 0 ? (
          <Empty tr={tr} filter={filter} />
        ) : (
          <Feed groups={groups} tr={tr} now={now} onMarkRead={markOne} onTriage={(request) => void triage(request)} />
        )}
        {feed.nextCursor && !feed.loading && !feed.stale && (
          <button type="button" class="load-more" data-testid="load-more" onClick={() => void loadMore()}>
            {tr.t('popup.loadMore')}
          </button>
        )}
      </section>
    </>
  );
}

/** The member the connection's key belongs to: kept at enrolment, else asked of the worker once. */
function useMember(connection: Connection | null | undefined): string | null {
  const [member, setMember] = useState<string | null>(connection?.member ?? null);
  useEffect(() => {
    if (!connection) return;
    if (connection.member) return setMember(connection.member);
    const api = createPageApi(connection);
    if (api.ok) void api.value.key().then((key) => key.ok && setMember(key.value.member ?? null));
  }, [connection]);
  return member;
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
