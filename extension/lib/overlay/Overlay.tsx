import { useEffect, useState } from 'preact/hooks';
import type { Notification } from '../../../shared/notifications';
import { countedUnread } from '../notification/badge';
import { describeHeadline } from '../notification/headline';
import type { Translator } from '../i18n';
import { isMarketoPage } from '../notification/marketo-link';
import { onPush, sendToBackground, type TriageRequest } from '../state/protocol';
import { normalizeTypePrefs, overlayEnabledItem, stateItem, typePrefsItem } from '../state/storage';
import { useStorageItem } from '../ui/hooks';
import { TriageActions, TriageLine } from '../ui/Triage';

const MAX_TOASTS = 3;

/** experience.adobe.com hosts many apps; the overlay shows only where Marketo Engage is open. */
function useOnMarketoPage(): boolean {
  const [onMarketo, setOnMarketo] = useState(() => isMarketoPage(location.href));
  useEffect(() => {
    const check = () => setOnMarketo(isMarketoPage(location.href));
    window.addEventListener('hashchange', check);
    window.addEventListener('popstate', check);
    const timer = setInterval(check, 2_000); // single-page apps also navigate with pushState
    return () => {
      window.removeEventListener('hashchange', check);
      window.removeEventListener('popstate', check);
      clearInterval(timer);
    };
  }, []);
  return onMarketo;
}

export function Overlay({ tr }: { tr: Translator }) {
  const enabled = useStorageItem(overlayEnabledItem);
  const state = useStorageItem(stateItem);
  const prefs = normalizeTypePrefs(useStorageItem(typePrefsItem));
  const onMarketo = useOnMarketoPage();
  const [toasts, setToasts] = useState<Notification[]>([]);

  useEffect(
    () =>
      onPush('notificationArrived', ({ notification }) => {
        if (notification.severity !== 'critical') return;
        setToasts((list) => [notification, ...list.filter((n) => n.id !== notification.id)].slice(0, MAX_TOASTS));
      }),
    [],
  );
  const replace = (next: Notification) => setToasts((list) => list.map((n) => (n.id === next.id ? next : n)));
  useEffect(() => onPush('notificationUpdated', ({ notification }) => replace(notification)), []);
  /** The same team actions as the popup; a resolved toast has done its job and goes. */
  const triage = async (request: TriageRequest) => {
    const result = await sendToBackground('triage', request).catch(() => undefined);
    if (!result?.ok) return;
    if (result.value.resolved || request.action === 'snooze') setToasts((list) => list.filter((t) => t.id !== request.id));
    else replace(result.value);
  };

  if (!enabled || !onMarketo) return null;
  const count = state?.counts ? countedUnread(state.counts, prefs) : 0;
  const visibleToasts = toasts.filter((n) => prefs[n.type].show);
  return (
    <div class="overlay" lang={tr.lang}>
      {/* The one live region: each toast added here is read once (no role="alert" inside as well). */}
      <div class="toasts" aria-live="assertive">
        {visibleToasts.map((n) => (
          <Toast
            key={n.id}
            notification={n}
            tr={tr}
            onDismiss={() => setToasts((list) => list.filter((t) => t.id !== n.id))}
            onTriage={(request) => void triage(request)}
          />
        ))}
      </div>
      {/* An image with a name, not a live region: the toasts already speak up for what is new. */}
      <div class={`bell${count > 0 ? ' has-unread' : ''}`} data-testid="overlay-bell" role="img" aria-label={tr.t('overlay.bell', { count })}>
        <BellIcon />
        <span class="count" data-testid="overlay-count" aria-hidden="true">
          {count > 99 ? '99+' : String(count)}
        </span>
      </div>
    </div>
  );
}

interface ToastProps {
  notification: Notification;
  tr: Translator;
  onDismiss: () => void;
  onTriage: (request: TriageRequest) => void;
}

export function Toast({ notification, tr, onDismiss, onTriage }: ToastProps) {
  const { title, errorCodes } = describeHeadline(notification, tr);
  return (
    <div class="toast" data-testid="overlay-toast" data-notification-id={notification.id}>
      <div class="toast-body">
        <strong class="toast-kind">{tr.t('overlay.critical')}</strong>
        <span class="toast-title">{title}</span>
        {errorCodes.map((code) => (
          <span class="toast-code" key={code.code}>
            {tr.t('format.labelled', { label: code.label, value: code.meaning })}
          </span>
        ))}
        <TriageLine notification={notification} tr={tr} now={Date.now()} />
        <TriageActions notification={notification} tr={tr} title={title} onTriage={onTriage} />
      </div>
      <button type="button" class="dismiss" data-testid="overlay-toast-dismiss" aria-label={tr.t('overlay.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
    </svg>
  );
}
