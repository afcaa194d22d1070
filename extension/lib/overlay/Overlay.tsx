import { useEffect, useState } from 'preact/hooks';

import { displayText } from '../../../shared/display-text';
import type { Notification } from '../../../shared/notifications';
import type { Translator } from '../i18n';
import { countedUnread } from '../notification/badge';
import { describeHeadline } from '../notification/headline';
import { isMarketoPage } from '../notification/marketo-link';
import { onPush, sendToBackground, type TriageRequest } from '../state/protocol';
import { overlayEnabledItem, prefsOf, statesItem, typePrefsItem } from '../state/storage';
import { useStorageItem } from '../ui/hooks';
import { TriageActions, TriageLine } from '../ui/Triage';
import { asConnections, connectionsView } from './connections-view';
import { connectionsForPage } from './instance-match';

const MAX_TOASTS = 3;

/** A toast: the notification and the connection it came from. */
type ToastEntry = Notification & { connectionId: string };

/**
 * The bell and toasts of the connection whose instance the page is (`href`, followed by the content
 * script on every navigation), or of every connection, labelled, where the page names none.
 */
export function Overlay({ tr, href }: { tr: Translator; href: string }) {
  const enabled = useStorageItem(overlayEnabledItem);
  const states = useStorageItem(statesItem) ?? {};
  const shared = useStorageItem(typePrefsItem);
  const all = asConnections(useStorageItem(connectionsView));
  const [toasts, setToasts] = useState<ToastEntry[]>([]);

  useEffect(
    () =>
      onPush('notificationArrived', ({ connectionId, notification }) => {
        if (notification.severity !== 'critical') return;
        setToasts((list) =>
          [{ ...notification, connectionId }, ...list.filter((t) => t.id !== notification.id)].slice(
            0,
            MAX_TOASTS,
          ),
        );
      }),
    [],
  );
  const replace = (next: Notification) =>
    setToasts((list) => list.map((t) => (t.id === next.id ? { ...t, ...next } : t)));
  useEffect(() => onPush('notificationUpdated', ({ notification }) => replace(notification)), []);
  /** The same team actions as the popup, at the toast's connection; a resolved toast has done its job and goes. */
  const triage = async (connectionId: string, request: TriageRequest) => {
    const result = await sendToBackground('triage', { ...request, connectionId }).catch(() => undefined);
    if (!result?.ok) return;
    if (result.value.resolved || request.action === 'snooze')
      setToasts((list) => list.filter((t) => t.id !== request.id));
    else replace(result.value);
  };

  if (!enabled || !isMarketoPage(href)) return null;
  const { connections, matched } = connectionsForPage(all, href);
  const labelled = !matched && all.length > 1;
  let count = 0;
  for (const c of connections) {
    // As on the badge: a failing connection's last counts are stale and do not count.
    const state = states[c.id];
    if (state?.counts && state.status !== 'error') count += countedUnread(state.counts, prefsOf(c, shared));
  }
  const shown = toasts.flatMap((t) => {
    const c = connections.find((one) => one.id === t.connectionId);
    return c && prefsOf(c, shared)[t.type].show ? [{ ...t, label: c.label }] : [];
  });
  return (
    <div class="overlay" lang={tr.lang}>
      {/* The one live region: each toast added here is read once (no role="alert" inside as well). */}
      <div class="toasts" aria-live="assertive">
        {shown.map((n) => (
          <Toast
            key={n.id}
            notification={n}
            label={labelled ? displayText(n.label) : undefined}
            tr={tr}
            onDismiss={() => setToasts((list) => list.filter((t) => t.id !== n.id))}
            onTriage={(request) => void triage(n.connectionId, request)}
          />
        ))}
      </div>
      {/* An image with a name, not a live region: the toasts already speak up for what is new. */}
      <div
        class={`bell${count > 0 ? ' has-unread' : ''}`}
        data-testid="overlay-bell"
        role="img"
        aria-label={tr.t('overlay.bell', { count })}
      >
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
  /** The connection's label, where the overlay shows every connection. */
  label?: string | undefined;
  tr: Translator;
  onDismiss: () => void;
  onTriage: (request: TriageRequest) => void;
}

export function Toast({ notification, label, tr, onDismiss, onTriage }: ToastProps) {
  const { title, errorCodes } = describeHeadline(notification, tr);
  return (
    <div class="toast" data-testid="overlay-toast" data-notification-id={notification.id}>
      <div class="toast-body">
        <strong class="toast-kind">{tr.t('overlay.critical')}</strong>
        {label && (
          <span class="toast-connection" data-testid="overlay-toast-connection">
            {label}
          </span>
        )}
        <span class="toast-title">{title}</span>
        {errorCodes.map((code) => (
          <span class="toast-code" key={code.code}>
            {tr.t('format.labelled', { label: code.label, value: code.meaning })}
          </span>
        ))}
        <TriageLine notification={notification} tr={tr} now={Date.now()} />
        <TriageActions notification={notification} tr={tr} title={title} onTriage={onTriage} />
      </div>
      <button
        type="button"
        class="dismiss"
        data-testid="overlay-toast-dismiss"
        aria-label={tr.t('overlay.dismiss')}
        onClick={onDismiss}
      >
        ×
      </button>
    </div>
  );
}

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d={
          'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Z' +
          'm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z'
        }
      />
    </svg>
  );
}
