import { browser } from '#imports';

import type { ConnectionProblem } from '../connection/connection-problem';
import { problemKey, problemParams } from '../connection/connection-problem';
import type { Translator } from '../i18n';
import type { FeedFilter } from '../state/storage';

export function problemText(problem: ConnectionProblem, tr: Translator): string {
  return tr.t(problemKey(problem.kind), problemParams(problem));
}

export function Unconfigured({ tr }: { tr: Translator }) {
  return (
    <div class="state" data-testid="unconfigured-state">
      <p>{tr.t('popup.unconfigured')}</p>
      <button
        type="button"
        class="primary"
        data-testid="open-options"
        onClick={() => void browser.runtime.openOptionsPage()}
      >
        {tr.t('popup.openOptions')}
      </button>
    </div>
  );
}

export function Loading({ tr }: { tr: Translator }) {
  return (
    <p class="state muted" data-testid="loading-state" role="status">
      {tr.t('popup.loading')}
    </p>
  );
}

const EMPTY = {
  unread: 'popup.emptyUnread',
  mine: 'popup.emptyMine',
  all: 'popup.emptyAll',
} as const satisfies Record<FeedFilter, string>;

export function Empty({ tr, filter }: { tr: Translator; filter: FeedFilter }) {
  return (
    <p class="state" data-testid="empty-state">
      {tr.t(EMPTY[filter])}
    </p>
  );
}

export function ErrorState({
  tr,
  problem,
  onRetry,
}: {
  tr: Translator;
  problem: ConnectionProblem;
  onRetry: () => void;
}) {
  return (
    <div class="state" data-testid="error-state" role="alert">
      <p>{tr.t('popup.error')}</p>
      <p class="problem" data-testid="error-reason">
        {problemText(problem, tr)}
      </p>
      <div class="state-actions">
        <button type="button" onClick={onRetry}>
          {tr.t('popup.retry')}
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {tr.t('popup.openOptions')}
        </button>
      </div>
    </div>
  );
}
